/** Edits of the wrong shape, as JSON brings them: refused with the field named, never applied half-read. */
import { describe, expect, it } from 'vitest';
import { checkEdits } from './edit-shape.js';

const problem = (edit: unknown) => {
  try {
    checkEdits([edit]);
    return undefined;
  } catch (error) {
    return { message: (error as Error).message, hint: (error as { hint: string }).hint };
  }
};

describe('checkEdits', () => {
  it('names a misspelt field, which before was read as no value and removed the key', () => {
    expect(problem({ kind: 'set', path: ['steps', { id: 'browse' }, 'fail'], valeu: { p: 0.2 } })).toEqual({
      message: "edit 1 (set): unknown field 'valeu' (did you mean 'value'?)",
      hint: 'a set edit has path, value, before, source (a set without a value removes the key)',
    });
  });

  it('names the missing field of each kind, instead of failing inside with a JavaScript error', () => {
    expect(problem({ kind: 'set' })?.message).toBe("edit 1 (set): 'path' is missing");
    expect(problem({ kind: 'batch' })?.message).toBe("edit 1 (batch): 'edits' is missing");
    expect(problem({ kind: 'insert-step' })?.message).toBe("edit 1 (insert-step): 'step' is missing");
    expect(problem({ kind: 'insert-step', step: { name: 'x' } })?.message).toBe(
      "edit 1 (insert-step): 'step.id' is missing",
    );
    expect(problem({ kind: 'rename-id', from: 'a' })?.message).toBe("edit 1 (rename-id): 'to' is missing");
    expect(problem({ kind: 'add-role', department: 'sales', role: { id: 'r' } })?.message).toBe(
      "edit 1 (add-role): 'role.name' is missing",
    );
  });

  it('says which field has the wrong type, and where in a list', () => {
    expect(problem({ kind: 'set', path: 'name', value: 1 })?.message).toBe(
      `edit 1 (set): 'path' must be a list, not the text "name"`,
    );
    expect(
      problem({
        kind: 'set-branches',
        step: 's',
        branches: [
          { to: 'a', p: 1 },
          { to: 'b', p: '0.5' },
        ],
      })?.message,
    ).toBe(`edit 1 (set-branches): 'branches[1].p' must be a number, not the text "0.5"`);
    expect(problem({ kind: 'set', path: ['steps', { ids: 'x' }] })?.message).toContain("'path[1]'");
    expect(problem({ kind: 'rename-id', from: 'a', to: 'b', of: 'stepp' })?.message).toContain(
      "'of' must be one of step, end, stage",
    );
  });

  it('suggests the kind meant, and numbers the edits of a batch', () => {
    expect(problem({ kind: 'delete-stpe', id: 'x' })).toEqual({
      message: "edit 1 has the kind 'delete-stpe', which no edit has",
      hint: "did you mean 'delete-step'?",
    });
    expect(problem({ nokind: true })?.message).toBe('edit 1 has no kind');
    expect(problem(['set'])?.message).toBe('edit 1 has no kind');
    expect(
      problem({
        kind: 'batch',
        edits: [
          { kind: 'move-step', id: 'a' },
          { kind: 'move-step', idd: 'b' },
        ],
      })?.message,
    ).toBe("edit 1.2 (move-step): 'id' is missing; unknown field 'idd' (did you mean 'id'?)");
    let deep: unknown = { kind: 'move-step', id: 'a' };
    for (let i = 0; i < 9; i++) deep = { kind: 'batch', edits: [deep] };
    expect(problem(deep)?.message).toContain('nests batches more than 8 deep');
  });

  it("takes every edit's own fields, and leaves what it writes into the model to the model's check", () => {
    const edits = [
      { kind: 'set', path: ['steps', { id: 'a' }, 'fail'] },
      { kind: 'set', path: ['name'], value: 'New', before: 'id', source: 'name: New' },
      { kind: 'insert-step', step: { id: 'x', name: 'X', anything: 1 }, after: 'a' },
      { kind: 'set-fail', step: 'a', fail: { p: 0.1, next: 'b', cause: 'c', severity: 3 } },
      { kind: 'set-fail', step: 'a' },
      { kind: 'set-wait', step: 'a', wait: '2 d' },
      { kind: 'remove-item', path: ['stages', 0] },
      { kind: 'batch', edits: [{ kind: 'rename-id', from: 'a', to: 'b', of: 'step' }] },
    ];
    expect(checkEdits(edits)).toBe(edits);
  });
});
