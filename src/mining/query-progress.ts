/**
 * Progress of a long DuckDB statement, for a progress bar: DuckDB counts the rows it has
 * processed while the statement runs on its own thread, so a timer can read them.
 */
import type { DuckDBConnection } from '@duckdb/node-api';

export async function withQueryProgress<T>(
  connection: DuckDBConnection,
  onProgress: ((fraction: number) => void) | undefined,
  run: () => Promise<T>,
): Promise<T> {
  if (!onProgress) return run();
  await connection.run('set enable_progress_bar = true');
  await connection.run('set enable_progress_bar_print = false');
  const timer = setInterval(() => {
    const { percentage } = connection.progress;
    if (percentage >= 0) onProgress(Math.min(1, percentage / 100));
  }, 200);
  try {
    return await run();
  } finally {
    clearInterval(timer);
  }
}
