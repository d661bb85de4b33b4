/** Where a command writes: the real terminal in `main`, buffers in tests. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Colours and progress bars only when a person is watching. */
  color: boolean;
}

export const processIo = (): Io => ({
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
});

/** A command line the user got wrong: exit code 2, with a message and no stack trace. */
export class UsageError extends Error {}

/** Input the user gave that cannot be used (a file that exists, a folder not empty): exit code 1. */
export class InputError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}
