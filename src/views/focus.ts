/**
 * Focus: a part of the model drawn in the swimlane views, without editing the model. The most
 * likely path of each segment shown (the happy path), the steps a customer of the shown
 * segments reaches with at least some probability, or some stages; every criterion given must
 * hold. The segment itself is chosen with the `segment` option, as for every view.
 */
import { journeyChain } from '../analysis/journey-chain.js';
import { happyPath } from '../analysis/likely-path.js';
import { reachOf } from '../analysis/reach.js';
import type { Model } from '../model/model.js';
import { parseProbability } from '../model/units.js';
import { hintFor, RenderOptionError } from './option-error.js';

export interface Focus {
  /** Only the steps of each shown segment's most likely path. */
  happyPath?: boolean;
  /** Only the steps a customer of the shown segments reaches with at least this probability: 0.05 or "5%". */
  minReach?: number | string;
  /** Only the steps of these stages. */
  stages?: string[];
}

/** What of a view's options (customer-lanes.ts's ViewOptions) a focus reads. */
interface FocusOptions {
  segment?: string;
  focus?: Focus;
}

const shownSegments = (model: Model, options: FocusOptions) =>
  options.segment ? [options.segment] : model.segments.map((s) => s.id);

/** The least reach asked for, as a probability; throws RenderOptionError when it is none. */
export function minReachOf(focus: Focus): number | undefined {
  if (focus.minReach === undefined) return undefined;
  const parsed = parseProbability(focus.minReach);
  if (!parsed.ok) throw new RenderOptionError(`min-reach: ${parsed.message}`, parsed.hint ?? '');
  return parsed.value;
}

/** Checks the focus against the model: stages it names, a reach in [0, 1], and something left to draw. */
export function checkFocus(model: Model, options: FocusOptions): void {
  const focus = options.focus;
  if (!focus) return;
  minReachOf(focus);
  const stages = model.stages.map((s) => s.id);
  if (focus.stages?.length === 0)
    throw new RenderOptionError('the focus names no stage', `name one or more of ${stages.join(', ')}`);
  for (const stage of focus.stages ?? [])
    if (!stages.includes(stage))
      throw new RenderOptionError(
        `the focus names stage '${stage}', which the model does not have`,
        `${hintFor(stage, stages, 'stages')} (stages: ${stages.join(', ')})`,
      );
  if ((focusSteps(model, options)?.size ?? 1) > 0) return;
  const { minReach, ...rest } = focus;
  const without = focusSteps(model, { ...options, focus: rest }) ?? new Set(model.steps.map((s) => s.id));
  const reach = reachByStep(model, shownSegments(model, options));
  const most = Math.max(0, ...[...without].map((id) => reach.get(id) ?? 0));
  throw new RenderOptionError(
    'the focus leaves no step to draw',
    minReach !== undefined && without.size > 0
      ? `lower min-reach: the most reached step the rest of the focus keeps is reached by ${Number((most * 100).toFixed(1))}%`
      : 'choose stages the shown segments reach, or their most likely paths pass through',
  );
}

/** The focus in words, for the diagram's title: "focus: the most likely paths, stages Research, Review options". */
export function focusLabel(model: Model, focus: Focus): string {
  const names = new Map(model.stages.map((s) => [s.id, s.name]));
  const least = minReachOf(focus);
  const parts = [
    ...(focus.happyPath ? ['the most likely path of each segment'] : []),
    ...(least !== undefined ? [`steps reached by at least ${Number((least * 100).toFixed(2))}%`] : []),
    ...(focus.stages ? [`stages ${focus.stages.map((s) => names.get(s) ?? s).join(', ')}`] : []),
  ];
  return `focus: ${parts.join('; ')}`;
}

/** The ids of the steps the focus keeps, or undefined when there is no focus (keep them all). */
export function focusSteps(model: Model, options: FocusOptions): Set<string> | undefined {
  const focus = options.focus;
  if (!focus || (!focus.happyPath && focus.minReach === undefined && focus.stages === undefined))
    return undefined;
  const segments = shownSegments(model, options);
  let keep = model.steps.map((s) => s.id);
  if (focus.stages) {
    const stages = new Set(focus.stages);
    keep = keep.filter((id) => stages.has(model.steps.find((s) => s.id === id)?.stage ?? ''));
  }
  if (focus.happyPath) {
    const onPath = new Set(segments.flatMap((s) => happyPath(model, s)?.steps ?? []));
    keep = keep.filter((id) => onPath.has(id));
  }
  const least = minReachOf(focus);
  if (least !== undefined) {
    const reach = reachByStep(model, segments);
    keep = keep.filter((id) => (reach.get(id) ?? 0) >= least);
  }
  return new Set(keep);
}

/** The chance a customer of the given segments (weighted by their shares) ever reaches each step. */
export function reachByStep(model: Model, segments: readonly string[]): Map<string, number> {
  const shares = segments.map((id) => model.segments.find((s) => s.id === id)?.share ?? 0);
  const total = shares.reduce((a, b) => a + b, 0);
  const weights = shares.map((s) => (total > 0 ? s / total : 1 / segments.length));
  const reach = new Map(model.steps.map((s) => [s.id, 0]));
  for (const [k, segment] of segments.entries()) {
    const h = reachOf(journeyChain(model, segment).chain);
    for (const [i, step] of model.steps.entries())
      reach.set(step.id, (reach.get(step.id) ?? 0) + (weights[k] ?? 0) * (h[i] ?? 0));
  }
  return reach;
}
