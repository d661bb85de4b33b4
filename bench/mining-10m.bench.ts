/**
 * Mining at scale: a generated CSV log of 10 million events (1.8 million customers, 33 activities)
 * imported, then its directly-follows graph, start/end activities and variants. Goal: under 20 s and
 * 2.5 GB on the 2-core machine. The log is written once by DuckDB before timing; peak memory
 * (max RSS of this process, DuckDB included) is printed at the end. Run with `npm run bench`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, bench, describe } from 'vitest';
import { discover, importCsv, openStore } from '../src/mining/index.js';

const EVENTS = 10_000_000;
const CUSTOMERS = 1_800_000;
const dir = mkdtempSync(join(tmpdir(), 'linesight-10m-'));
const file = join(dir, 'events.csv');

// Event i belongs to customer i mod 1.8M; a customer's k-th event is k hours (plus jitter) after
// the start, so each journey is in time order; activities are spread by a hash over 33 names.
const generator = await openStore(':memory:');
await generator.connection.run(`copy (
  select 'C' || (i % ${CUSTOMERS}) as case_id,
    'Activity ' || lpad(cast(hash(i) % 33 as varchar), 2, '0') as activity,
    timestamptz '2024-01-01 00:00:00+00' + to_seconds(cast((i // ${CUSTOMERS}) * 3600 + hash(i * 7) % 3000 as bigint)) as timestamp
  from range(${EVENTS}) t(i)) to '${file}' (header, delimiter ',')`);
generator.close();

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  console.log(`peak memory (max RSS): ${(process.resourceUsage().maxRSS / 1024 / 1024).toFixed(2)} GB`);
});

describe('mining 10 million events', () => {
  bench(
    'import the CSV, then directly-follows graph, start/end activities and variants',
    async () => {
      const store = await openStore(':memory:');
      const imported = await importCsv(store, file, 'generated', { onError: 'fail' });
      if (imported.events !== EVENTS) throw new Error(`imported ${imported.events} events, not ${EVENTS}`);
      const d = await discover(store, 'generated');
      if (d.variants.length === 0) throw new Error('no variants');
      store.close();
    },
    { iterations: 1, time: 0, warmupIterations: 0 },
  );
});
