/**
 * Events to steps where one activity is several steps, one per channel: the model discovered from
 * such a log must fit that log (it used to map nothing, as conformance mapped by activity only), a
 * hand-written model with one name on two channels is mapped channel by channel, and what a
 * user's mapping names that the log or the model lacks is said, not dropped. With start and
 * complete events, a visit is its complete event, as discovery counts it (a start and its
 * complete used to count as a move from the step to itself, which no model has).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from '../model/load.js';
import type { Model } from '../model/model.js';
import { modelFeaturesCsv } from '../testing/synthetic-log.js';
import { mapLogToSteps } from './activity-mapping.js';
import { calibrate } from './calibrate.js';
import { conformance } from './conformance.js';
import { importLog } from './import-log.js';
import { discoverLogModel } from './log-model.js';
import { type EventStore, openStore, queryRows } from './store.js';

const dir = mkdtempSync(join(tmpdir(), 'linesight-activity-mapping-'));
let store: EventStore;

/** A model from text, its problems in the failure when it has no model. */
function modelOf(text: string): Model {
  const r = parse(text);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.model;
}

/**
 * 300 customers: Browse on the web, then Ask by e-mail (half), on the phone (45%) or by fax (one
 * in twenty: too rare to be a step of its own), then Pay on the web.
 */
function splitLog(): string {
  const rows = ['case,activity,timestamp,channel'];
  const at = (c: number, minute: number) =>
    new Date(Date.UTC(2025, 0, 6, 9, 0) + c * 3_600_000 + minute * 60_000);
  for (let c = 0; c < 300; c++) {
    const ask = c % 20 === 0 ? 'fax' : c % 2 === 0 ? 'phone' : 'email';
    rows.push(`c${c},Browse,${at(c, 0).toISOString()},web`);
    rows.push(`c${c},Ask,${at(c, 5 + (c % 7)).toISOString()},${ask}`);
    rows.push(`c${c},Pay,${at(c, 30 + (c % 11)).toISOString()},web`);
  }
  return `${rows.join('\n')}\n`;
}

beforeAll(async () => {
  const file = join(dir, 'split.csv');
  writeFileSync(file, splitLog());
  store = await openStore(':memory:');
  await importLog(store, file, { log: 'split', onError: 'fail' });
  const features = join(dir, 'features.csv');
  writeFileSync(features, modelFeaturesCsv(400, 5));
  await importLog(store, features, { log: 'features', onError: 'fail' });
}, 60_000);
afterAll(() => store?.close());

describe('a log whose activity is split by channel', () => {
  it('fits the model discovered from it: every event mapped, every move allowed', async () => {
    const found = await discoverLogModel(store, 'split');
    const model = modelOf(found.text);
    expect(model.steps.map((s) => s.name).sort()).toEqual(['Ask (email)', 'Ask (phone)', 'Browse', 'Pay']);
    const fit = await conformance(store, 'split', model);
    const id = (name: string) => model.steps.find((s) => s.name === name)?.id;
    expect(fit.unmappedActivities).toEqual([]);
    // The fax's events join the main step, as discovery put them there.
    expect(fit.mappedActivities).toEqual({
      'Ask (phone)': id('Ask (phone)'),
      'Ask (email)': id('Ask (email)'),
      'Ask (fax)': id('Ask (email)'),
      Browse: id('Browse'),
      Pay: id('Pay'),
    });
    expect(fit.moves).toBe(300 * 4);
    expect(fit.fitness).toBe(1);
    expect(fit.fittingCases).toBe(1);
  });

  it('calibrates the discovered model from the log channel by channel', async () => {
    const model = modelOf((await discoverLogModel(store, 'split')).text);
    const { scenario } = await calibrate(store, 'split', model, { base: 'discovered.yaml' });
    const changes = scenario.changes as { set: string; value: unknown }[];
    // Half ask by e-mail and one in twenty by fax, counted with the e-mails: 165 of 300.
    expect(changes.find((c) => c.set === 'steps.browse.next')?.value).toEqual([
      { to: 'ask-email', p: 0.55 },
      { to: 'ask-phone', p: 0.45 },
    ]);
  });

  it('maps a hand-written model with one name on two channels by the channel', async () => {
    const model = modelOf(
      `name: Two asks
segments: [{ id: all, name: All, share: 1 }]
stages: [{ id: s, name: S }]
ends: [{ id: done, name: Done, outcome: success }]
start: browse
steps:
  - { id: browse, name: Browse, stage: s, channel: web, next: [{ to: ask-phone, p: 0.5 }, { to: ask-mail, p: 0.5 }] }
  - { id: ask-phone, name: Ask, stage: s, channel: phone, next: pay }
  - { id: ask-mail, name: Ask, stage: s, channel: email, next: pay }
  - { id: pay, name: Pay, stage: s, channel: web, next: done }
`,
    );
    const fit = await conformance(store, 'split', model);
    expect(fit.mappedActivities['Ask (phone)']).toBe('ask-phone');
    expect(fit.mappedActivities['Ask (email)']).toBe('ask-mail');
    // No step is named Ask alone: the fax joins the most common mapped channel's step.
    expect(fit.mappedActivities['Ask (fax)']).toBe('ask-mail');
    expect(fit.fitness).toBe(1);
  });
});

describe('a log with start and complete events', () => {
  it('fits the model discovered from it, each visit counted once, at its complete', async () => {
    const model = modelOf((await discoverLogModel(store, 'features')).text);
    const fit = await conformance(store, 'features', model);
    expect(fit.startEventsLeftOut).toBe(true);
    expect(fit.notInModel).toEqual([]);
    expect(fit.fitness).toBe(1);
    expect(fit.starts.every((s) => s.verdict === 'fits')).toBe(true);
    // Segment by segment: customers the log gives none are the discovered model's "No segment".
    expect(fit.starts.map((s) => s.segment)).toEqual(model.segments.map((s) => s.id));
    expect(model.segments.map((s) => s.id).sort()).toEqual(['basic', 'gold', 'no-segment']);
    // Contacts given up at steps without a queue are ways on like any other, as discovery made
    // them: every Ask on the chat is a move out of its step.
    const chat = model.steps.find((s) => s.name === 'Ask (chat)')?.id;
    const outOfChat = new Map(fit.branches.filter((b) => b.step === chat).map((b) => [b.segment, b.moves]));
    const [asked] = await queryRows(
      store,
      "select count(*) as n from events where log = 'features' and activity = 'Ask' and channel = 'chat'",
    );
    expect(outOfChat.size).toBeGreaterThan(0);
    expect([...outOfChat.values()].reduce((a, b) => a + b, 0)).toBe(Number(asked?.n));
    const { notes, scenario } = await calibrate(store, 'features', model, { base: 'discovered.yaml' });
    expect(notes.join('\n')).toMatch(/start events left out: each visit counts once/);
    // Ordering is timed from its start to its complete, as discovery timed it.
    const order = model.steps.find((s) => s.name === 'Order');
    const changes = scenario.changes as { set: string; value: unknown }[];
    const found = await discoverLogModel(store, 'features');
    const written = /- id: order\n(?:\s+\w+: .*\n)*?\s+duration: (.*)\n/.exec(found.text)?.[1];
    expect(written).toMatch(/^lognormal\(/);
    expect(changes.find((c) => c.set === `steps.${order?.id}.duration`)?.value).toBe(written);
    // No step of the discovered model has a queue: giving up there is a way on, not the queue's doing.
    expect(notes.join('\n')).not.toMatch(/given up in the queue/);
  });
});

describe('mapping the log onto steps', () => {
  const model = modelOf(
    `name: M
segments: [{ id: all, name: All, share: 1 }]
stages: [{ id: s, name: S }]
ends: [{ id: done, name: Done, outcome: success }]
start: a
steps:
  - { id: a, name: Call, stage: s, channel: phone, next: b }
  - { id: b, name: Call (chat), stage: s, channel: chat, next: c }
  - { id: c, name: Write, stage: s, next: done }
`,
  );
  const pairs = [
    { activity: 'Call', channel: 'phone', n: 10 },
    { activity: 'Call', channel: 'chat', n: 5 },
    { activity: 'Call', channel: null, n: 1 },
    { activity: 'Write', channel: 'email', n: 3 },
    { activity: 'Wait', channel: null, n: 2 },
  ];

  it('maps a whole activity once, and channel by channel where a channel has its own step', () => {
    const m = mapLogToSteps(model, pairs);
    expect(m.rows).toEqual([
      { activity: 'Call', channel: 'phone', step: 'a' },
      { activity: 'Call', channel: 'chat', step: 'b' },
      { activity: 'Call', channel: null, step: 'a' },
      { activity: 'Write', step: 'c' },
    ]);
    expect(m.unmapped).toEqual(['Wait']);
    expect(m.problems).toEqual([]);
  });

  it('lets a mapping of the whole activity win over names, and one of a channel win over both', () => {
    expect(mapLogToSteps(model, pairs, { Call: 'c' }).rows.filter((r) => r.activity === 'Call')).toEqual([
      { activity: 'Call', step: 'c' },
    ]);
    expect(
      mapLogToSteps(model, pairs, { Call: 'c', 'Call (chat)': 'a' }).rows.filter(
        (r) => r.activity === 'Call',
      ),
    ).toEqual([
      { activity: 'Call', channel: 'phone', step: 'c' },
      { activity: 'Call', channel: 'chat', step: 'a' },
      { activity: 'Call', channel: null, step: 'c' },
    ]);
  });

  it('says which entries of a mapping it cannot use', () => {
    const m = mapLogToSteps(model, pairs, {
      Cal: 'a',
      Wait: 'nowhere',
      'Write (email)': 'c',
      'Call (fax)': 'a',
    });
    expect(m.problems).toEqual([
      `the mapping names 'Cal', which the log has neither as an activity nor as "activity (channel)"`,
      "the mapping maps 'Wait' to 'nowhere', which is no step id of the model",
      "the mapping names 'Call (fax)', but the log has 'Call' only on phone, chat",
    ]);
    expect(m.unmapped).toEqual(['Wait']);
    // The channel's step is the activity's: mapped as a whole.
    expect(m.mapped).toEqual({ 'Call (phone)': 'a', 'Call (chat)': 'b', Call: 'a', Write: 'c' });
  });
});
