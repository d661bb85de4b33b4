import type { DuckDBConnection } from '@duckdb/node-api';

/**
 * Runs `write` as one transaction: all of it reaches the store or none of it, whatever stops it
 * (an error, a kill, a power cut). An import runs it within a write turn (inWriteTurn).
 */
export async function inTransaction<T>(connection: DuckDBConnection, write: () => Promise<T>): Promise<T> {
  await connection.run('begin transaction');
  let result: T;
  try {
    result = await write();
  } catch (error) {
    // The write's error is the one to tell; a rollback that fails leaves nothing committed all the same.
    await connection.run('rollback').catch(() => undefined);
    throw error;
  }
  // A commit that fails rolls back by itself.
  await connection.run('commit');
  return result;
}
