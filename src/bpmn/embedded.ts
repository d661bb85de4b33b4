/**
 * A linesight export carries its model, but the diagram is the truth: someone may have renamed,
 * deleted or added tasks in a modeler since. The journey read from the diagram is kept; the
 * embedded model fills in only what BPMN cannot say (descriptions, scenarios, processes and their
 * links, the rest of the organization's data) for the elements that are still there, and every
 * difference between the two is reported, so that nothing changes or disappears unsaid.
 */
import { clip } from '../model/clip.js';
import { compareText } from '../text/compare-text.js';

type Data = Record<string, unknown>;

const isData = (x: unknown): x is Data => typeof x === 'object' && x !== null && !Array.isArray(x);
const items = (x: unknown): Data[] => (Array.isArray(x) ? x.filter(isData) : []);
const idOf = (x: Data) => String(x.id);
const nameOf = (x: Data) => `'${clip(String(x.name ?? x.id))}'`;

/**
 * What the diagram itself shows of a step: when the diagram lacks one of these, it was taken
 * away in the modeler, and the embedded model does not bring it back.
 */
const SHOWN_BY_THE_DIAGRAM = new Set(['id', 'name', 'next', 'fail', 'wait', 'stage']);

/** The model's lists whose items the diagram draws: one gone from the diagram was removed. */
const DRAWN = ['steps', 'ends'] as const;

export interface Merged {
  model: Data;
  /** What the diagram changed against the embedded model, one sentence each. */
  changes: string[];
}

export function mergeEmbedded(diagram: Data, embedded: Data): Merged {
  const changes: string[] = [];
  // What BPMN cannot say at all (scenarios, currency, descriptions) comes from the embedded model.
  const model: Data = { ...embedded, ...defined(diagram) };
  model.name = embedded.name ?? diagram.name;
  for (const list of ['segments', 'stages', 'channels', 'resources', 'processes'])
    model[list] = mergeKept(items(diagram[list]), items(embedded[list]));
  const segments = items(model.segments).map(idOf);
  const flows = flowTerms(segments.length > 0 ? segments : ['*']);
  for (const list of DRAWN)
    model[list] = mergeDrawn(list, items(diagram[list]), items(embedded[list]), flows, changes);
  model.organization = mergeOrganization(diagram.organization, embedded.organization);
  if (diagram.start === undefined || flows.same(diagram.start, embedded.start)) model.start = embedded.start;
  else if (!flows.sameTargets(diagram.start, embedded.start))
    changes.push(`the journey now starts ${targets(diagram.start)} (was ${targets(embedded.start)})`);
  for (const key of Object.keys(model)) if (model[key] === undefined) delete model[key];
  return { model, changes };
}

const defined = (data: Data): Data =>
  Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined));

/** Steps and ends: the diagram's, each filled in from its embedded twin; the differences said. */
function mergeDrawn(
  list: 'steps' | 'ends',
  drawn: Data[],
  embedded: Data[],
  flows: FlowTerms,
  changes: string[],
): Data[] {
  const kind = list === 'steps' ? 'step' : 'end';
  const before = new Map(embedded.map((x) => [idOf(x), x]));
  const now = new Set(drawn.map(idOf));
  const merged = drawn.map((item) => {
    const twin = before.get(idOf(item));
    if (!twin) {
      changes.push(`${kind} ${nameOf(item)} is new in the diagram`);
      return item;
    }
    if (twin.name !== item.name) changes.push(`${kind} ${nameOf(twin)} was renamed ${nameOf(item)}`);
    if (list === 'ends') return { ...twin, ...item };
    if (!flows.sameTargets(item.next, twin.next))
      changes.push(`step ${nameOf(item)} now leads to ${targets(item.next)} (was ${targets(twin.next)})`);
    return fillStep(item, twin, flows);
  });
  for (const item of embedded)
    if (!now.has(idOf(item))) changes.push(`${kind} ${nameOf(item)} was removed in the diagram`);
  return inModelOrder(merged, embedded);
}

/**
 * The items in the order the model file had them (a diagram lists them left to right); one new in
 * the diagram comes after the one it followed there.
 */
function inModelOrder(items: Data[], embedded: Data[]): Data[] {
  const rank = new Map(embedded.map((x, i) => [idOf(x), i]));
  let last = -1;
  const keyed = items.map((item, i) => {
    const known = rank.get(idOf(item));
    if (known !== undefined) last = known;
    return { item, key: [known ?? last, known === undefined ? 1 : 0, i] as const };
  });
  keyed.sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.key[2] - b.key[2]);
  return keyed.map((k) => k.item);
}

/** A step the diagram still has: what it shows wins, even by its absence; the rest is filled in. */
function fillStep(drawn: Data, twin: Data, flows: FlowTerms): Data {
  const step: Data = { ...drawn };
  // The same ways with the same probabilities: as the model wrote them (labels, order, form).
  if (flows.same(drawn.next, twin.next)) step.next = twin.next;
  for (const [key, value] of Object.entries(twin)) {
    if (key in step || SHOWN_BY_THE_DIAGRAM.has(key)) continue;
    step[key] = value;
  }
  // A fail or wait point still drawn keeps what only the model says of it (severity, cause, reason).
  for (const key of ['fail', 'wait'])
    if (isData(step[key]) && isData(twin[key]))
      step[key] = { ...(twin[key] as Data), ...(step[key] as Data) };
  const [fail, twinFail] = [step.fail, twin.fail];
  if (isData(fail) && isData(twinFail) && flows.same(fail.next, twinFail.next))
    step.fail = { ...fail, next: twinFail.next };
  if (Array.isArray(drawn.backstage) && Array.isArray(twin.backstage))
    step.backstage = mergeKept(items(drawn.backstage), items(twin.backstage), false);
  return step;
}

/**
 * Lists the diagram may carry but does not draw as boxes of the journey: the diagram's items
 * filled in from the embedded ones of the same id; the embedded ones it lacks are kept, unless
 * `keepMissing` is false (a step's backstage activities, which the diagram draws).
 */
function mergeKept(drawn: Data[], embedded: Data[], keepMissing = true): Data[] | undefined {
  if (drawn.length === 0 && embedded.length === 0) return undefined;
  const before = new Map(embedded.map((x) => [idOf(x), x]));
  const merged = drawn.map((item) => ({ ...(before.get(idOf(item)) ?? {}), ...item }));
  const now = new Set(drawn.map(idOf));
  if (keepMissing) for (const item of embedded) if (!now.has(idOf(item))) merged.push(item);
  return merged;
}

function mergeOrganization(drawn: unknown, embedded: unknown): Data | undefined {
  if (!isData(drawn)) return isData(embedded) ? embedded : undefined;
  if (!isData(embedded)) return drawn;
  const departments = mergeKept(items(drawn.departments), items(embedded.departments))?.map((d) => {
    const twin = items(embedded.departments).find((e) => idOf(e) === idOf(d));
    return twin ? { ...d, roles: mergeKept(items(d.roles), items(twin.roles)) } : d;
  });
  return {
    ...embedded,
    ...drawn,
    departments,
    systems: mergeKept(items(drawn.systems), items(embedded.systems)),
  };
}

interface FlowTerms {
  /** The same targets with the same probabilities for every segment, whatever the form. */
  same(a: unknown, b: unknown): boolean;
  /** The same targets for every segment (probabilities aside). */
  sameTargets(a: unknown, b: unknown): boolean;
}

/** Flows in model-file form (an id, a list, or per segment with a default) compared per segment. */
function flowTerms(segments: string[]): FlowTerms {
  const branches = (flow: unknown): [string, number][] =>
    typeof flow === 'string'
      ? [[flow, 1]]
      : Array.isArray(flow)
        ? flow.filter(isData).map((b) => [String(b.to), Math.round(Number(b.p ?? 1) * 1e9) / 1e9])
        : [];
  const ways = (flow: unknown) =>
    segments.map((segment) =>
      branches(isData(flow) ? (flow[segment] ?? flow.default) : flow).sort(([a], [b]) => compareText(a, b)),
    );
  return {
    same: (a, b) => JSON.stringify(ways(a)) === JSON.stringify(ways(b)),
    sameTargets: (a, b) =>
      JSON.stringify(ways(a).map((w) => w.map(([to]) => to))) ===
      JSON.stringify(ways(b).map((w) => w.map(([to]) => to))),
  };
}

function targets(next: unknown): string {
  const all = new Set<string>();
  const walk = (x: unknown) => {
    if (typeof x === 'string') all.add(x);
    else if (Array.isArray(x)) for (const b of x) walk(isData(b) ? b.to : b);
    else if (isData(x)) for (const v of Object.values(x)) walk(v);
  };
  walk(next);
  return all.size === 0 ? 'nowhere' : [...all].map((t) => `'${clip(t)}'`).join(', ');
}
