/**
 * A diagram as a vector PDF for print: the shapes of its SVG drawn with pdfkit, text as real text
 * in the bundled DejaVu fonts (embedded as subsets, so it is selectable and searchable), on the
 * pages pdf-pages.ts plans. The same diagram gives the same bytes: the creation date is fixed at
 * the Unix epoch (pdfkit writes one whatever we do, and a clock time would change the bytes and the
 * file ID, a digest of the document's info).
 */
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import { least } from '../collections/extremes.js';
import type { Diagram } from './diagram.js';
import { MARGIN, type PagePlan, type PageWindow, planPages } from './pdf-pages.js';
import { canvasWidth, toSvg } from './svg.js';
import { readSvg, type Shape } from './svg-shapes.js';
import { FONT_FILES } from './text.js';

const require = createRequire(import.meta.url);
const FONTS = {
  regular: FONT_FILES.regular,
  bold: FONT_FILES.bold,
  italic: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf'),
  boldItalic: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-BoldOblique.ttf'),
};

/** Opened once: reading and decoding a TrueType font takes longer than drawing a diagram. */
const opened = new Map<string, fontkit.Font | fontkit.FontCollection>();
function fontOf(file: string) {
  let font = opened.get(file);
  if (!font) {
    font = fontkit.openSync(file);
    opened.set(file, font);
  }
  // pdfkit takes a fontkit font as well as a file, though its types name only files and bytes.
  return font as unknown as string;
}

export interface Pdf {
  bytes: Buffer;
  plan: PagePlan;
  /** The smallest text's size in print, in points. */
  smallestText: number;
}

export async function toPdf(diagram: Diagram): Promise<Pdf> {
  const drawing = readSvg(toSvg(diagram));
  const texts = drawing.shapes.filter((s) => s.kind === 'text');
  const smallest = least(texts.map((t) => t.size));
  const plan = planPages({
    width: canvasWidth(diagram),
    height: diagram.height,
    columns: diagram.columns,
    smallestText: smallest,
  });
  const doc = new PDFDocument({
    autoFirstPage: false,
    // No default font: pdfkit would add Helvetica, which is not embedded.
    font: null as unknown as string,
    displayTitle: true,
    info: {
      Title: diagram.title,
      Subject: diagram.description,
      Creator: 'linesight',
      CreationDate: new Date(0),
    },
  });
  for (const [name, file] of Object.entries(FONTS)) doc.registerFont(name, fontOf(file));
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((done) => doc.on('end', done));
  for (const [i, page] of plan.pages.entries()) {
    const title =
      plan.pages.length > 1
        ? `${diagram.title} (page ${i + 1} of ${plan.pages.length}${page.stages.length ? `: ${page.stages.join(', ')}` : ''})`
        : diagram.title;
    drawPage(doc, plan, i, drawing.shapes, { title: diagram.title, shown: title, height: diagram.height });
  }
  doc.end();
  await ended;
  return { bytes: Buffer.concat(chunks), plan, smallestText: smallest * plan.scale };
}

function drawPage(
  doc: PDFKit.PDFDocument,
  plan: PagePlan,
  index: number,
  shapes: Shape[],
  heading: { title: string; shown: string; height: number },
): void {
  const page = plan.pages[index] as PageWindow;
  const { paper, scale, strip } = plan;
  doc.addPage({ size: [paper.width, paper.height], margin: 0 });
  // A page of its own is centred; pages of a split diagram sit alike, so their lanes line up.
  const [left, top] =
    plan.pages.length === 1
      ? [(paper.width - (plan.contentWidth[0] ?? 0) * scale) / 2, (paper.height - heading.height * scale) / 2]
      : [MARGIN, MARGIN];
  doc.save().translate(left, top).scale(scale);
  // The page's stages, then the lane headers left of them (drawn over a lane header that runs
  // long, as in the SVG), then the title and subtitle over all.
  const isHeading = (s: Shape) => s.layer === 'root' && s.kind === 'text';
  const body = shapes.filter((s) => !isHeading(s));
  drawPart(
    doc,
    body.filter((s) =>
      s.kind === 'text' ? s.left >= page.x0 && s.left < page.x1 : s.right > page.x0 && s.left < page.x1,
    ),
    { x0: page.x0, x1: page.x1, dx: strip - page.x0, height: heading.height },
  );
  drawPart(
    doc,
    body.filter((s) => s.left < strip),
    { x0: 0, x1: strip, dx: 0, height: heading.height },
  );
  for (const s of shapes)
    if (isHeading(s))
      drawShape(doc, s.kind === 'text' && s.text === heading.title ? { ...s, text: heading.shown } : s);
  doc.restore();
}

/**
 * Shapes of one stretch of the diagram, moved by dx and clipped to it; text is not clipped, so a
 * label that runs past its lane header or column reads whole, as it does in the SVG.
 */
function drawPart(
  doc: PDFKit.PDFDocument,
  shapes: Shape[],
  part: { x0: number; x1: number; dx: number; height: number },
): void {
  doc.save().translate(part.dx, 0);
  let clipped = false;
  for (const s of shapes) {
    if (s.kind !== 'text' && !clipped)
      doc
        .save()
        .rect(part.x0, 0, part.x1 - part.x0, part.height)
        .clip();
    else if (s.kind === 'text' && clipped) doc.restore();
    clipped = s.kind !== 'text';
    drawShape(doc, s);
  }
  if (clipped) doc.restore();
  doc.restore();
}

function drawShape(doc: PDFKit.PDFDocument, s: Shape): void {
  const p = s.paint;
  if (s.kind === 'text') {
    doc.font(s.bold ? (s.italic ? 'boldItalic' : 'bold') : s.italic ? 'italic' : 'regular').fontSize(s.size);
    const width = s.anchor === 'start' ? 0 : doc.widthOfString(s.text);
    const x = s.anchor === 'middle' ? s.x - width / 2 : s.x - width;
    doc
      .fillColor(p.fill ?? '#000000', p.fillOpacity)
      .text(s.text, s.anchor === 'start' ? s.x : x, s.y, { lineBreak: false, baseline: 'alphabetic' });
    return;
  }
  if (s.kind === 'rect') {
    if (s.rx > 0) doc.roundedRect(s.x, s.y, s.width, s.height, s.rx);
    else doc.rect(s.x, s.y, s.width, s.height);
  } else if (s.kind === 'polyline') {
    const [first, ...rest] = s.points;
    if (!first) return;
    doc.moveTo(first[0], first[1]);
    for (const [x, y] of rest) doc.lineTo(x, y);
    if (s.closed) doc.closePath();
  } else if (s.kind === 'path') doc.path(s.d);
  else doc.circle(s.cx, s.cy, s.r);
  // pdfkit draws a dash array of any length; its types know only one length.
  if (p.dash) doc.dash(p.dash as unknown as number, {});
  else doc.undash();
  doc.lineWidth(p.strokeWidth);
  if (p.fill) doc.fillColor(p.fill, p.fillOpacity);
  if (p.stroke) doc.strokeColor(p.stroke, p.strokeOpacity);
  if (p.fill && p.stroke) doc.fillAndStroke();
  else if (p.fill) doc.fill();
  else if (p.stroke) doc.stroke();
}
