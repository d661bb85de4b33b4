/**
 * Plans: the model edits one action of the web app makes, computed from the model's own data
 * (`readModel`). Each is a plain function that returns library edits (or a refusal), so the web app,
 * the CLI and the API make the same change for the same action: add a step after one, branch,
 * connect, delete or rename on the diagram; insert, move or delete a step or stage in the journey
 * table; a step's fail and wait points and activities; its branch probabilities; and the elements
 * of the organization. Apply the edits with `applyEdits`. The canvas's plans say which element to
 * select after them, or why nothing can be done; its step deletion is `deleteStepOnCanvas` here.
 */
export {
  addBranchFrom,
  addStepAfter,
  connect,
  deleteStep as deleteStepOnCanvas,
  firstTarget,
  NEW_BRANCH_SHARE,
  type Plan as CanvasPlan,
  renameBox,
  shownText,
} from './canvas.js';
export * from './duration.js';
export * from './element.js';
export * from './flow.js';
export * from './model-data.js';
export * from './name-edits.js';
export * from './org-kinds.js';
export * from './organization.js';
export * from './points.js';
export * from './stage-groups.js';
export * from './stages.js';
export * from './steps.js';
export * from './uses.js';
export * from './values.js';
