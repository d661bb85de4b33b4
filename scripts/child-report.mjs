/**
 * Runs a Node script as a child and resolves with its exit code and, when captured, everything it
 * wrote (stdout and stderr in the order they came), so that `npm test` and `npm run typecheck` can
 * print a check's report whole after other output. Never rejects: a child that cannot start
 * resolves with code 1 and the reason as its report.
 */
import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';

/**
 * @param {string[]} args Node's arguments: the script and its own.
 * @param {{ capture?: boolean, niceness?: number }} [options] capture: gather the output rather
 *   than pass it through; niceness: lower the child's priority (19 takes only idle processor time).
 * @returns {Promise<{ code: number, report: string }>}
 */
export const runChild = (args, { capture = false, niceness } = {}) =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      stdio: ['ignore', capture ? 'pipe' : 'inherit', capture ? 'pipe' : 'inherit'],
    });
    if (niceness !== undefined && child.pid !== undefined)
      try {
        setPriority(child.pid, niceness);
      } catch {
        // Not allowed here: the child runs at the usual priority.
      }
    let report = '';
    const gather = (chunk) => {
      report += chunk;
    };
    child.stdout?.on('data', gather);
    child.stderr?.on('data', gather);
    child.on('error', (error) => resolve({ code: 1, report: String(error) }));
    child.on('close', (code) => resolve({ code: code ?? 1, report }));
  });
