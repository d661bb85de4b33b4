/**
 * The CLI's `log import` + `log discover` against the floor it is held to (issue 19: at most 1.1
 * times): hand-written DuckDB SQL over the same CSV, by someone who needs only the answers, with
 * none of linesight's checks (bad rows, time offsets, duplicates, all-or-nothing) and customers and
 * activities coded as integers and sorted once. Both as whole processes, the CLI through
 * `bin/linesight.js` (built first when dist/ is older than src/), the yardstick as one Node process
 * with DuckDB, at 1 and 10 million events of bench/generated-log.ts; three rounds, interleaved,
 * medians printed with the ratio.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, bench, describe } from 'vitest';
import { BUILT_CLI, ensureBuiltCli } from '../src/testing/built-cli.js';
import { writeGeneratedLog } from './generated-log.js';

const root = new URL('..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'linesight-yardstick-'));
const figures: string[] = [];
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  console.log(figures.join('\n'));
});

/** The floor: the same answers as discover (edges with counts and times, starts, ends, variants). */
const YARDSTICK = `
import { DuckDBInstance } from '@duckdb/node-api';
const [file, db] = process.argv.slice(2);
const c = await (await DuckDBInstance.create(db)).connect();
await c.run(\`create table raw as select * from read_csv('\${file}', header = true)\`);
await c.run(\`create table ev as
  select dense_rank() over (order by case_id) as c, dense_rank() over (order by activity) as a,
    epoch_us(timestamp) as t
  from raw order by c, t\`);
await c.run(\`create table acts as select distinct dense_rank() over (order by activity) as a, activity from raw\`);
await c.run(\`create table dfg as
  select a, b, count(*) as n, avg(d), median(d), quantile_cont(d, 0.9), min(d), max(d)
  from (select a, lead(a) over w as b, (lead(t) over w - t) / 1e6 as d from ev window w as (partition by c order by t))
  where b is not null group by a, b\`);
await c.run(\`create table variants as
  select v, count(*) as n from (select c, list(a order by t) as v from ev group by c) group by v order by n desc\`);
const starts = await c.runAndReadAll(\`select a, count(*) from (select c, arg_min(a, t) as a from ev group by c) group by a\`);
const ends = await c.runAndReadAll(\`select a, count(*) from (select c, arg_max(a, t) as a from ev group by c) group by a\`);
const top = await c.runAndReadAll('select * from variants limit 20');
process.stdout.write(String(top.getRows().length + starts.getRows().length + ends.getRows().length));
`;

function timed(command: string, args: string[], cwd: string): number {
  const t = performance.now();
  const run = spawnSync(command, args, { cwd, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${run.stderr}`);
  return (performance.now() - t) / 1000;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function compare(events: number): Promise<void> {
  const file = join(dir, `events-${events}.csv`);
  await writeGeneratedLog(file, events, Math.round(events * 0.18));
  const script = join(root, 'bench', `.yardstick-${process.pid}.mjs`);
  writeFileSync(script, YARDSTICK);
  const ours: number[] = [];
  const floor: number[] = [];
  try {
    for (let round = 0; round < 3; round++) {
      const work = mkdtempSync(join(dir, 'round-'));
      ours.push(
        timed('node', [BUILT_CLI, 'log', 'import', file, '--log', 'generated'], work) +
          timed('node', [BUILT_CLI, 'log', 'discover', '--log', 'generated', '--json'], work),
      );
      floor.push(timed('node', [script, file, join(work, 'yardstick.duckdb')], work));
      rmSync(work, { recursive: true, force: true });
    }
  } finally {
    rmSync(script, { force: true });
    rmSync(file, { force: true });
  }
  const [a, b] = [median(ours), median(floor)];
  figures.push(
    `${events.toLocaleString('en')} events: CLI import + discover ${a.toFixed(2)} s, hand-written SQL ${b.toFixed(2)} s, ratio ${(a / b).toFixed(2)} (goal at most 1.1)`,
  );
}

ensureBuiltCli();
describe('mining against its yardstick (whole processes, medians of 3 interleaved rounds)', () => {
  const once = { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 };
  bench('1 million events: CLI import + discover, and hand-written SQL', () => compare(1_000_000), once);
  bench('10 million events: CLI import + discover, and hand-written SQL', () => compare(10_000_000), once);
});
