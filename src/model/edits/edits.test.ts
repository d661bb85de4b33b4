/**
 * Each kind of edit on a small hand-written model: the result still loads and validates, and
 * its inverse gives back the original text byte for byte.
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../load.js';
import { applyEdit, applyEdits } from './apply.js';
import type { Edit } from './edit.js';
import { changedLines, commentLines, inOrder, small, split } from './test-helpers.js';

const cases: [string, Edit][] = [
  ['set a name', { kind: 'set', path: ['steps', { id: 'call' }, 'name'], value: 'Phones the shop' }],
  ['set a new key in field order', { kind: 'set', path: ['steps', { id: 'call' }, 'effort'], value: 3 }],
  ['remove a key', { kind: 'set', path: ['steps', { id: 'browse' }, 'effort'], value: undefined }],
  [
    'set a flow list',
    { kind: 'set', path: ['steps', { id: 'call' }, 'asks'], value: ['order-number', 'email'] },
  ],
  [
    'insert-step wired in',
    {
      kind: 'batch',
      edits: [
        {
          kind: 'insert-step',
          after: 'call',
          step: {
            id: 'email',
            name: 'Emails the shop',
            stage: 'research',
            channel: 'email',
            next: 'checkout',
          },
        },
        { kind: 'set', path: ['steps', { id: 'browse' }, 'next', 1, 'to'], value: 'email' },
      ],
    },
  ],
  ['delete-step, re-pointing', { kind: 'delete-step', id: 'call', repoint: 'checkout' }],
  ['move-step after', { kind: 'move-step', id: 'call', after: 'checkout' }],
  ['move-step before', { kind: 'move-step', id: 'checkout', before: 'browse' }],
  [
    'add-stage, with a step in it',
    {
      kind: 'batch',
      edits: [
        { kind: 'add-stage', stage: { id: 'ask', name: 'Ask' }, after: 'research' },
        { kind: 'set', path: ['steps', { id: 'call' }, 'stage'], value: 'ask' },
      ],
    },
  ],
  ['add-department', { kind: 'add-department', department: { id: 'billing', name: 'Billing' } }],
  ['add-role', { kind: 'add-role', department: 'warehouse', role: { id: 'driver', name: 'Driver' } }],
  [
    'add-activity',
    {
      kind: 'add-activity',
      step: 'call',
      activity: { id: 'look-up', name: 'Looks up the stock', department: 'service' },
    },
  ],
  [
    'set-branches',
    {
      kind: 'set-branches',
      step: 'browse',
      branches: split(['checkout', 0.5], ['call', 0.4], ['abandoned', 0.1]),
    },
  ],
  [
    'set-branches for one segment',
    {
      kind: 'set-branches',
      step: 'call',
      segment: 'business',
      branches: [{ to: 'checkout', p: 0.9 }, { to: 'abandoned' }],
    },
  ],
  [
    'set-branches for the other segments (default)',
    {
      kind: 'batch',
      edits: [
        { kind: 'set-branches', step: 'call', segment: 'business', branches: [{ to: 'checkout' }] },
        {
          kind: 'set-branches',
          step: 'call',
          segment: 'default',
          branches: split(['checkout', 0.8], ['abandoned', 0.2]),
        },
      ],
    },
  ],
  [
    'move-item: a stage moves with its comment',
    { kind: 'move-item', path: ['stages', { id: 'order' }], before: 'research' },
  ],
  ['set-fail', { kind: 'set-fail', step: 'call', fail: { p: 0.1, cause: 'Line busy', next: 'abandoned' } }],
  ['set-fail removed', { kind: 'set-fail', step: 'checkout', fail: undefined }],
  [
    'set-wait',
    { kind: 'set-wait', step: 'checkout', wait: { duration: '2 d', reason: 'Delivery', addsValue: true } },
  ],
  ['rename-id of a step', { kind: 'rename-id', from: 'checkout', to: 'pay' }],
  ['rename-id of a role', { kind: 'rename-id', from: 'agent', to: 'advisor' }],
  ['rename-id of a stage', { kind: 'rename-id', from: 'research', to: 'explore' }],
];

describe('each kind of edit on a small commented model', () => {
  it.each(cases)('%s: validates, and the inverse restores the text exactly', (_, edit) => {
    const applied = applyEdit(small, edit);
    const result = parse(applied.text);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.ok).toBe(true);
    expect(applyEdit(applied.text, applied.inverse).text).toBe(small);
  });

  it('keeps the comments of everything it does not remove', () => {
    for (const [name, edit] of cases) {
      // A removed step or fail point takes the comment written just above it along.
      if (name === 'set-fail removed' || name.startsWith('delete-step')) continue;
      const after = commentLines(applyEdit(small, edit).text);
      // A moved step takes its comments along: all are kept, not all in their old order.
      if (name.startsWith('move-')) expect(after.sort(), name).toEqual(commentLines(small).sort());
      else expect(inOrder(commentLines(small), commentLines(applyEdit(small, edit).text)), name).toBe(true);
    }
  });

  it('inserts a new key where the schema puts it, among the lines it did not touch', () => {
    const { text } = applyEdit(small, { kind: 'set', path: ['steps', { id: 'call' }, 'effort'], value: 3 });
    expect(text).toContain('    duration: 6 min\n    effort: 3\n    next: checkout\n');
  });

  it('writes one branch without p as the bare target', () => {
    const { text } = applyEdit(small, {
      kind: 'set-branches',
      step: 'call',
      branches: [{ to: 'abandoned' }],
    });
    expect(changedLines(small, text)).toEqual([
      { line: 62, was: '    next: checkout', is: '    next: abandoned' },
    ]);
  });

  it('undoes a whole sequence with the inverse of applyEdits', () => {
    const edits = cases
      .map(([, edit]) => edit)
      .filter((e) => e.kind !== 'delete-step' && e.kind !== 'rename-id');
    const applied = applyEdits(small, edits);
    // The later set-branches on browse drops the branch to the inserted step again.
    expect(parse(applied.text, { tolerate: ['unreachable-step'] }).ok).toBe(true);
    expect(applyEdit(applied.text, applied.inverse).text).toBe(small);
  });
});

describe('move-item', () => {
  it('puts a stage before another, its comment along', () => {
    const { text } = applyEdit(small, {
      kind: 'move-item',
      path: ['stages', { id: 'order' }],
      before: 'research',
    });
    const stages = text.slice(text.indexOf('stages:'), text.indexOf('start:')).replace(/\n\n/g, '\n');
    expect(stages).toBe(
      'stages:\n  - id: order\n    name: Order\n    goal: place the order # the one that pays\n  - id: research\n    name: Research\n',
    );
  });
});
