/** The command as a process: what a shell user sees when a pipe closes early. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));

/**
 * Runs linesight with its output going to a reader that has already stopped reading, as `head`
 * has by the time a long output reaches it.
 */
function runIntoClosedPipe(...argv: string[]) {
  return new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...argv], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk;
    });
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('linesight in a pipe', () => {
  it('ends quietly when the reader closes the pipe early (linesight schema | head -c 100)', async () => {
    const { code, stderr } = await runIntoClosedPipe('schema');
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('ends quietly when a diagram is cut short (linesight render ... | head)', async () => {
    const model = fileURLToPath(new URL('../../examples/order-departments.yaml', import.meta.url));
    const { code, stderr } = await runIntoClosedPipe('render', model, '--view', 'blueprint');
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
