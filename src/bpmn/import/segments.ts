/**
 * The journey's segments: the ones the file says (linesight's exports), else the customer pool's
 * lanes with equal shares (said so), else one segment named for the customer's pool; and the
 * arrivals a file gives at its start events.
 */
import type { Element } from '../moddle.js';
import type { Data, JourneyContext } from './context.js';
import { label, shown } from './labels.js';
import { allLanes } from './organization.js';

export interface Segments {
  list: Data[];
  /** The file said them: they are kept as written. */
  given: boolean;
}

export function segmentsOf(ctx: JourneyContext): Segments {
  const given = ctx.interchange.model().segments as Data[] | undefined;
  if (given) return { list: given, given: true };
  const { customer } = ctx.scope;
  const lanes = customer ? allLanes(customer.processRef as Element | undefined) : [];
  if (lanes.length <= 1)
    return { list: [{ id: 'customers', name: customer ? label(customer) : 'Customers' }], given: false };
  const list = lanes.map((l) => ({ id: ctx.makeId(l, 'segment'), name: label(l) }));
  ctx.warn(
    `the customer pool's lanes became segments with equal shares: ${list.map((s) => s.name).join(', ')}`,
  );
  return { list, given: false };
}

/** The segments as the model writes them: as given, else each with an equal share. */
export function segmentsWithShares(segments: Segments): Data[] {
  if (segments.given) return segments.list;
  const n = segments.list.length;
  // The first takes what rounding leaves, so the shares add up to 1 exactly.
  return segments.list.map((s, i) => ({ ...s, share: i === 0 ? 1 - (n - 1) * (1 / n) : 1 / n }));
}

/** Arrivals the interchange gives at a start event go to the segment it names, or the only one. */
export function applyArrivals(starts: Element[], segments: Data[], ctx: JourneyContext): void {
  for (const s of starts) {
    const arrivals = ctx.interchange.arrivals(String(s.id));
    if (!arrivals) continue;
    const { segment, ...rest } = arrivals;
    const target =
      segments.find((x) => x.id === segment) ?? (segments.length === 1 ? segments[0] : undefined);
    if (target) target.arrivals = rest;
    else ctx.warn(`the arrivals at '${shown(s)}' name no segment of the model; left out`);
  }
}
