/**
 * Model edits: plain functions over the YAML text of a model, for the web app, the CLI, the API
 * and a future collaborator. `applyEdit(text, edit)` gives the new text and the inverse edit.
 * The plans (plans/) are the web app's actions as lists of edits, from the model's data
 * (`readModel`), so that the CLI and the API can make the same changes.
 */
export { applyEdit, applyEdits } from './apply.js';
export { addBranch, readFlow, rebalance, removeBranch, type SegmentFlow, sharesOf } from './branches.js';
export type * from './edit.js';
export { ID_KINDS } from './edit.js';
export { EditError } from './error.js';
export * from './plans/index.js';
export { asScenarioChanges, changesBetween, type ScenarioChange } from './scenario-change.js';
export { type Recorded, type Recording, recordAsScenario } from './scenario-record.js';
