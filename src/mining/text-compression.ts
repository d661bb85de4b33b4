/**
 * The compression a store's text columns name when they are made: FSST for case ids (many
 * distinct, alike), a dictionary for text of few values (activities, lifecycle, resource, channel,
 * segment). Left to choose, DuckDB tries both on every block of every text column as it writes:
 * named, the insert of a million events of the benches' log took 350 instead of 400 ms (against
 * the 1.4 format's one method, DICT_FSST) and ten million 3.0 instead of 3.4 s, the store within
 * 2% of the size and read as fast. The cost: a case id that recurs over a long journey (20 events
 * a case) is kept by FSST in more room than a dictionary would take it, a store of bpic2012
 * 2.9 → 3.2 MB.
 *
 * Only a store in a format of DuckDB before 1.4 (0.10 to 1.3) has those methods to name: from 1.4
 * on they are read only, replaced by one method that tries both (DICT_FSST), and a store made in
 * that format (as linesight made them until December 2026) names none. A store in memory names
 * none either: DuckDB keeps its tables uncompressed.
 */
import type { DuckDBConnection } from '@duckdb/node-api';

export interface TextCompression {
  /** After a case id's type: `using compression fsst`, or nothing. */
  caseId: string;
  /** After the type of a text of few values: `using compression dictionary`, or nothing. */
  fewValues: string;
}

const NAMED: TextCompression = {
  caseId: 'using compression fsst',
  fewValues: 'using compression dictionary',
};
const NONE: TextCompression = { caseId: '', fewValues: '' };

/** Whether a storage version ("v1.0.0+", as DuckDB tags a database) has FSST and dictionaries to name. */
export function namesTextMethods(version: string | null): boolean {
  const [, major, minor] = /^v(\d+)\.(\d+)/.exec(version ?? '') ?? [];
  if (major === undefined) return false;
  return Number(major) === 0 || (Number(major) === 1 && Number(minor) < 4);
}

/** The compression to name in the store `connection` is on, by the storage version DuckDB tags it with. */
export async function textCompression(connection: DuckDBConnection): Promise<TextCompression> {
  const reader = await connection.runAndReadAll(
    `select map_extract_value(tags, 'storage_version') as version from duckdb_databases()
     where database_name = current_database()`,
  );
  const version = reader.getRowObjectsJS()[0]?.version;
  return namesTextMethods(typeof version === 'string' ? version : null) ? NAMED : NONE;
}
