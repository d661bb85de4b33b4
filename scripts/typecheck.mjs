/**
 * `npm run typecheck`: the library, its tests and benches, and the web app, checked by tsc at the
 * same time. Each check is one core's work for 20 to 40 s on a slow machine; `npm test` runs this
 * with --idle beside vitest. Each check's report is printed whole, one after the other, and the
 * exit code is non-zero when either found a problem.
 */
import { createRequire } from 'node:module';
import { runChild } from './child-report.mjs';

// --idle: the checks take only the processor time nothing else wants (`npm test` runs them beside
// the tests, whose browser and server files leave cores waiting).
const idle = process.argv.includes('--idle');

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const CHECKS = [
  ['the library, tests and benches', ['--noEmit']],
  ['the web app', ['--noEmit', '-p', 'web/tsconfig.json']],
];

const check = async ([what, args]) => ({
  what,
  ...(await runChild([tsc, ...args], { capture: true, niceness: idle ? 19 : undefined })),
});

const results = await Promise.all(CHECKS.map(check));
for (const { what, code, report } of results) {
  if (report) process.stdout.write(report.endsWith('\n') ? report : `${report}\n`);
  if (code !== 0) process.stderr.write(`typecheck: ${what} has type errors (exit code ${code})\n`);
}
process.exitCode = results.some((r) => r.code !== 0) ? 1 : 0;
