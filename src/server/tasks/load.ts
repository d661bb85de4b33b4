/**
 * Models as the tasks read them: a workspace file by name or the editor's unsaved text, loaded with
 * the workspace as the only folder the files a model names may come from, and refused when the
 * model is larger than the server's limit. Invalid models are a 422 with their diagnostics.
 */
import { join } from 'node:path';
import type { DiagnosticCode } from '../../model/diagnostic.js';
import { checkText, type LoadResult, load, parse } from '../../model/load.js';
import type { Model } from '../../model/model.js';
import { HttpError } from '../http-error.js';
import { LIMIT_OPTIONS } from '../options.js';
import type { TaskContext } from './context.js';

const TOLERATE: readonly DiagnosticCode[] = ['no-path-to-end'];

/** A model past the step limit is refused before anything is computed from it. */
export function checkSteps(ctx: TaskContext, steps: number): void {
  if (steps > ctx.limits.maxSteps)
    throw new HttpError(
      422,
      `the model has ${steps} steps, more than this server's limit of ${ctx.limits.maxSteps}`,
      `work on it with the CLI (linesight analyze, simulate), or start linesight serve with a larger ${LIMIT_OPTIONS.maxSteps}`,
    );
}

const withinSize = (ctx: TaskContext, model: Model): Model => {
  checkSteps(ctx, model.steps.length);
  return model;
};

/** A model of the workspace, with a scenario applied when one is named. */
export function loadSaved(
  ctx: TaskContext,
  name: string,
  options: { scenario?: string | undefined; tolerate?: boolean } = {},
): { model: Model; result: LoadResult } {
  const result = load(ctx.workspace.file(name), {
    root: ctx.workspace.root,
    ...(options.scenario ? { scenario: options.scenario } : {}),
    ...(options.tolerate ? { tolerate: TOLERATE } : {}),
  });
  if (!result.model) {
    const notFound = result.diagnostics.find((d) => d.code === 'scenario-not-found');
    if (notFound) throw new HttpError(404, notFound.message, notFound.hint);
    throw new HttpError(
      422,
      `'${name}' is not a valid model`,
      'fix the errors listed in details',
      result.diagnostics,
    );
  }
  return { model: withinSize(ctx, result.model), result };
}

/** Model text the client has not saved yet (the editor's), its imports resolved beside `name`. */
export interface TextSource {
  text: string;
  name?: string | undefined;
}

/** Where text's imports resolve from: beside the model it is the text of, or the workspace. */
export const fileOf = (ctx: TaskContext, name: string | undefined) =>
  name ? ctx.workspace.path(name) : join(ctx.workspace.root, 'untitled.yaml');

/** Text of any kind checked (a part too), as the editor shows it. */
export function checkSource(ctx: TaskContext, source: TextSource, options: { scenario?: string } = {}) {
  return checkText(source.text, {
    file: fileOf(ctx, source.name),
    root: ctx.workspace.root,
    ...(options.scenario ? { scenario: options.scenario } : {}),
  });
}

export function loadText(ctx: TaskContext, source: TextSource, scenario?: string): Model {
  return loadTextAndBase(ctx, source, scenario).model;
}

/** The text's model, and with a scenario the model it was applied to (to draw the scenario against). */
export function loadTextAndBase(
  ctx: TaskContext,
  source: TextSource,
  scenario?: string,
): { model: Model; base?: Model } {
  const r = parse(source.text, {
    file: fileOf(ctx, source.name),
    root: ctx.workspace.root,
    ...(scenario ? { scenario } : {}),
    tolerate: TOLERATE,
  });
  if (!r.model)
    throw new HttpError(422, 'the model has errors', 'fix the errors listed in details', r.diagnostics);
  return { model: withinSize(ctx, r.model), ...(r.base ? { base: r.base } : {}) };
}
