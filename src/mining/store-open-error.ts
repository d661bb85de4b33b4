/**
 * An event store that cannot be opened as asked: there is none yet where a command reads one, or
 * the file is no store DuckDB can read. A store another process holds is a StoreBusyError.
 */
export class StoreOpenError extends Error {
  constructor(
    message: string,
    readonly hint: string,
    /** True when there is no store at all: nothing has been imported there yet. */
    readonly missing: boolean,
  ) {
    super(message);
  }
}
