/**
 * The meaning check: from the parsed file (right shape) to the model (right meaning). Every id is
 * unique in its kind, every reference resolves, every segment's flow sums to 1, every step is
 * reachable and leads to an end, no stage is empty, and units are settled (currencies, shifts).
 * It reports everything it finds and returns a model only when nothing is wrong. Ids and
 * references are checked in reference-check.ts, segments and arrivals in segment-arrivals.ts,
 * pools in pool-normalize.ts; the flow, stages and the model's assembly here.
 */

import { basename, extname } from 'node:path';
import { abandonDestination } from './abandon.js';
import { BUILTIN_CHANNELS } from './channels.js';
import { clip, fewOf } from './clip.js';
import type { Diagnostic, Path } from './diagnostic.js';
import { hasErrors } from './diagnostic.js';
import type { ModelDocument } from './document.js';
import { type Economics, normalizeEconomics } from './economics.js';
import { normalizeFlow } from './flow.js';
import { type Context, type Parsed, problem, type RawFlow } from './meaning-context.js';
import type { Activity, BpmnLink, Channel, Department, Flow, Model, Step, Wait } from './model.js';
import { normalizeResource } from './pool-normalize.js';
import { checkReachability } from './reachability.js';
import { checkFrontline, checkReferences, indexIds } from './reference-check.js';
import type { BpmnLinkSchema, ModelSchema } from './schema.js';
import { checkArrivals, normalizeArrivals, normalizeSegments } from './segment-arrivals.js';
import { didYouMean } from './suggest.js';
import { distributionsOf, movedMeans } from './truncated-normal.js';
import type * as z from './zod.js';

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

function* branchTargets(raw: RawFlow, path: Path): Generator<{ to: string; path: Path }> {
  const list = function* (l: string | { to: string }[], at: Path) {
    if (typeof l === 'string') yield { to: l, path: at };
    else for (const [i, b] of l.entries()) yield { to: b.to, path: [...at, i, 'to'] };
  };
  if (typeof raw === 'string' || Array.isArray(raw)) yield* list(raw, path);
  else for (const [key, l] of Object.entries(raw)) yield* list(l, [...path, key]);
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

function stripUndefined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}
