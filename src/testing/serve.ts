/**
 * `linesight serve` as users start it, in its own Node process from the built CLI (`npm run build`),
 * on a free port: for the browser tests and the cold-start benchmark.
 */
import { type ChildProcess, spawn } from 'node:child_process';

// The command line's bundle, which bin/linesight.js loads (scripts/bundle-cli.mjs).
const CLI = new URL('../../dist/cli-bundle/main.js', import.meta.url).pathname;

export interface Served {
  base: string;
  process: ChildProcess;
  /** The loopback address with `?token=` that serve prints when it needs a token. */
  link?: string;
}

export function serve(workspace: string, args: string[] = []): Promise<Served> {
  const child = spawn(process.execPath, [CLI, 'serve', workspace, '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise<Served>((found, failed) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /at (http:\/\/\S+?)\/\n/.exec(out);
      if (!url?.[1]) return;
      // Off loopback, serve prints its links with the token on the next lines.
      const link = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out)?.[1];
      if (args.includes('--host') && !/Authorization: Bearer/.test(out)) return;
      found({ base: url[1], process: child, ...(link ? { link } : {}) });
    });
    child.once('exit', (code) => failed(new Error(`linesight serve exited with ${code}: ${out}`)));
  });
}
