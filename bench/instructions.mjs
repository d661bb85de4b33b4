/**
 * Instructions per simulated customer, counted by valgrind (callgrind): the measure to compare
 * two versions of the engine by on a machine whose speed wanders. On this 2-core machine timings
 * of one build vary by 10-20% from run to run, while the count varies by about 1% on M/M/c (more
 * on order-departments, whose many events per customer give the compiler more ways to go).
 *
 *   node bench/instructions.mjs [mmc.yaml|order-departments.yaml|...]   (valgrind must be installed)
 *
 * The built engine (dist/) runs one replication of n customers and one of 2n, each in a process of
 * its own under valgrind with compilation on the main thread (so that the count does not depend on
 * when a compiler thread finished); the difference over n is what one more customer costs once the
 * engine is compiled and warm. The bare M/M/c loop (bench/bare-mmc.ts, the simulator's yardstick)
 * is counted the same way beside it.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const model = process.argv[2] ?? 'mmc.yaml';

const ENGINE = `
const [n, name] = process.argv.slice(1);
const { load } = await import('${root}dist/model/load.js');
const { compileModel } = await import('${root}dist/simulation/compile.js');
const { runReplication } = await import('${root}dist/simulation/replication.js');
const m = load('${root}examples/' + name).model;
const perSecond = m.segments.reduce((sum, s) => sum + (s.arrivals?.rate ?? 0), 0);
runReplication(compileModel(m), { seed: 1, replication: 0, horizon: Math.round(Number(n) / perSecond) + 86400, warmup: 86400 });
`;
const BARE = `
const [n] = process.argv.slice(1);
const { bareMmc } = await import('${root}bench/bare-mmc.ts');
bareMmc(100 / 60, 12 / 60, 10, Number(n));
`;

/** Instructions valgrind counts for the script at `n` customers. */
function count(script, n, loader) {
  const run = spawnSync(
    'valgrind',
    [
      '--tool=callgrind',
      '--callgrind-out-file=/dev/null',
      'node',
      '--no-concurrent-recompilation',
      ...loader,
      '--input-type=module',
      '-e',
      script,
      String(n),
      model,
    ],
    { encoding: 'utf8', cwd: root },
  );
  if (run.error?.code === 'ENOENT') {
    process.stderr.write('valgrind is not installed: apt-get install -y valgrind\n');
    process.exit(1);
  }
  const refs = /I\s+refs:\s+([\d,]+)/.exec(run.stderr ?? '');
  if (run.status !== 0 || !refs) throw new Error(`valgrind failed: ${run.stderr?.slice(-2000)}`);
  return Number(refs[1].replaceAll(',', ''));
}

function perCustomer(label, script, n, loader = []) {
  const a = count(script, n, loader);
  const b = count(script, 2 * n, loader);
  process.stdout.write(
    `${label}: ${Math.round((b - a) / n).toLocaleString('en')} instructions per customer\n`,
  );
}

// Enough customers for the engine to be compiled well before the first n are through.
const n = model === 'mmc.yaml' ? 100_000 : 50_000;
perCustomer(`${model} (dist/)`, ENGINE, n);
perCustomer('bare M/M/c loop (bench/bare-mmc.ts)', BARE, 100_000, ['--import', 'tsx']);
