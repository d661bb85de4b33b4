/**
 * A journey model, as the file writes it, from what a log's journeys were counted to be: stages
 * (from a mapping, the log's `stage` attribute, or one stage), a step per activity (and channel,
 * where an activity is split by channel) on its channel, where journeys start and each step's
 * ways on per segment, fail points where steps repeat, durations from the time to the next event
 * (or from start and complete events), the arrival rate, the segments' shares and the weekly
 * profile. Ends: a customer who gave up in a queue ends in `gave-up`; otherwise a journey's last
 * step says how it ended, by the mapping, or by default a success when most journeys that reach
 * the step end there (they came to do it) and an exit when most go on (they stopped halfway).
 */

import { BUILTIN_CHANNELS } from '../model/channels.js';
import type { Branch } from '../model/model.js';
import { estimatedDurationText } from '../model/serialize.js';
import { formatDuration } from '../model/units.js';
import { channelLabel } from './activity-mapping.js';
import type { ProfileEntry } from './arrival-profile.js';
import { arrivalRate, cappedRateText } from './arrival-rate.js';
import { discoveredFlows, type Targets } from './discovered-flows.js';
import { type ActivityGroups, endsOf, rolesOf, stagesOf } from './discovered-groups.js';
import { rounded } from './flow-estimate.js';
import type { JourneyCounts, MoveCount, StepNode, TimeStats } from './journey-counts.js';
import { NO_SEGMENT } from './log-segments.js';
import { slug } from './slug.js';

export interface ModelFromLog extends ActivityGroups {
  log: string;
  profile?: { entries: ProfileEntry[] } | { kept: string };
}

/** Fewer moves than this from a step in one segment: the segment takes the step's pooled flow. */
export const MIN_MOVES = 5;

export const ENDS = {
  success: { id: 'completed', name: 'Completed', outcome: 'success' },
  exit: { id: 'left', name: 'Left before the end', outcome: 'exit' },
  gaveUp: { id: 'gave-up', name: 'Gave up waiting', outcome: 'exit' },
} as const;

/** Ids for keyed names, unique among themselves and the ids already taken. */
function idsFor(named: [string, string][], taken: Set<string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, name] of named) {
    if (out.has(key)) continue;
    const base = slug(name);
    let id = base;
    for (let k = 2; taken.has(id); k++) id = `${base}-${k}`;
    taken.add(id);
    out.set(key, id);
  }
  return out;
}

/** Ids for names (each name its own key). */
const uniqueIds = (names: string[], taken: Set<string>) =>
  idsFor(
    names.map((n) => [n, n]),
    taken,
  );

/** A time in the largest unit it fills, to three significant digits (53.7 min, not 3221 s). */
const lognormal = (t: TimeStats) =>
  t.sd > 0
    ? `lognormal(${estimatedDurationText(t.mean)}, ${estimatedDurationText(t.sd)})`
    : estimatedDurationText(t.mean);

/** A flow as the file writes it: one id for a sure way on, else a list. */
const flowText = (list: Branch[]) =>
  list.length === 1 && list[0]?.p === 1 ? list[0].to : list.map((b) => ({ to: b.to, p: b.p }));

export function discoveredModel(
  nodes: StepNode[],
  counts: JourneyCounts,
  options: ModelFromLog,
): { document: Record<string, unknown>; notes: string[]; warnings: string[] } {
  const notes: string[] = [];
  const warnings: string[] = [];
  const pos = (n: StepNode) => counts.positions.get(n.node) ?? Number.POSITIVE_INFINITY;
  const ordered = [...nodes].sort((a, b) => pos(a) - pos(b) || Number(a.node) - Number(b.node));
  const channelsOf = new Map<string, number>();
  for (const n of nodes) channelsOf.set(n.activity, (channelsOf.get(n.activity) ?? 0) + 1);
  const split = new Set([...channelsOf].filter(([, k]) => k > 1).map(([a]) => a));
  // Named as a mapping names an activity's events on one channel, so that the log maps onto them.
  const label = (n: StepNode) => (split.has(n.activity) ? channelLabel(n.activity, n.channel) : n.activity);
  const taken = new Set<string>(Object.values(ENDS).map((e) => e.id));
  const stepIds = idsFor(
    ordered.map((n) => [n.node, label(n)]),
    taken,
  );
  const idOf = (node: string) => stepIds.get(node) as string;

  const segmentNames = [...counts.segments.keys()];
  // Customers the log gives no segment: 'Customers' when they are all, else 'No segment'.
  const segmentName = (s: string) => s || (segmentNames.length > 1 ? NO_SEGMENT : 'Customers');
  const segmentIds = uniqueIds(segmentNames.map(segmentName), new Set());
  const segId = (s: string) => segmentIds.get(segmentName(s)) as string;
  const perSegment = segmentNames.length > 1;

  const stageOf = stagesOf(ordered, counts, options, notes, warnings);
  const stageNames = [...new Set(ordered.map((n) => stageOf.get(n.node) as string))];
  const stageIds = uniqueIds(stageNames, new Set());

  const endOf = endsOf(nodes, counts, options, notes, warnings);
  const endId = (from: string, gaveUp: boolean) =>
    gaveUp ? ENDS.gaveUp.id : ENDS[endOf.get(from) ?? 'exit'].id;
  const { moves, usedEnds } = movesByStep(counts, (m) =>
    m.to === null ? endId(m.from, m.gaveUp) : idOf(m.to),
  );
  const flowsOf = (n: StepNode) =>
    groupFlows(idOf(n.node), moves.get(n.node) ?? new Map(), segmentNames.length, segId);

  const roleOf = rolesOf(nodes, counts, options, notes, warnings);
  const roleIds = uniqueIds(
    [...new Set(nodes.map(roleOf).filter((r): r is string => r !== undefined))],
    new Set(),
  );
  const { steps, channels } = stepsOf(ordered, counts, {
    idOf,
    label,
    stage: (n) => stageIds.get(stageOf.get(n.node) as string) as string,
    role: (n) => {
      const role = roleOf(n);
      return role === undefined ? undefined : roleIds.get(role);
    },
    flows: flowsOf,
    notes,
  });

  const startFlows = groupFlows(
    '',
    new Map(
      segmentNames.map((s) => [
        s,
        new Map(counts.starts.filter((x) => x.segment === s).map((x) => [idOf(x.node), x.n])),
      ]),
    ),
    segmentNames.length,
    segId,
  );
  const shares = rounded(
    segmentNames.map((s) => ({ to: s, p: (counts.segments.get(s) ?? 0) / counts.cases })),
  );
  const document: Record<string, unknown> = {
    linesight: 1,
    id: slug(`discovered-${options.log}`),
    name: `Journeys discovered from the log '${options.log}'`,
    description: `Discovered by linesight log model from ${counts.cases} customers' journeys in the log '${options.log}'.`,
    arrivals: arrivalsOf(counts, options, notes, warnings),
    ...(channels.size > 0
      ? { channels: [...channels].map(([id, name]) => ({ id, name, mode: 'digital' })) }
      : {}),
    ...(roleIds.size > 0 ? { organization: frontLine(roleIds) } : {}),
    segments: shares.map((b) => ({
      id: segId(b.to),
      name: segmentName(b.to),
      ...(perSegment ? { share: b.p } : {}),
    })),
    stages: stageNames.map((s) => ({ id: stageIds.get(s), name: s })),
    start: startFlows.next,
    steps,
    ends: Object.values(ENDS)
      .filter((e) => usedEnds.has(e.id))
      .map((e) => ({ ...e })),
  };
  if (channels.size > 0)
    notes.push(
      `channels not built in, declared as digital: ${[...channels.keys()].join(', ')} (check their mode)`,
    );
  return { document, notes, warnings };
}

/** Moves per step and segment, to step and end ids (`target`), and the ends they reach. */
function movesByStep(
  counts: JourneyCounts,
  target: (m: MoveCount) => string,
): { moves: Map<string, Map<string, Targets>>; usedEnds: Set<string> } {
  const moves = new Map<string, Map<string, Targets>>();
  const usedEnds = new Set<string>();
  for (const m of counts.moves) {
    const to = target(m);
    if (m.to === null) usedEnds.add(to);
    const bySeg = moves.get(m.from) ?? new Map<string, Targets>();
    const t = bySeg.get(m.segment) ?? new Map<string, number>();
    t.set(to, (t.get(to) ?? 0) + m.n);
    bySeg.set(m.segment, t);
    moves.set(m.from, bySeg);
  }
  return { moves, usedEnds };
}

/** One frontstage department holding the roles that serve steps (role name to id). */
const frontLine = (roleIds: Map<string, string>) => ({
  departments: [
    {
      id: 'front-line',
      name: 'Front line',
      visibility: 'frontstage',
      roles: [...roleIds].map(([name, id]) => ({ id, name })),
    },
  ],
});

/** The steps as the file writes them, with the channels linesight does not know. */
function stepsOf(
  ordered: StepNode[],
  counts: JourneyCounts,
  at: {
    idOf: (node: string) => string;
    label: (n: StepNode) => string;
    stage: (n: StepNode) => string;
    role: (n: StepNode) => string | undefined;
    flows: (n: StepNode) => ReturnType<typeof groupFlows>;
    notes: string[];
  },
): { steps: Record<string, unknown>[]; channels: Map<string, string> } {
  const channels = new Map<string, string>();
  const builtin = new Set(BUILTIN_CHANNELS.map((c) => c.id));
  const gaps = new Map(counts.gaps.map((g) => [g.node, g]));
  const lifecycles = new Map(counts.lifecycles.map((g) => [g.node, g]));
  const untimed: string[] = [];
  const failing: string[] = [];
  const steps = ordered.map((n) => {
    const channel = n.channel === null ? undefined : slug(n.channel);
    if (channel && !builtin.has(channel)) channels.set(channel, n.channel as string);
    const flows = at.flows(n);
    const timed = lifecycles.get(n.activity) ?? gaps.get(n.node);
    const timeable = timed !== undefined && timed.n >= MIN_MOVES && timed.mean > 0;
    if (!timeable) untimed.push(at.idOf(n.node));
    const role = at.role(n);
    if (flows.fail) failing.push(`${at.idOf(n.node)} (${(100 * flows.fail.p).toFixed(1)}%)`);
    return {
      id: at.idOf(n.node),
      name: at.label(n),
      stage: at.stage(n),
      ...(channel ? { channel } : {}),
      ...(role ? { role } : {}),
      ...(timeable ? { duration: lognormal(timed) } : {}),
      ...(flows.fail
        ? {
            fail: {
              p: flows.fail.p,
              cause: 'Repeated: the customer did this step again straight away',
              next: flows.fail.next,
            },
          }
        : {}),
      next: flows.next,
    };
  });
  if (untimed.length > 0)
    at.notes.push(
      `no duration for ${untimed.join(', ')}: too few later events to time them (set one by hand)`,
    );
  if (failing.length > 0)
    at.notes.push(`fail points where steps repeat straight away: ${failing.join(', ')}`);
  if (counts.lifecycles.length > 0)
    at.notes.push(
      'durations from start and complete events: the time between steps (queues, waits) is not in the model; add waits by hand',
    );
  else
    at.notes.push(
      "durations are the time from a step to the customer's next event (queues and waits before it included), averaged over all its visits, a last visit counting 0: the journeys take as long as in the log",
    );

  return { steps, channels };
}

/** A step's flows in the file's shape: per segment where the log has segments, pooled as `default`. */
function groupFlows(
  step: string,
  bySegment: Map<string, Targets>,
  segments: number,
  segId: (s: string) => string,
): { next: unknown; fail?: { p: number; next: unknown } } {
  const perSegment = segments > 1;
  const pooled = new Map<string, number>();
  for (const t of bySegment.values()) for (const [to, n] of t) pooled.set(to, (pooled.get(to) ?? 0) + n);
  const groups = new Map<string, Targets>();
  if (!perSegment) groups.set('default', pooled);
  else {
    const sum = (t: Targets) => [...t.values()].reduce((s, n) => s + n, 0);
    for (const [s, t] of [...bySegment].sort(([a], [b]) => (a < b ? -1 : 1)))
      if (sum(t) >= MIN_MOVES) groups.set(segId(s), t);
    if (groups.size < segments) groups.set('default', pooled);
  }
  if (pooled.size === 0) return { next: [] };
  const flows = discoveredFlows(step, groups, pooled);
  const shape = (m: Map<string, Branch[]>) =>
    perSegment
      ? Object.fromEntries([...m].map(([g, list]) => [g, flowText(list)]))
      : flowText(m.get('default') ?? []);
  return {
    next: shape(flows.next),
    ...(flows.fail ? { fail: { p: flows.fail.p, next: shape(flows.fail.next) } } : {}),
  };
}

/** The arrival rate over the span of first events, with the weekly profile when the log says it. */
function arrivalsOf(
  counts: JourneyCounts,
  options: ModelFromLog,
  notes: string[],
  warnings: string[],
): Record<string, unknown> {
  if (counts.cases < 2 || counts.span <= 0) {
    warnings.push(
      'the log has too few customers to measure how often they arrive: arrivals set to 1/h (set the rate by hand)',
    );
    return { rate: '1/h' };
  }
  const { rate, capped } = arrivalRate(counts.cases, counts.span);
  if (capped !== undefined) warnings.push(cappedRateText(capped, rate));
  notes.push(`arrival rate ${rate} from ${counts.cases} customers over ${formatDuration(counts.span)}`);
  const profile = options.profile;
  if (profile && 'entries' in profile) {
    notes.push(`weekly arrival profile: ${profile.entries.length} hour spans`);
    return { rate, profile: profile.entries };
  }
  if (profile) notes.push(`no weekly profile: ${profile.kept}`);
  return { rate };
}
