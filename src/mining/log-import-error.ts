/** A log that cannot be imported as given: what is wrong (with file and line where known) and how to fix it. */
export class LogImportError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}
