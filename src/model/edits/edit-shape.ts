/**
 * The shape an edit must have before it is applied, checked where edits arrive as JSON (the CLI's
 * `edit`, the API's `/edits`). An edit is applied field by field, so a misspelt field was read as
 * absent: `{"kind": "set", "path": [...], "valeu": 3}` removed the key (a set without a value
 * removes it), and an edit without its fields failed inside with a JavaScript error. Each edit's
 * own fields are checked here; what it writes into the model (a step, a stage) is the model's
 * check's to judge afterwards.
 */

import { clip } from '../clip.js';
import type { Path } from '../diagnostic.js';
import { article, valueAt } from '../shape.js';
import { suggest } from '../suggest.js';
import { describe } from '../units.js';
import * as z from '../zod.js';
import { type Edit, type EditKind, ID_KINDS } from './edit.js';

/** An edit of the wrong shape: which one, what is wrong, and how to write it. */
export class EditShapeError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'EditShapeError';
  }
}

/** A batch inside a batch inside ...: deeper than any edit needs, and bounded for the recursion. */
const DEEPEST_BATCH = 8;

const segment = z.union([z.string(), z.number().int().nonnegative(), z.strictObject({ id: z.string() })]);
const path = z.array(segment);
const anchor = { after: z.string().optional(), before: z.string().optional() };
const source = z.string().optional();
/** An element written into the model: its id (and name) checked here, its other fields by the model's check. */
const element = (...names: string[]) =>
  z.looseObject(Object.fromEntries(['id', ...names].map((n) => [n, z.string()])));

const SHAPES: Record<EditKind, z.ZodObject> = {
  set: z.strictObject({
    kind: z.literal('set'),
    path,
    value: z.unknown().optional(),
    before: z.string().optional(),
    source,
  }),
  'insert-step': z.strictObject({ kind: z.literal('insert-step'), step: element(), ...anchor, source }),
  'delete-step': z.strictObject({
    kind: z.literal('delete-step'),
    id: z.string(),
    repoint: z.string().optional(),
  }),
  'move-step': z.strictObject({ kind: z.literal('move-step'), id: z.string(), ...anchor }),
  'add-stage': z.strictObject({ kind: z.literal('add-stage'), stage: element('name'), ...anchor, source }),
  'add-department': z.strictObject({
    kind: z.literal('add-department'),
    department: element('name'),
    ...anchor,
    source,
  }),
  'add-role': z.strictObject({
    kind: z.literal('add-role'),
    department: z.string(),
    role: element('name'),
    ...anchor,
    source,
  }),
  'add-activity': z.strictObject({
    kind: z.literal('add-activity'),
    step: z.string(),
    activity: element('name', 'department'),
    ...anchor,
    source,
  }),
  'insert-item': z.strictObject({
    kind: z.literal('insert-item'),
    path,
    value: element(),
    ...anchor,
    source,
  }),
  'remove-item': z.strictObject({ kind: z.literal('remove-item'), path }),
  'move-item': z.strictObject({ kind: z.literal('move-item'), path, ...anchor }),
  'set-branches': z.strictObject({
    kind: z.literal('set-branches'),
    step: z.string(),
    segment: z.string().optional(),
    on: z.enum(['next', 'fail']).optional(),
    branches: z.array(
      z.strictObject({ to: z.string(), p: z.number().optional(), label: z.string().optional() }),
    ),
  }),
  'set-fail': z.strictObject({
    kind: z.literal('set-fail'),
    step: z.string(),
    fail: z.looseObject({ p: z.number(), next: z.unknown() }).optional(),
  }),
  'set-wait': z.strictObject({ kind: z.literal('set-wait'), step: z.string(), wait: z.unknown().optional() }),
  'rename-id': z.strictObject({
    kind: z.literal('rename-id'),
    from: z.string(),
    to: z.string(),
    of: z.enum(ID_KINDS).optional(),
  }),
  batch: z.strictObject({ kind: z.literal('batch'), edits: z.array(z.unknown()) }),
};

const KINDS = Object.keys(SHAPES) as EditKind[];

/** The fields an edit of this kind has, as the hint lists them. */
const fieldsOf = (kind: EditKind) => Object.keys(SHAPES[kind].shape).filter((f) => f !== 'kind');

/** A field's place as a message shows it: value, branches[0].p. */
const placeOf = (at: readonly PropertyKey[]) =>
  at.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i > 0 ? '.' : ''}${String(k)}`)).join('');

/** What is wrong with one field, in words. */
function issueText(issue: z.core.$ZodIssue, edit: unknown): string {
  const place = placeOf(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const kind = (edit as { kind: EditKind }).kind;
    return issue.keys
      .map((key) => {
        const at = placeOf([...issue.path, key]);
        const close = issue.path.length === 0 ? suggest(key, fieldsOf(kind)) : undefined;
        return `unknown field '${clip(at)}'${close ? ` (did you mean '${close}'?)` : ''}`;
      })
      .join(', ');
  }
  const value = valueAt(edit, issue.path as Path);
  if (value === undefined) return `'${place}' is missing`;
  if (issue.code === 'invalid_union')
    return `'${place}' must be a text, a whole number or {"id": ...}, not ${describe(value)}`;
  if (issue.code === 'invalid_type')
    return `'${place}' must be ${article(issue.expected)}, not ${describe(value)}`;
  if (issue.code === 'invalid_value')
    return `'${place}' must be one of ${issue.values.join(', ')}, not ${describe(value)}`;
  return `'${place}': ${issue.message}`;
}

/** The problem with edit `edit` (numbered `at`, "2" or "2.1" inside a batch), if it has one. */
function problemOf(edit: unknown, at: string, depth: number): EditShapeError | undefined {
  const kind = (edit as { kind?: unknown } | null)?.kind;
  if (typeof edit !== 'object' || edit === null || Array.isArray(edit) || typeof kind !== 'string')
    return new EditShapeError(
      `edit ${at} has no kind`,
      'each edit is an object such as {"kind": "set", "path": ["name"], "value": "New name"}',
    );
  if (!KINDS.includes(kind as EditKind)) {
    const close = suggest(kind, KINDS);
    return new EditShapeError(
      `edit ${at} has the kind '${clip(kind)}', which no edit has`,
      close ? `did you mean '${close}'?` : `the kinds are ${KINDS.join(', ')}`,
    );
  }
  const known = kind as EditKind;
  const checked = SHAPES[known].safeParse(edit);
  const hint = `a ${known} edit has ${fieldsOf(known).join(', ')}${known === 'set' ? ' (a set without a value removes the key)' : ''}`;
  if (!checked.success)
    return new EditShapeError(
      `edit ${at} (${known}): ${checked.error.issues.map((i) => issueText(i, edit)).join('; ')}`,
      hint,
    );
  if (known !== 'batch') return undefined;
  if (depth >= DEEPEST_BATCH)
    return new EditShapeError(
      `edit ${at} nests batches more than ${DEEPEST_BATCH} deep`,
      'put the edits of a batch in one list',
    );
  const inner = (edit as { edits: unknown[] }).edits;
  for (const [i, e] of inner.entries()) {
    const problem = problemOf(e, `${at}.${i + 1}`, depth + 1);
    if (problem) return problem;
  }
  return undefined;
}

/** The edits, checked field by field; throws EditShapeError for the first of the wrong shape. */
export function checkEdits(edits: readonly unknown[]): Edit[] {
  for (const [i, edit] of edits.entries()) {
    const problem = problemOf(edit, String(i + 1), 0);
    if (problem) throw problem;
  }
  return edits as Edit[];
}
