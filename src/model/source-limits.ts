/**
 * How large and how deep a model file may be: past these a file is refused with a clear message
 * (or, past PLACED_UP_TO, its diagnostics left without line and column), never parsed at a cost
 * without bound.
 */
import type { Diagnostic } from './diagnostic.js';

/** Larger files are refused rather than parsed: a model of 5,000 steps is about 2 MiB. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/**
 * No model nests deeper than this (a backstage activity's BPMN link is 6 levels down); far deeper
 * nesting is an accident or an attack, and parsers and checks that recurse would overflow on it.
 */
export const MAX_DEPTH = 64;

/**
 * Past this size, diagnostics give the field path without line and column: placing them needs
 * `yaml`'s document, which takes about a second per MiB (and more for dense JSON), minutes at 64.
 */
export const PLACED_UP_TO = 4 * 2 ** 20;

/** A value nested past MAX_DEPTH, at its place. */
export const deepAt = (file: string, line: number, column: number): Diagnostic => ({
  code: 'nesting-too-deep',
  severity: 'error',
  message: `${file} nests values more than ${MAX_DEPTH} levels deep here`,
  hint: 'no model field nests that deep: check for unclosed [ or {, or write the value flatter',
  file,
  line,
  column,
  path: '',
});
