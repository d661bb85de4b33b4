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
import { durationText } from '../model/serialize.js';
import { formatDuration } from '../model/units.js';
import type { ProfileEntry } from './arrival-profile.js';
import { discoveredFlows, type Targets } from './discovered-flows.js';
import { rounded } from './flow-estimate.js';
import type { JourneyCounts, StepNode, TimeStats } from './journey-counts.js';

export type EndOutcome = 'success' | 'exit';

export interface ModelFromLog {
  log: string;
  /** Activity to stage name (`--stages`). */
  stages?: Map<string, string>;
  /** Activity to how a journey that ends there ended (`--ends`). */
  ends?: Map<string, string>;
  /** Activity to the role of the people who serve it (`--roles`): those steps are contacts. */
  roles?: Map<string, string>;
  profile?: { entries: ProfileEntry[] } | { kept: string };
}

/** Fewer moves than this from a step in one segment: the segment takes the step's pooled flow. */
export const MIN_MOVES = 5;

export const ENDS = {
  success: { id: 'completed', name: 'Completed', outcome: 'success' },
  exit: { id: 'left', name: 'Left before the end', outcome: 'exit' },
  gaveUp: { id: 'gave-up', name: 'Gave up waiting', outcome: 'exit' },
} as const;

/** A name made into an id: letters, digits and dashes, starting with a letter. */
export function slug(text: string): string {
  const s = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return /^[a-z]/.test(s) ? s : `x-${s || 'unnamed'}`;
}

/** Ids for names, unique among themselves and the ids already taken. */
function uniqueIds(names: string[], taken: Set<string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of names) {
    const base = slug(name);
    let id = base;
    for (let k = 2; taken.has(id); k++) id = `${base}-${k}`;
    taken.add(id);
    out.set(name, id);
  }
  return out;
}

const lognormal = (t: TimeStats) => {
  const mean = durationText(Math.max(1, Math.round(t.mean)));
  return t.sd > 0 ? `lognormal(${mean}, ${durationText(Math.max(1, Math.round(t.sd)))})` : mean;
};

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
  const label = (n: StepNode) => (split.has(n.activity) ? `${n.activity} (${n.channel})` : n.activity);
  const taken = new Set<string>(Object.values(ENDS).map((e) => e.id));
  const labels = new Map(ordered.map((n) => [n.node, label(n)]));
  const stepIds = uniqueIds([...labels.values()], taken);
  const idOf = (node: string) => stepIds.get(labels.get(node) as string) as string;

  const segmentNames = [...counts.segments.keys()];
  const segmentIds = uniqueIds(
    segmentNames.map((s) => s || 'customers'),
    new Set(),
  );
  const segId = (s: string) => segmentIds.get(s || 'customers') as string;
  const perSegment = segmentNames.length > 1;

  const stageOf = stagesOf(ordered, counts, options, notes, warnings);
  const stageNames = [...new Set(ordered.map((n) => stageOf.get(n.node) as string))];
  const stageIds = uniqueIds(stageNames, new Set());

  const endOf = endsOf(nodes, counts, options, notes, warnings);
  const endId = (from: string, gaveUp: boolean) =>
    gaveUp ? ENDS.gaveUp.id : ENDS[endOf.get(from) ?? 'exit'].id;
  const usedEnds = new Set<string>();

  // Moves per step and segment, to step and end ids.
  const moves = new Map<string, Map<string, Targets>>();
  for (const m of counts.moves) {
    const to = m.to === null ? endId(m.from, m.gaveUp) : idOf(m.to);
    if (m.to === null) usedEnds.add(to);
    const bySeg = moves.get(m.from) ?? new Map<string, Targets>();
    const t = bySeg.get(m.segment) ?? new Map<string, number>();
    t.set(to, (t.get(to) ?? 0) + m.n);
    bySeg.set(m.segment, t);
    moves.set(m.from, bySeg);
  }

  const roleOf = rolesOf(nodes, counts, options, notes, warnings);
  const roleIds = uniqueIds(
    [...new Set(nodes.map(roleOf).filter((r): r is string => r !== undefined))],
    new Set(),
  );
  const channels = new Map<string, string>();
  const builtin = new Set(BUILTIN_CHANNELS.map((c) => c.id));
  const gaps = new Map(counts.gaps.map((g) => [g.node, g]));
  const lifecycles = new Map(counts.lifecycles.map((g) => [g.node, g]));
  const untimed: string[] = [];
  const failing: string[] = [];
  const steps = ordered.map((n) => {
    const channel = n.channel === null ? undefined : slug(n.channel);
    if (channel && !builtin.has(channel)) channels.set(channel, n.channel as string);
    const flows = groupFlows(idOf(n.node), moves.get(n.node) ?? new Map(), segmentNames.length, segId);
    const timed = lifecycles.get(n.activity) ?? gaps.get(n.node);
    const timeable = timed !== undefined && timed.n >= MIN_MOVES && timed.mean > 0;
    if (!timeable) untimed.push(idOf(n.node));
    const role = roleOf(n);
    if (flows.fail) failing.push(`${idOf(n.node)} (${(100 * flows.fail.p).toFixed(1)}%)`);
    return {
      id: idOf(n.node),
      name: label(n),
      stage: stageIds.get(stageOf.get(n.node) as string),
      ...(channel ? { channel } : {}),
      ...(role ? { role: roleIds.get(role) } : {}),
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
    notes.push(`no duration for ${untimed.join(', ')}: too few later events to time them (set one by hand)`);
  if (failing.length > 0) notes.push(`fail points where steps repeat straight away: ${failing.join(', ')}`);
  if (counts.lifecycles.length > 0)
    notes.push(
      'durations from start and complete events: the time between steps (queues, waits) is not in the model; add waits by hand',
    );
  else
    notes.push(
      "durations are the time from a step to the customer's next event (queues and waits before it included), averaged over all its visits, a last visit counting 0: the journeys take as long as in the log",
    );

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
    name: `Journeys discovered from the log ${options.log}`,
    description: `Discovered by linesight log model from ${counts.cases} customers' journeys in the log '${options.log}'.`,
    arrivals: arrivalsOf(counts, options, notes, warnings),
    ...(channels.size > 0
      ? { channels: [...channels].map(([id, name]) => ({ id, name, mode: 'digital' })) }
      : {}),
    ...(roleIds.size > 0
      ? {
          organization: {
            departments: [
              {
                id: 'front-line',
                name: 'Front line',
                visibility: 'frontstage',
                roles: [...roleIds].map(([name, id]) => ({ id, name })),
              },
            ],
          },
        }
      : {}),
    segments: shares.map((b) => ({
      id: segId(b.to),
      name: b.to || 'Customers',
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
  const flows = discoveredFlows(step, groups);
  const shape = (m: Map<string, Branch[]>) =>
    perSegment
      ? Object.fromEntries([...m].map(([g, list]) => [g, flowText(list)]))
      : flowText(m.get('default') ?? []);
  return {
    next: shape(flows.next),
    ...(flows.fail ? { fail: { p: flows.fail.p, next: shape(flows.fail.next) } } : {}),
  };
}

/**
 * Who serves each node (its steps are then contacts): the role `--roles` names, else `Staff`
 * where most of its events name a resource, else nobody.
 */
function rolesOf(
  nodes: StepNode[],
  counts: JourneyCounts,
  options: ModelFromLog,
  notes: string[],
  warnings: string[],
): (n: StepNode) => string | undefined {
  const mapping = options.roles ?? new Map<string, string>();
  const activities = new Set(nodes.map((n) => n.activity));
  const unknown = [...mapping.keys()].filter((a) => !activities.has(a));
  if (unknown.length > 0)
    warnings.push(`--roles names activities the log does not have: ${unknown.join(', ')}`);
  const byResource = nodes.filter((n) => !mapping.has(n.activity) && (counts.served.get(n.node) ?? 0) >= 0.5);
  if (mapping.size > 0) notes.push('roles (who serves a step, which makes it a contact) from --roles');
  if (byResource.length > 0)
    notes.push(
      `served by 'Staff' (most of their events name a resource): ${[...new Set(byResource.map((n) => n.activity))].join(', ')}`,
    );
  if (mapping.size === 0 && byResource.length === 0)
    notes.push('no step is a contact: the log names no resource; say who serves which step with --roles');
  return (n) => mapping.get(n.activity) ?? (byResource.includes(n) ? 'Staff' : undefined);
}

/** Each node's stage name: the mapping's, else the log's `stage` attribute, else one stage. */
function stagesOf(
  nodes: StepNode[],
  counts: JourneyCounts,
  options: ModelFromLog,
  notes: string[],
  warnings: string[],
): Map<string, string> {
  const out = new Map<string, string>();
  if (options.stages && options.stages.size > 0) {
    const mapping = options.stages;
    const activities = new Set(nodes.map((n) => n.activity));
    const unknown = [...mapping.keys()].filter((a) => !activities.has(a));
    if (unknown.length > 0)
      warnings.push(`--stages names activities the log does not have: ${unknown.join(', ')}`);
    const unmapped = [...new Set(nodes.filter((n) => !mapping.has(n.activity)).map((n) => n.activity))];
    if (unmapped.length > 0)
      warnings.push(
        `--stages leaves out ${unmapped.join(', ')}: put in the stage 'Other' (move them by hand)`,
      );
    for (const n of nodes) out.set(n.node, mapping.get(n.activity) ?? 'Other');
    notes.push('stages from --stages');
    return out;
  }
  const votes = new Map<string, { stage: string; n: number }>();
  for (const v of counts.stageVotes) {
    const best = votes.get(v.node);
    if (!best || v.n > best.n) votes.set(v.node, v);
  }
  if (votes.size > 0) {
    for (const n of nodes) out.set(n.node, votes.get(n.node)?.stage ?? 'Other');
    notes.push("stages from the log's stage attribute (each step in the stage most of its events name)");
    return out;
  }
  for (const n of nodes) out.set(n.node, 'Journey');
  notes.push('one stage: the log names no stages; group the steps by hand or with --stages');
  return out;
}

/** How a journey that ends at each node ended: the mapping's word, else by where most go. */
function endsOf(
  nodes: StepNode[],
  counts: JourneyCounts,
  options: ModelFromLog,
  notes: string[],
  warnings: string[],
): Map<string, EndOutcome> {
  const mapping = options.ends ?? new Map<string, string>();
  for (const [activity, outcome] of mapping)
    if (outcome !== 'success' && outcome !== 'exit')
      warnings.push(`--ends: "${outcome}" for ${activity} is neither success nor exit; the default decides`);
  const activities = new Set(nodes.map((n) => n.activity));
  const unknown = [...mapping.keys()].filter((a) => !activities.has(a));
  if (unknown.length > 0)
    warnings.push(`--ends names activities the log does not have: ${unknown.join(', ')}`);
  const total = new Map<string, number>();
  const ending = new Map<string, number>();
  for (const m of counts.moves) {
    total.set(m.from, (total.get(m.from) ?? 0) + m.n);
    if (m.to === null && !m.gaveUp) ending.set(m.from, (ending.get(m.from) ?? 0) + m.n);
  }
  const out = new Map<string, EndOutcome>();
  const guessed: string[] = [];
  for (const n of nodes) {
    if (!ending.has(n.node)) continue;
    const given = mapping.get(n.activity);
    if (given === 'success' || given === 'exit') out.set(n.node, given);
    else {
      const success = (ending.get(n.node) ?? 0) >= 0.5 * (total.get(n.node) ?? 0);
      out.set(n.node, success ? 'success' : 'exit');
      if (success) guessed.push(n.activity);
    }
  }
  if (guessed.length > 0)
    notes.push(
      `journeys ending after ${[...new Set(guessed)].join(', ')} count as completed (most journeys there end there); name exits with --ends`,
    );
  return out;
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
  const rate = `${Number(((counts.cases - 1) / (counts.span / 3600)).toPrecision(4))}/h`;
  notes.push(`arrival rate ${rate} from ${counts.cases} customers over ${formatDuration(counts.span)}`);
  const profile = options.profile;
  if (profile && 'entries' in profile) {
    notes.push(`weekly arrival profile: ${profile.entries.length} hour spans`);
    return { rate, profile: profile.entries };
  }
  if (profile) notes.push(`no weekly profile: ${profile.kept}`);
  return { rate };
}
