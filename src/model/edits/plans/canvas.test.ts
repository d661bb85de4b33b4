import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from '../../load.js';
import { applyEdit, applyEdits } from '../apply.js';
import {
  addBranchFrom,
  addStepAfter,
  connect,
  deleteStep,
  type Plan,
  renameBox,
  shownText,
} from './canvas.js';
import { type Item, type ModelData, readModel } from './model-data.js';

const starter = readFileSync(new URL('../../../../templates/journey.yaml', import.meta.url), 'utf8');
const example = readFileSync(new URL('../../../../examples/order-departments.yaml', import.meta.url), 'utf8');

const data = (text: string) => readModel(text) as ModelData;
const step = (text: string, id: string) => data(text).steps.find((s) => s.id === id) as Item;

/** Applies a plan to the text; fails the test on a refusal. */
function apply(text: string, plan: Plan): string {
  if ('refusal' in plan) throw new Error(`refused: ${plan.refusal}`);
  return applyEdits(text, plan.edits).text;
}

function expectValid(text: string) {
  const result = parse(text);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(result.ok).toBe(true);
}

describe('add step after', () => {
  it("puts a new step after call that takes over call's flow, and call leads to it", () => {
    const plan = addStepAfter(data(starter), 'call');
    const text = apply(starter, plan);
    expect(plan).toMatchObject({ select: 'new-step' });
    expect(step(text, 'call').next).toBe('new-step');
    expect(step(text, 'new-step')).toMatchObject({
      name: 'New step',
      stage: 'order',
      next: [
        { to: 'pack', p: 0.7 },
        { to: 'left', p: 0.3 },
      ],
    });
    const order = data(text).steps.map((s) => s.id);
    expect(order.indexOf('new-step')).toBe(order.indexOf('call') + 1);
    expectValid(text);
  });

  it('takes over a flow by segment as it is', () => {
    const text = apply(starter, addStepAfter(data(starter), 'browse'));
    expect(step(text, 'new-step').next).toEqual(step(starter, 'browse').next);
    expect(step(text, 'browse').next).toBe('new-step');
    expectValid(text);
  });

  it('is one edit that undoes to the same text, comments included', () => {
    const plan = addStepAfter(data(starter), 'call');
    if ('refusal' in plan) throw new Error(plan.refusal);
    const applied = applyEdits(starter, plan.edits);
    expect(applyEdit(applied.text, applied.inverse).text).toBe(starter);
  });

  it('gives the second new step another id', () => {
    const once = apply(starter, addStepAfter(data(starter), 'call'));
    expect(addStepAfter(data(once), 'new-step')).toMatchObject({ select: 'new-step-2' });
  });
});

describe('add branch', () => {
  it('branches a single flow 70/30 to a new step that rejoins it', () => {
    const text = apply(starter, addBranchFrom(data(starter), 'checkout'));
    expect(step(text, 'checkout').next).toEqual([
      { to: 'pack', p: 0.7 },
      { to: 'new-step', p: 0.3 },
    ]);
    expect(step(text, 'new-step')).toMatchObject({ stage: 'order', next: 'pack' });
    expectValid(text);
  });

  it("adds the branch to every segment's flow, each still summing to 1", () => {
    const text = apply(starter, addBranchFrom(data(starter), 'browse'));
    const next = step(text, 'browse').next as Record<string, { to: string; p: number }[]>;
    for (const segment of ['consumer', 'business']) {
      const branches = next[segment] ?? [];
      expect(branches.at(-1)).toEqual({ to: 'new-step', p: 0.3 });
      expect(branches.reduce((sum, b) => sum + b.p, 0)).toBeCloseTo(1, 9);
    }
    expect(next.consumer).toEqual([
      { to: 'checkout', p: 0.42 },
      { to: 'left', p: 0.28 },
      { to: 'new-step', p: 0.3 },
    ]);
    expectValid(text);
  });

  it("adds it to the flow of the other segments ('default') too", () => {
    const byDefault = starter.replace(
      '      business:\n        - { to: call, p: 0.5 }\n        - { to: checkout, p: 0.3 }\n        - { to: left, p: 0.2 }\n',
      '      default: checkout\n',
    );
    const text = apply(byDefault, addBranchFrom(data(byDefault), 'browse'));
    expect((step(text, 'browse').next as Record<string, unknown>).default).toEqual([
      { to: 'checkout', p: 0.7 },
      { to: 'new-step', p: 0.3 },
    ]);
    expectValid(text);
  });
});

describe('add branch on the commented example', () => {
  it("keeps the branches' labels and the lines around the step", () => {
    const text = apply(example, addBranchFrom(data(example), 'presales-call'));
    const next = step(text, 'presales-call').next as Record<string, { to: string; label?: string }[]>;
    expect(next.consumer?.[1]).toMatchObject({
      to: 'phone-order',
      label: 'transferred to the sales line to order',
    });
    expect(next.business?.at(-1)).toMatchObject({ to: 'new-step', p: 0.3 });
    // Only presales-call's flow changed, and the new step came in after it.
    const [before, after] = example.split(/(?= {2}- id: presales-call\n)/);
    const rest = (after ?? '').slice((after ?? '').indexOf('\n  - id: ', 1));
    expect(text.startsWith(before ?? '')).toBe(true);
    expect(text.endsWith(rest)).toBe(true);
    expectValid(text);
  });
});

describe('connect', () => {
  it('adds a branch to an end, rebalancing the others', () => {
    const text = apply(starter, connect(data(starter), 'checkout', 'left'));
    expect(step(text, 'checkout').next).toEqual([
      { to: 'pack', p: 0.7 },
      { to: 'left', p: 0.3 },
    ]);
    expectValid(text);
  });

  it('adds it only to the segments that do not lead there yet', () => {
    const plan = connect(data(starter), 'browse', 'call');
    if ('refusal' in plan) throw new Error(plan.refusal);
    expect(plan.edits).toEqual([
      {
        kind: 'set-branches',
        step: 'browse',
        segment: 'consumer',
        on: 'next',
        branches: [
          { to: 'checkout', p: 0.42 },
          { to: 'left', p: 0.28 },
          { to: 'call', p: 0.3 },
        ],
      },
    ]);
    expectValid(apply(starter, plan));
  });

  it('refuses a target it already leads to, and what is not a step or an end', () => {
    expect(connect(data(starter), 'call', 'pack')).toEqual({
      refusal: 'Calls to ask and order already leads to Waits for the parcel',
    });
    expect(connect(data(starter), 'call', 'research')).toEqual({ refusal: 'connect to a step or an end' });
  });
});

describe('delete', () => {
  it('re-points what led to the step at its first target', () => {
    const text = apply(starter, deleteStep(data(starter), 'call'));
    expect(data(text).steps.map((s) => s.id)).not.toContain('call');
    const browse = step(text, 'browse');
    expect((browse.fail as { next: unknown }).next).toBe('pack');
    expect((browse.next as Record<string, unknown>).business).toEqual([
      { to: 'pack', p: 0.5 },
      { to: 'checkout', p: 0.3 },
      { to: 'left', p: 0.2 },
    ]);
    expectValid(text);
  });

  it('merges a branch to the step into a branch already going to its target', () => {
    const connected = apply(starter, connect(data(starter), 'call', 'checkout'));
    const text = apply(connected, deleteStep(data(connected), 'checkout'));
    expect(step(text, 'call').next).toEqual([
      { to: 'pack', p: 0.79 },
      { to: 'left', p: 0.21 },
    ]);
    expectValid(text);
  });

  it('undoes add step after: the step before takes its flow back, branches and all', () => {
    const added = apply(starter, addStepAfter(data(starter), 'call'));
    const text = apply(added, deleteStep(data(added), 'new-step'));
    expect(step(text, 'call').next).toEqual(step(starter, 'call').next);
    expect(text).toBe(
      starter.replace(
        'next:\n      - { to: pack, p: 0.7 }\n      - { to: left, p: 0.3 }',
        'next:\n      - to: pack\n        p: 0.7\n      - to: left\n        p: 0.3',
      ),
    );
    expectValid(text);
  });

  it('re-points the start when the first step goes', () => {
    const text = apply(starter, deleteStep(data(starter), 'browse'));
    // browse's first flow is the consumers': on to checkout.
    expect(data(text).raw.start).toBe('checkout');
  });

  it('keeps every comment of the commented example outside the deleted step, in order', () => {
    const text = apply(example, deleteStep(data(example), 'chat-question'));
    const comments = (t: string) => t.split('\n').filter((l) => l.trimStart().startsWith('#'));
    const inStep = ['# Handle time of one chat', '# The agents see the same product data'];
    const kept = comments(example).filter((c) => !inStep.some((s) => c.trimStart().startsWith(s)));
    expect(comments(text)).toEqual(kept);
    expectValid(text);
  });
});

describe('rename in place', () => {
  it("sets a step's or an end's name, and only that", () => {
    const plan = renameBox(data(starter), 'call', 'step', '  Phones the shop ');
    expect(plan).toEqual({
      edits: [{ kind: 'set', path: ['steps', { id: 'call' }, 'name'], value: 'Phones the shop' }],
      select: 'call',
    });
    const text = apply(starter, renameBox(data(starter), 'left', 'end', 'Gave up'));
    expect(data(text).ends.find((e) => e.id === 'left')?.name).toBe('Gave up');
  });

  it("writes a touchpoint box's text into its step's touchpoint, empty removing it", () => {
    expect(shownText(data(starter), 'call', 'touchpoint')?.text).toBe('');
    const text = apply(starter, renameBox(data(starter), 'call', 'touchpoint', 'Takes the order'));
    expect(step(text, 'call').touchpoint).toBe('Takes the order');
    const back = apply(text, renameBox(data(text), 'call', 'touchpoint', ''));
    expect(back).toBe(starter);
  });

  it('renames a backstage activity where it is written, under its step', () => {
    expect(shownText(data(starter), 'pick-and-pack', 'activity')?.path).toEqual([
      'steps',
      { id: 'pack' },
      'backstage',
      { id: 'pick-and-pack' },
      'name',
    ]);
  });

  it('refuses an empty name and changes nothing when the name is the same', () => {
    expect(renameBox(data(starter), 'call', 'step', ' ')).toEqual({ refusal: 'a name cannot be empty' });
    expect(renameBox(data(starter), 'call', 'step', 'Calls to ask and order')).toEqual({
      edits: [],
      select: 'call',
    });
  });
});
