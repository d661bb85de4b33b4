/**
 * An import killed with SIGKILL at any moment leaves the log in the store as it was before the
 * import or as it is after it, never a part of the file nor its events twice, and the store opens
 * again (DuckDB replays its log). A child process imports a generated log of 200,000 events, CSV
 * or XES in turn, into a new store or over an earlier import of its first 120,000 events; the test
 * kills it at moments drawn from a seeded generator: fractions of the time an uncut import took in
 * a child, the same on every run (the machine's speed decides where in the work they land).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuiltCli } from '../testing/built-cli.js';
import { importLog } from './import-log.js';
import { openStore } from './store.js';

const CHILD = fileURLToPath(new URL('./fixtures/store-child.mjs', import.meta.url));
const CASES = 40_000;
const PER_CASE = 5;
const EVENTS = CASES * PER_CASE;
const EARLIER = 120_000;
const TRIALS = 10;

const dir = mkdtempSync(join(tmpdir(), 'linesight-kill-'));
const file = (name: string) => join(dir, name);

/** Case by case, each customer's events an hour apart; the XES holds the same events as the CSV. */
function writeLogs(): void {
  const start = Date.UTC(2024, 0, 1);
  const csv = ['case_id,activity,timestamp'];
  const xes = ['<?xml version="1.0" encoding="UTF-8"?>', '<log xes.version="1.0">'];
  for (let c = 0; c < CASES; c++) {
    xes.push(`<trace><string key="concept:name" value="C${c}"/>`);
    for (let k = 0; k < PER_CASE; k++) {
      const activity = `Activity ${(c + k) % 17}`;
      const time = new Date(start + c * 60_000 + k * 3_600_000).toISOString();
      csv.push(`C${c},${activity},${time}`);
      xes.push(
        `<event><string key="concept:name" value="${activity}"/><date key="time:timestamp" value="${time}"/></event>`,
      );
    }
    xes.push('</trace>');
  }
  xes.push('</log>');
  writeFileSync(file('all.csv'), `${csv.join('\n')}\n`);
  writeFileSync(file('earlier.csv'), `${csv.slice(0, EARLIER + 1).join('\n')}\n`);
  writeFileSync(file('all.xes'), `${xes.join('\n')}\n`);
}

/** The log's events with their numbers (the file order), and whether any is there twice. */
async function contentOf(db: string) {
  const store = await openStore(db, { access: 'read' });
  try {
    const [row] = (
      await store.connection.runAndReadAll(
        `select count(*) as events, count(distinct (case_id, activity, ts_us)) as distinct_events,
           coalesce(sum(hash(seq, case_id, activity, ts_us)), 0) as checksum
         from events where log = 'calls'`,
      )
    ).getRowObjectsJS();
    return { events: Number(row?.events), distinct: Number(row?.distinct_events), checksum: row?.checksum };
  } finally {
    store.close();
  }
}

/**
 * A child that will import `log` into `db`: started early, so that it loads while the trial
 * before it runs; `go` sets it off, `started` resolves once the import is under way.
 */
function childFor(db: string, log: string) {
  const child = spawn(process.execPath, [CHILD, 'import', db, log, 'calls'], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  running.push(child);
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal })),
  );
  const said = (word: string) =>
    new Promise<void>((done, failed) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes(word)) done();
      });
      ended.then(() => failed(new Error(`the import child ended before it said ${word}: ${stderr}`)));
    });
  const ready = said('ready');
  const started = said('importing');
  return { child, ready, started, ended, go: () => child.stdin.write('go\n') };
}

/** Mulberry32: the same fractions on every run. */
function fractions(seed: number, count: number): number[] {
  let a = seed;
  return Array.from({ length: count }, () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  });
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

type Content = Awaited<ReturnType<typeof contentOf>>;
type Format = 'csv' | 'xes';
type Over = 'nothing' | 'earlier';
type Child = ReturnType<typeof childFor>;
interface Plan {
  db: string;
  format: Format;
  over: Over;
}
const running: ChildProcess[] = [];
let before: Content;
/** What each import leaves, uncut: numbered on after the earlier events when over them. */
const after = {} as Record<Over, Content>;
/** How long each import takes in a child: the span its kills fall in. */
const importMs = {} as Record<`${Over} ${Format}`, number>;

/** Children one after another, each started as the one before it imports: loading takes a while. */
async function oneAfterAnother<P extends Plan>(plans: P[], run: (child: Child, plan: P) => Promise<void>) {
  const start = (plan: P) => childFor(plan.db, file(`all.${plan.format}`));
  let next = start(plans[0] as P);
  for (const [i, plan] of plans.entries()) {
    const current = next;
    const following = plans[i + 1];
    if (following) next = start(following);
    await current.ready;
    if (plan.over === 'earlier') copyFileSync(file('earlier.duckdb'), plan.db);
    current.go();
    await current.started;
    await run(current, plan);
  }
}

beforeAll(async () => {
  // The children import with the build (fixtures/store-child.mjs).
  ensureBuiltCli();
  writeLogs();
  const earlier = await openStore(file('earlier.duckdb'));
  await importLog(earlier, file('earlier.csv'), { log: 'calls', onError: 'fail' });
  earlier.close();
  before = await contentOf(file('earlier.duckdb'));
  const uncut = (['nothing', 'earlier'] as const).flatMap((over) =>
    (['csv', 'xes'] as const).map((format) => ({ over, format, db: file(`uncut-${over}-${format}.duckdb`) })),
  );
  await oneAfterAnother(uncut, async (child, { over, format, db }) => {
    const t = performance.now();
    expect(await child.ended).toMatchObject({ code: 0 });
    importMs[`${over} ${format}`] = performance.now() - t;
    const content = await contentOf(db);
    // Either format ends with the same events, numbered alike.
    after[over] ??= content;
    expect(content).toEqual(after[over]);
  });
  expect(after.nothing).toMatchObject({ events: EVENTS, distinct: EVENTS });
  expect(after.earlier).toMatchObject({ events: EVENTS, distinct: EVENTS });
}, 180_000);
afterAll(() => {
  // The children still running or waiting when a test failed.
  for (const child of running) child.kill('SIGKILL');
});

/** Kills imports at the seeded moments; each store is then as before or as after, never between. */
async function killTrials(seed: number, over: Over) {
  const plans = fractions(seed, TRIALS).map((fraction, i) => ({
    fraction,
    over,
    format: (i % 2 === 0 ? 'csv' : 'xes') as Format,
    db: file(`${over}-${i}.duckdb`),
  }));
  const outcomes: string[] = [];
  let killedMidway = 0;
  await oneAfterAnother(plans, async (child, { fraction, format, db }) => {
    // A little past the import's whole time, so that some kills land as it commits.
    const key = `${over} ${format}` as const;
    const at = fraction * 1.1 * importMs[key];
    const t = performance.now();
    const finished = await Promise.race([sleep(at).then(() => false), child.ended.then(() => true)]);
    // An import that ends before its kill shows how long imports take now, with the tests beside
    // it: the next kills aim by that rather than by a time measured under another load.
    if (finished) importMs[key] = performance.now() - t;
    child.child.kill('SIGKILL');
    const end = await child.ended;
    if (end.signal === 'SIGKILL') killedMidway++;
    else expect(end, 'an import that was not killed succeeds').toMatchObject({ code: 0 });
    const content = await contentOf(db);
    const was = over === 'earlier' ? before : { events: 0, checksum: 0n };
    const state =
      content.events === after[over].events && content.checksum === after[over].checksum
        ? 'after'
        : content.events === was.events && content.checksum === was.checksum
          ? 'before'
          : `${content.events} events (${content.events - content.distinct} twice)`;
    outcomes.push(`${format.toUpperCase()} killed at ${at.toFixed(0)} ms: ${state}`);
  });
  // Every trial before or after; all listed, so that a failure shows them all.
  expect(
    outcomes.filter((o) => !/: (before|after)$/.test(o)),
    outcomes.join('\n'),
  ).toEqual([]);
  // Most kills land while the import runs, else this would test nothing.
  expect(killedMidway, outcomes.join('\n')).toBeGreaterThanOrEqual(TRIALS / 2);
}

describe('an import killed with SIGKILL', () => {
  it('into a new store leaves no event of the log, or all of them', async () => {
    await killTrials(1, 'nothing');
  }, 240_000);

  it('over an earlier import of part of the log leaves that, or the whole log once', async () => {
    await killTrials(2, 'earlier');
  }, 240_000);
});
