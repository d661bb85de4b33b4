/**
 * The event store on DuckDB and on a local two-shard ClickHouse cluster (both on this machine: this
 * measures the cluster's overhead, not a speed-up): a generated CSV log of 1 million events
 * (180,000 customers, 33 activities) imported, then its directly-follows graph, start/end
 * activities and variants. The cluster is started with scripts/clickhouse.sh and stopped after;
 * without clickhouse-server installed, only DuckDB runs. Times are printed at the end.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, bench, describe } from 'vitest';
import { openLogStore, openStore } from '../src/mining/index.js';
import { clickHouseInstalled, startLocalCluster } from '../src/testing/clickhouse-cluster.js';

const EVENTS = 1_000_000;
const CUSTOMERS = 180_000;
const dir = mkdtempSync(join(tmpdir(), 'linesight-ch-1m-'));
const file = join(dir, 'events.csv');

// As bench/mining-10m.bench.ts makes its log, at a tenth of the size.
const generator = await openStore(':memory:');
await generator.connection.run(`copy (
  select 'C' || (i % ${CUSTOMERS}) as case_id,
    'Activity ' || lpad(cast(hash(i) % 33 as varchar), 2, '0') as activity,
    timestamptz '2024-01-01 00:00:00+00' + to_seconds(cast((i // ${CUSTOMERS}) * 3600 + hash(i * 7) % 3000 as bigint)) as timestamp
  from range(${EVENTS}) t(i)) to '${file}' (header, delimiter ',')`);
generator.close();

const cluster = clickHouseInstalled() ? await startLocalCluster() : undefined;
const parts: string[] = [];
afterAll(() => {
  cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
  console.log(parts.join('\n'));
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

describe('1 million events on DuckDB and on two ClickHouse shards', () => {
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
