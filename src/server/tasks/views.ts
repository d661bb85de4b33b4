/** Diagrams of a saved model or of the editor's text: SVG, PNG, PDF, or the laid-out diagram (JSON). */
import type { Model } from '../../model/model.js';
import type { ViewOptions } from '../../views/customer-lanes.js';
import { missingGlyphs } from '../../views/missing-glyphs.js';
import { toPng } from '../../views/png.js';
import { layout, RenderOptionError } from '../../views/render.js';
import { canvasWidth, toSvg } from '../../views/svg.js';
import type { DiagramFormat } from '../diagram-file.js';
import { HttpError } from '../http-error.js';
import type { TaskContext } from './context.js';
import { loadSaved, loadTextAndBase, type TextSource } from './load.js';

export interface ViewChoice extends Pick<ViewOptions, 'focus' | 'path'> {
  view: string;
  segment?: string | undefined;
  role?: string | undefined;
  scenario?: string | undefined;
  mergeSegments?: boolean;
  format?: DiagramFormat | 'json';
}

/** `base`: the model without the scenario, so that the swimlane views mark what the scenario changed. */
async function draw({ model, base }: { model: Model; base?: Model | undefined }, choice: ViewChoice) {
  let diagram: Awaited<ReturnType<typeof layout>>;
  try {
    diagram = await layout(model, {
      view: choice.view,
      ...(choice.segment ? { segment: choice.segment } : {}),
      ...(choice.role ? { role: choice.role } : {}),
      ...(choice.mergeSegments ? { mergeSegments: true } : {}),
      ...(choice.focus ? { focus: choice.focus } : {}),
      ...(choice.path ? { path: choice.path } : {}),
      ...(base ? { base } : {}),
    });
  } catch (error) {
    if (error instanceof RenderOptionError) throw new HttpError(400, error.message, error.hint);
    throw error;
  }
  const format = choice.format ?? 'svg';
  if (format === 'json') return { json: diagram };
  const svg = toSvg(diagram);
  if (format === 'svg') return { format, content: svg, missing: [] };
  // Drawn with the bundled font only: what it lacks is told to the page, as the CLI says it.
  const missing = missingGlyphs(svg);
  if (format === 'pdf')
    return { format, content: (await (await import('../../views/pdf.js')).toPdf(diagram)).bytes, missing };
  return { format, content: toPng(svg, canvasWidth(diagram), diagram.height), missing };
}

export function renderSaved(input: ViewChoice & { name: string }, ctx: TaskContext) {
  const { model, result } = loadSaved(ctx, input.name, { scenario: input.scenario });
  return draw({ model, base: result.ok ? result.base : undefined }, input);
}

export const renderText = (input: ViewChoice & TextSource, ctx: TaskContext) =>
  draw(loadTextAndBase(ctx, input, input.scenario), input);
