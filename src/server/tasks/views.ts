/** Diagrams of a saved model or of the editor's text: SVG, PNG, PDF, or the laid-out diagram (JSON). */
import type { Model } from '../../model/model.js';
import type { ViewOptions } from '../../views/customer-lanes.js';
import { toPdf } from '../../views/pdf.js';
import { toPng } from '../../views/png.js';
import { layout, RenderOptionError } from '../../views/render.js';
import { canvasWidth, toSvg } from '../../views/svg.js';
import type { DiagramFormat } from '../diagram-file.js';
import { HttpError } from '../http-error.js';
import type { TaskContext } from './context.js';
import { loadSaved, loadText, type TextSource } from './load.js';

export interface ViewChoice extends Pick<ViewOptions, 'focus' | 'path'> {
  view: string;
  segment?: string | undefined;
  role?: string | undefined;
  scenario?: string | undefined;
  mergeSegments?: boolean;
  format?: DiagramFormat | 'json';
}

async function draw(model: Model, choice: ViewChoice) {
  let diagram: Awaited<ReturnType<typeof layout>>;
  try {
    diagram = await layout(model, {
      view: choice.view,
      ...(choice.segment ? { segment: choice.segment } : {}),
      ...(choice.role ? { role: choice.role } : {}),
      ...(choice.mergeSegments ? { mergeSegments: true } : {}),
      ...(choice.focus ? { focus: choice.focus } : {}),
      ...(choice.path ? { path: choice.path } : {}),
    });
  } catch (error) {
    if (error instanceof RenderOptionError) throw new HttpError(400, error.message, error.hint);
    throw error;
  }
  const format = choice.format ?? 'svg';
  if (format === 'json') return { json: diagram };
  if (format === 'pdf') return { format, content: (await toPdf(diagram)).bytes };
  const svg = toSvg(diagram);
  if (format === 'png') return { format, content: toPng(svg, canvasWidth(diagram), diagram.height) };
  return { format, content: svg };
}

export const renderSaved = (input: ViewChoice & { name: string }, ctx: TaskContext) =>
  draw(loadSaved(ctx, input.name, { scenario: input.scenario }).model, input);

export const renderText = (input: ViewChoice & TextSource, ctx: TaskContext) =>
  draw(loadText(ctx, input, input.scenario), input);
