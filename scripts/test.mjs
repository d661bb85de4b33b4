/**
 * `npm test`: the type checks (scripts/typecheck.mjs) and vitest at the same time, the checks at
 * the lowest priority, so that they use the cores the tests leave idle while they wait on browsers,
 * servers and child processes. Run one after the other, the checks took 30 to 50 s of CI's 15
 * minutes before the first test began. Vitest's output comes as it runs and the checks' report
 * after it. The exit code is non-zero when either failed. Arguments go to vitest
 * (`npm test -- src/mining`).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { runChild } from './child-report.mjs';

// vitest's command, as npm's .bin link names it (the package exports no path to it).
const require = createRequire(import.meta.url);
const vitestPackage = require.resolve('vitest/package.json');
const vitest = join(dirname(vitestPackage), require(vitestPackage).bin.vitest);

const [checks, tests] = await Promise.all([
  runChild([new URL('typecheck.mjs', import.meta.url).pathname, '--idle'], { capture: true }),
  runChild([vitest, 'run', ...process.argv.slice(2)]),
]);
process.stdout.write(
  `\n== type checks (npm run typecheck)\n${checks.report || (checks.code === 0 ? 'no type errors\n' : '')}`,
);
if (checks.code !== 0) process.stderr.write('npm test: the type checks failed\n');
if (tests.code !== 0) process.stderr.write('npm test: the tests failed\n');
process.exitCode = checks.code !== 0 || tests.code !== 0 ? 1 : 0;
