import { describe, expect, it } from 'vitest';
import { applyEdit } from '../apply.js';
import { readFlow } from '../branches.js';
import {
  percent,
  reshare,
  retarget,
  sharesShown,
  targetsAfter,
  withBranch,
  withoutBranch,
  writeFlow,
} from './flow.js';
import { readModel } from './model-data.js';

const model = `linesight: 1
name: T
segments: [{ id: consumer, name: C, share: 0.5 }, { id: business, name: B, share: 0.5 }]
stages: [{ id: s, name: S }]
steps:
  - id: a
    name: A
    stage: s
    next: b # straight on
  - id: b
    name: B
    stage: s
    next:
      consumer: [{ to: done, p: 0.6 }, { to: left, p: 0.4 }]
      default: done
ends: [{ id: done, name: Done, outcome: success }, { id: left, name: Left, outcome: exit }]
`;

const stepNext = (text: string, id: string) => readModel(text)?.steps.find((s) => s.id === id)?.next;

describe('the probability editor', () => {
  it('gives a single branch a second one at 50 %, written as one edit of that line', () => {
    const [flow] = readFlow(stepNext(model, 'a'));
    const branches = withBranch(flow?.branches ?? [], ['a', 'b', 'done', 'left']);
    expect(branches).toEqual([
      { to: 'b', p: 0.5 },
      { to: 'a', p: 0.5 },
    ]);
    const { text } = applyEdit(model, writeFlow('a', 'next', flow ?? { branches: [] }, branches ?? []));
    expect(stepNext(text, 'a')).toEqual([
      { to: 'b', p: 0.5 },
      { to: 'a', p: 0.5 },
    ]);
  });

  it('makes 70 % and 30 % when one of two branches is set to 70', () => {
    const two = [
      { to: 'b', p: 0.5 },
      { to: 'left', p: 0.5 },
    ];
    expect(reshare(two, 0, 70)).toEqual([
      { to: 'b', p: 0.7 },
      { to: 'left', p: 0.3 },
    ]);
    expect(sharesShown(reshare(two, 1, 12.5))).toEqual([87.5, 12.5]);
  });

  it("changes one segment's flow and leaves the others", () => {
    const flows = readFlow(stepNext(model, 'b'));
    const consumer = flows.find((f) => f.segment === 'consumer');
    if (!consumer) throw new Error('no consumer flow');
    const edit = writeFlow('b', 'next', consumer, reshare(consumer.branches, 1, 10));
    const { text } = applyEdit(model, edit);
    expect(stepNext(text, 'b')).toEqual({
      consumer: [
        { to: 'done', p: 0.9 },
        { to: 'left', p: 0.1 },
      ],
      default: 'done',
    });
    expect(text.split('\n').filter((l, i) => l !== model.split('\n')[i])).toHaveLength(1);
  });

  it('changes the flow of the segments without their own (default)', () => {
    const flows = readFlow(stepNext(model, 'b'));
    const other = flows.find((f) => f.segment === 'default');
    if (!other) throw new Error('no default flow');
    const { text } = applyEdit(model, writeFlow('b', 'next', other, retarget(other.branches, 0, 'left')));
    expect((stepNext(text, 'b') as Record<string, unknown>).default).toBe('left');
  });

  it('hands a removed branch its share to the others, and keeps the last branch', () => {
    const three = [
      { to: 'a', p: 0.5 },
      { to: 'b', p: 0.25 },
      { to: 'c', p: 0.25 },
    ];
    expect(sharesShown(withoutBranch(three, 0) ?? [])).toEqual([50, 50]);
    expect(withoutBranch([{ to: 'a' }], 0)).toBeUndefined();
    expect(withBranch([{ to: 'a' }], ['a'])).toBeUndefined();
  });

  it('offers the steps after this one first, then the ends, then the way back', () => {
    expect(targetsAfter(['a', 'b', 'c', 'done'], 'b')).toEqual(['c', 'done', 'a', 'b']);
  });

  it('writes a fail point flow with on: fail', () => {
    expect(writeFlow('a', 'fail', { branches: [] }, [{ to: 'a' }])).toEqual({
      kind: 'set-branches',
      step: 'a',
      on: 'fail',
      branches: [{ to: 'a' }],
    });
    expect(percent(1 / 3)).toBe(33.3);
  });
});
