/**
 * A diagnostic is how linesight talks about anything a user wrote: what is wrong, where
 * (file:line:column and the field path), and how to fix it. Exceptions are kept for bugs.
 */

import { compareText } from '../text/compare-text.js';
import { clip } from './clip.js';

export type Severity = 'error' | 'warning';

/** A path into a model file's data: keys and list indices, as in `steps[3].fail.p`. */
export type Path = (string | number)[];

export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  hint?: string;
  file: string;
  /** 1-based; 0 when the problem concerns the file as a whole. */
  line: number;
  column: number;
  /** The field path, e.g. `steps[3].fail.p`; empty for the whole file. */
  path: string;
}

export type DiagnosticCode =
  | 'file-not-found'
  | 'file-unreadable'
  | 'file-refused'
  | 'not-a-model'
  | 'binary-file'
  | 'not-utf8'
  | 'empty-file'
  | 'nesting-too-deep'
  | 'yaml-syntax'
  | 'yaml-warning'
  | 'not-strict-json'
  | 'not-a-mapping'
  | 'unknown-kind'
  | 'unknown-field'
  | 'missing-field'
  | 'invalid-type'
  | 'invalid-value'
  | 'out-of-range'
  | 'unknown-reference'
  | 'duplicate-id'
  | 'role-department-mismatch'
  | 'probabilities-sum'
  | 'missing-probability'
  | 'unknown-segment'
  | 'missing-segment-flow'
  | 'unreachable-step'
  | 'unreached-end'
  | 'no-path-to-end'
  | 'empty-stage'
  | 'shares-sum'
  | 'arrivals-incomplete'
  | 'arrivals-mismatch'
  | 'arrivals-split'
  | 'schedule-invalid'
  | 'priority-missing'
  | 'backstage-frontline'
  | 'distribution-mean-moved'
  | 'currency-mixed'
  | 'economics-unused'
  | 'import-not-found'
  | 'import-cycle'
  | 'import-kind'
  | 'scenario-not-found'
  | 'scenario-target-missing'
  | 'scenario-invalid-change'
  | 'baseline-invalid'
  | 'baseline-mismatch'
  | 'bpmn-link-missing';

/** The path as people read it; a key of megabytes is cut short, as messages quote it. */
export function formatPath(path: Path): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? clip(segment) : `.${clip(segment)}`;
  }
  return out;
}

export const hasErrors = (diagnostics: readonly Diagnostic[]) =>
  diagnostics.some((d) => d.severity === 'error');

/** Sorts by file, then position, so that reports read top to bottom. */
export function byPosition(a: Diagnostic, b: Diagnostic): number {
  return (
    compareText(a.file, b.file) || a.line - b.line || a.column - b.column || compareText(a.message, b.message)
  );
}
