/**
 * The path a journey map follows: one persona's journey. By default the most likely path of the
 * segment asked for (the first segment without one); given one end, the most likely path into
 * it (the consumers' most likely journey may be a short one to abandonment, and a board wants
 * to see the order too); or the steps given, in order, each of which must lead to the next for
 * that segment. An end may close the list.
 */
import {
  happyPath,
  type JourneyPath,
  linksFrom,
  mostLikelyPath,
  pathThrough,
} from '../analysis/likely-path.js';
import type { Model, Segment } from '../model/model.js';
import type { ViewOptions } from './customer-lanes.js';
import { hintFor, RenderOptionError } from './option-error.js';

export interface ShownPath {
  segment: Segment;
  path: JourneyPath;
  /** True when the path is the segment's most likely one (into `into`, when given), not steps asked for. */
  likely: boolean;
  /** The end the most likely path was asked to reach. */
  into?: string;
}

export function journeySegment(model: Model, options: ViewOptions): Segment {
  const segment = model.segments.find((s) => s.id === options.segment) ?? model.segments[0];
  if (!segment) throw new RenderOptionError('the model has no segment', 'add a segment to the model');
  return segment;
}

/** The path to draw; throws RenderOptionError when the steps asked for are no path. */
export function journeyPath(model: Model, options: ViewOptions): ShownPath {
  const segment = journeySegment(model, options);
  const [only] = options.path ?? [];
  const end = options.path?.length === 1 ? model.ends.find((e) => e.id === only) : undefined;
  if (options.path === undefined || end) {
    const path = end ? mostLikelyPath(model, segment.id, new Set([end.id])) : happyPath(model, segment.id);
    if (!path)
      throw new RenderOptionError(
        `no path leads segment '${segment.id}' from a start to ${end ? `the end '${end.id}'` : 'an end'}`,
        end
          ? `choose an end the segment reaches: ${reachedEnds(model, segment.id).join(', ')}`
          : "see the model's problems (linesight validate): every step a segment reaches must lead to an end",
      );
    return { segment, path, likely: true, ...(end ? { into: end.id } : {}) };
  }
  return { segment, path: askedPath(model, segment.id, options.path), likely: false };
}

/** Which path is shown, in words: "their most likely path (to 'Order received')". */
export function pathKind(model: Model, shown: ShownPath): string {
  if (!shown.likely) return 'the path asked for';
  const into = model.ends.find((e) => e.id === shown.into)?.name;
  if (into) return `their most likely path to '${into}'`;
  const end = model.ends.find((e) => e.id === shown.path.end);
  return end?.outcome === 'success' ? 'their most likely path to success' : 'their most likely path';
}

/** The ends a segment's most likely paths can reach, in the model's order. */
const reachedEnds = (model: Model, segment: string) =>
  model.ends.filter((e) => mostLikelyPath(model, segment, new Set([e.id]))).map((e) => e.id);

function askedPath(model: Model, segment: string, ids: readonly string[]): JourneyPath {
  if (ids.length === 0)
    throw new RenderOptionError(
      'the path names no steps',
      'name the steps in the order the customer takes them, e.g. browse-catalogue,product-page',
    );
  const steps = new Set(model.steps.map((s) => s.id));
  const ends = new Set(model.ends.map((e) => e.id));
  for (const [i, id] of ids.entries()) {
    if (ends.has(id) && i < ids.length - 1)
      throw new RenderOptionError(
        `the path goes on after the end '${id}'`,
        'an end closes the journey: put it last, or leave it out',
      );
    if (!steps.has(id) && !ends.has(id))
      throw new RenderOptionError(
        `the path names '${id}', which is no step or end of the model`,
        hintFor(id, [...steps, ...ends], 'steps'),
      );
  }
  if (ends.has(ids[0] ?? ''))
    throw new RenderOptionError(
      `the path starts at the end '${ids[0]}'`,
      'name at least one step before the end',
    );
  const links = linksFrom(model, segment);
  for (let i = 1; i < ids.length; i++) {
    const [from, to] = [ids[i - 1] as string, ids[i] as string];
    const out = links.get(from) ?? [];
    if (out.some((l) => l.to === to)) continue;
    const targets = out.map(
      (l) => `${l.to}${ends.has(l.to) ? ' (an end)' : ''}${l.failure >= l.p ? ' (after a failure)' : ''}`,
    );
    throw new RenderOptionError(
      `the path breaks at '${from}' -> '${to}': for segment '${segment}', '${from}' does not lead to '${to}'`,
      targets.length > 0
        ? `'${from}' leads to ${targets.join(', ')}`
        : `'${from}' leads nowhere for segment '${segment}'`,
    );
  }
  const last = ids[ids.length - 1] as string;
  const end = ends.has(last) ? last : undefined;
  return pathThrough(model, segment, end ? ids.slice(0, -1) : ids, end) as JourneyPath;
}
