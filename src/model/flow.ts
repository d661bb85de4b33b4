/**
 * Flows ("what follows") from the file's three spellings, an id, a list of branches, or a list
 * per segment with `default` for the rest, into one list per segment whose probabilities sum
 * to 1. One branch may leave out its probability and take what the others leave.
 */

import { clip } from './clip.js';
import type { Path } from './diagnostic.js';
import type { Branch, Flow } from './model.js';
import type { BranchSchema, FlowSchema } from './schema.js';
import { didYouMean } from './suggest.js';
import type * as z from './zod.js';

type RawFlow = z.output<typeof FlowSchema>;
type RawBranch = z.output<typeof BranchSchema>;
type RawList = string | RawBranch[];

export const DEFAULT_SEGMENT_KEY = 'default';

/** Sums within this of 1 count as 1: probabilities written as decimals rarely add up exactly. */
export const PROBABILITY_TOLERANCE = 1e-6;

export interface FlowProblem {
  path: Path;
  code: 'probabilities-sum' | 'missing-probability' | 'unknown-segment' | 'missing-segment-flow';
  message: string;
  hint?: string;
}

export function normalizeFlow(
  raw: RawFlow,
  segments: readonly string[],
  path: Path,
  what: string,
): { flow: Flow; problems: FlowProblem[] } {
  const problems: FlowProblem[] = [];
  const flow: Flow = {};
  if (typeof raw === 'string' || Array.isArray(raw)) {
    const branches = normalizeList(raw, path, what, problems);
    for (const segment of segments) flow[segment] = branches;
    return { flow, problems };
  }
  for (const key of Object.keys(raw)) {
    if (key !== DEFAULT_SEGMENT_KEY && !segments.includes(key)) {
      problems.push({
        path: [...path, key],
        code: 'unknown-segment',
        message: `${what} names unknown segment '${clip(key)}'`,
        hint: `${didYouMean(key, segments, 'segments')} (or use '${DEFAULT_SEGMENT_KEY}' for every other segment)`,
      });
    }
  }
  const fallback = raw[DEFAULT_SEGMENT_KEY];
  const fallbackBranches =
    fallback === undefined
      ? undefined
      : normalizeList(fallback, [...path, DEFAULT_SEGMENT_KEY], what, problems);
  for (const segment of segments) {
    const own = raw[segment];
    if (own !== undefined)
      flow[segment] = normalizeList(
        own,
        [...path, segment],
        `${what} for segment '${clip(segment)}'`,
        problems,
      );
    else if (fallbackBranches) flow[segment] = fallbackBranches;
    else {
      problems.push({
        path,
        code: 'missing-segment-flow',
        message: `${what} says nothing for segment '${clip(segment)}'`,
        hint: `add '${clip(segment)}: ...' or '${DEFAULT_SEGMENT_KEY}: ...'`,
      });
      flow[segment] = [];
    }
  }
  return { flow, problems };
}

function normalizeList(raw: RawList, path: Path, what: string, problems: FlowProblem[]): Branch[] {
  if (typeof raw === 'string') return [{ to: raw, p: 1 }];
  const open = raw.filter((b) => b.p === undefined);
  const given = raw.reduce((sum, b) => sum + (b.p ?? 0), 0);
  if (open.length > 1) {
    problems.push({
      path,
      code: 'missing-probability',
      message: `${what}: ${open.length} branches have no probability`,
      hint: 'give every branch its p; at most one may leave it out to take the rest',
    });
  }
  const rest = open.length === 1 ? Math.max(0, 1 - given) : 0;
  const branches = raw.map((b) => ({
    to: b.to,
    p: b.p ?? rest,
    ...(b.label !== undefined ? { label: b.label } : {}),
  }));
  const total = branches.reduce((sum, b) => sum + b.p, 0);
  if (
    open.length <= 1 &&
    raw.length > 0 &&
    (Math.abs(total - 1) > PROBABILITY_TOLERANCE || given > 1 + PROBABILITY_TOLERANCE)
  ) {
    const shown = Number(given.toFixed(6));
    problems.push({
      path,
      code: 'probabilities-sum',
      message: `${what}: the probabilities sum to ${shown}, not 1`,
      hint:
        open.length === 1
          ? 'the others already exceed 1; lower them'
          : `adjust them so they add up to 1 (${shown > 1 ? 'remove' : 'add'} ${Number(Math.abs(1 - given).toFixed(6))})`,
    });
  }
  if (raw.length === 0)
    problems.push({
      path,
      code: 'probabilities-sum',
      message: `${what} is an empty list`,
      hint: 'name at least one step or end',
    });
  return branches;
}
