/**
 * Given the 1,600-line commented example, when one edit is applied, then only the lines of what
 * changed differ: comments, key order and formatting elsewhere are kept, and undo is exact.
 */
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parse } from '../load.js';
import { applyEdit } from './apply.js';
import type { Edit } from './edit.js';
import { changedLines, commentLines, example, inOrder } from './test-helpers.js';

/** The line (1-based) of the example that reads exactly this in a step's entry, so that the example may grow. */
function lineOf(step: string, text: string): number {
  const lines = example.split('\n');
  const at = lines.indexOf(text, lines.indexOf(`  - id: ${step}`));
  if (at < 0) throw new Error(`the example's step ${step} has no line '${text}'`);
  return at + 1;
}

describe('edits keep the source of the example', () => {
  it('changes exactly one line when one field of one step is set', () => {
    const { text } = applyEdit(example, {
      kind: 'set',
      path: ['steps', { id: 'chat-status' }, 'name'],
      value: 'Asks in chat where the parcel is',
    });
    expect(changedLines(example, text)).toEqual([
      {
        line: lineOf('chat-status', '    name: Asks in chat where the order is'),
        was: '    name: Asks in chat where the order is',
        is: '    name: Asks in chat where the parcel is',
      },
    ]);
    expect(parse(text).ok).toBe(true);
  });

  it('changes one line for a number inside a nested map and keeps the line comment', () => {
    const { text } = applyEdit(example, {
      kind: 'set',
      path: ['steps', { id: 'product-page' }, 'fail', 'p'],
      value: 0.1,
    });
    expect(changedLines(example, text)).toEqual([
      { line: lineOf('product-page', '      p: 0.14'), was: '      p: 0.14', is: '      p: 0.1' },
    ]);
  });

  it('changes one value inside a flow map and nothing else on its line', () => {
    const { text } = applyEdit(example, {
      kind: 'set',
      path: ['arrivals', 'profile', 0, 'weight'],
      value: 0.25,
    });
    expect(changedLines(example, text)).toEqual([
      {
        line: 43,
        was: '    - { days: mon-sun, hours: "00:00-24:00", weight: 0.2 }',
        is: '    - { days: mon-sun, hours: "00:00-24:00", weight: 0.25 }',
      },
    ]);
  });

  it('rewrites a flow map it adds a key to in its own padded style', () => {
    const path = ['arrivals', 'profile', 2, 'reason'];
    const { text } = applyEdit(example, { kind: 'set', path, value: 'Saturday shop hours' });
    expect(changedLines(example, text)).toEqual([
      {
        line: 45,
        was: '    - { days: sat, hours: "09:00-15:00", weight: 0.6 }',
        is: '    - { days: sat, hours: 09:00-15:00, weight: 0.6, reason: Saturday shop hours }',
      },
    ]);
  });

  const edits: [string, Edit][] = [
    ['set', { kind: 'set', path: ['steps', { id: 'collect-parcel' }, 'effort'], value: 3 }],
    ['set a new key', { kind: 'set', path: ['steps', { id: 'chat-status' }, 'wait'], value: '1 h' }],
    ['set-wait', { kind: 'set-wait', step: 'redelivery', wait: '2 d' }],
    ['set-fail', { kind: 'set-fail', step: 'chat-status', fail: { p: 0.1, next: 'status-call' } }],
    [
      'set-branches',
      {
        kind: 'set-branches',
        step: 'compare-options',
        segment: 'consumer',
        branches: [
          { to: 'web-checkout', p: 0.6 },
          { to: 'chat-question', p: 0.2 },
          { to: 'abandoned', p: 0.2 },
        ],
      },
    ],
    [
      'insert-step',
      {
        kind: 'insert-step',
        after: 'chat-status',
        step: {
          id: 'status-email',
          name: 'Reads the status email',
          stage: 'revise-or-ask',
          next: 'delivery',
        },
      },
    ],
    ['delete-step', { kind: 'delete-step', id: 'chat-status', repoint: 'status-call' }],
    ['move-step', { kind: 'move-step', id: 'chat-status', after: 'track-order' }],
    [
      'add-stage',
      { kind: 'add-stage', stage: { id: 'advocate', name: 'Recommend' }, after: 'exchange-or-return' },
    ],
    ['add-department', { kind: 'add-department', department: { id: 'legal', name: 'Legal' } }],
    [
      'add-role',
      { kind: 'add-role', department: 'sales', role: { id: 'key-account', name: 'Key account manager' } },
    ],
    [
      'add-activity',
      {
        kind: 'add-activity',
        step: 'chat-status',
        activity: { id: 'check-carrier', name: 'Checks the carrier portal', department: 'call-center' },
      },
    ],
    ['rename-id', { kind: 'rename-id', from: 'chat-status', to: 'chat-where-is-order' }],
    ['rename-id of a segment', { kind: 'rename-id', from: 'business', to: 'b2b' }],
  ];

  it.each(edits)('keeps every comment line in order, and undoes exactly: %s', (_, edit) => {
    const applied = applyEdit(example, edit);
    expect(applied.text).not.toBe(example);
    expect(inOrder(commentLines(example), commentLines(applied.text))).toBe(true);
    expect(applyEdit(applied.text, applied.inverse).text).toBe(example);
  });

  it('renames a step everywhere it is named, scenarios included, and leaves the prose alone', () => {
    const { text } = applyEdit(example, { kind: 'rename-id', from: 'ivr-menu', to: 'phone-menu' });
    const yamlLines = text.split('\n').filter((line) => !line.trimStart().startsWith('#'));
    expect(yamlLines.filter((line) => /\bivr-menu\b/.test(line))).toEqual([]);
    expect(text).toContain('- set: steps.phone-menu.fail.p');
    expect(commentLines(text)).toEqual(commentLines(example));
    expect(parse(text).ok).toBe(true);
  });

  it('removes any top-level key or any field of a commented step, and puts it back exactly', () => {
    const data = parseYaml(example) as Record<string, unknown> & { steps: { id: string }[] };
    const paths = Object.keys(data).map((key) => [key]);
    for (const step of data.steps.filter((s) => s.id === 'product-page' || s.id === 'ivr-presales')) {
      for (const key of Object.keys(step).filter((k) => k !== 'id'))
        paths.push(['steps', { id: step.id }, key] as never);
    }
    for (const path of paths) {
      const applied = applyEdit(example, { kind: 'set', path, value: undefined });
      expect(applyEdit(applied.text, applied.inverse).text, JSON.stringify(path)).toBe(example);
    }
  });
});
