/** Diagrams of a saved model or of the editor's text, as SVG or as the laid-out diagram (JSON). */
import type { Model } from '../../model/model.js';
import type { ViewOptions } from '../../views/customer-lanes.js';
import { layout, RenderOptionError } from '../../views/render.js';
import { toSvg } from '../../views/svg.js';
import { HttpError } from '../http-error.js';
import type { TaskContext } from './context.js';
import { loadSaved, loadText, type TextSource } from './load.js';

export interface ViewChoice extends Pick<ViewOptions, 'focus' | 'path'> {
  view: string;
  segment?: string | undefined;
  role?: string | undefined;
  scenario?: string | undefined;
  mergeSegments?: boolean;
  format?: 'svg' | 'json';
}

async function draw(model: Model, choice: ViewChoice) {
  try {
    const diagram = await layout(model, {
      view: choice.view,
      ...(choice.segment ? { segment: choice.segment } : {}),
      ...(choice.role ? { role: choice.role } : {}),
      ...(choice.mergeSegments ? { mergeSegments: true } : {}),
      ...(choice.focus ? { focus: choice.focus } : {}),
      ...(choice.path ? { path: choice.path } : {}),
    });
    return choice.format === 'json' ? { json: diagram } : { svg: toSvg(diagram) };
  } catch (error) {
    if (error instanceof RenderOptionError) throw new HttpError(400, error.message, error.hint);
    throw error;
  }
}

export const renderSaved = (input: ViewChoice & { name: string }, ctx: TaskContext) =>
  draw(loadSaved(ctx, input.name, { scenario: input.scenario }).model, input);

export const renderText = (input: ViewChoice & TextSource, ctx: TaskContext) =>
  draw(loadText(ctx, input, input.scenario), input);
