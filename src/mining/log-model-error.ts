/** A log no journey model can be discovered from as it is: what is wrong with it and what to do. */
export class LogModelError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}
