/** Diagnostics on a terminal: each in full up to ten of a kind, and the rest of the kind counted. */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../model/diagnostic.js';
import { printDiagnostics, SHOWN_PER_KIND } from './print-diagnostics.js';

const at = (line: number, code: Diagnostic['code'], path: string, severity: Diagnostic['severity']) => ({
  code,
  severity,
  message: `problem ${line}`,
  file: '/nowhere/model.yaml',
  line,
  column: 3,
  path,
});

describe('diagnostics printed', () => {
  it('show ten of a kind in full and count the rest, each kind apart, errors and warnings apart', () => {
    const diagnostics: Diagnostic[] = [
      ...Array.from({ length: 25 }, (_, i) =>
        at(10 + i, 'backstage-frontline', `steps[${i}].role`, 'warning'),
      ),
      ...Array.from({ length: 12 }, (_, i) =>
        at(100 + i, 'backstage-frontline', `steps[${i}].system`, 'warning'),
      ),
      ...Array.from({ length: 10 }, (_, i) => at(200 + i, 'unknown-reference', `steps[${i}].next`, 'error')),
      ...Array.from({ length: 11 }, (_, i) =>
        at(300 + i, 'unknown-reference', `steps[${i}].next`, 'warning'),
      ),
    ];
    const text = printDiagnostics(diagnostics, false);
    const shown = text.split('\n').filter((l) => l.startsWith('/nowhere/model.yaml:'));
    expect(shown).toHaveLength(4 * SHOWN_PER_KIND);
    expect(shown[SHOWN_PER_KIND - 1]).toContain(`:${10 + SHOWN_PER_KIND - 1}:3: warning: problem`);
    expect(shown[SHOWN_PER_KIND]).toContain(':100:3: warning: problem 100 (steps[0].system)');
    expect(text).not.toContain(':35:3');
    expect(text.split('\n').filter((l) => l.startsWith('...'))).toEqual([
      "... and 15 more 'backstage-frontline' warnings at steps[].role like those above (not shown; linesight validate --json lists them all)",
      "... and 2 more 'backstage-frontline' warnings at steps[].system like those above (not shown; linesight validate --json lists them all)",
      "... and 1 more 'unknown-reference' warning at steps[].next like those above (not shown; linesight validate --json lists them all)",
    ]);
  });
});
