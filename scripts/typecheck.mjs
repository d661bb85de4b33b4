/**
 * `npm run typecheck`: the library, its tests and benches, and the web app, checked by tsc at the
 * same time. Each check is one core's work for 20 to 40 s on a slow machine, and `npm test` waits
 * for both before it runs the tests. Each check's report is printed whole, one after the other, and
 * the exit code is non-zero when either found a problem.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { setPriority } from 'node:os';

// --idle: the checks take only the processor time nothing else wants (`npm test` runs them beside
// the tests, whose browser and server files leave cores waiting).
const idle = process.argv.includes('--idle');

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const CHECKS = [
  ['the library, tests and benches', ['--noEmit']],
  ['the web app', ['--noEmit', '-p', 'web/tsconfig.json']],
];

const check = ([what, args]) =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, [tsc, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    if (idle && child.pid !== undefined)
      try {
        setPriority(child.pid, 19);
      } catch {
        // Not allowed here: the check runs at the usual priority.
      }
    let report = '';
    child.stdout.on('data', (chunk) => {
      report += chunk;
    });
    child.stderr.on('data', (chunk) => {
      report += chunk;
    });
    child.on('error', (error) => resolve({ what, code: 1, report: String(error) }));
    child.on('close', (code) => resolve({ what, code: code ?? 1, report }));
  });

const results = await Promise.all(CHECKS.map(check));
for (const { what, code, report } of results) {
  if (report) process.stdout.write(report.endsWith('\n') ? report : `${report}\n`);
  if (code !== 0) process.stderr.write(`typecheck: ${what} has type errors (exit code ${code})\n`);
}
process.exitCode = results.some((r) => r.code !== 0) ? 1 : 0;
