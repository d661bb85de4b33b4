/** Names and texts written into SQL: quoted, so that a column or activity name is never code. */

/** A SQL identifier, quoted. */
export const quoteIdentifier = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/** A SQL string literal. */
export const quoteLiteral = (text: string) => `'${text.replace(/'/g, "''")}'`;
