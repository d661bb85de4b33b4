/**
 * Mining at scale: a generated CSV log of 10 million events (1.8 million customers, 33 activities)
 * imported into a store on disk, as `linesight log import` does (duplicates checked), then its
 * directly-follows graph, start/end activities and variants (all counted, the top 20 returned, as
 * `linesight log discover` and the API do). Goal: under 20 s and 2.5 GB on the 2-core machine. The
 * log is written once by DuckDB before timing; the time of each part and the peak memory (max RSS
 * of this process, DuckDB included) are printed at the end. Journey analytics on the same store
 * are timed after it. Run with `npm run bench`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, bench, describe } from 'vitest';
import { discover, importLog, journeyAnalytics, openStore } from '../src/mining/index.js';
import { peakResidentBytes } from '../src/testing/peak-memory.js';
import { writeGeneratedLog } from './generated-log.js';

const EVENTS = 10_000_000;
const CUSTOMERS = 1_800_000;
const dir = mkdtempSync(join(tmpdir(), 'linesight-10m-'));
const file = join(dir, 'events.csv');

await writeGeneratedLog(file, EVENTS, CUSTOMERS);

const parts: string[] = [];
const gigabytes = () => (peakResidentBytes() / 2 ** 30).toFixed(2);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  console.log(parts.join('\n'));
  console.log(`peak memory with journey analytics (max RSS): ${gigabytes()} GB`);
});

describe('mining 10 million events', () => {
  bench(
    'import the CSV into a store on disk, then directly-follows graph, start/end activities and variants',
    async () => {
      const path = join(dir, 'events.duckdb');
      rmSync(path, { force: true });
      const store = await openStore(path);
      let t = performance.now();
      const imported = await importLog(store, file, { log: 'generated', onError: 'fail' });
      if (imported.events !== EVENTS) throw new Error(`imported ${imported.events} events, not ${EVENTS}`);
      parts.push(`import: ${((performance.now() - t) / 1000).toFixed(2)} s`);
      t = performance.now();
      const d = await discover(store, 'generated', { top: 20 });
      if (d.cases !== CUSTOMERS || d.variants.length !== 20) throw new Error('discovery is incomplete');
      parts.push(
        `discover: ${((performance.now() - t) / 1000).toFixed(2)} s (${d.dfg.length} edges, ${d.variants.length + d.moreVariants} variants)`,
        `peak memory so far (max RSS): ${gigabytes()} GB`,
      );
      store.close();
    },
    { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 },
  );
  bench(
    'journey analytics on the same store: channel switching, repeats, call drivers (every event a contact)',
    async () => {
      const store = await openStore(join(dir, 'events.duckdb'));
      const t = performance.now();
      const j = await journeyAnalytics(store, 'generated');
      if (j.repeats.length === 0) throw new Error('no repeats');
      parts.push(`journeys: ${((performance.now() - t) / 1000).toFixed(2)} s (${j.drivers.length} drivers)`);
      store.close();
    },
    { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 },
  );
});
