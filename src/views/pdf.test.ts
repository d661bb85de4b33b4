/**
 * The PDF of each view of the departments example, read back as a viewer reads it: the page count
 * and size the plan promises, every box's text on the page of its stage and searchable there,
 * the lane headers and the title on every page, the DejaVu fonts embedded, the SVG's colours, and
 * the same bytes every time.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { load } from '../model/load.js';
import type { Model } from '../model/model.js';
import { readPdf } from '../testing/pdf.js';
import { toPdf } from './pdf.js';
import { MIN_TEXT_PT } from './pdf-pages.js';
import { layout, renderPdf } from './render.js';
import { toSvg } from './svg.js';

const example = load(fileURLToPath(new URL('../../examples/order-departments.yaml', import.meta.url)))
  .model as Model;
const VIEWS = [
  { view: 'blueprint' },
  { view: 'entity' },
  { view: 'journey' },
  { view: 'role', role: 'sales' },
  { view: 'e2e' },
];

describe('a diagram as PDF', () => {
  it.each(VIEWS)(
    'puts every box of the $view view on the page of its stage, as searchable text',
    async (options) => {
      const diagram = await layout(example, options);
      const { bytes, plan } = await toPdf(diagram);
      const pdf = readPdf(bytes);
      expect(pdf.pages).toHaveLength(plan.pages.length);
      for (const page of pdf.pages) {
        expect(page.width).toBeCloseTo(plan.paper.width, 3);
        expect(page.height).toBeCloseTo(plan.paper.height, 3);
      }
      // Readable: the smallest text of the SVG prints at 6 pt or more on the paper chosen.
      const sizes = [...toSvg(diagram).matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1]));
      expect(plan.scale * Math.min(...sizes)).toBeGreaterThanOrEqual(MIN_TEXT_PT - 1e-9);
      // Each box's lines on the page of its stage, and on no other unless a box or lane header there
      // says the same.
      const pageOf = (box: (typeof diagram.boxes)[number]) => {
        const x = diagram.columns.find((c) => c.id === box.column)?.x ?? 0;
        return plan.pages.findIndex((p) => x >= p.x0 && x < p.x1);
      };
      const shown = pdf.pages.map((p) => p.text.split('\n'));
      for (const box of diagram.boxes)
        for (const line of box.lines)
          for (const [i, lines] of shown.entries()) {
            if (diagram.lanes.some((l) => l.label.includes(line))) continue;
            const expected = diagram.boxes.some(
              (b) => pageOf(b) === i && [...b.lines, ...(b.captionLines ?? [])].includes(line),
            );
            expect(lines.includes(line), `${box.id}: '${line}' on page ${i + 1}`).toBe(expected);
          }
      for (const [i, page] of pdf.pages.entries()) {
        const title = page.text.split('\n').find((l) => l.startsWith(diagram.title));
        if (pdf.pages.length === 1) expect(title).toBe(diagram.title);
        else
          expect(title).toBe(
            `${diagram.title} (page ${i + 1} of ${pdf.pages.length}: ${plan.pages[i]?.stages.join(', ')})`,
          );
        // The lane headers, on every page.
        for (const lane of diagram.lanes) expect(page.text).toContain(lane.label.split(' ')[0]);
      }
    },
  );

  it('puts the departments blueprint on one A0 poster and a small role view on one A3 page', async () => {
    // 20 lanes make the blueprint too tall for A1 at 6 pt; at 3,575 px wide it needs no split.
    const blueprint = await toPdf(await layout(example, { view: 'blueprint' }));
    expect(blueprint.plan.paper.name).toBe('A0');
    expect(blueprint.plan.pages.map((p) => p.stages)).toEqual([
      [
        'Start',
        'Research',
        'Review options',
        'Place order',
        'Revise or ask',
        'Receive',
        'Exchange or return',
      ],
    ]);
    expect(blueprint.smallestText).toBeGreaterThanOrEqual(MIN_TEXT_PT);
    const role = await toPdf(await layout(example, { view: 'role', role: 'returns' }));
    expect(role.plan.paper.name).toBe('A3');
    expect(readPdf(role.bytes).pages).toHaveLength(1);
  });

  it('embeds the DejaVu fonts it writes in, as subsets', async () => {
    const pdf = readPdf(await renderPdf(example, { view: 'journey' }));
    expect(pdf.fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual([
      'DejaVuSans',
      'DejaVuSans-Bold',
    ]);
    for (const font of pdf.fonts) {
      expect(font.embedded, font.name).toBe(true);
      expect(font.name).toMatch(/^[A-Z]{6}\+/);
    }
  });

  it('paints in the colours of the SVG', async () => {
    const diagram = await layout(example, { view: 'blueprint' });
    const svgColours = new Set(toSvg(diagram).match(/#[0-9a-f]{6}/g));
    const { bytes } = await toPdf(diagram);
    const content = (await import('node:zlib'))
      .inflateSync(
        // The first page's content stream: the object the page names as its Contents.
        contentStream(bytes),
      )
      .toString('latin1');
    const pdfColours = new Set(
      [...content.matchAll(/([\d.]+) ([\d.]+) ([\d.]+) (?:scn|SCN)/g)].map(
        (m) =>
          `#${[m[1], m[2], m[3]]
            .map((c) =>
              Math.round(Number(c) * 255)
                .toString(16)
                .padStart(2, '0'),
            )
            .join('')}`,
      ),
    );
    expect([...pdfColours].filter((c) => !svgColours.has(c))).toEqual([]);
    expect(pdfColours.size).toBeGreaterThan(10);
  });

  it('gives the same bytes for the same diagram', async () => {
    const first = await renderPdf(example, { view: 'e2e' });
    const second = await renderPdf(example, { view: 'e2e' });
    expect(first.equals(second)).toBe(true);
    expect(first.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

function contentStream(bytes: Buffer): Buffer {
  const latin = bytes.toString('latin1');
  const id = /\/Type \/Page\n[\s\S]*?\/Contents (\d+) 0 R/.exec(latin)?.[1];
  const at = latin.indexOf(`\n${id} 0 obj\n`);
  const start = latin.indexOf('stream\n', at) + 'stream\n'.length;
  const length = Number(/\/Length (\d+)/.exec(latin.slice(at))?.[1]);
  return bytes.subarray(start, start + length);
}
