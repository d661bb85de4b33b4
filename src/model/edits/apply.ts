/**
 * Applying edits to the YAML text of a model:
 *
 *   edit ──> check (ids exist, new ids free, probabilities sum to 1)
 *        ──> splice (only the lines of what changed; comments and formatting elsewhere kept)
 *        ──> text + inverse (the edit that undoes it, for undo/redo)
 *
 * Each kind of edit has one handler; a new kind adds a handler here. The result is only
 * checked to be YAML: whether the model still validates is `parse`'s job (load.ts). A model
 * written as JSON is edited as YAML and written back as JSON (json-text.ts).
 */
import type { Applied, Edit, EditKind, EditPath, IdKind } from './edit.js';
import { EditError } from './error.js';
import { setBranches, setFail, setWait } from './flow.js';
import { requireId, requireNewId, requireReferences } from './ids.js';
import { insertItem } from './items.js';
import { jsonOfYaml, jsonTextOf, yamlOfJson } from './json-text.js';
import { parsedDocument, parseText } from './locate.js';
import { moveListItem } from './move.js';
import { removeListItem } from './remove.js';
import { renameId } from './rename.js';
import { setIn } from './set.js';
import { deleteStep, insertStep, moveStep } from './steps.js';

type Handler<K extends EditKind> = (text: string, edit: Extract<Edit, { kind: K }>) => Applied;

/** An element added to a list after checking its id (and its owner, when it has one). */
function add(
  text: string,
  kind: IdKind,
  path: EditPath,
  value: { id: string },
  edit: { after?: string; before?: string; source?: string },
): Applied {
  const doc = parseText(text);
  requireNewId(doc, kind, value.id, [...path, { id: value.id }]);
  requireReferences(doc, value as Record<string, unknown>, [...path, { id: value.id }]);
  return insertItem(text, path, value, { after: edit.after, before: edit.before }, edit.source);
}

const DEPARTMENTS = ['organization', 'departments'] as const;

const HANDLERS: { [K in EditKind]: Handler<K> } = {
  set: (text, edit) => setIn(text, edit),
  'insert-step': insertStep,
  'delete-step': deleteStep,
  'move-step': moveStep,
  'add-stage': (text, edit) => add(text, 'stage', ['stages'], edit.stage, edit),
  'add-department': (text, edit) => add(text, 'department', DEPARTMENTS, edit.department, edit),
  'add-role': (text, edit) => {
    requireId(parseText(text), ['department'], edit.department, [...DEPARTMENTS, { id: edit.department }]);
    return add(text, 'role', [...DEPARTMENTS, { id: edit.department }, 'roles'], edit.role, edit);
  },
  'add-activity': (text, edit) => {
    requireId(parseText(text), ['step'], edit.step, ['steps', { id: edit.step }]);
    return add(text, 'activity', ['steps', { id: edit.step }, 'backstage'], edit.activity, edit);
  },
  'insert-item': (text, edit) => insertItem(text, edit.path, edit.value, edit, edit.source),
  'remove-item': removeListItem,
  'move-item': moveListItem,
  'set-branches': setBranches,
  'set-fail': setFail,
  'set-wait': setWait,
  'rename-id': renameId,
  batch: (text, edit) => applyEdits(text, edit.edits),
};

/**
 * Applies one edit to the text of a model. Returns the new text and the edit that undoes it;
 * throws an `EditError` that says what is wrong, where, and how to fix it.
 */
export function applyEdit(text: string, edit: Edit): Applied {
  return asJsonWhenJson(text, (yamlText) => applyToYaml(yamlText, edit));
}

/** `apply` on the text, or on the YAML a JSON model reads as, its result written back as JSON: once for all the edits. */
function asJsonWhenJson(text: string, apply: (yamlText: string) => Applied): Applied {
  const json = jsonTextOf(text);
  if (!json) return apply(text);
  const applied = apply(yamlOfJson(text));
  return { text: jsonOfYaml(applied.text, json), inverse: applied.inverse };
}

function applyToYaml(text: string, edit: Edit): Applied {
  const handler = HANDLERS[edit.kind] as Handler<EditKind> | undefined;
  if (handler === undefined) {
    throw new EditError(
      `'${String(edit.kind)}' is not a kind of edit`,
      [],
      `use one of ${Object.keys(HANDLERS).join(', ')}`,
    );
  }
  const applied = handler(text, edit as never);
  // A splice that breaks the YAML is a bug here, not the user's doing: say so rather than save it.
  const broken = parsedDocument(applied.text).errors[0];
  if (broken) throw new Error(`edit ${edit.kind} produced invalid YAML: ${broken.message}`);
  return applied;
}

/** Applies edits in order; the inverse undoes them all, last first. */
export function applyEdits(text: string, edits: readonly Edit[]): Applied {
  return asJsonWhenJson(text, (yamlText) => {
    let current = yamlText;
    const inverses: Edit[] = [];
    for (const edit of edits) {
      const applied = applyToYaml(current, edit);
      current = applied.text;
      inverses.unshift(applied.inverse);
    }
    return { text: current, inverse: { kind: 'batch', edits: inverses } };
  });
}
