/**
 * `linesight log model` as a user meets it: a small log with stages, a resource column, an
 * activity on two channels and a step customers repeat gives a model file that validates, draws
 * and simulates; stages, ends and roles can be given on the line or in a YAML file; what cannot
 * be used is said, and bad groups fail with the way to write them.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { load } from '../../model/load.js';
import type { Model } from '../../model/model.js';
import { linesight } from '../../testing/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'linesight-log-model-cli-'));
const db = join(dir, 'events.duckdb');

/** 300 customers: browse (a fifth of them twice), ask by phone or chat, and three in four order. */
function smallLog(withStage: boolean): string {
  const rows = [`customer,activity,timestamp,channel,segment,resource${withStage ? ',stage' : ''}`];
  const start = Date.UTC(2024, 0, 1);
  for (let i = 0; i < 300; i++) {
    let t = start + i * 97 * 60_000;
    const segment = i % 3 === 0 ? 'business' : 'consumer';
    const add = (activity: string, channel: string, resource: string, stage: string) => {
      rows.push(
        `C${i},${activity},${new Date(t).toISOString()},${channel},${segment},${resource}${withStage ? `,${stage}` : ''}`,
      );
      t += 10 * 60_000;
    };
    add('Browse', 'web', '', 'Research');
    if (i % 5 === 0) add('Browse', 'web', '', 'Research');
    add('Ask', i % 2 === 0 ? 'phone' : 'chat', `agent ${i % 4}`, 'Ask');
    if (i % 8 !== 3 && i % 8 !== 6) add('Order', 'web', '', 'Buy');
  }
  return `${rows.join('\n')}\n`;
}

beforeAll(async () => {
  writeFileSync(join(dir, 'small.csv'), smallLog(true));
  writeFileSync(join(dir, 'plain.csv'), smallLog(false));
  expect((await linesight('log', 'import', join(dir, 'small.csv'), '--db', db)).code).toBe(0);
  expect((await linesight('log', 'import', join(dir, 'plain.csv'), '--db', db)).code).toBe(0);
});

describe('linesight log model', () => {
  it('writes a model that validates, draws and simulates, with what it found in the header', async () => {
    const out = join(dir, 'small.yaml');
    const r = await linesight('log', 'model', '--db', db, '--log', 'small', '-o', out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`wrote ${out} (4 steps)`);
    const text = readFileSync(out, 'utf8');
    expect(text).toMatch(
      /^# A customer journey discovered by linesight log model from the log 'small':\n# 885 events of 300 customers, 4 steps\./,
    );
    const model = load(out).model as Model;
    // Steps named by their activities (and channels), in the order customers meet them.
    expect(model.steps.map((s) => s.id)).toEqual(['browse', 'ask-chat', 'ask-phone', 'order']);
    // Stages from the log's stage column, in the order customers meet them.
    expect(model.stages.map((s) => s.name)).toEqual(['Research', 'Ask', 'Buy']);
    // Ask is on two channels, half and half: one step each; served by a resource, so a contact.
    const ask = model.steps.filter((s) => s.name.startsWith('Ask'));
    expect(ask.map((s) => [s.name, s.channel, s.role])).toEqual([
      ['Ask (chat)', 'chat', 'staff'],
      ['Ask (phone)', 'phone', 'staff'],
    ]);
    // A fifth of customers browse twice: 60 repeats of 360 visits.
    const browse = model.steps.find((s) => s.name === 'Browse');
    expect(browse?.fail?.p).toBeCloseTo(60 / 360, 4);
    expect(browse?.duration).toBeDefined();
    expect((await linesight('validate', out)).code).toBe(0);
    const svg = join(dir, 'small.svg');
    expect((await linesight('render', out, '-v', 'journey', '-o', svg)).code).toBe(0);
    const sim = await linesight(
      'simulate',
      out,
      '--replications',
      '1',
      '--horizon',
      '7d',
      '--warmup',
      '0s',
      '--json',
    );
    expect(sim.code).toBe(0);
    const kpis = JSON.parse(sim.stdout).overall;
    // Every customer asks once: one contact each; three in four order, which is the success.
    expect(kpis.contactsPerCustomer.mean).toBeCloseTo(1, 5);
    expect(kpis.orders.mean).toBeGreaterThan(0.6);
    expect(kpis.orders.mean).toBeLessThan(0.9);
  });

  it('takes stages, ends and roles from the line or a YAML file, and names what it could not use', async () => {
    const out = join(dir, 'plain.yaml');
    const groups = join(dir, 'stages.yaml');
    writeFileSync(groups, 'Look around: [Browse]\nDecide: [Ask, Order, Pay]\n');
    const r = await linesight(
      'log',
      'model',
      '--db',
      db,
      '--log',
      'plain',
      '-o',
      out,
      '--stages',
      groups,
      '--ends',
      'exit=Order',
      '--roles',
      'sales desk=Ask',
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      'warning: the stages given (stages in a request, --stages on the command line) name activities the log does not have: Pay',
    );
    const model = load(out).model as Model;
    expect(model.stages.map((s) => s.name)).toEqual(['Look around', 'Decide']);
    expect(model.ends.map((e) => [e.id, e.outcome])).toEqual([['left', 'exit']]);
    expect(new Set(model.steps.filter((s) => s.name.startsWith('Ask')).map((s) => s.role))).toEqual(
      new Set(['sales-desk']),
    );
  });

  it('times steps from start and complete events, and follows the journey by the completes', async () => {
    const rows = ['case,activity,timestamp,lifecycle'];
    const at = (i: number, minutes: number) =>
      new Date(Date.UTC(2024, 0, 1) + (i * 60 + minutes) * 60_000).toISOString();
    for (let i = 0; i < 40; i++)
      rows.push(
        `c${i},Register,${at(i, 0)},start`,
        `c${i},Register,${at(i, i % 2 === 0 ? 4 : 6)},complete`,
        `c${i},Decide,${at(i, 20)},start`,
        `c${i},Decide,${at(i, 30)},complete`,
      );
    writeFileSync(join(dir, 'paired.csv'), `${rows.join('\n')}\n`);
    expect((await linesight('log', 'import', join(dir, 'paired.csv'), '--db', db)).code).toBe(0);
    const out = join(dir, 'paired.yaml');
    const r = await linesight('log', 'model', '--db', db, '--log', 'paired', '-o', out);
    expect(r.stderr).toContain('durations from start and complete events');
    const model = load(out).model as Model;
    expect(model.steps.map((s) => [s.id, JSON.stringify(s.next)])).toEqual([
      ['register', JSON.stringify({ customers: [{ to: 'decide', p: 1 }] })],
      ['decide', JSON.stringify({ customers: [{ to: 'completed', p: 1 }] })],
    ]);
    const register = readFileSync(out, 'utf8').match(/id: register\n(?:.*\n)*?\s+duration: (.*)/)?.[1];
    expect(register).toBe('lognormal(5 min, 1.01 min)');
  });

  it('fails on groups it cannot read, saying how to write them', async () => {
    const bad = await linesight('log', 'model', '--db', db, '--log', 'plain', '--ends', 'maybe=Order');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--ends: "maybe" (for Order) is neither success nor exit');
    const nameless = await linesight('log', 'model', '--db', db, '--log', 'plain', '--stages', 'Browse,Ask');
    expect(nameless.stderr).toContain('names no group; write GROUP=activity,activity;GROUP=activity');
  });
});
