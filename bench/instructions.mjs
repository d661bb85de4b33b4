/**
 * Instructions per simulated customer, counted by valgrind: the measure to compare two builds of
 * the simulator by on a machine whose speed wanders (here the same build's customers per second
 * moved by a third from one process to the next, and the bare loop's by as much).
 *
 *   node bench/instructions.mjs [--engine-only] [model] [customers]    (valgrind must be installed)
 *
 * <model> is `mmc:<lambda/min>:<mu/min>:<c>` (examples/mmc.yaml with those rates; the default is
 * M/M/1 at 0.8, mmc:0.8:1:1) or an example's file name; <customers> a replication's (200,000 by
 * default). The built engine (dist/) runs three whole replications in one process, and five in
 * another, each under valgrind with compilation on the main thread; the difference over the two
 * replications' customers is what a customer costs once every function is compiled, with start,
 * model compilation and the first replication's warm-up left out. The count still moves from run
 * to run, likely by what V8 compiles again within those two replications (with compilation on the
 * main thread its instructions are counted): M/M/1 by about 1% (2,714 to 2,754 in four runs),
 * order-departments by 3% (9,306 to 9,936 in four runs of 100,000-customer replications), against
 * a quarter for the earlier version of this tool, which took the difference within one
 * replication. So compare builds by several runs each, or by larger replications, and trust a
 * difference only beyond that spread. The bare M/M/c loop (bench/bare-mmc.ts, the simulator's
 * yardstick) is counted the same way beside it on the queue models.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { engineScript } from './engine-script.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
// --engine-only leaves the bare loop out: half the time, for comparing two builds of the engine.
const engineOnly = process.argv.includes('--engine-only');
const [model = 'mmc:0.8:1:1', customersArg = '200000'] = process.argv
  .slice(2)
  .filter((a) => a !== '--engine-only');
const customers = Number(customersArg);

const ENGINE = engineScript(root);
/** The same for the bare loop: `reps` runs of `n` customers. */
const BARE = `
const [spec, n, reps] = process.argv.slice(1);
const [lambda, mu, c] = spec.slice(4).split(':').map(Number);
const { bareMmc } = await import('${root}bench/bare-mmc.ts');
let served = 0;
for (let r = 0; r < Number(reps); r++) served += bareMmc(lambda, mu, c, Number(n), r + 1).customers;
process.stdout.write(String(served));
`;

/** Instructions valgrind counts for `reps` runs of the script, and the customers they simulated. */
function count(script, reps, loader) {
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
      model,
      String(customers),
      String(reps),
    ],
    { encoding: 'utf8', cwd: root },
  );
  if (run.error?.code === 'ENOENT') {
    process.stderr.write('valgrind is not installed: apt-get install -y valgrind\n');
    process.exit(1);
  }
  const refs = /I\s+refs:\s+([\d,]+)/.exec(run.stderr ?? '');
  if (run.status !== 0 || !refs) throw new Error(`valgrind failed: ${run.stderr?.slice(-2000)}`);
  return { instructions: Number(refs[1].replaceAll(',', '')), customers: Number(run.stdout) };
}

function perCustomer(label, script, loader = []) {
  const three = count(script, 3, loader);
  const five = count(script, 5, loader);
  const each = (five.instructions - three.instructions) / (five.customers - three.customers);
  process.stdout.write(`${label}: ${Math.round(each).toLocaleString('en')} instructions per customer\n`);
}

perCustomer(`${model} (dist/)`, ENGINE);
if (model.startsWith('mmc:') && !engineOnly)
  perCustomer('bare M/M/c loop (bench/bare-mmc.ts)', BARE, ['--import', 'tsx']);
