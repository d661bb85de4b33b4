/**
 * The model as the forms and the plans read it: the YAML text's own data (what the user wrote,
 * before defaults and imports), with the lists the pick lists offer. The web app reads it on every
 * change of the text, so the forms follow typing in the YAML at once; the CLI and the API read it
 * to compute the same plans.
 */
import { parse } from 'yaml';
import { BUILTIN_CHANNELS } from '../../channels.js';
import { idWords } from '../../id-words.js';

export type Raw = Record<string, unknown>;
/** An element of one of the model's lists: it has an id, and usually a name. */
export type Item = Raw & { id: string; name?: string };

export interface ModelData {
  raw: Raw;
  stages: Item[];
  steps: Item[];
  ends: Item[];
  segments: Item[];
  departments: Item[];
  /** Every department's roles, each with its department's id. */
  roles: (Item & { department: string })[];
  systems: Item[];
  resources: Item[];
  processes: Item[];
  /** The built-in channels and the model's own. */
  channels: Item[];
  scenarios: Item[];
}

const isRaw = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const items = (v: unknown): Item[] =>
  Array.isArray(v) ? v.filter((i): i is Item => isRaw(i) && typeof i.id === 'string') : [];

/** The text's data, or undefined while the YAML does not parse (the forms keep the last good). */
export function readModel(text: string): ModelData | undefined {
  let raw: unknown;
  try {
    raw = parse(text, { maxAliasCount: 100 });
  } catch {
    return undefined;
  }
  if (!isRaw(raw)) return undefined;
  const organization = isRaw(raw.organization) ? raw.organization : {};
  const departments = items(organization.departments);
  const own = items(raw.channels);
  return {
    raw,
    stages: items(raw.stages),
    steps: items(raw.steps),
    ends: items(raw.ends),
    segments: items(raw.segments),
    departments,
    roles: departments.flatMap((d) => items(d.roles).map((r) => ({ ...r, department: d.id }))),
    systems: items(organization.systems),
    resources: items(raw.resources),
    processes: items(raw.processes),
    channels: [
      ...BUILTIN_CHANNELS.filter((c) => !own.some((o) => o.id === c.id)).map((c) => ({ ...c }) as Item),
      ...own,
    ],
    scenarios: items(raw.scenarios),
  };
}

/** What a pick list shows for an element: its name, or its id when it has none. */
export const labelOf = (item: Item): string => (typeof item.name === 'string' && item.name) || item.id;

/** A new id from a name, unused among `taken`: "Calls the bank" → "calls-the-bank", then "-2", "-3". */
export function newId(name: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base = idWords(name).slice(0, 40).replace(/-+$/, '') || 'item';
  const start = /^[a-z_]/.test(base) ? base : `x-${base}`;
  if (!used.has(start)) return start;
  for (let n = 2; ; n++) if (!used.has(`${start}-${n}`)) return `${start}-${n}`;
}

/** Every id the model declares, in any list: a new element's id must differ from all of them. */
export function allIds(data: ModelData): string[] {
  return [
    ...data.stages,
    ...data.steps,
    ...data.ends,
    ...data.segments,
    ...data.departments,
    ...data.roles,
    ...data.systems,
    ...data.resources,
    ...data.processes,
    ...data.channels,
    ...data.scenarios,
    ...data.steps.flatMap((s) => items(s.backstage)),
  ].map((i) => i.id);
}
