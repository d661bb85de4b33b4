/**
 * The event store is a single DuckDB file that one process at a time may write. When another
 * process holds it, commands say so plainly (exit 1) and the server answers 503 with a retry hint,
 * instead of passing on DuckDB's lock error as a bug.
 */
export class StoreBusyError extends Error {
  constructor(
    /** The store's file. */
    readonly file: string,
    /** What holds it, as DuckDB names it (e.g. "PID 1234"), when known. */
    readonly holder?: string,
  ) {
    super(`the event store ${file} is in use by another linesight process${holder ? ` (${holder})` : ''}`);
  }

  readonly hint =
    'wait until that process finishes (an import, or linesight serve on this workspace), then try again';
}
