/**
 * The event store on DuckDB and on a local two-shard ClickHouse cluster (both on this machine: this
 * measures the cluster's overhead, not a speed-up): a generated CSV log of 10 million events (1.8
 * million customers, 33 activities; `LINESIGHT_BENCH_EVENTS=1000000` for a quick run at a tenth)
 * imported, then its directly-follows graph, start/end activities and variants. The cluster is
 * started with scripts/clickhouse.sh and stopped after; without clickhouse-server installed, only
 * DuckDB runs. Times and this process's peak memory (DuckDB's; ClickHouse's servers are other
 * processes) are printed at the end.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, bench, describe } from 'vitest';
import { openLogStore } from '../src/mining/index.js';
import { clickHouseInstalled, startLocalCluster } from '../src/testing/clickhouse-cluster.js';
import { peakResidentBytes } from '../src/testing/peak-memory.js';
import { writeGeneratedLog } from './generated-log.js';

const EVENTS = Number(process.env.LINESIGHT_BENCH_EVENTS ?? 10_000_000);
const CUSTOMERS = Math.round(EVENTS * 0.18);
const dir = mkdtempSync(join(tmpdir(), 'linesight-engines-'));
const file = join(dir, 'events.csv');

await writeGeneratedLog(file, EVENTS, CUSTOMERS);

const cluster = clickHouseInstalled() ? await startLocalCluster() : undefined;
const parts: string[] = [];
afterAll(() => {
  cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
  console.log(parts.join('\n'));
  console.log(`peak memory of this process (max RSS): ${(peakResidentBytes() / 2 ** 30).toFixed(2)} GB`);
});

/** A store of its own for each run (the bench may run a function more than once). */
let runs = 0;

async function importAndDiscover(name: string, address: (run: number) => string): Promise<void> {
  const store = await openLogStore(address(++runs), 'create');
  let t = performance.now();
  const imported = await store.importLog(file, { log: 'generated', onError: 'fail' });
  if (imported.events !== EVENTS) throw new Error(`imported ${imported.events} events, not ${EVENTS}`);
  parts.push(`${name}: import ${((performance.now() - t) / 1000).toFixed(2)} s`);
  t = performance.now();
  const d = await store.discover('generated', { top: 20 });
  if (d.cases !== CUSTOMERS || d.variants.length !== 20) throw new Error('discovery is incomplete');
  parts.push(
    `${name}: discover ${((performance.now() - t) / 1000).toFixed(2)} s (${d.dfg.length} edges, ${d.variants.length + d.moreVariants} variants)`,
  );
  await store.close();
}

describe(`${EVENTS.toLocaleString('en')} events on DuckDB and on two ClickHouse shards`, () => {
  const once = { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 };
  bench(
    'DuckDB: import, then discover',
    () => importAndDiscover('DuckDB', (run) => join(dir, `events-${run}.duckdb`)),
    once,
  );
  bench.skipIf(!cluster)(
    'two ClickHouse shards: import, then discover',
    () => importAndDiscover('two ClickHouse shards', (run) => cluster?.cluster(`bench_${run}`) ?? ''),
    once,
  );
});
