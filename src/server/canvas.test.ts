/// <reference lib="dom" />
// Its callbacks run in the browser (page.evaluate): the DOM's types.
/**
 * The diagram canvas of the model page in Debian's Chromium, against `linesight serve`: fitted when
 * shown, zoomed by wheel and buttons, panned by dragging and the arrow keys, a finding's boxes
 * brought into the pane, a box's YAML selected by a click, a view switch shown fitted, and the
 * export buttons' files valid. Screenshots go to the temporary folder, named linesight-canvas-*.
 */

import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { load } from '../model/load.js';
import type { Model } from '../model/model.js';
import { readPdf } from '../testing/pdf.js';
import { screenshot } from '../testing/screenshot.js';
import { webApp } from '../testing/web-app.js';
import { toPdf } from '../views/pdf.js';
import { pngScale } from '../views/png.js';
import { layout } from '../views/render.js';

const EXAMPLES = new URL('../../examples/', import.meta.url).pathname;
const app = webApp('linesight-canvas-', (dir) => {
  cpSync(EXAMPLES, dir, { recursive: true });
  // A department named in Chinese: the bundled font has no glyph for it.
  const mmc = readFileSync(join(dir, 'mmc.yaml'), 'utf8');
  writeFileSync(join(dir, 'chinese.yaml'), mmc.replace('name: Service desk', 'name: 服务台'));
  cpSync(new URL('../../templates/journey.yaml', import.meta.url).pathname, join(dir, 'starter.yaml'));
});

const shot = (page: Page, name: string) => screenshot(page, `canvas-${name}`);

type Box = { left: number; top: number; right: number; bottom: number; width: number };
const rectOf = (page: Page, selector: string) =>
  page.$eval(selector, (el): Box => {
    const r = el.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width };
  });
/** A pixel of slack for rounding in the browser's layout. */
const inside = (inner: Box, outer: Box) =>
  inner.left >= outer.left - 1 &&
  inner.top >= outer.top - 1 &&
  inner.right <= outer.right + 1 &&
  inner.bottom <= outer.bottom + 1;
const scale = async (page: Page) => Number((await page.textContent('.canvas .scale'))?.replace('%', ''));

/** The departments model's blueprint, as the page first shows it. */
async function openBlueprint(): Promise<Page> {
  const page = await app.browser.newPage({ viewport: { width: 1600, height: 1000 }, acceptDownloads: true });
  await page.goto(`${app.base}/#/model/order-departments.yaml`);
  await page.waitForSelector('.diagram svg[data-view="blueprint"]');
  await page.waitForSelector('.findings li');
  return page;
}

describe('the diagram canvas', () => {
  it('shows the whole blueprint when it opens, and zooms by wheel and by buttons', async () => {
    const page = await openBlueprint();
    const pane = await rectOf(page, '.canvas .pane');
    // Beside the journey table the diagram still has most of a 1,600 px screen's other half.
    expect(pane.width).toBeGreaterThan(700);
    expect(inside(await rectOf(page, '.diagram svg'), pane)).toBe(true);
    const fitted = await scale(page);
    expect(fitted).toBeLessThan(15);
    await shot(page, 'fitted');
    await page.click('.zoom-in');
    expect(await scale(page)).toBeGreaterThan(fitted);
    await page.click('.zoom-out');
    expect(await scale(page)).toBe(fitted);
    // The wheel zooms about the pointer: the point under it stays put.
    await page.mouse.move(pane.left + 300, pane.top + 200);
    const before = await rectOf(page, '.diagram svg');
    await page.mouse.wheel(0, -300);
    await page.waitForFunction(
      (s) => Number(document.querySelector('.canvas .scale')?.textContent?.replace('%', '')) > s,
      fitted,
    );
    const after = await rectOf(page, '.diagram svg');
    const k = after.width / before.width;
    expect(k).toBeGreaterThan(1.5);
    expect(Math.abs(after.left - (pane.left + 300 - (pane.left + 300 - before.left) * k))).toBeLessThan(2);
    await page.mouse.wheel(0, 300);
    await page.waitForFunction(
      (s) => Number(document.querySelector('.canvas .scale')?.textContent?.replace('%', '')) === s,
      fitted,
    );
    await page.close();
  });

  it('pans by dragging and with the arrow keys, and Fit shows the whole diagram again', async () => {
    const page = await openBlueprint();
    const pane = await rectOf(page, '.canvas .pane');
    for (let i = 0; i < 8; i++) await page.click('.zoom-in');
    const before = await rectOf(page, '.diagram svg');
    const [x, y] = [pane.left + 500, pane.top + 300];
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x - 250, y + 120, { steps: 5 });
    await page.mouse.up();
    const dragged = await rectOf(page, '.diagram svg');
    expect(dragged.left - before.left).toBeCloseTo(-250, 0);
    expect(dragged.top - before.top).toBeCloseTo(120, 0);
    // A drag is no click: nothing was picked.
    expect(await page.locator('.diagram .picked').count()).toBe(0);
    await page.focus('.canvas .pane');
    await page.keyboard.press('ArrowRight');
    expect((await rectOf(page, '.diagram svg')).left - dragged.left).toBeCloseTo(-60, 0);
    expect(inside(await rectOf(page, '.diagram svg'), pane)).toBe(false);
    await page.click('.canvas .fit');
    expect(inside(await rectOf(page, '.diagram svg'), pane)).toBe(true);
    await page.close();
  });

  it("brings a finding's boxes into the pane and lights them up", async () => {
    const page = await openBlueprint();
    const pane = await rectOf(page, '.canvas .pane');
    // Zoomed in at the start of the journey: most boxes are out of sight.
    for (let i = 0; i < 10; i++) await page.click('.zoom-in');
    const outside = await page.$$eval(
      '.diagram g.box',
      (boxes, p) =>
        boxes
          .filter((b) => {
            const r = b.getBoundingClientRect();
            return r.left < p.left || r.right > p.right || r.top < p.top || r.bottom > p.bottom;
          })
          .map((b) => b.getAttribute('data-ref')),
      pane,
    );
    const count = await page.locator('.findings li').count();
    let moved = 0;
    for (let i = 0; i < count; i++) {
      await page.click(`.findings li >> nth=${i} >> button`);
      await page.waitForSelector('.findings li.selected');
      const lit = await page.$$eval('.diagram g.box.lit', (boxes) =>
        boxes.map((b) => {
          const r = b.getBoundingClientRect();
          return {
            ref: b.getAttribute('data-ref'),
            left: r.left,
            top: r.top,
            right: r.right,
            bottom: r.bottom,
            width: r.width,
          };
        }),
      );
      // The page itself does not scroll to the finding: the pane is where it was.
      expect(await rectOf(page, '.canvas .pane')).toEqual(pane);
      for (const box of lit) expect(inside(box, pane), `${box.ref} of finding ${i + 1}`).toBe(true);
      if (lit.some((b) => outside.includes(b.ref))) moved++;
      if (i === 0) await shot(page, 'finding');
      // Unselect, zoomed in at the start again for the next.
      await page.click(`.findings li >> nth=${i} >> button`);
    }
    // Findings whose boxes were out of sight were brought into it.
    expect(moved).toBeGreaterThan(0);
    await page.close();
  });

  it("selects a box's step in the YAML editor when the box is clicked, and outlines the box", async () => {
    const page = await openBlueprint();
    // With the YAML shown, a click on a box shows its lines there.
    await page.click('#tab-yaml');
    for (let i = 0; i < 5; i++) await page.click('.zoom-in');
    // A step box in sight, clicked in its middle.
    const pane = await rectOf(page, '.canvas .pane');
    const { ref, x, y } = await page.$$eval(
      '.diagram g.box[data-kind="step"]',
      (boxes, p) => {
        const shown = boxes
          .map((b) => ({ ref: b.getAttribute('data-ref') as string, r: b.getBoundingClientRect() }))
          .find(({ r }) => r.left > p.left && r.right < p.right && r.top > p.top && r.bottom < p.bottom);
        if (!shown) throw new Error('no step box in sight');
        return { ref: shown.ref, x: shown.r.left + shown.r.width / 2, y: shown.r.top + shown.r.height / 2 };
      },
      pane,
    );
    await page.mouse.click(x, y);
    await page.waitForSelector(`.diagram g.box.picked[data-ref="${ref}"]`);
    await page.waitForFunction(
      (id) => document.querySelector('.cm-activeLine')?.textContent?.trim() === `- id: ${id}`,
      ref,
    );
    // CodeMirror draws the selection in its next measure cycle, after the active line: waited for,
    // as the count taken at once was 0 on a loaded machine.
    await page.waitForSelector('.cm-selectionBackground', { timeout: 10_000 });
    expect(await page.locator('.cm-selectionBackground').count()).toBeGreaterThan(0);
    await shot(page, 'picked');
    await page.close();
  });

  it('shows another view fitted, whatever the zoom of the last', async () => {
    const page = await openBlueprint();
    const pane = await rectOf(page, '.canvas .pane');
    for (let i = 0; i < 8; i++) await page.click('.zoom-in');
    await page.mouse.move(pane.left + 400, pane.top + 300);
    await page.mouse.down();
    await page.mouse.move(pane.left + 100, pane.top + 100, { steps: 3 });
    await page.mouse.up();
    await page.click('.views button:has-text("journey")');
    await page.waitForSelector('.diagram svg[data-view="journey"]');
    expect(inside(await rectOf(page, '.diagram svg'), pane)).toBe(true);
    await shot(page, 'journey');
    await page.close();
  });

  it('keeps a diagram shown whole whole as edits grow it, and leaves a zoomed one as it is', async () => {
    // The starter's blueprint on a laptop's screen, its second stage growing.
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${app.base}/#/model/starter.yaml`);
    await page.waitForSelector('.diagram svg[data-view="blueprint"]');
    await page.waitForSelector('.journey-table');
    const pane = await rectOf(page, '.canvas .pane');
    const drawn = () => page.$eval('.diagram', (d) => d.innerHTML);
    const addStep = async () => {
      const before = await drawn();
      await page.locator('button[data-act="add-step"]').nth(1).click();
      await page.waitForFunction((b) => document.querySelector('.diagram')?.innerHTML !== b, before);
    };
    // Three steps added, each picked as it comes: the diagram grew past the pane's edge, kept where
    // it was when it fitted.
    const first = Number(await page.$eval('.diagram svg', (s) => s.getAttribute('width')));
    for (let i = 0; i < 3; i++) await addStep();
    expect(Number(await page.$eval('.diagram svg', (s) => s.getAttribute('width')))).toBeGreaterThan(first);
    expect(inside(await rectOf(page, '.diagram svg'), pane)).toBe(true);
    await shot(page, 'grown');
    // Zoomed in by the user: another step leaves the zoom where it is.
    await page.click('.zoom-in');
    const zoomed = await scale(page);
    await addStep();
    expect(await scale(page)).toBe(zoomed);
    await page.close();
  });

  it('downloads the view shown as SVG, PNG and PDF', async () => {
    const page = await openBlueprint();
    const files: Record<string, Buffer> = {};
    for (const format of ['svg', 'png', 'pdf']) {
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 60000 }),
        page.click(`.export-${format}`),
      ]);
      expect(download.suggestedFilename()).toBe(`order-departments-blueprint.${format}`);
      files[format] = readFileSync((await download.path()) as string);
    }
    const svg = (files.svg as Buffer).toString();
    new SaxesParser().write(svg).close();
    expect(svg).toContain('data-view="blueprint"');
    const png = files.png as Buffer;
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    // The PNG is the SVG at the scale the library draws it; the PDF has the pages it plans for it.
    const [w, h] = (svg.match(/<svg [^>]*width="([\d.]+)" height="([\d.]+)"/) ?? []).slice(1).map(Number);
    const scale = pngScale(w ?? 0, h ?? 0);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([
      Math.round(scale * (w ?? 0)),
      Math.round(scale * (h ?? 0)),
    ]);
    const pdf = files.pdf as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const model = load(join(EXAMPLES, 'order-departments.yaml')).model as Model;
    const planned = (await toPdf(await layout(model, { view: 'blueprint' }))).plan.pages.length;
    expect(readPdf(pdf).pages).toHaveLength(planned);
    expect(await page.textContent('.model-status')).not.toContain('bundled font');
    await page.close();
    // A PNG that draws characters as empty boxes is exported, and the page says which.
    const chinese = await app.browser.newPage({ acceptDownloads: true });
    await chinese.goto(`${app.base}/#/model/chinese.yaml`);
    await chinese.waitForSelector('.diagram svg[data-view="blueprint"]');
    await Promise.all([chinese.waitForEvent('download', { timeout: 60000 }), chinese.click('.export-png')]);
    await chinese.waitForSelector('.model-status:has-text("3 characters of its text (服 务 台)")');
    await chinese.close();
  });
});
