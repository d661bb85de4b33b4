/**
 * Where the simulator's time goes: runs `simulate` with one worker on an example under the V8
 * profiler, in this process, and prints the functions with the most self time.
 *
 *   node --import tsx bench/profile-simulate.ts [mmc.yaml|order-departments.yaml] [customers]
 */
import { Session } from 'node:inspector/promises';
import { load } from '../src/model/load.js';
import { simulate } from '../src/simulation/index.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const name = process.argv[2] ?? 'mmc.yaml';
const customers = Number(process.argv[3] ?? 2_000_000);
const model = load(new URL(`../examples/${name}`, import.meta.url).pathname).model;
if (!model) throw new Error(`examples/${name} must load`);
const perSecond = model.segments.reduce((sum, s) => sum + (s.arrivals?.rate ?? 0), 0);
const replications = 2;
const horizon = Math.round(customers / replications / perSecond) + 86400;

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.start');
const started = performance.now();
const result = await simulate(model, { replications, horizon, warmup: 86400, seed: 1, workers: 1 });
const seconds = (performance.now() - started) / 1000;
const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: Profile };

const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const frame = byNode.get(id)?.callFrame;
  const file = frame?.url.split('/').pop() ?? '';
  const label = `${frame?.functionName || '(anonymous)'} ${file}:${(frame?.lineNumber ?? 0) + 1}`;
  const dt = profile.timeDeltas[i] ?? 0;
  self.set(label, (self.get(label) ?? 0) + dt);
  total += dt;
});
process.stdout.write(
  `${name}: ${result.work.customers.toLocaleString('en')} customers in ${seconds.toFixed(2)} s (${Math.round(result.work.customers / seconds).toLocaleString('en')} customers/s)\n`,
);
for (const [label, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 20))
  process.stdout.write(`${((100 * us) / total).toFixed(1).padStart(5)} %  ${label}\n`);
