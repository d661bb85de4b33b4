/** `linesight render FILE --view VIEW -o OUT.svg|OUT.png`: a diagram of a model, for the screen or for slides. */
import { extname } from 'node:path';
import { writeAtomic } from '../../fs/write-atomic.js';
import { toPng } from '../../views/png.js';
import { layout, RenderOptionError } from '../../views/render.js';
import { canvasWidth, toSvg } from '../../views/svg.js';
import { type Io, UsageError } from '../io.js';
import { loadOrReport } from '../load-or-report.js';
import { type PartCommandOptions, partOptions } from './render-parts.js';

export interface RenderCommandOptions extends PartCommandOptions {
  view: string;
  scenario?: string;
  segment?: string;
  role?: string;
  mergeSegments?: boolean;
  output?: string;
  format?: string;
  json?: boolean;
}

export async function renderCommand(file: string, options: RenderCommandOptions, io: Io): Promise<number> {
  const format = options.format ?? (options.output ? extname(options.output).slice(1).toLowerCase() : 'svg');
  if (format !== 'svg' && format !== 'png')
    throw new UsageError(
      `cannot write '${format}': use an output file ending in .svg or .png, or --format svg|png`,
    );
  if (format === 'png' && !options.output)
    throw new UsageError('a PNG needs an output file: add -o diagram.png');
  const loaded = loadOrReport(
    file,
    io,
    'nothing was drawn',
    options.scenario !== undefined ? { scenario: options.scenario } : {},
  );
  if (!loaded) return 1;
  let diagram: Awaited<ReturnType<typeof layout>>;
  try {
    diagram = await layout(loaded.model, {
      view: options.view,
      ...(options.segment !== undefined ? { segment: options.segment } : {}),
      ...(options.role !== undefined ? { role: options.role } : {}),
      ...(options.mergeSegments ? { mergeSegments: true } : {}),
      ...partOptions(options),
    });
  } catch (error) {
    if (error instanceof RenderOptionError) throw new UsageError(`${error.message}: ${error.hint}`);
    throw error;
  }
  const svg = toSvg(diagram);
  const content = format === 'png' ? toPng(svg, canvasWidth(diagram), diagram.height) : svg;
  if (options.output) writeAtomic(options.output, content);
  else io.out(svg);
  if (options.json) {
    const summary = {
      file,
      view: diagram.view,
      output: options.output ?? null,
      format,
      width: Math.round(canvasWidth(diagram)),
      height: Math.round(diagram.height),
      lanes: diagram.lanes.length,
      boxes: diagram.boxes.length,
      edges: diagram.edges.length,
    };
    (options.output ? io.out : io.err)(`${JSON.stringify(summary, null, 2)}\n`);
  } else if (options.output) {
    io.err(
      `wrote ${options.output} (${diagram.view}, ${Math.round(canvasWidth(diagram))} x ${Math.round(diagram.height)} px, ${diagram.boxes.length} boxes)\n`,
    );
  }
  return 0;
}
