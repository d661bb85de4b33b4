/**
 * A cold `linesight serve examples` (target: its first page within 2 seconds): a new Node process
 * from the built CLI, timed from spawn until `/` and the model list have answered. Needs `npm run
 * build` (npm ci runs it). Run with `npm run bench`.
 */
import { spawn } from 'node:child_process';
import { bench, describe } from 'vitest';

const CLI = new URL('../dist/cli/main.js', import.meta.url).pathname;
const EXAMPLES = new URL('../examples', import.meta.url).pathname;

async function coldServe(): Promise<void> {
  const server = spawn(process.execPath, [CLI, 'serve', EXAMPLES, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const base = await new Promise<string>((found, failed) => {
      let out = '';
      server.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const url = /at (http:\/\/\S+?)\/\n/.exec(out);
        if (url?.[1]) found(url[1]);
      });
      server.once('exit', (code) => failed(new Error(`linesight serve exited with ${code}: ${out}`)));
    });
    for (const path of ['/', '/api/models']) {
      const response = await fetch(`${base}${path}`);
      if (!response.ok) throw new Error(`${path} answered ${response.status}`);
      await response.text();
    }
  } finally {
    server.kill('SIGTERM');
  }
}

describe('cold serve', () => {
  bench('spawn linesight serve examples, then GET / and /api/models', coldServe, { iterations: 5, time: 0 });
});
