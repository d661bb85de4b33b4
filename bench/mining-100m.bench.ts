/**
 * The embedded store within its memory limit at 100 million events (18 million customers, 33
 * activities; the log of bench/generated-log.ts at ten times mining-10m's size): import into a
 * store on disk, then the directly-follows graph, start/end activities and variants, with DuckDB
 * held to its limit (src/mining/store-memory.ts: 4 GiB on this machine, or
 * `LINESIGHT_DUCKDB_MEMORY`) and spilling to disk beyond it. Prints each part's time, the limit
 * and the peak memory of the process (max RSS, DuckDB included; the log is written by another
 * process) against the limit: DuckDB's limit holds its buffers, not every allocation (at 1e7 events
 * under a 400 MiB limit the process peaked at 0.9 GiB), and the goal is a peak of at most one and a
 * half times the limit.
 *
 * It writes a 4.5 GB CSV and a store of about as much, and takes 15 to 30 minutes on the 2-core
 * machine, so it runs only when asked: `LINESIGHT_BENCH_100M=1 npx vitest bench --run
 * bench/mining-100m.bench.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import { discover, importLog, openStore } from '../src/mining/index.js';
import { limitBytes, memoryLimit } from '../src/mining/store-memory.js';
import { peakResidentBytes } from '../src/testing/peak-memory.js';
import { writeGeneratedLogApart } from './generated-log.js';

const EVENTS = 100_000_000;
const CUSTOMERS = 18_000_000;
const asked = process.env.LINESIGHT_BENCH_100M === '1';
// Each figure is printed as it comes: a run that fails late still shows what it measured.
const note = (line: string) => console.log(line);
const seconds = (t: number) => `${((performance.now() - t) / 1000).toFixed(1)} s`;
const peakGiB = () => peakResidentBytes() / 2 ** 30;

describe.skipIf(!asked)('100 million events on the embedded store, within its memory limit', () => {
  bench(
    'import, then directly-follows graph, start/end activities and variants',
    async () => {
      // Made and removed here: with an afterAll of this describe removing it, each of seven runs
      // left its 4.4 GB log and 1 GB store in the temporary folder.
      const dir = mkdtempSync(join(tmpdir(), 'linesight-100m-'));
      try {
        await measure(dir);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 },
  );
});

/** Writes the log into `dir`, imports it, discovers it, and prints each part's time and the peak memory. */
async function measure(dir: string): Promise<void> {
  const file = join(dir, 'events.csv');
  let t = performance.now();
  writeGeneratedLogApart(file, EVENTS, CUSTOMERS);
  note(`generate: ${seconds(t)}`);
  const limit = memoryLimit();
  const store = await openStore(join(dir, 'events.duckdb'));
  t = performance.now();
  const imported = await importLog(store, file, { log: 'generated', onError: 'fail' });
  if (imported.events !== EVENTS) throw new Error(`imported ${imported.events} events, not ${EVENTS}`);
  note(`import: ${seconds(t)}; peak memory so far ${peakGiB().toFixed(2)} GiB`);
  t = performance.now();
  const d = await discover(store, 'generated', { top: 20 });
  if (d.cases !== CUSTOMERS || d.variants.length !== 20) throw new Error('discovery is incomplete');
  note(`discover: ${seconds(t)} (${d.dfg.length} edges, ${d.variants.length + d.moreVariants} variants)`);
  store.close();
  const times = peakGiB() / (limitBytes(limit) / 2 ** 30);
  note(
    `DuckDB's memory limit ${limit}; peak memory of the process (max RSS) ${peakGiB().toFixed(2)} GiB, ${times.toFixed(2)} times the limit (goal: at most 1.5)`,
  );
}
