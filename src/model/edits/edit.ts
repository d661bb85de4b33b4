/**
 * Edits of a model as plain data: what the web app, the CLI, the API and a collaborator send.
 * Elements are named by id, never by position, so an edit stays valid when a list changes.
 * `applyEdit` (apply.ts) writes an edit into the YAML text and returns the edit that undoes it.
 */

/** One step of a path: a map key, a list index, or the list item with this id. */
export type Segment = string | number | { id: string };
export type EditPath = readonly Segment[];

/** One way on from a step: a target (step or end) and its probability. */
export interface Branch {
  to: string;
  p?: number;
  label?: string;
}

/** Where an item goes in its list; neither: at the end. */
export interface Anchor {
  after?: string;
  before?: string;
}

/**
 * `source`, where an edit has it, is exact YAML text to write instead of rendering the value:
 * the inverse of a removal carries it, so undo brings back the comments and formatting.
 */
export interface SetEdit {
  kind: 'set';
  path: EditPath;
  /** The new value; `undefined` removes the key. */
  value: unknown;
  /** For a key the map lacks: the key it goes before (default: the schema's field order). */
  before?: string;
  source?: string;
}

export interface InsertStepEdit extends Anchor {
  kind: 'insert-step';
  step: Record<string, unknown> & { id: string };
  source?: string;
}

export interface DeleteStepEdit {
  kind: 'delete-step';
  id: string;
  /** Points every reference to the deleted step at this step or end instead. */
  repoint?: string;
}

export interface MoveStepEdit extends Anchor {
  kind: 'move-step';
  id: string;
}

export interface AddStageEdit extends Anchor {
  kind: 'add-stage';
  stage: Record<string, unknown> & { id: string; name: string };
  source?: string;
}

export interface AddDepartmentEdit extends Anchor {
  kind: 'add-department';
  department: Record<string, unknown> & { id: string; name: string };
  source?: string;
}

export interface AddRoleEdit extends Anchor {
  kind: 'add-role';
  department: string;
  role: Record<string, unknown> & { id: string; name: string };
  source?: string;
}

export interface AddActivityEdit extends Anchor {
  kind: 'add-activity';
  step: string;
  activity: Record<string, unknown> & { id: string; name: string; department: string };
  source?: string;
}

/** Inserts an element with an id into the list at `path` (the inverse of remove-item). */
export interface InsertItemEdit extends Anchor {
  kind: 'insert-item';
  path: EditPath;
  value: { id: string };
  source?: string;
}

/** Removes any list item by path (the inverse of the add-* edits). */
export interface RemoveItemEdit {
  kind: 'remove-item';
  path: EditPath;
}

/** Moves any list item (a stage, a department, ...) to another place in its list, by path. */
export interface MoveItemEdit extends Anchor {
  kind: 'move-item';
  path: EditPath;
}

export interface SetBranchesEdit {
  kind: 'set-branches';
  step: string;
  /** The segment whose flow this is; absent: the step's only flow. */
  segment?: string;
  /** `fail`: the flow after a failure instead of the normal one. */
  on?: 'next' | 'fail';
  branches: readonly Branch[];
}

export interface SetFailEdit {
  kind: 'set-fail';
  step: string;
  /** `undefined` removes the fail point. */
  fail: { p: number; severity?: unknown; cause?: string; next: unknown } | undefined;
}

export interface SetWaitEdit {
  kind: 'set-wait';
  step: string;
  /** A duration (`2 d`) or {duration, reason, addsValue}; `undefined` removes the wait point. */
  wait: unknown;
}

export interface RenameIdEdit {
  kind: 'rename-id';
  from: string;
  to: string;
  /** Which kind of element, when the id names several (a segment and a step, say). */
  of?: IdKind;
}

/** Several edits as one: one undo step. */
export interface BatchEdit {
  kind: 'batch';
  edits: readonly Edit[];
}

export type Edit =
  | SetEdit
  | InsertStepEdit
  | DeleteStepEdit
  | MoveStepEdit
  | AddStageEdit
  | AddDepartmentEdit
  | AddRoleEdit
  | AddActivityEdit
  | InsertItemEdit
  | RemoveItemEdit
  | MoveItemEdit
  | SetBranchesEdit
  | SetFailEdit
  | SetWaitEdit
  | RenameIdEdit
  | BatchEdit;

export type EditKind = Edit['kind'];

/** The kinds of element an id can name. */
export const ID_KINDS = [
  'step',
  'end',
  'stage',
  'department',
  'role',
  'system',
  'segment',
  'resource',
  'process',
  'channel',
  'activity',
  'scenario',
] as const;
export type IdKind = (typeof ID_KINDS)[number];

/** What applying an edit gives: the new text and the edit that turns it back into the old. */
export interface Applied {
  text: string;
  inverse: Edit;
}
