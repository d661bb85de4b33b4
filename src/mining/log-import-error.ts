/** A log that cannot be imported as given: what is wrong (with file and line where known) and how to fix it. */
export class LogImportError extends Error {
  constructor(
    message: string,
    readonly hint: string,
    /**
     * When the fix is naming a CSV column: the role it plays and the file's columns, so that each
     * way in says how in its own terms (the CLI's --case, the API's case=, the data page's picker).
     */
    readonly column?: { role: string; columns: string[] },
  ) {
    super(message);
  }
}
