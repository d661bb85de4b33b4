/**
 * Random sequences of edits on a small model, then their inverses in reverse order, give back
 * the original text exactly; every text on the way is YAML and a model whose fields validate.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from '../load.js';
import { applyEdit } from './apply.js';
import type { Edit } from './edit.js';
import { checkEdits } from './edit-shape.js';
import { small } from './test-helpers.js';

const STEPS = ['browse', 'call', 'checkout'] as const;
const step = fc.constantFrom(...STEPS);
const word = fc.constantFrom(
  'Looks',
  'Asks again',
  'Pays: by card',
  '"quoted"',
  '#not a comment',
  'yes',
  '12',
);

/** While a journey is built, unreached steps and empty stages are expected on the way. */
const TOLERATE = ['unreachable-step', 'unreached-end', 'no-path-to-end', 'empty-stage'] as const;

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('set'), path: step.map((id) => ['steps', { id }, 'name']), value: word }),
  fc.record({
    kind: fc.constant('set'),
    path: step.map((id) => ['steps', { id }, 'effort']),
    value: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
  }),
  fc.record({
    kind: fc.constant('set-wait'),
    step,
    wait: fc.option(fc.constantFrom('2 min', '1 d'), { nil: undefined }),
  }),
  fc.record({
    kind: fc.constant('set-fail'),
    step,
    fail: fc.option(
      fc.record({
        p: fc.double({ min: 0, max: 1, noNaN: true }),
        next: fc.constantFrom('abandoned', 'call'),
      }),
      { nil: undefined },
    ),
  }),
  fc.record({ kind: fc.constant('move-step'), id: step, after: step }).filter((e) => e.id !== e.after),
  fc.record({ kind: fc.constant('move-step'), id: step, before: step }).filter((e) => e.id !== e.before),
  fc.record({
    kind: fc.constant('set-branches'),
    step,
    segment: fc.option(fc.constantFrom('consumer', 'business'), { nil: undefined }),
    branches: fc
      .integer({ min: 1, max: 9 })
      .map((tenths) => [{ to: 'delivered', p: tenths / 10 }, { to: 'abandoned' }]),
  }),
  fc.record({
    kind: fc.constant('add-role'),
    department: fc.constantFrom('service', 'warehouse'),
    role: fc.constantFrom({ id: 'lead', name: 'Team lead' }, { id: 'driver', name: 'Driver' }),
  }),
  fc.record({
    kind: fc.constant('add-activity'),
    step,
    activity: fc.constant({ id: 'note', name: 'Notes it', department: 'service' }),
  }),
  fc.record({
    kind: fc.constant('insert-step'),
    after: step,
    step: fc.constant({ id: 'extra', name: 'Extra', stage: 'order', next: 'delivered' }),
  }),
  fc.constant({ kind: 'delete-step', id: 'extra' } as const),
  fc.record({ kind: fc.constant('delete-step'), id: step, repoint: step }).filter((e) => e.id !== e.repoint),
  fc.record({
    kind: fc.constant('rename-id'),
    from: fc.constantFrom('agent', 'order', 'call', 'business', 'warehouse', 'abandoned'),
    to: fc.constant('renamed'),
  }),
  fc.record({
    kind: fc.constant('add-stage'),
    stage: fc.constant({ id: 'receive', name: 'Receive' }),
    after: fc.option(fc.constantFrom('research', 'order'), { nil: undefined }),
  }),
  fc.constant({ kind: 'add-department', department: { id: 'billing', name: 'Billing' } } as const),
);

describe('edits and their inverses', () => {
  it('undo every random sequence exactly, and every text on the way loads', () => {
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 8 }), (edits) => {
        let text = small;
        const inverses: Edit[] = [];
        expect(() => checkEdits(edits)).not.toThrow();
        for (const e of edits) {
          let applied: ReturnType<typeof applyEdit>;
          try {
            applied = applyEdit(text, e);
          } catch (error) {
            // A refused edit (a duplicate id, say) changes nothing: the sequence goes on without it.
            if ((error as Error).name === 'EditError') continue;
            throw error;
          }
          text = applied.text;
          inverses.unshift(applied.inverse);
          const loaded = parse(text, { tolerate: [...TOLERATE] });
          expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        }
        // Undone as the web app undoes: the inverses sent back as JSON, checked as the API checks them.
        for (const inverse of inverses) {
          const [sent] = checkEdits([JSON.parse(JSON.stringify(inverse))]);
          text = applyEdit(text, sent as Edit).text;
        }
        expect(text).toBe(small);
      }),
      { numRuns: 150 },
    );
  });
});
