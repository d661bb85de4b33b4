/** One error type for the API: a status, a message a person can act on, and what to do about it. */
export class HttpError extends Error {
  /** Headers the answer carries (Retry-After for a busy server). */
  headers: Record<string, string> = {};

  constructor(
    readonly status: number,
    message: string,
    readonly hint?: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  with(headers: Record<string, string>): this {
    Object.assign(this.headers, headers);
    return this;
  }
}
