/**
 * PNGs and PDFs draw with the bundled DejaVu font only: characters it lacks (Chinese, say) come
 * out as empty boxes, and `render` says which instead of leaving it to be found on a slide.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { linesight } from '../testing/cli.js';
import { missingGlyphs } from './missing-glyphs.js';
import { missingGlyphsNote } from './missing-glyphs-note.js';

describe('characters the bundled font lacks', () => {
  it('are found in the drawn text, each once; Latin, Greek and Cyrillic letters are drawn', () => {
    const svg =
      '<svg><title>服务台 in a title is not drawn</title><text x="1">Café Ωμέγα Привет &amp; co</text>' +
      '<text x="2">服务台 desk</text><text x="3">客服 服务</text></svg>';
    expect(missingGlyphs(svg)).toEqual(['服', '务', '台', '客']);
    expect(missingGlyphs('<svg><text>Service desk</text></svg>')).toEqual([]);
    expect(missingGlyphsNote(['服'])).toMatch(/^1 character of its text \(服\) is not in the bundled font/);
  });

  it('are said by render for a PNG and a PDF, and in --json; an SVG needs no word', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linesight-glyphs-'));
    const example = readFileSync(new URL('../../examples/mmc.yaml', import.meta.url), 'utf8');
    const model = join(dir, 'desk.yaml');
    writeFileSync(model, example.replace('name: Service desk', 'name: 服务台'));
    const png = await linesight('render', model, '--view', 'blueprint', '-o', join(dir, 'desk.png'));
    expect(png.code).toBe(0);
    expect(png.stderr).toContain('warning: 3 characters of its text (服 务 台) are not in the bundled font');
    const pdf = await linesight(
      'render',
      model,
      '--view',
      'blueprint',
      '-o',
      join(dir, 'desk.pdf'),
      '--json',
    );
    expect(JSON.parse(pdf.stdout).missingCharacters).toEqual(['服', '务', '台']);
    const svg = await linesight('render', model, '--view', 'blueprint', '-o', join(dir, 'desk.svg'));
    expect(svg.stderr).not.toContain('warning');
    const plain = await linesight(
      'render',
      fileURLToPath(new URL('../../examples/mmc.yaml', import.meta.url)),
      '--view',
      'blueprint',
      '-o',
      join(dir, 'mmc.png'),
      '--json',
    );
    expect(JSON.parse(plain.stdout).missingCharacters).toEqual([]);
    expect(plain.stderr).not.toContain('warning');
  });
});
