/**
 * External labels sized so that bpmn-js draws their text whole: it wraps at the bounds' width in
 * 11 px Arial and breaks a word wider than that inside it. Checked against Arial's own metrics
 * (Helvetica's, which Arial matches glyph for glyph, from the AFM file pdfkit ships), not against
 * the font linesight measures with.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { examplesAndScenarios } from '../testing/example-models.js';
import { exportBpmn } from './export.js';
import type { Box } from './label-place.js';
import { fitText } from './label-text.js';
import { createModdle, type Element } from './moddle.js';

// pdfkit's exports name no data file: found beside its main module.
const pdfkit = dirname(createRequire(import.meta.url).resolve('pdfkit'));
const afm = readFileSync(join(pdfkit, 'data', 'Helvetica.afm'), 'utf8');
const byName = new Map(
  [...afm.matchAll(/^C -?\d+ ; WX (\d+) ; N (\S+) ;/gm)].map((m) => [m[2] as string, Number(m[1])]),
);
const byCode = new Map([...afm.matchAll(/^C (\d+) ; WX (\d+) ;/gm)].map((m) => [Number(m[1]), Number(m[2])]));
// The AFM is in Adobe's standard encoding, which differs from ASCII at these two, and names the rest.
const NAMED: Record<string, string> = {
  "'": 'quotesingle',
  '`': 'grave',
  '…': 'ellipsis',
  '–': 'endash',
  '—': 'emdash',
  '’': 'quoteright',
  '€': 'Euro',
  é: 'eacute',
  ä: 'adieresis',
  ö: 'odieresis',
  ü: 'udieresis',
};

/** Width in px at 11 px in Arial; a character the table lacks counts as an em, to be safe. */
function arial(text: string): number {
  let units = 0;
  for (const ch of text) {
    const named = NAMED[ch];
    const code = ch.codePointAt(0) as number;
    units += (named ? byName.get(named) : code < 128 ? byCode.get(code) : undefined) ?? 1000;
  }
  return (units * 11) / 1000;
}

/** The lines bpmn-js makes of `text` at `width`, by words; a word wider than the width is an error. */
function arialLines(text: string, width: number): number {
  let lines = 0;
  for (const paragraph of text.trim().split('\n')) {
    lines++;
    let line = '';
    for (const word of paragraph.trim().split(/\s+/)) {
      if (arial(word) > width)
        throw new Error(`'${word}' (${arial(word).toFixed(1)} px) is broken at ${width} px`);
      const longer = line ? `${line} ${word}` : word;
      if (line && arial(longer) > width) {
        lines++;
        line = word;
      } else line = longer;
    }
  }
  return lines;
}

describe('an external label', () => {
  it('holds a word Arial draws wider than six pixels a character, and a share', () => {
    for (const text of ['Abandoned', '35%', 'Phone', 'Way on?', 'Missed delivery despite the window']) {
      const bounds: Box = { x: 0, y: 0, width: 10, height: 10 };
      fitText(bounds, text);
      expect(arialLines(text, bounds.width) * 13.2, text).toBeLessThanOrEqual(bounds.height);
      expect(bounds.width, text).toBeLessThanOrEqual(Math.max(90, arial(text) * 1.3));
    }
  });

  it('keeps its centre and leaves an empty text as it is', () => {
    const bounds: Box = { x: 100, y: 40, width: 40, height: 14 };
    fitText(bounds, 'Abandoned');
    expect(bounds.x + bounds.width / 2).toBeCloseTo(120, 0);
    expect(bounds.y).toBe(40);
    const empty: Box = { x: 1, y: 2, width: 3, height: 4 };
    fitText(empty, '  ');
    expect(empty).toEqual({ x: 1, y: 2, width: 3, height: 4 });
  });

  it.each(examplesAndScenarios())(
    '%s: every label drawn whole in bpmn-js, in no more lines than its height holds',
    async (_f, model) => {
      const { rootElement } = await createModdle().fromXML(await exportBpmn(model, '0.0.0'));
      const plane = ((rootElement.diagrams as Element[])[0] as Element).plane as Element;
      const labelled = (plane.planeElement as Element[]).filter(
        (p) => (p.label as Element | undefined)?.bounds,
      );
      expect(labelled.length).toBeGreaterThan(0);
      for (const p of labelled) {
        const name = String((p.bpmnElement as Element).name ?? '');
        if (!name.trim()) continue;
        const bounds = (p.label as Element).bounds as unknown as Box;
        expect(arialLines(name, bounds.width) * 13.2, name).toBeLessThanOrEqual(bounds.height + 0.5);
      }
    },
  );
});
