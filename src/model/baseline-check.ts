/**
 * A competitor's journey held against the baseline it names: the baseline must load, and its
 * stages and segments must be the same ids for the side-by-side comparison to mean anything.
 */
import { clip, fewOf } from './clip.js';
import type { Diagnostic } from './diagnostic.js';
import { type ModelDocument, report } from './document.js';
import type { FileCheck } from './load.js';
import type { Model } from './model.js';

/** A competitor's journey against its baseline, loaded (or the diagnostic that says why it was not). */
export function checkBaseline(
  document: ModelDocument,
  model: Model,
  loaded: FileCheck | Diagnostic,
): Diagnostic[] {
  if (!('ok' in loaded)) return [loaded];
  if (!loaded.model) {
    const baseline = clip(model.baseline ?? '');
    return [
      report(
        document,
        ['baseline'],
        'baseline-invalid',
        `the baseline ${baseline} does not load${firstError(loaded)}`,
        {
          hint: `open ${baseline} to see its problems (linesight validate ${baseline})`,
        },
      ),
    ];
  }
  return [
    ...compareIds(
      document,
      model,
      ['stages'],
      loaded.model.stages,
      model.stages,
      'stage',
      'the comparison lines up stage by stage',
    ),
    ...compareIds(
      document,
      model,
      ['segments'],
      loaded.model.segments,
      model.segments,
      'segment',
      'segments compare like with like',
    ),
  ];
}

/** Stages and segments must match the baseline's for a side-by-side comparison to mean anything. */
function compareIds(
  document: ModelDocument,
  model: Model,
  path: (string | number)[],
  ours: readonly { id: string }[],
  theirs: readonly { id: string }[],
  noun: string,
  why: string,
): Diagnostic[] {
  const missing = ours.filter((o) => !theirs.some((t) => t.id === o.id)).map((o) => `'${clip(o.id)}'`);
  const extra = theirs.filter((t) => !ours.some((o) => o.id === t.id)).map((t) => `'${clip(t.id)}'`);
  if (missing.length === 0 && extra.length === 0) return [];
  const parts = [
    missing.length ? `lacks ${missing.length === 1 ? noun : `${noun}s`} ${fewOf(missing)}` : '',
    extra.length
      ? `has ${extra.length === 1 ? noun : `${noun}s`} ${fewOf(extra)} that the baseline lacks`
      : '',
  ].filter(Boolean);
  return [
    report(
      document,
      path,
      'baseline-mismatch',
      `compared with ${clip(model.baseline ?? '')}, this journey ${parts.join(' and ')}`,
      {
        severity: 'warning',
        hint: `use the same ${noun} ids so that ${why}`,
      },
    ),
  ];
}

/** ": " and the first error of a model that does not load, so that a loop of bases shows where it closes. */
export function firstError(loaded: FileCheck): string {
  const error = loaded.diagnostics.find((d) => d.severity === 'error');
  return error ? `: ${error.message}` : '';
}
