/** The command line run in-process, as the tests meet it: exit code, standard output and error. */
import type { Io } from '../cli/io.js';
import { run } from '../cli/program.js';

export async function linesight(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    out: (t) => {
      stdout += t;
    },
    err: (t) => {
      stderr += t;
    },
    color: false,
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}
