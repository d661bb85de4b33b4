/** `linesight render FILE --view VIEW -o OUT.svg|OUT.png|OUT.pdf`: a diagram of a model, for the screen, slides or print. */

import { extname } from 'node:path';
import { writeAtomic } from '../../fs/write-atomic.js';
import type { Model } from '../../model/model.js';
import { diffCounts, diffModels } from '../../model/scenario-diff.js';
import { missingGlyphs } from '../../views/missing-glyphs.js';
import { missingGlyphsNote } from '../../views/missing-glyphs-note.js';
import { MIN_TEXT_PT } from '../../views/pdf-pages.js';
import { pngLimit, pngScale, pngSize, toPng } from '../../views/png.js';
import { layout, RenderOptionError } from '../../views/render.js';
import { canvasWidth, toSvg } from '../../views/svg.js';
import { type Io, UsageError } from '../io.js';
import { loadOrReport } from '../load-or-report.js';
import { refuseOutputOverInput } from '../output-file.js';
import { RENDER_FORMATS, type RenderFormat } from '../render-formats.js';
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

type Format = RenderFormat;

export async function renderCommand(file: string, options: RenderCommandOptions, io: Io): Promise<number> {
  refuseOutputOverInput(options.output, [file]);
  const named = options.output ? extname(options.output).slice(1).toLowerCase() : undefined;
  const format = options.format ?? named ?? 'svg';
  // A PNG written to diagram.svg opens as a broken picture.
  if (
    options.format &&
    named &&
    named !== options.format &&
    (RENDER_FORMATS as readonly string[]).includes(named)
  )
    throw new UsageError(
      `--format ${options.format} and the output ${options.output} disagree: name the file .${options.format}, or leave out --format`,
    );
  if (!(RENDER_FORMATS as readonly string[]).includes(format))
    throw new UsageError(
      named === ''
        ? `-o ${options.output} names no file of a diagram's kind: give a file ending in .svg, .png or .pdf, or --format svg|png|pdf`
        : `cannot write '${format}': use an output file ending in .svg, .png or .pdf, or --format svg|png|pdf`,
    );
  if (format !== 'svg' && !options.output)
    throw new UsageError(`a ${format.toUpperCase()} needs an output file: add -o diagram.${format}`);
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
      ...(loaded.base ? { base: loaded.base } : {}),
    });
  } catch (error) {
    if (error instanceof RenderOptionError) throw new UsageError(`${error.message}: ${error.hint}`);
    throw error;
  }
  const written = await write(diagram, format as Format);
  if (options.output) writeAtomic(options.output, written.content);
  else io.out(written.content as string);
  const [width, height] = [Math.round(canvasWidth(diagram)), Math.round(diagram.height)];
  const scenario = scenarioSummary(loaded.model, loaded.base);
  if (options.json) {
    const summary = {
      file,
      view: diagram.view,
      output: options.output ?? null,
      format,
      width,
      height,
      ...written.summary,
      lanes: diagram.lanes.length,
      boxes: diagram.boxes.length,
      edges: diagram.edges.length,
      ...(scenario ? { scenario: { ...scenario, marked: diagram.changes ?? null } } : {}),
    };
    (options.output ? io.out : io.err)(`${JSON.stringify(summary, null, 2)}\n`);
  } else if (options.output) {
    io.err(
      `wrote ${options.output} (${diagram.view}, ${written.said ?? `${width} x ${height} px`}, ${diagram.boxes.length} boxes)\n`,
    );
    if (scenario)
      io.err(
        `scenario ${scenario.id} against its base: ${scenario.added} elements added, ${scenario.changed} changed, ${scenario.removed} removed${diagram.changes ? ` (${diagram.changes.added} new, ${diagram.changes.changed} changed and ${diagram.changes.removed} removed boxes, flows and lanes marked)` : ''}\n`,
      );
  }
  if (written.warning) io.err(`warning: ${written.warning}\n`);
  return 0;
}

type Diagram = Awaited<ReturnType<typeof layout>>;

/** What the scenario changed in the model, counted as the API's diff counts it. */
function scenarioSummary(model: Model, base: Model | undefined) {
  if (!base || !model.scenario) return undefined;
  return { id: model.scenario.id, ...diffCounts(diffModels(base, model)) };
}

/** The file's content, and what to tell about it beyond the diagram's size. */
async function write(
  diagram: Diagram,
  format: Format,
): Promise<{ content: string | Buffer; summary?: Record<string, unknown>; said?: string; warning?: string }> {
  const svg = toSvg(diagram);
  if (format === 'svg') return { content: svg };
  // PNG and PDF draw with the bundled font only: what it lacks is said, not drawn as boxes unsaid.
  const missing = missingGlyphs(svg);
  const warned = missing.length > 0 ? { warning: missingGlyphsNote(missing) } : {};
  if (format === 'png') {
    const [width, height] = [canvasWidth(diagram), diagram.height];
    const png = toPng(svg, width, height);
    const size = pngSize(png);
    const scale = Math.round(pngScale(width, height) * 100) / 100;
    const limit = pngLimit(width, height);
    const capped = limit ? `, ${limit}` : '';
    return {
      content: png,
      summary: { image: { ...size, scale }, missingCharacters: missing },
      said: `${size.width} x ${size.height} px, the diagram at ${scale}x${capped}`,
      ...warned,
    };
  }
  const { toPdf } = await import('../../views/pdf.js');
  const pdf = await toPdf(diagram);
  const { paper, pages, scale } = pdf.plan;
  const smallest = Math.round(pdf.smallestText * 10) / 10;
  return {
    content: pdf.bytes,
    summary: {
      pages: pages.length,
      paper: paper.name,
      scale: Math.round(scale * 1000) / 1000,
      smallestTextPt: smallest,
      missingCharacters: missing,
    },
    ...warned,
    said: `${pages.length === 1 ? 'one page' : `${pages.length} pages`} of ${paper.name} landscape, text ${smallest} pt or larger${smallest < MIN_TEXT_PT ? ' (too small to read well: draw less, e.g. one --segment)' : ''}`,
  };
}
