/**
 * `linesight serve` as users start it, in its own Node process from the built CLI (`npm run build`),
 * on a free port: for the browser tests and the cold-start benchmark.
 */
import { type ChildProcess, spawn } from 'node:child_process';

const CLI = new URL('../../dist/cli/main.js', import.meta.url).pathname;

export interface Served {
  base: string;
  process: ChildProcess;
}

export function serve(workspace: string): Promise<Served> {
  const child = spawn(process.execPath, [CLI, 'serve', workspace, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise<Served>((found, failed) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /at (http:\/\/\S+?)\/\n/.exec(out);
      if (url?.[1]) found({ base: url[1], process: child });
    });
    child.once('exit', (code) => failed(new Error(`linesight serve exited with ${code}: ${out}`)));
  });
}
