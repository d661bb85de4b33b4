/**
 * The CLI's `log import` + `log discover` against the floor it is held to (issue 19: at most 1.1
 * times): hand-written DuckDB SQL over the same CSV, by someone who needs only the answers, with
 * none of linesight's checks (bad rows, time offsets, duplicates, all-or-nothing): activities
 * coded as integers, events sorted once into steps, the graph, starts, ends and top variants read off
 * them. Both as whole processes, the CLI through
 * `bin/linesight.js` (built first when dist/ is older than src/), the yardstick as one Node process
 * with DuckDB, at 1 and 10 million events of bench/generated-log.ts; five rounds, interleaved,
 * medians printed with the ratio (three let one slow round move the median by a fifth: the 1e6
 * rounds' ratios spread from 0.96 to 1.32 in one run).
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
await c.run(\`create table ev as
  select case_id, activity, epoch_us(timestamp) as t from read_csv('\${file}', header = true)\`);
await c.run(\`create temp table codes as
  select activity, (row_number() over (order by activity))::integer as a from (select distinct activity from ev)\`);
await c.run(\`create temp table steps as
  select case_id, a, row_number() over w as p, lead(a) over w as b, lead(t) over w - t as d
  from ev join codes using (activity) window w as (partition by case_id order by t)\`);
const dfg = await c.runAndReadAll(\`select a, b, count(*), avg(d), median(d), quantile_cont(d, 0.9), min(d), max(d)
  from steps where b is not null group by a, b\`);
const ends = await c.runAndReadAll(\`select p = 1 as first, a, count(*) from steps where p = 1 or b is null group by all\`);
const top = await c.runAndReadAll(\`select v, count(*) as n, count(*) over () from
  (select list(a order by p) as v from steps group by case_id) group by v order by n desc, v limit 20\`);
process.stdout.write(String(dfg.getRows().length + ends.getRows().length + top.getRows().length));
`;

function timed(command: string, args: string[], cwd: string): number {
  const t = performance.now();
  const run = spawnSync(command, args, { cwd, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${run.stderr}`);
  return (performance.now() - t) / 1000;
}

/** Rounds of each comparison (each a CLI import and discover, then the yardstick). */
const ROUNDS = 5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function compare(events: number): Promise<void> {
  const file = join(dir, `events-${events}.csv`);
  await writeGeneratedLog(file, events, Math.round(events * 0.18));
  const script = join(root, 'bench', `.yardstick-${process.pid}.mjs`);
  writeFileSync(script, YARDSTICK);
  const ours: number[] = [];
  const floor: number[] = [];
  try {
    for (let round = 0; round < ROUNDS; round++) {
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
  // Each round's own ratio too: how far this machine's speed moved during the bench.
  const ratios = ours.map((t, i) => t / (floor[i] as number));
  figures.push(
    `${events.toLocaleString('en')} events: CLI import + discover ${a.toFixed(2)} s, hand-written SQL ${b.toFixed(2)} s, ratio ${(a / b).toFixed(2)} (rounds ${Math.min(...ratios).toFixed(2)} to ${Math.max(...ratios).toFixed(2)}; goal at most 1.1)`,
  );
}

ensureBuiltCli();
describe(`mining against its yardstick (whole processes, medians of ${ROUNDS} interleaved rounds)`, () => {
  const once = { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 };
  bench(
    '1 million events: CLI import + discover, and hand-written SQL',
    async () => compare(1_000_000),
    once,
  );
  bench(
    '10 million events: CLI import + discover, and hand-written SQL',
    async () => compare(10_000_000),
    once,
  );
});
