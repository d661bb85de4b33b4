/**
 * Every piece of heavy work the server hands to a worker thread, by name. Each takes plain data and
 * returns plain data (both cross the thread boundary by structured clone); a refusal is an
 * HttpError, which the thread sends back as one.
 */
import { analysis, analyzeText, compare, diff } from './analysis.js';
import { exportBpmn, importBpmn } from './bpmn.js';
import type { TaskContext } from './context.js';
import { editText } from './edits.js';
import { dfgSvg } from './logs.js';
import { check, listModels, model, newModel, plainPage, scenarioDiff, templates } from './models.js';
import { eventLog, planJob, runJob } from './simulation.js';
import { renderSaved, renderText } from './views.js';

export const TASKS = {
  listModels,
  plainPage,
  check,
  model,
  scenarioDiff,
  newModel,
  editText,
  templates,
  renderSaved,
  renderText,
  analysis,
  analyzeText,
  diff,
  compare,
  exportBpmn,
  importBpmn,
  planJob,
  runJob,
  eventLog,
  dfgSvg,
};

export type TaskName = keyof typeof TASKS;
export type TaskInput<N extends TaskName> = Parameters<(typeof TASKS)[N]>[0];
export type TaskOutput<N extends TaskName> = Awaited<ReturnType<(typeof TASKS)[N]>>;
export type { TaskContext };
