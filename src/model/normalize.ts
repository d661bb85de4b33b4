/**
 * The meaning check: from the parsed file (right shape) to the model (right meaning). Every id is
 * unique in its kind, every reference resolves, every segment's flow sums to 1, every step is
 * reachable and leads to an end, no stage is empty, and units are settled (currencies, shifts).
 * It reports everything it finds and returns a model only when nothing is wrong.
 */

import { basename, extname } from 'node:path';
import type * as z from 'zod';
import { abandonDestination } from './abandon.js';
import { BUILTIN_CHANNELS } from './channels.js';
import { clip, fewOf } from './clip.js';
import type { Diagnostic, DiagnosticCode, Path } from './diagnostic.js';
import { hasErrors } from './diagnostic.js';
import { type Distribution, meanOf } from './distribution.js';
import { type ModelDocument, type ReportOptions, report } from './document.js';
import { type Economics, normalizeEconomics } from './economics.js';
import { normalizeFlow } from './flow.js';
import type {
  Activity,
  Arrivals,
  ArrivalWindow,
  BpmnLink,
  Channel,
  Department,
  Flow,
  Model,
  Resource,
  Segment,
  Shift,
  Step,
  Wait,
} from './model.js';
import { checkReachability } from './reachability.js';
import { parseDays, parseHours } from './schedule.js';
import type { BpmnLinkSchema, FlowSchema, ModelSchema } from './schema.js';
import { didYouMean } from './suggest.js';
import { distributionsOf, movedMeans } from './truncated-normal.js';

type Parsed = z.output<typeof ModelSchema>;
type RawFlow = z.output<typeof FlowSchema>;

interface Context {
  doc: ModelDocument;
  diagnostics: Diagnostic[];
  options: ReportOptions;
}

function problem(ctx: Context, path: Path, code: DiagnosticCode, message: string, extra: ReportOptions = {}) {
  ctx.diagnostics.push(report(ctx.doc, path, code, message, { ...ctx.options, ...extra }));
}

/** Models that declare no segment have one: all customers alike. */
const IMPLICIT_SEGMENT: Parsed['segments'][number] = { id: 'customers', name: 'Customers', attributes: {} };

export function normalize(
  doc: ModelDocument,
  parsed: Parsed,
  context?: string,
): { model?: Model; diagnostics: Diagnostic[] } {
  const ctx: Context = { doc, diagnostics: [], options: context ? { context } : {} };
  const ids = indexIds(ctx, parsed);
  checkReferences(ctx, parsed, ids);

  const segments = normalizeSegments(ctx, parsed);
  const segmentIds = segments.map((s) => s.id);
  // Listed once for every unknown target's hint, not once per target (a broken file has thousands).
  let nodeIds: string[] | undefined;
  const flowOf = (raw: RawFlow, path: Path, what: string): Flow => {
    for (const { to, path: at } of branchTargets(raw, path)) {
      if (!ids.nodes.has(to)) {
        nodeIds ??= [...ids.nodes.keys()];
        problem(ctx, at, 'unknown-reference', `${what} goes to unknown step or end '${clip(to)}'`, {
          hint: didYouMean(to, nodeIds, 'steps and ends'),
        });
      }
    }
    const { flow, problems } = normalizeFlow(raw, segmentIds, path, what);
    for (const p of problems) problem(ctx, p.path, p.code, p.message, { hint: p.hint });
    return flow;
  };

  const start = flowOf(parsed.start, ['start'], 'the start');
  const steps: Step[] = parsed.steps.map((step, i) => {
    const path: Path = ['steps', i];
    const { next, fail, wait, backstage, bpmn, ...rest } = step;
    const pool = step.pool ? parsed.resources.find((r) => r.id === step.pool) : undefined;
    const role = step.role ?? pool?.role;
    return {
      ...rest,
      ...(role !== undefined ? { role } : {}),
      next: flowOf(next, [...path, 'next'], 'next'),
      ...(fail
        ? {
            fail: {
              p: fail.p,
              severity: fail.severity,
              ...(fail.cause !== undefined ? { cause: fail.cause } : {}),
              next: flowOf(fail.next, [...path, 'fail', 'next'], 'fail.next'),
            },
          }
        : {}),
      ...(wait !== undefined ? { wait: normalizeWait(wait) } : {}),
      backstage: backstage.map((a) => normalizeActivity(a)),
      ...(bpmn !== undefined ? { bpmn: normalizeBpmn(bpmn) } : {}),
    };
  });

  if (!hasErrors(ctx.diagnostics)) checkFlowGraph(ctx, parsed, steps, start, segmentIds);
  checkStages(ctx, parsed);
  checkFrontline(ctx, parsed, ids);
  for (const m of movedMeans(distributionsOf(parsed)))
    problem(ctx, m.path, 'distribution-mean-moved', m.message, { severity: 'warning', hint: m.hint });

  const model: Model = {
    kind: parsed.kind,
    id: parsed.id ?? basename(doc.file, extname(doc.file)),
    name: parsed.name,
    ...(parsed.description !== undefined ? { description: parsed.description } : {}),
    ...(parsed.competitor !== undefined ? { competitor: parsed.competitor } : {}),
    ...(parsed.baseline !== undefined ? { baseline: parsed.baseline } : {}),
    currency: parsed.currency,
    file: doc.file,
    channels: mergeChannels(parsed.channels),
    organization: {
      ...(parsed.organization.name !== undefined ? { name: parsed.organization.name } : {}),
      departments: parsed.organization.departments.map(
        (d): Department => ({
          ...d,
          roles: d.roles.map((r) => ({ ...r, visibility: r.visibility ?? d.visibility, department: d.id })),
        }),
      ),
      systems: parsed.organization.systems,
    },
    segments,
    ...(parsed.arrivals ? { arrivals: normalizeArrivals(parsed.arrivals) } : {}),
    stages: parsed.stages,
    processes: parsed.processes.map(({ bpmn, ...p }) => ({
      ...p,
      ...(bpmn !== undefined ? { bpmn: normalizeBpmn(bpmn) } : {}),
    })),
    resources: parsed.resources.map((r, i) => normalizeResource(ctx, r, i, parsed.currency)),
    steps,
    ends: parsed.ends,
    start,
    scenarios: parsed.scenarios,
  };
  checkArrivals(ctx, parsed);
  const economics = parsed.economics ? economicsOf(ctx, parsed.economics, model) : undefined;
  if (economics) model.economics = economics;
  return hasErrors(ctx.diagnostics)
    ? { diagnostics: ctx.diagnostics }
    : { model, diagnostics: ctx.diagnostics };
}

// --- ids and references ----------------------------------------------------------------------------

interface Ids {
  channels: Set<string>;
  departments: Map<string, number>;
  roles: Map<string, string>;
  systems: Set<string>;
  segments: Set<string>;
  stages: Set<string>;
  processes: Set<string>;
  resources: Set<string>;
  nodes: Map<string, 'step' | 'end'>;
}

function indexIds(ctx: Context, parsed: Parsed): Ids {
  const unique = <T extends { id: string }>(
    items: readonly T[],
    path: (i: number) => Path,
    noun: string,
    seen = new Map<string, Path>(),
  ) => {
    for (const [i, item] of items.entries()) {
      const first = seen.get(item.id);
      if (first) {
        const where = report(ctx.doc, first, 'duplicate-id', '');
        problem(ctx, [...path(i), 'id'], 'duplicate-id', `duplicate ${noun} id '${clip(item.id)}'`, {
          hint: `the first is at ${where.file}:${where.line}:${where.column}; rename one of them`,
        });
      } else seen.set(item.id, [...path(i), 'id']);
    }
    return seen;
  };
  const departments = parsed.organization.departments;
  unique(parsed.channels, (i) => ['channels', i], 'channel');
  unique(departments, (i) => ['organization', 'departments', i], 'department');
  const roleSeen = new Map<string, Path>();
  for (const [d, department] of departments.entries())
    unique(department.roles, (i) => ['organization', 'departments', d, 'roles', i], 'role', roleSeen);
  unique(parsed.organization.systems, (i) => ['organization', 'systems', i], 'system');
  unique(parsed.segments, (i) => ['segments', i], 'segment');
  unique(parsed.stages, (i) => ['stages', i], 'stage');
  unique(parsed.processes, (i) => ['processes', i], 'process');
  unique(parsed.resources, (i) => ['resources', i], 'pool');
  const nodeSeen = unique(parsed.steps, (i) => ['steps', i], 'step');
  unique(parsed.ends, (i) => ['ends', i], 'step or end', nodeSeen);
  const activitySeen = new Map<string, Path>();
  for (const [s, step] of parsed.steps.entries())
    unique(step.backstage, (i) => ['steps', s, 'backstage', i], 'backstage activity', activitySeen);
  unique(parsed.scenarios, (i) => ['scenarios', i], 'scenario');
  return {
    channels: new Set([...BUILTIN_CHANNELS.map((c) => c.id), ...parsed.channels.map((c) => c.id)]),
    departments: new Map(departments.map((d, i) => [d.id, i])),
    roles: new Map(departments.flatMap((d) => d.roles.map((r) => [r.id, d.id] as const))),
    systems: new Set(parsed.organization.systems.map((s) => s.id)),
    segments: new Set(parsed.segments.map((s) => s.id)),
    stages: new Set(parsed.stages.map((s) => s.id)),
    processes: new Set(parsed.processes.map((p) => p.id)),
    resources: new Set(parsed.resources.map((r) => r.id)),
    nodes: new Map([
      ...parsed.steps.map((s) => [s.id, 'step'] as const),
      ...parsed.ends.map((e) => [e.id, 'end'] as const),
    ]),
  };
}

function checkReferences(ctx: Context, parsed: Parsed, ids: Ids) {
  const ref = (
    path: Path,
    id: string | undefined,
    known: Set<string> | Map<string, unknown>,
    noun: string,
    plural: string,
  ) => {
    if (id === undefined || known.has(id)) return;
    problem(ctx, path, 'unknown-reference', `unknown ${noun} '${clip(id)}'`, {
      hint: didYouMean(id, [...known.keys()], plural),
    });
  };
  for (const [i, system] of parsed.organization.systems.entries())
    ref(['organization', 'systems', i, 'owner'], system.owner, ids.departments, 'department', 'departments');
  for (const [i, process] of parsed.processes.entries())
    ref(['processes', i, 'owner'], process.owner, ids.departments, 'department', 'departments');
  for (const [i, resource] of parsed.resources.entries()) {
    ref(['resources', i, 'role'], resource.role, ids.roles, 'role', 'roles');
    ref(['resources', i, 'abandon'], resource.abandon, ids.nodes, 'step or end', 'steps and ends');
    for (const [j, segment] of (resource.priority ?? []).entries())
      ref(['resources', i, 'priority', j], segment, ids.segments, 'segment', 'segments');
  }
  for (const [i, step] of parsed.steps.entries()) {
    const at = (...rest: Path): Path => ['steps', i, ...rest];
    ref(at('stage'), step.stage, ids.stages, 'stage', 'stages');
    ref(at('channel'), step.channel, ids.channels, 'channel', 'channels');
    ref(at('role'), step.role, ids.roles, 'role', 'roles');
    ref(at('system'), step.system, ids.systems, 'system', 'systems');
    ref(at('pool'), step.pool, ids.resources, 'pool', 'pools (resources)');
    ref(at('process'), step.process, ids.processes, 'process', 'processes');
    const pool = parsed.resources.find((r) => r.id === step.pool);
    if (pool?.role && step.role && pool.role !== step.role) {
      problem(
        ctx,
        at('role'),
        'role-department-mismatch',
        `is served by role '${clip(step.role)}' but queues for pool '${clip(pool.id)}', which is staffed by '${clip(pool.role)}'`,
        { hint: `drop 'role' (the pool's role serves) or use a pool of role '${clip(step.role)}'` },
      );
    }
    for (const [j, activity] of step.backstage.entries()) {
      const act = (...rest: Path): Path => at('backstage', j, ...rest);
      ref(act('department'), activity.department, ids.departments, 'department', 'departments');
      ref(act('role'), activity.role, ids.roles, 'role', 'roles');
      ref(act('system'), activity.system, ids.systems, 'system', 'systems');
      ref(act('process'), activity.process, ids.processes, 'process', 'processes');
      const home = activity.role === undefined ? undefined : ids.roles.get(activity.role);
      if (home !== undefined && ids.departments.has(activity.department) && home !== activity.department) {
        problem(
          ctx,
          act('role'),
          'role-department-mismatch',
          `role '${clip(activity.role ?? '')}' belongs to department '${clip(home)}', not '${clip(activity.department)}'`,
          { hint: `set department: ${clip(home)}, or pick a role of '${clip(activity.department)}'` },
        );
      }
    }
  }
}

/**
 * A customer step served by a backstage role or system is a contradiction the blueprint would
 * draw across the line of visibility: warn, naming both ways out.
 */
function checkFrontline(ctx: Context, parsed: Parsed, ids: Ids) {
  const visibility = new Map<string, string>();
  for (const d of parsed.organization.departments)
    for (const r of d.roles) visibility.set(r.id, r.visibility ?? d.visibility);
  const systems = new Map(parsed.organization.systems.map((s) => [s.id, s.visibility]));
  for (const [i, step] of parsed.steps.entries()) {
    const pool = step.pool ? parsed.resources.find((r) => r.id === step.pool) : undefined;
    const role = step.role ?? pool?.role;
    if (role && ids.roles.has(role) && visibility.get(role) === 'backstage') {
      const via = step.role ? '' : ` (through pool '${clip(pool?.id ?? '')}')`;
      problem(
        ctx,
        ['steps', i, step.role ? 'role' : 'pool'],
        'backstage-frontline',
        `is served by role '${clip(role)}'${via}, which is backstage, yet the customer meets it`,
        {
          severity: 'warning',
          hint: `give role '${clip(role)}' visibility: frontstage, or move its work into 'backstage'`,
        },
      );
    }
    if (step.system && systems.get(step.system) === 'backstage') {
      problem(
        ctx,
        ['steps', i, 'system'],
        'backstage-frontline',
        `is served by system '${clip(step.system)}', which is backstage, yet the customer uses it`,
        {
          severity: 'warning',
          hint: `give system '${clip(step.system)}' visibility: frontstage, or move it into a backstage activity`,
        },
      );
    }
  }
}

function* branchTargets(raw: RawFlow, path: Path): Generator<{ to: string; path: Path }> {
  const list = function* (l: string | { to: string }[], at: Path) {
    if (typeof l === 'string') yield { to: l, path: at };
    else for (const [i, b] of l.entries()) yield { to: b.to, path: [...at, i, 'to'] };
  };
  if (typeof raw === 'string' || Array.isArray(raw)) yield* list(raw, path);
  else for (const [key, l] of Object.entries(raw)) yield* list(l, [...path, key]);
}

// --- segments and arrivals --------------------------------------------------------------------------

function normalizeSegments(ctx: Context, parsed: Parsed): Segment[] {
  const raw = parsed.segments.length > 0 ? parsed.segments : [IMPLICIT_SEGMENT];
  const withShare = raw.filter((s) => s.share !== undefined).length;
  const rates = raw.map((s) => s.arrivals?.rate);
  let shares: number[];
  if (withShare === raw.length) {
    shares = raw.map((s) => s.share ?? 0);
    const total = shares.reduce((a, b) => a + b, 0);
    if (Math.abs(total - 1) > 1e-6)
      problem(
        ctx,
        ['segments'],
        'shares-sum',
        `the segments' shares sum to ${Number(total.toFixed(6))}, not 1`,
        { hint: 'adjust the shares so they add up to 1' },
      );
  } else if (withShare > 0) {
    const missing = raw.filter((s) => s.share === undefined).map((s) => `'${clip(s.id)}'`);
    problem(
      ctx,
      ['segments'],
      'shares-sum',
      `some segments give a share and others (${fewOf(missing)}) do not`,
      { hint: 'give every segment its share, or none' },
    );
    shares = raw.map(() => 1 / raw.length);
  } else if (rates.every((r) => r !== undefined)) {
    const total = rates.reduce((a: number, b) => a + (b ?? 0), 0);
    shares = rates.map((r) => (total > 0 ? (r ?? 0) / total : 1 / raw.length));
  } else shares = raw.map(() => 1 / raw.length);
  const total = parsed.arrivals ? normalizeArrivals(parsed.arrivals) : undefined;
  return raw.map((s, i) => {
    const { share: _share, arrivals, ...rest } = s;
    const own = arrivals ? normalizeArrivals(arrivals) : undefined;
    const share = shares[i] ?? 0;
    // One segment takes the model's arrivals as they are; several split them by share, which keeps
    // Poisson arrivals Poisson (a model-level interarrival of another kind is refused then).
    const derived: Arrivals | undefined =
      own ??
      (total
        ? {
            rate: total.rate * share,
            interarrival:
              raw.length === 1 ? total.interarrival : { kind: 'exponential', mean: 1 / (total.rate * share) },
            ...(total.profile ? { profile: total.profile } : {}),
          }
        : undefined);
    return { ...rest, share, ...(derived && derived.rate > 0 ? { arrivals: derived } : {}) };
  });
}

type RawArrivals = {
  rate: number;
  interarrival?: Distribution | undefined;
  profile?: { days: string; hours: string; weight: number }[] | undefined;
};

function normalizeArrivals(raw: RawArrivals): Arrivals {
  const profile: ArrivalWindow[] = [];
  for (const w of raw.profile ?? []) {
    const days = parseDays(w.days);
    const hours = parseHours(w.hours);
    if (days.ok && hours.ok)
      profile.push({ days: days.value, start: hours.value.start, end: hours.value.end, weight: w.weight });
  }
  return {
    rate: raw.rate,
    interarrival: raw.interarrival ?? {
      kind: 'exponential',
      mean: raw.rate > 0 ? 1 / raw.rate : Number.POSITIVE_INFINITY,
    },
    ...(raw.profile ? { profile } : {}),
  };
}

function checkProfile(ctx: Context, path: Path, raw: RawArrivals) {
  for (const [j, w] of (raw.profile ?? []).entries()) {
    const days = parseDays(w.days);
    const hours = parseHours(w.hours);
    if (!days.ok)
      problem(ctx, [...path, 'profile', j, 'days'], 'schedule-invalid', days.message, { hint: days.hint });
    if (!hours.ok)
      problem(ctx, [...path, 'profile', j, 'hours'], 'schedule-invalid', hours.message, { hint: hours.hint });
  }
  if (raw.profile && raw.profile.length > 0 && raw.profile.every((w) => w.weight === 0)) {
    problem(
      ctx,
      [...path, 'profile'],
      'out-of-range',
      'every weight of the profile is 0, so nobody arrives',
      { hint: 'give the busy hours a weight above 0' },
    );
  }
}

function checkArrivals(ctx: Context, parsed: Parsed) {
  const check = (path: Path, arrivals: { rate: number; interarrival?: Distribution | undefined }) => {
    if (!arrivals.interarrival || arrivals.rate <= 0) return;
    const mean = meanOf(arrivals.interarrival);
    const implied = 1 / arrivals.rate;
    if (Math.abs(mean - implied) / implied > 0.01) {
      problem(
        ctx,
        [...path, 'interarrival'],
        'arrivals-mismatch',
        `the interarrival mean (${mean.toFixed(1)} s) does not match the rate (one every ${implied.toFixed(1)} s)`,
        { hint: 'make the mean time between arrivals 1 / rate, or drop interarrival for Poisson arrivals' },
      );
    }
  };
  if (parsed.arrivals) {
    check(['arrivals'], parsed.arrivals);
    checkProfile(ctx, ['arrivals'], parsed.arrivals);
    const kind = parsed.arrivals.interarrival?.kind;
    if (kind !== undefined && kind !== 'exponential' && parsed.segments.length > 1)
      problem(
        ctx,
        ['arrivals', 'interarrival'],
        'arrivals-split',
        `the model's arrivals come ${kind === 'fixed' ? 'at fixed intervals' : `at ${kind} intervals`}, but are split over ${parsed.segments.length} segments by share, and a split of such a stream is not the same stream again`,
        {
          hint: "give each segment its own arrivals (segments: - arrivals: {rate: ..., interarrival: ...}), or drop the model's interarrival for Poisson arrivals",
        },
      );
  }
  for (const [i, s] of parsed.segments.entries()) {
    if (!s.arrivals) continue;
    check(['segments', i, 'arrivals'], s.arrivals);
    checkProfile(ctx, ['segments', i, 'arrivals'], s.arrivals);
  }
  const withOwn = parsed.segments.filter((s) => s.arrivals).length;
  if (!parsed.arrivals && withOwn > 0 && withOwn < parsed.segments.length) {
    const missing = parsed.segments.filter((s) => !s.arrivals).map((s) => `'${clip(s.id)}'`);
    problem(
      ctx,
      ['segments'],
      'arrivals-incomplete',
      `segments ${fewOf(missing)} have no arrivals, and the model gives no total`,
      {
        hint: 'give those segments arrivals: {rate: ...}, or give the model arrivals: {rate: ...} split by shares',
      },
    );
  }
  if (parsed.arrivals && withOwn > 0) {
    problem(
      ctx,
      ['arrivals'],
      'arrivals-incomplete',
      'arrivals are given both for the model and for some segments',
      { hint: 'give a total rate split by segment shares, or a rate per segment, not both' },
    );
  }
}

// --- the flow graph and stages -------------------------------------------------------------------------

function checkFlowGraph(ctx: Context, parsed: Parsed, steps: Step[], start: Flow, segments: string[]) {
  const result = checkReachability(
    steps,
    parsed.ends.map((e) => e.id),
    start,
    segments,
    (step) => {
      // Where the customers who give up in the step's queue go, when any can give up there.
      const pool = parsed.resources.find((r) => r.id === step.pool);
      const patient = pool?.patience === undefined && parsed.segments.every((s) => s.patience === undefined);
      return pool && (pool.abandon || !patient) ? abandonDestination(parsed, pool) : undefined;
    },
  );
  const index = new Map(parsed.steps.map((s, i) => [s.id, i]));
  for (const id of result.unreachable) {
    problem(ctx, ['steps', index.get(id) ?? 0], 'unreachable-step', 'no customer can reach this step', {
      hint: "link it from the start or from another step's next (with a probability above 0), or remove it",
    });
  }
  for (const [id, segs] of result.trapped) {
    const who =
      segs.length === segments.length
        ? 'customers'
        : `customers of ${segs.length === 1 ? 'segment' : 'segments'} ${fewOf(segs.map((s) => `'${clip(s)}'`))}`;
    problem(
      ctx,
      ['steps', index.get(id) ?? 0, 'next'],
      'no-path-to-end',
      `${who} who reach this step can never get to an end`,
      { hint: 'every path must end in one of the ends; check next and fail.next for loops with no way out' },
    );
  }
  // Ends belong to the base model; a what-if that no longer reaches one (no IVR, no hang-ups) is fine.
  if (ctx.options.context !== undefined) return;
  const endIndex = new Map(parsed.ends.map((e, i) => [e.id, i]));
  for (const id of result.unreachedEnds) {
    problem(ctx, ['ends', endIndex.get(id) ?? 0], 'unreached-end', 'no journey reaches this end', {
      severity: 'warning',
      hint: 'link it from a step, or remove it',
    });
  }
}

function checkStages(ctx: Context, parsed: Parsed) {
  const used = new Set(parsed.steps.map((s) => s.stage));
  for (const [i, stage] of parsed.stages.entries()) {
    if (!used.has(stage.id))
      problem(ctx, ['stages', i], 'empty-stage', 'has no steps', {
        hint: `add a step with stage: ${clip(stage.id)}, or remove the stage`,
      });
  }
}

function economicsOf(ctx: Context, raw: NonNullable<Parsed['economics']>, model: Model): Economics {
  const used = new Set(model.steps.map((s) => s.channel));
  return normalizeEconomics(raw, {
    currency: model.currency,
    segments: model.segments,
    channels: model.channels.map((c) => ({ id: c.id, name: c.name, used: used.has(c.id) })),
    report: (path, code, message, hint, severity) =>
      problem(ctx, path, code, message, { ...(hint ? { hint } : {}), ...(severity ? { severity } : {}) }),
  });
}

// --- small conversions ---------------------------------------------------------------------------------

function mergeChannels(declared: Parsed['channels']): Channel[] {
  const builtin = new Map(BUILTIN_CHANNELS.map((c) => [c.id, c]));
  const merged = BUILTIN_CHANNELS.map((c) => {
    const own = declared.find((d) => d.id === c.id);
    return own ? { ...c, ...stripUndefined(own) } : c;
  });
  for (const d of declared)
    if (!builtin.has(d.id)) merged.push({ ...d, name: d.name ?? d.id, mode: d.mode ?? 'digital' });
  return merged;
}

function normalizeWait(
  wait: number | { duration: Wait['duration']; reason?: string | undefined; addsValue: boolean },
): Wait {
  if (typeof wait === 'number') return { duration: { kind: 'fixed', value: wait }, addsValue: false };
  return {
    duration: wait.duration,
    addsValue: wait.addsValue,
    ...(wait.reason !== undefined ? { reason: wait.reason } : {}),
  };
}

function normalizeBpmn(link: z.output<typeof BpmnLinkSchema>): BpmnLink {
  return typeof link === 'string' ? { activity: link } : stripUndefined(link);
}

function normalizeActivity(
  activity: Step['backstage'][number] | z.output<typeof ModelSchema>['steps'][number]['backstage'][number],
): Activity {
  const { bpmn, ...rest } = activity;
  return {
    ...rest,
    ...(bpmn !== undefined
      ? { bpmn: typeof bpmn === 'string' ? { activity: bpmn } : stripUndefined(bpmn) }
      : {}),
  };
}

function normalizeResource(
  ctx: Context,
  resource: Parsed['resources'][number],
  i: number,
  currency: string,
): Resource {
  const { cost, schedule, ...rest } = resource;
  const shifts: Shift[] = [];
  for (const [j, shift] of (schedule ?? []).entries()) {
    const days = parseDays(shift.days);
    const hours = parseHours(shift.hours);
    if (!days.ok)
      problem(ctx, ['resources', i, 'schedule', j, 'days'], 'schedule-invalid', days.message, {
        hint: days.hint,
      });
    if (!hours.ok)
      problem(ctx, ['resources', i, 'schedule', j, 'hours'], 'schedule-invalid', hours.message, {
        hint: hours.hint,
      });
    if (days.ok && hours.ok)
      shifts.push({
        days: days.value,
        start: hours.value.start,
        end: hours.value.end,
        capacity: shift.capacity,
      });
  }
  if (resource.discipline === 'priority' && !(resource.priority && resource.priority.length > 0)) {
    problem(
      ctx,
      ['resources', i, 'discipline'],
      'priority-missing',
      'serves by priority but names no segments in priority order',
      { hint: 'add priority: [SEGMENT, ...], highest first' },
    );
  }
  if (cost && cost.currency !== '' && cost.currency !== currency) {
    problem(
      ctx,
      ['resources', i, 'cost'],
      'currency-mixed',
      `costs ${cost.currency}, but the model counts in ${currency}`,
      { hint: `write the cost in ${currency}, or set currency: ${cost.currency} for the model` },
    );
  }
  const largestShift = Math.max(0, ...shifts.map((s) => s.capacity));
  if (resource.capacity === undefined && !schedule) {
    problem(ctx, ['resources', i], 'missing-field', "has neither 'capacity' nor a 'schedule'", {
      hint: 'add capacity: N (members serving at once), or a schedule of shifts',
    });
  }
  for (const [j, shift] of (schedule ?? []).entries()) {
    if (resource.capacity !== undefined && shift.capacity > resource.capacity) {
      problem(
        ctx,
        ['resources', i, 'schedule', j, 'capacity'],
        'out-of-range',
        `this shift has ${shift.capacity} members, more than the pool's capacity of ${resource.capacity}`,
        {
          hint: 'raise the pool capacity (its headcount), or leave it out to take the largest shift',
        },
      );
    }
  }
  return {
    ...rest,
    capacity: resource.capacity ?? largestShift,
    ...(cost ? { cost: { amount: cost.amount, currency: cost.currency || currency } } : {}),
    ...(schedule ? { schedule: shifts } : {}),
  };
}

function stripUndefined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}
