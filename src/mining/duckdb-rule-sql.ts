/** The contact rule (contact-rule.ts) and the events' attributes as DuckDB SQL. */
import {
  type ContactRule,
  type ContactRuleSql,
  contactRuleSql,
  isColumn,
  type RuleDialect,
} from './contact-rule.js';
import { quoteLiteral as literal, quoteIdentifier } from './sql-text.js';

/** A column of the events table, or an attribute read from the JSON. */
export const fieldSql = (name: string) =>
  isColumn(name)
    ? quoteIdentifier(name)
    : `json_extract_string(attributes, ${literal(`$."${name.replace(/"/g, '\\"')}"`)})`;

const DUCKDB: RuleDialect = {
  literal,
  field: fieldSql,
  lowerMatches: (expr, pattern) => `regexp_matches(lower(coalesce(${expr}, '')), ${literal(pattern)})`,
  trimmedLower: (expr) => `lower(trim(${expr}))`,
  firstOf: (cases, otherwise) =>
    `case ${cases.map(([c, v]) => `when ${c} then ${v}`).join(' ')} else ${otherwise} end`,
  true: 'true',
  false: 'false',
};

export const duckDbRuleSql = (rule: ContactRule): ContactRuleSql => contactRuleSql(rule, DUCKDB);
