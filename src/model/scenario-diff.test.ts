import { describe, expect, it } from 'vitest';
import { fixture } from './fixtures/locate.js';
import { load } from './load.js';
import type { Model } from './model.js';
import { diffCounts, diffModels, type ScenarioDiff } from './scenario-diff.js';

const EXAMPLE = new URL('../../examples/order-departments.yaml', import.meta.url).pathname;

function loadPair(file: string, scenario: string): { base: Model; model: Model } {
  const loaded = load(file, { scenario });
  if (!loaded.ok || !loaded.base) throw new Error(`${file} ${scenario} does not load`);
  return { base: loaded.base, model: loaded.model };
}

const keys = (diff: ScenarioDiff, kind: keyof ScenarioDiff) => diff[kind].map((c) => c.key);
const texts = (diff: ScenarioDiff, key: string) =>
  diff.changed.find((c) => c.key === key)?.fields.map((f) => f.text);

describe('what a scenario changes, element by element', () => {
  it('finds the steps, flows and pools a scenario adds, changes and removes', () => {
    // given a help desk whose scenario drops the experts and adds a self-help page
    const { base, model } = loadPair(fixture('what-if.yaml'), 'no-experts');
    // when the two are compared
    const diff = diffModels(base, model);
    // then each element is in the list it belongs to, with what changed, before and after
    expect(keys(diff, 'added')).toEqual([
      'step:self-help',
      'flow:start:start>self-help',
      'flow:next:self-help>call',
      'flow:next:self-help>fixed',
    ]);
    expect(keys(diff, 'removed')).toEqual([
      'resource:experts',
      'step:escalate',
      'flow:start:start>call',
      'flow:next:call>escalate',
      'flow:next:escalate>fixed',
    ]);
    expect(keys(diff, 'changed')).toEqual(['resource:agents', 'step:call', 'flow:next:call>fix']);
    expect(texts(diff, 'step:call')).toEqual(['duration 5 min → 3 min']);
    expect(texts(diff, 'resource:agents')).toEqual(['capacity 4 → 6']);
    expect(texts(diff, 'flow:next:call>fix')).toEqual(['p.customers 70% → 100%']);
    expect(diff.changed.find((c) => c.key === 'step:call')?.fields[0]).toMatchObject({
      path: 'duration',
      before: { kind: 'fixed', value: 300 },
      after: { kind: 'fixed', value: 180 },
    });
    expect(diffCounts(diff)).toEqual({ added: 4, changed: 3, removed: 5 });
  });

  it('finds nothing between a model and itself', () => {
    const { base } = loadPair(fixture('what-if.yaml'), 'no-experts');
    expect(diffModels(base, base)).toEqual({ added: [], changed: [], removed: [] });
  });

  it("gives exactly what order-departments's better-product-pages changes: two failure rates", () => {
    const { base, model } = loadPair(EXAMPLE, 'better-product-pages');
    const diff = diffModels(base, model);
    expect(diffCounts(diff)).toEqual({ added: 0, changed: 2, removed: 0 });
    expect(texts(diff, 'step:product-page')).toEqual(['fail.p 14% → 5%']);
    expect(texts(diff, 'step:chat-question')).toEqual(['fail.p 18% → 10%']);
  });

  it('gives the re-routed IVR: a new status step, a shorter menu, and the status calls it takes', () => {
    const { base, model } = loadPair(EXAMPLE, 'ivr-reroute');
    const diff = diffModels(base, model);
    expect(keys(diff, 'added')).toEqual([
      'step:ivr-self-status',
      'activity:ivr-self-status/read-status-oms',
      'flow:next:ivr-menu>ivr-self-status',
      'flow:next:ivr-self-status>delivery',
      'flow:fail:ivr-self-status>status-call',
    ]);
    expect(keys(diff, 'changed')).toEqual(['step:ivr-menu']);
    expect(texts(diff, 'step:ivr-menu')).toEqual([
      'duration uniform(1 min, 2 min) → uniform(40 s, 80 s)',
      'fail.p 12% → 8%',
    ]);
    expect(keys(diff, 'removed')).toEqual(['flow:next:ivr-menu>status-call']);
  });

  it('gives the account executives: a role, a pool, four steps and the flows that lead there', () => {
    const { base, model } = loadPair(EXAMPLE, 'account-executives');
    const diff = diffModels(base, model);
    expect(diffCounts(diff)).toEqual({ added: 32, changed: 16, removed: 3 });
    expect(keys(diff, 'added').filter((k) => !k.startsWith('flow:'))).toEqual([
      'role:account-executive',
      'resource:account-executives',
      'step:ae-check-in',
      'activity:ae-check-in/plan-account-contact',
      'step:ae-order-call',
      'activity:ae-order-call/key-order-ae',
      'step:ae-service-call',
      'activity:ae-service-call/resolve-order-query-ae',
      'step:ae-problem-call',
      'activity:ae-problem-call/resolve-problem-ae',
    ]);
    expect(texts(diff, 'resource:sales-reps')).toEqual(['capacity 11 → 5', 'schedule.0.capacity 11 → 5']);
    expect(texts(diff, 'step:invoice')).toEqual(['fail.p 8% → 3%']);
    expect(texts(diff, 'flow:next:compare-options>request-quote')).toEqual(['p.business 30% → 15%']);
    expect(keys(diff, 'removed')).toEqual([
      'flow:next:compare-options>ivr-presales',
      'flow:next:unpack-check>return-call',
      'flow:fail:unpack-check>return-call',
    ]);
  });
});
