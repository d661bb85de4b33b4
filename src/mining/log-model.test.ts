/**
 * A journey model discovered from a log checked against the model that made the log: a fortnight
 * of order journeys simulated from examples/order-departments.yaml, imported as CSV, discovered
 * with what a team knows (who serves which step, which last steps are a success). The discovered
 * model must have the same steps on the same channels, make the same moves with probabilities
 * within four standard errors of a binomial proportion, and, simulated, give the same journey
 * time, contacts and success share within 5%.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { load } from '../model/load.js';
import type { Model } from '../model/model.js';
import { eventLogCsv, simulateEventLog } from '../simulation/event-log.js';
import { simulate } from '../simulation/simulate.js';
import { conformance, END, modelMoves } from './conformance.js';
import { importLog } from './import-log.js';
import { discoverLogModel, type LogModel } from './log-model.js';
import { LogModelError } from './log-model-error.js';
import { type EventStore, openStore } from './store.js';
import { MOST_DISCOVERED_STEPS } from './too-many-activities.js';

const EXAMPLE = fileURLToPath(new URL('../../examples/order-departments.yaml', import.meta.url));
const DAYS = 14;
const dir = mkdtempSync(join(tmpdir(), 'linesight-log-model-'));
let store: EventStore;
let truth: Model;
let found: LogModel;
let discovered: Model;
/** Per segment and step name: the visits, and those given up in the queue. */
let visits: Map<string, { n: number; gaveUp: number }>;

/** Who serves which step, and which last steps are a success: what a team writes with --roles and --ends. */
function whatTheTeamKnows(model: Model) {
  const outcome = new Map(model.ends.map((e) => [e.id, e.outcome]));
  const ends = new Map<string, string>();
  for (const s of model.steps) {
    const targets = [...Object.values(s.next), ...Object.values(s.fail?.next ?? {})].flat().map((b) => b.to);
    const kinds = new Set(targets.filter((t) => outcome.has(t)).map((t) => outcome.get(t)));
    if (kinds.size === 1) ends.set(s.name, [...kinds][0] as string);
  }
  const roles = new Map(model.steps.filter((s) => s.role).map((s) => [s.name, s.role as string]));
  return { ends, roles };
}

beforeAll(async () => {
  truth = load(EXAMPLE).model as Model;
  const file = join(dir, 'orders.csv');
  writeFileSync(file, eventLogCsv(simulateEventLog(truth, { horizon: DAYS * 86400, seed: 11 })));
  store = await openStore(':memory:');
  await importLog(store, file, { log: 'orders', onError: 'fail' });
  found = await discoverLogModel(store, 'orders', whatTheTeamKnows(truth));
  const written = join(dir, 'discovered.yaml');
  writeFileSync(written, found.text);
  discovered = load(written).model as Model;
  visits = new Map(
    (
      await store.connection.runAndReadAll(
        `select segment, activity, count(*) as n,
           count(*) filter (where json_extract_string(attributes, '$.outcome') = 'abandoned') as gave_up
         from events where log = 'orders' group by all`,
      )
    )
      .getRowObjectsJS()
      .map((r) => [`${r.segment}/${r.activity}`, { n: Number(r.n), gaveUp: Number(r.gave_up) }]),
  );
}, 60_000);
afterAll(() => store?.close());

/** A model's moves of one segment by step name, every end as END. */
function movesByName(model: Model, segment: string): Map<string, number> {
  const name = new Map(model.steps.map((s) => [s.id, s.name]));
  const out = new Map<string, number>();
  for (const [key, p] of modelMoves(model, segment)) {
    const [from, to] = key.split('\u0000') as [string, string];
    const k = `${name.get(from)} > ${to === END ? END : name.get(to)}`;
    out.set(k, (out.get(k) ?? 0) + p);
  }
  return out;
}

describe('the journey model discovered from a log simulated from order-departments.yaml', () => {
  it('validates, with a header saying what it came from and what to check', () => {
    expect(found.errors).toEqual([]);
    expect(found.warnings).toEqual([]);
    expect(found.text).toMatch(
      /^# A customer journey discovered by linesight log model from the log 'orders'/,
    );
    expect(found.text).toContain('# Check by hand:');
  });

  it('has the same steps on the same channels, and the same segments in the same shares', () => {
    const channelOf = (m: Model) => new Map(m.steps.map((s) => [s.name, s.channel ?? null]));
    expect(channelOf(discovered)).toEqual(channelOf(truth));
    expect(discovered.segments.map((s) => s.id).sort()).toEqual(truth.segments.map((s) => s.id).sort());
    const customers =
      discovered.segments.length && Number(/from (\d+) customers/.exec(found.notes.join('\n'))?.[1]);
    for (const s of truth.segments) {
      const share = discovered.segments.find((d) => d.id === s.id)?.share as number;
      expect(Math.abs(share - s.share)).toBeLessThan(4 * Math.sqrt((s.share * (1 - s.share)) / customers));
    }
  });

  it('makes the moves the original makes, each within four standard errors, segment by segment', () => {
    let checked = 0;
    for (const segment of truth.segments.map((s) => s.id)) {
      const made = movesByName(truth, segment);
      const seen = movesByName(discovered, segment);
      // No move the original does not make (a contact given up in a queue ends the journey).
      for (const [k, p] of seen) if (p > 0) expect(made.has(k) || k.endsWith(` > ${END}`), k).toBe(true);
      for (const [k, p] of made) {
        const [from] = k.split(' > ') as [string];
        const v = visits.get(`${segment}/${from}`);
        if (!v || v.n < 200) continue;
        // The original's move, with the contacts given up in the queue (they end the journey).
        const expected = ((v.n - v.gaveUp) * p + (k.endsWith(` > ${END}`) ? v.gaveUp : 0)) / v.n;
        const error = Math.sqrt(Math.max(expected * (1 - expected), 1 / v.n) / v.n);
        expect(Math.abs((seen.get(k) ?? 0) - expected), `${segment} ${k}`).toBeLessThanOrEqual(
          4 * error + 1e-4,
        );
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(60);
  });

  it('is the same byte for byte when discovered again', async () => {
    expect((await discoverLogModel(store, 'orders', whatTheTeamKnows(truth))).text).toBe(found.text);
  });

  it('is a model the log fits: every move, and where journeys start, per segment', async () => {
    const fit = await conformance(store, 'orders', discovered);
    expect(fit.unmappedActivities).toEqual([]);
    expect(fit.fitness).toBe(1);
    expect(fit.starts.map((s) => [s.segment, s.verdict])).toEqual([
      ['consumer', 'fits'],
      ['business', 'fits'],
    ]);
  });

  it('makes a step that repeats a fail point to itself', () => {
    const repeating = discovered.steps.filter((s) => s.fail);
    expect(repeating.length).toBeGreaterThan(0);
    for (const s of repeating)
      for (const branches of Object.values(s.fail?.next ?? {}))
        expect(branches.some((b) => b.to === s.id)).toBe(true);
  });

  it('simulated, gives the journey time, contacts and success share of the original within 5%', async () => {
    const options = { replications: 2, horizon: DAYS * 86400, warmup: 0, seed: 3, workers: 1 };
    const original = await simulate(truth, options);
    const again = await simulate(discovered, options);
    for (const kpi of ['timeInJourney', 'contactsPerCustomer', 'contactsPerOrder', 'orders']) {
      const a = original.overall[kpi]?.mean as number;
      const b = again.overall[kpi]?.mean as number;
      expect(Math.abs(b - a) / a, `${kpi}: ${a} against ${b}`).toBeLessThan(0.05);
    }
  }, 30_000);
});

describe('a log of more activities than a model takes', () => {
  const csv = (activities: number, each: number) => {
    const rows = ['case,activity,timestamp'];
    for (let i = 0; i < activities * each; i++)
      rows.push(
        `c${i % 1000},a${i % activities},2024-01-01T${String(8 + (Math.floor(i / 3600) % 10)).padStart(2, '0')}:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}Z`,
      );
    return `${rows.join('\n')}\n`;
  };

  it('is refused before its journeys are counted, and said to look like ids when most occur once', async () => {
    const ids = join(dir, 'ids.csv');
    writeFileSync(ids, csv(MOST_DISCOVERED_STEPS + 1, 1));
    await importLog(store, ids, { log: 'ids', onError: 'fail' });
    const refused = (log: string) =>
      discoverLogModel(store, log).then(
        () => {
          throw new Error(`a model was discovered from '${log}'`);
        },
        (e: unknown) => e as LogModelError,
      );
    const idLike = await refused('ids');
    expect(idLike).toBeInstanceOf(LogModelError);
    expect(idLike.message).toBe(
      "the log 'ids' has 5,001 activities, more than a discovered model takes (a step each, at most 5,000); 5,001 of them occur once, so the column read as the activity may hold ids rather than what was done",
    );
    expect(idLike.hint).toContain('--activity');
    const many = join(dir, 'many.csv');
    writeFileSync(many, csv(MOST_DISCOVERED_STEPS + 1, 2));
    await importLog(store, many, { log: 'many', onError: 'fail' });
    expect((await refused('many')).message).toBe(
      "the log 'many' has 5,001 activities, more than a discovered model takes (a step each, at most 5,000)",
    );
  });
});
