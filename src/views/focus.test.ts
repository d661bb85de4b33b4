/**
 * Focus on a small model worked out by hand: exactly the steps each criterion keeps, alone and
 * together, drawn in the swimlane views with no flow to a step left out; and clear errors for a
 * focus that names nothing or keeps nothing.
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../model/load.js';
import type { Model } from '../model/model.js';
import type { ViewOptions } from './customer-lanes.js';
import { type Focus, focusSteps, reachByStep } from './focus.js';
import { layout } from './render.js';

// Segment x (3/4 of arrivals) goes a -> b -> d, y (1/4) goes a -> c -> d.
//   reach for x: a 1, b 0.8, c 0.2, d 0.8 x 0.9 + 0.2 x 0.6 = 0.84, e 0.8 x 0.1 = 0.08
//   reach for y: a 1, b 0, c 1, d 0.6, e 0
//   both, by share: a 1, b 0.6, c 0.4, d 0.78, e 0.06
//   most likely path: x a, b, d (0.72); y a, c, d (0.6)
const model = parse(
  `name: Two ways
segments: [{ id: x, name: Regulars, share: 0.75 }, { id: y, name: Newcomers, share: 0.25 }]
stages: [{ id: look, name: Look }, { id: buy, name: Buy }]
steps:
  - { id: a, name: Looks, stage: look, next: { x: [{ to: b, p: 0.8 }, { to: c, p: 0.2 }], y: c } }
  - { id: b, name: Compares, stage: look, next: [{ to: d, p: 0.9 }, { to: e, p: 0.1 }] }
  - { id: c, name: Asks, stage: buy, next: [{ to: d, p: 0.6 }, { to: left, p: 0.4 }] }
  - { id: d, name: Buys, stage: buy, next: done }
  - { id: e, name: Haggles, stage: buy, next: done }
ends: [{ id: done, name: Bought, outcome: success }, { id: left, name: Left, outcome: exit }]
start: a
`,
  { file: 'two-ways.yaml' },
).model as Model;

const kept = (focus: Focus, options: ViewOptions = {}) =>
  [...(focusSteps(model, { ...options, focus }) ?? [])].sort();

describe('the steps a focus keeps', () => {
  it('reach is weighted by the shares of the shown segments', () => {
    const reach = reachByStep(model, ['x', 'y']);
    expect(Object.fromEntries([...reach].map(([id, p]) => [id, Number(p.toFixed(12))]))).toEqual({
      a: 1,
      b: 0.6,
      c: 0.4,
      d: 0.78,
      e: 0.06,
    });
  });

  it("happy path: each shown segment's most likely path", () => {
    expect(kept({ happyPath: true })).toEqual(['a', 'b', 'c', 'd']);
    expect(kept({ happyPath: true }, { segment: 'y' })).toEqual(['a', 'c', 'd']);
  });

  it('min-reach: the steps a customer of the shown segments reaches with at least that probability', () => {
    expect(kept({ minReach: '50%' })).toEqual(['a', 'b', 'd']);
    expect(kept({ minReach: 0.05 })).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(kept({ minReach: '7%' })).toEqual(['a', 'b', 'c', 'd']);
    expect(kept({ minReach: '50%' }, { segment: 'y' })).toEqual(['a', 'c', 'd']);
  });

  it('stages, and every criterion together', () => {
    expect(kept({ stages: ['buy'] })).toEqual(['c', 'd', 'e']);
    expect(kept({ stages: ['buy'], happyPath: true })).toEqual(['c', 'd']);
    expect(kept({ stages: ['buy'], minReach: '50%' })).toEqual(['d']);
    expect(focusSteps(model, {})).toBeUndefined();
  });
});

describe('a focus in the swimlane views', () => {
  it.each(['blueprint', 'entity', 'e2e'])(
    '%s: draws only the kept steps, no flow to a step left out, ends still',
    async (view) => {
      const d = await layout(model, { view, focus: { minReach: '50%' } });
      const steps = d.boxes.filter((b) => b.kind === 'step');
      expect(steps.map((b) => b.ref).sort()).toEqual(['a', 'b', 'd']);
      const refs = new Map(d.boxes.map((b) => [b.id, b]));
      for (const e of d.edges.filter((e) => e.kind !== 'interaction')) {
        const to = refs.get(e.to);
        expect(to, e.id).toBeDefined();
        expect(to?.kind === 'end' || ['a', 'b', 'd'].includes(to?.ref ?? '')).toBe(true);
      }
      // b -> e is a flow to a step left out; d -> done ends the journey and is drawn.
      expect(d.edges.some((e) => e.id.includes('b>e'))).toBe(false);
      expect(d.boxes.some((b) => b.kind === 'end' && b.ref === 'done')).toBe(true);
      expect(d.title).toContain('(focus: steps reached by at least 50%)');
    },
  );

  it('role: the focus and the role together', async () => {
    const m = parse(
      `name: Served
organization: { departments: [{ id: desk, name: Desk, visibility: frontstage, roles: [{ id: clerk, name: Clerk }] }] }
stages: [{ id: look, name: Look }, { id: buy, name: Buy }]
steps:
  - { id: a, name: Asks the clerk, stage: look, role: clerk, next: b }
  - { id: b, name: Pays the clerk, stage: buy, role: clerk, next: done }
ends: [{ id: done, name: Done, outcome: success }]
start: a
`,
      { file: 'served.yaml' },
    ).model as Model;
    const d = await layout(m, { view: 'role', role: 'desk', focus: { stages: ['buy'] } });
    expect(d.boxes.filter((b) => b.kind === 'step').map((b) => b.ref)).toEqual(['b']);
  });
});

describe('a focus that names nothing or keeps nothing', () => {
  it('names the stage it does not know, with the one meant', async () => {
    await expect(layout(model, { view: 'blueprint', focus: { stages: ['buys'] } })).rejects.toMatchObject({
      message: "the focus names stage 'buys', which the model does not have",
      hint: "did you mean 'buy'? (stages: look, buy)",
    });
    await expect(layout(model, { view: 'blueprint', focus: { stages: [] } })).rejects.toMatchObject({
      message: 'the focus names no stage',
    });
  });

  it('refuses a reach that is no probability', async () => {
    for (const minReach of ['150%', 'often', -0.1]) {
      await expect(layout(model, { view: 'blueprint', focus: { minReach } })).rejects.toMatchObject({
        message: expect.stringMatching(/^min-reach: /),
        hint: expect.stringContaining('e.g. 0.15'),
      });
    }
  });

  it('says how far to lower min-reach when nothing is left', async () => {
    await expect(
      layout(model, { view: 'blueprint', focus: { stages: ['buy'], minReach: '90%' } }),
    ).rejects.toMatchObject({
      message: 'the focus leaves no step to draw',
      hint: 'lower min-reach: the most reached step the rest of the focus keeps is reached by 78%',
    });
  });
});
