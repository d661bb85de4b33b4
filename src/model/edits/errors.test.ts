/** Edits that cannot be made say what is wrong, where, and how to fix it. */
import { describe, expect, it } from 'vitest';
import { applyEdit } from './apply.js';
import type { Edit } from './edit.js';
import { EditError } from './error.js';
import { small } from './test-helpers.js';

function errorOf(edit: Edit): EditError {
  try {
    applyEdit(small, edit);
  } catch (error) {
    if (error instanceof EditError) return error;
    throw error;
  }
  throw new Error('the edit was applied');
}

describe('edit errors', () => {
  it('names an unknown step and suggests the closest id', () => {
    const error = errorOf({ kind: 'set', path: ['steps', { id: 'chekout' }, 'name'], value: 'x' });
    expect(error.message).toBe("no step has the id 'chekout' (did you mean 'checkout'?)");
    expect(error.path).toEqual(['steps', { id: 'chekout' }]);
  });

  it('names an unknown branch target', () => {
    const error = errorOf({ kind: 'set-branches', step: 'call', branches: [{ to: 'delivred' }] });
    expect(error.message).toContain("'delivred'");
    expect(error.hint).toBe("did you mean 'delivered'?");
  });

  it('refuses branches that do not sum to 1, and shows them', () => {
    const error = errorOf({
      kind: 'set-branches',
      step: 'browse',
      branches: [
        { to: 'checkout', p: 0.6 },
        { to: 'call', p: 0.3 },
      ],
    });
    expect(error.message).toBe(
      'the probabilities checkout 0.6, call 0.3 do not sum to 1 (change them so they sum to 1 (now 0.9))',
    );
  });

  it('refuses two branches without p, and a probability above 1', () => {
    expect(
      errorOf({ kind: 'set-branches', step: 'call', branches: [{ to: 'checkout' }, { to: 'abandoned' }] })
        .hint,
    ).toBe('at most one branch may take the rest');
    expect(errorOf({ kind: 'set-branches', step: 'call', branches: [{ to: 'checkout', p: 1.5 }] }).hint).toBe(
      'a probability lies between 0 and 1',
    );
  });

  it('refuses to delete a step others still lead to, and says which', () => {
    const error = errorOf({ kind: 'delete-step', id: 'call' });
    expect(error.message).toBe(
      "step 'call' is still named by steps.browse.next.1.to, steps.checkout.fail.next " +
        "(point them at another step first, or delete with repoint: 'ANOTHER-STEP')",
    );
  });

  it('refuses a duplicate id, for a new step and for a rename', () => {
    const step = { id: 'browse', name: 'Again', stage: 'research', next: 'checkout' };
    expect(errorOf({ kind: 'insert-step', step }).message).toBe(
      "the id 'browse' is already taken by a step (choose another id)",
    );
    expect(errorOf({ kind: 'rename-id', from: 'call', to: 'delivered' }).message).toContain(
      "the id 'delivered' is already taken",
    );
    expect(
      errorOf({ kind: 'add-role', department: 'service', role: { id: 'picker', name: 'P' } }).message,
    ).toBe("the id 'picker' is already taken by a role (choose another id)");
  });

  it('refuses an id that is not one', () => {
    expect(errorOf({ kind: 'rename-id', from: 'call', to: 'phone call' }).message).toContain(
      "'phone call' is not an id",
    );
  });

  it('asks which element an ambiguous id means', () => {
    const error = errorOf({ kind: 'rename-id', from: 'nothing-like-it', to: 'x' });
    expect(error.message).toContain("no element has the id 'nothing-like-it'");
  });

  it('refuses an unknown department for a role', () => {
    const error = errorOf({ kind: 'add-role', department: 'servce', role: { id: 'lead', name: 'Lead' } });
    expect(error.hint).toBe("did you mean 'service'?");
  });

  it('refuses to remove a stage or a role that steps still name', () => {
    expect(errorOf({ kind: 'remove-item', path: ['stages', { id: 'order' }] }).message).toBe(
      "stage 'order' is still named by steps.checkout.stage (change those first, or rename the stage instead)",
    );
    expect(
      errorOf({
        kind: 'remove-item',
        path: ['organization', 'departments', { id: 'service' }, 'roles', { id: 'agent' }],
      }).message,
    ).toContain("role 'agent' is still named by steps.call.role");
  });
});
