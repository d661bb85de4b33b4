/**
 * An output named like one of the command's inputs would replace it: `analyze m.yaml -o m.yaml`
 * turned the model into its report, with nothing to say so. Refused before any work is done.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from './io.js';

/** The same file: one path, or two names (a link) of one file. */
function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  try {
    const [x, y] = [statSync(a), statSync(b)];
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/** Throws when `output` (given with `option`) is one of `inputs`. */
export function refuseOutputOverInput(
  output: string | undefined,
  inputs: readonly (string | undefined)[],
  option = '-o',
): void {
  if (output === undefined) return;
  const input = inputs.find((i) => i !== undefined && sameFile(output, i));
  if (input !== undefined)
    throw new UsageError(
      `${option} ${output} is ${input === output ? 'the file' : `${input}, the file`} this command reads; writing there would replace it: name another file for the output`,
    );
}
