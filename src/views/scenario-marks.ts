/**
 * Marks on a scenario's swimlane diagram, against its base: each box, flow and lane is new
 * (drawn only for the scenario), a ghost (drawn only for the base, see scenario-spec.ts) or
 * changed (both drawings have it, and the model element it stands for differs: the tooltip says
 * how, before and after). What a mark says comes from the model diff (scenario-diff.ts); which
 * boxes carry one, from the comparison of the two drawings. A note names what changed without a
 * box, flow or lane of its own; the SVG writer draws it with the key to the marks.
 */
import { fewOf } from '../model/clip.js';
import type { Model } from '../model/model.js';
import { activityKey, type ElementChange, flowKey, type ScenarioDiff } from '../model/scenario-diff.js';
import type { Box, ChangeMark, Diagram, Edge, Lane } from './diagram.js';
import type { SpecComparison } from './scenario-spec.js';

/** The fields of a step that its touchpoint box shows (who serves, and the queue), not its step box. */
const SERVICE_FIELDS = new Set(['role', 'system', 'pool', 'touchpoint']);

interface Context {
  diff: ScenarioDiff;
  scenario: Model;
  segments: string[];
  cmp: SpecComparison;
  /** Steps with a box that shows who serves them (touchpoint, company or role lane). */
  served: Set<string>;
  /** Element keys whose change some box, flow or lane shows. */
  shown: Set<string>;
}

export function markChanges(
  diagram: Diagram,
  cmp: SpecComparison,
  diff: ScenarioDiff,
  scenario: Model,
  segments: string[],
): Diagram {
  const served = new Set(diagram.boxes.filter((b) => b.kind === 'touchpoint').map((b) => b.ref));
  const ctx: Context = { diff, scenario, segments, cmp, served, shown: new Set() };
  const boxes = diagram.boxes.map((b) => withMark(b, boxMark(b, ctx)));
  const edges = diagram.edges.map((e) => withMark(e, edgeMark(e, ctx)));
  const lanes = diagram.lanes.map((l) => withMark(l, laneMark(l, ctx)));
  const all = [...boxes, ...edges, ...lanes];
  const count = (change: ChangeMark['change']) => all.filter((x) => x.change?.change === change).length;
  const note = undrawn(ctx);
  const scenarioName = scenario.scenario?.name ?? '';
  return {
    ...diagram,
    description: `${diagram.description} Marked against the model without scenario ${scenarioName}: ${count('added')} new, ${count('changed')} changed, ${count('removed')} removed.`,
    boxes,
    edges,
    lanes,
    changes: {
      scenario: scenario.scenario?.id ?? '',
      added: count('added'),
      changed: count('changed'),
      removed: count('removed'),
      ...(note ? { note } : {}),
    },
  };
}

function withMark<T extends Box | Edge | Lane>(item: T, mark: ChangeMark | undefined): T {
  return mark ? { ...item, change: mark } : item;
}

const inModel = (list: ElementChange[], key: string) => list.some((c) => c.key === key);

/** What a new or a ghost box says: the model element is new (gone), or only the drawing is. */
const PRESENCE_TITLES = {
  added: [
    'New: added by the scenario',
    'New in this drawing: the base has it too, but does not draw it here (not reached, or outside the focus)',
  ],
  removed: [
    'Removed by the scenario: drawn where the base has it',
    'Removed from this drawing: the scenario keeps it, but it is no longer reached or shown here',
  ],
} as const;

/** New, gone or changed: the same words for boxes, flows and lanes. */
function presence(id: string, key: string, ctx: Context, changes: () => string[]): ChangeMark | undefined {
  for (const change of ['added', 'removed'] as const) {
    if (!ctx.cmp[change].has(id)) continue;
    ctx.shown.add(key);
    const [element, drawing] = PRESENCE_TITLES[change];
    return { change, title: inModel(ctx.diff[change], key) ? element : drawing };
  }
  const texts = changes();
  if (texts.length === 0) return undefined;
  return { change: 'changed', title: `Changed by the scenario: ${texts.join('; ')}` };
}

/** The texts of an element's changes, those passing `keep`; counted as shown when there are any. */
function textsOf(
  ctx: Context,
  key: string,
  keep: (path: string) => boolean = () => true,
  prefix = '',
): string[] {
  const change = ctx.diff.changed.find((c) => c.key === key);
  const texts = (change?.fields ?? []).filter((f) => keep(f.path)).map((f) => `${prefix}${f.text}`);
  if (texts.length > 0) ctx.shown.add(key);
  return texts;
}

/** What changed in the pool a step queues for, said as the pool's. */
function poolTexts(ctx: Context, stepId: string): string[] {
  const pool = ctx.scenario.steps.find((s) => s.id === stepId)?.pool;
  if (!pool) return [];
  const name = ctx.scenario.resources.find((r) => r.id === pool)?.name ?? pool;
  return textsOf(ctx, `resource:${pool}`, () => true, `pool ${name}: `);
}

function boxMark(box: Box, ctx: Context): ChangeMark | undefined {
  const field = (path: string) => path.split('.')[0] ?? '';
  switch (box.kind) {
    case 'step': {
      const served = ctx.served.has(box.ref);
      return presence(box.id, `step:${box.ref}`, ctx, () => [
        ...textsOf(
          ctx,
          `step:${box.ref}`,
          (p) => field(p) !== 'evidence' && !(served && SERVICE_FIELDS.has(field(p))),
        ),
        ...(served ? [] : poolTexts(ctx, box.ref)),
      ]);
    }
    case 'touchpoint':
      return presence(box.id, `step:${box.ref}`, ctx, () => [
        ...textsOf(ctx, `step:${box.ref}`, (p) => SERVICE_FIELDS.has(field(p))),
        ...poolTexts(ctx, box.ref),
      ]);
    case 'evidence':
      return presence(box.id, `step:${box.ref}`, ctx, () =>
        textsOf(ctx, `step:${box.ref}`, (p) => field(p) === 'evidence'),
      );
    case 'activity': {
      // activity:STEP:ACTIVITY, the activity's id last.
      const step = box.id.slice('activity:'.length, box.id.length - box.ref.length - 1);
      const key = activityKey(step, box.ref);
      return presence(box.id, key, ctx, () => textsOf(ctx, key));
    }
    case 'support':
      return presence(box.id, `system:${box.ref}`, ctx, () => textsOf(ctx, `system:${box.ref}`));
    case 'end':
      return presence(box.id, `end:${box.ref}`, ctx, () => textsOf(ctx, `end:${box.ref}`));
    default:
      // A start marker is no model element: a new one says segments now start in its lane.
      if (ctx.cmp.added.has(box.id))
        return { change: 'added', title: 'New: customers start in this lane too' };
      if (ctx.cmp.removed.has(box.id))
        return { change: 'removed', title: 'Removed: no customer starts in this lane now' };
      return undefined;
  }
}

/** The model flow an edge draws: `flow:A>B`, `fail:A>B`, `start:start:LANE>B`. */
function flowOf(edge: Edge): string | undefined {
  const kind = { flow: 'next', failure: 'fail', start: 'start', later: 'next' } as const;
  const cut = edge.id.lastIndexOf('>');
  const prefix = edge.id.slice(0, edge.id.indexOf(':'));
  if (cut < 0 || edge.kind === 'interaction' || !['flow', 'fail', 'start'].includes(prefix)) return undefined;
  const from = edge.kind === 'start' ? 'start' : edge.id.slice(prefix.length + 1, cut);
  return flowKey(kind[edge.kind], from, edge.id.slice(cut + 1));
}

function edgeMark(edge: Edge, ctx: Context): ChangeMark | undefined {
  if (edge.kind === 'interaction') return undefined;
  const key = flowOf(edge);
  // A flow the view makes up (the role view's "later", through steps it leaves out) is no model element.
  if (key === undefined) {
    if (ctx.cmp.added.has(edge.id)) return { change: 'added', title: 'New: the scenario opens this way' };
    if (ctx.cmp.removed.has(edge.id))
      return { change: 'removed', title: 'Removed: the scenario closes this way' };
    return undefined;
  }
  return presence(edge.id, key, ctx, () => {
    // Only what the drawing shows: the odds of the segments drawn, and the branch's label.
    const texts = textsOf(ctx, key, (p) => p === 'label' || ctx.segments.some((s) => p === `p.${s}`));
    const before = ctx.cmp.baseLabels.get(edge.id);
    const flat = (label: string | undefined) => (label ?? '100%').replace(/\n/g, ', ');
    if (before === edge.label || texts.length > 0) return texts;
    return [`odds ${flat(before)} → ${flat(edge.label)}`];
  });
}

/** The model element a lane stands for: a role, system, department or process. */
function laneKey(id: string): string {
  const [kind, ...rest] = id.split(':');
  const name = rest.join(':');
  const kinds: Record<string, string> = {
    role: 'role',
    system: 'system',
    support: 'system',
    dept: 'department',
    process: 'process',
  };
  return kinds[kind ?? ''] ? `${kinds[kind ?? '']}:${name}` : id;
}

function laneMark(lane: Lane, ctx: Context): ChangeMark | undefined {
  const key = laneKey(lane.id);
  return presence(lane.id, key, ctx, () => textsOf(ctx, key));
}

/** Changes to pools, roles, systems and the like that no box, flow or lane of this drawing shows. */
function undrawn(ctx: Context): string {
  const quiet = new Set(['step', 'activity', 'flow']);
  const words = { added: 'new', changed: 'changed', removed: 'removed' } as const;
  const served = new Set(
    ctx.scenario.steps.filter((s) => s.pool && ctx.served.has(s.id)).map((s) => `resource:${s.pool}`),
  );
  const left = (['added', 'changed', 'removed'] as const).flatMap((kind) =>
    ctx.diff[kind]
      .filter((c) => !quiet.has(c.kind) && !ctx.shown.has(c.key) && !served.has(c.key))
      .map((c) => {
        const what = c.kind === 'resource' ? 'pool' : c.kind;
        const how = c.fields.length > 0 ? ` (${short(c.fields.map((f) => f.text).join('; '))})` : '';
        return `${words[kind]} ${what} ${c.id}${how}`;
      }),
  );
  return left.length > 0 ? `Not drawn here: ${fewOf(left, 4)}.` : '';
}

const short = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text);
