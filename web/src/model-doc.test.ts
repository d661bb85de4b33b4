import { describe, expect, it } from 'vitest';
import type { Diagnostic } from './api';
import { diagnosticPath, problemsAt } from './model-doc';

const raw = { steps: [{ id: 'a' }, { id: 'b', fail: { p: 2 } }] };
const d = (path: string): Diagnostic => ({
  code: 'x',
  severity: 'error',
  message: path,
  line: 1,
  column: 1,
  path,
});

describe('problemsAt', () => {
  it('writes ids as the indices diagnostics use', () => {
    expect(diagnosticPath(raw, ['steps', { id: 'b' }, 'fail', 'p'])).toBe('steps[1].fail.p');
    expect(diagnosticPath(raw, ['steps', { id: 'zz' }])).toBeUndefined();
  });

  it("finds a field's diagnostics and those under it, not a neighbour's", () => {
    const all = [d('steps[1].fail.p'), d('steps[1].failure'), d('steps[10]'), d('steps[1]')];
    expect(problemsAt(all, raw, ['steps', { id: 'b' }, 'fail']).map((x) => x.path)).toEqual([
      'steps[1].fail.p',
    ]);
    expect(problemsAt(all, raw, ['steps', { id: 'b' }]).map((x) => x.path)).toEqual([
      'steps[1].fail.p',
      'steps[1].failure',
      'steps[1]',
    ]);
  });
});
