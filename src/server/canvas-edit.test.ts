/// <reference lib="dom" />
// Its callbacks run in the browser (page.evaluate): the DOM's types.
/**
 * Editing on the diagram canvas in Debian's Chromium, against `linesight serve`: a step added
 * after another and named, a branch drawn to an end, a box renamed in place, a step deleted, each
 * written into the YAML (saved and validated here) and taken back in order by Undo; the keyboard
 * alone selects a box and adds a step. Screenshots go to the temporary folder, named
 * linesight-canvas-edit-*.
 */
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parse } from '../model/load.js';
import { screenshot } from '../testing/screenshot.js';
import { webApp } from '../testing/web-app.js';

const STARTER = new URL('../../templates/journey.yaml', import.meta.url).pathname;
const app = webApp('linesight-canvas-edit-', (dir) => {
  copyFileSync(STARTER, join(dir, 'journey.yaml'));
  copyFileSync(STARTER, join(dir, 'keys.yaml'));
});

const shot = (page: Page, name: string) => screenshot(page, `canvas-edit-${name}`);
const box = (page: Page, ref: string, kind = 'step') =>
  page.locator(`.diagram g.box[data-kind="${kind}"][data-ref="${ref}"]`).first();

async function open(name: string): Promise<Page> {
  const page = await app.browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${app.base}/#/model/${name}`);
  await page.waitForSelector('.diagram svg[data-view="blueprint"]');
  return page;
}

/** Saves the model and reads the file written. */
async function saved(page: Page, name: string): Promise<string> {
  await page.click('button.save');
  // "Save *" while there are unsaved changes.
  await page.waitForSelector('button.save:text-is("Save")');
  return readFileSync(join(app.dir, name), 'utf8');
}

/**
 * Opens the rename box of a step by double clicking its box. On a loaded machine the view may still
 * be settling (after Fit) when the double click lands, and miss the box or open another's: the box
 * is asked for by its label, which names the step, and another one opened is cancelled first.
 */
async function renameBoxOf(page: Page, ref: string, name: string) {
  const input = page.getByLabel(`New name of ${name}`, { exact: true });
  for (let attempt = 1; ; attempt++) {
    await box(page, ref).dblclick();
    try {
      await input.waitFor({ timeout: 5000 });
      return input;
    } catch (error) {
      if (attempt === 4) throw error;
      if (await page.locator('input.rename-box').isVisible()) await page.keyboard.press('Escape');
    }
  }
}

/** A step as written in the YAML. */
const stepOf = (text: string, id: string) =>
  (parseYaml(text) as { steps: { id: string; name: string; next: unknown }[] }).steps.find(
    (s) => s.id === id,
  );

describe('editing on the canvas', () => {
  it('adds, connects, renames and deletes steps, and Undo takes each change back in order', async () => {
    const page = await open('journey.yaml');
    const texts = [readFileSync(STARTER, 'utf8')];

    await box(page, 'call').click();
    await page.getByRole('button', { name: 'Add step after' }).click();
    // The new step's name field has the focus, its text selected: typing names it.
    await page.keyboard.type('Checks the order');
    await page.keyboard.press('Enter');
    // Its first name gives it its id: the step stays selected, its name field focused.
    await box(page, 'checks-the-order').waitFor();
    await page.waitForSelector('.properties[data-element="checks-the-order"] input:focus');
    // The field drawn anew does not write the name again to the id that is gone.
    expect(await page.locator('.model-status').textContent()).not.toContain('no step has the id');
    await shot(page, 'added');
    texts.push(await saved(page, 'journey.yaml'));
    expect(stepOf(texts[1] as string, 'call')?.next).toBe('checks-the-order');
    expect(stepOf(texts[1] as string, 'checks-the-order')?.name).toBe('Checks the order');

    await box(page, 'checkout').click();
    await page.getByRole('button', { name: 'Connect to…' }).click();
    await page.waitForSelector('.canvas-hint:text-matches("should lead to")');
    await box(page, 'left', 'end').click();
    await page.waitForSelector('.canvas-hint', { state: 'detached' });
    texts.push(await saved(page, 'journey.yaml'));
    expect(stepOf(texts[2] as string, 'checkout')?.next).toEqual([
      { to: 'pack', p: 0.7 },
      { to: 'left', p: 0.3 },
    ]);

    // The view followed the new step to the right: Fit brings "browse" back into sight.
    await page.getByRole('button', { name: 'Fit' }).click();
    const input = await renameBoxOf(page, 'browse', stepOf(texts[2] as string, 'browse')?.name ?? '');
    await input.fill('Reads the product page');
    await input.press('Enter');
    // The drawing follows the edit after a layout, slow on a loaded machine.
    await page.waitForSelector('.diagram g.box[data-ref="browse"] text:text-matches("Reads the")', {
      timeout: 60000,
    });
    texts.push(await saved(page, 'journey.yaml'));
    expect(stepOf(texts[3] as string, 'browse')?.name).toBe('Reads the product page');

    await box(page, 'checks-the-order').click();
    await page.locator('.properties').getByRole('button', { name: 'Delete' }).click();
    // Asked in the app's dialog, which says where the flows go.
    const asked = page.locator('dialog[open]');
    expect(await asked.locator('h2').textContent()).toBe('Delete the step "Checks the order"?');
    expect(await asked.locator('p').first().textContent()).toContain(
      'will lead to Waits for the parcel instead',
    );
    await shot(page, 'delete-asked');
    await asked.getByRole('button', { name: 'Delete' }).click();
    await box(page, 'checks-the-order').waitFor({ state: 'detached' });
    texts.push(await saved(page, 'journey.yaml'));
    expect(stepOf(texts[4] as string, 'call')?.next).toEqual([
      { to: 'pack', p: 0.7 },
      { to: 'left', p: 0.3 },
    ]);
    for (const text of texts) expect(parse(text).ok).toBe(true);

    const undo = async () => {
      await page.getByRole('button', { name: 'Undo' }).click();
      return saved(page, 'journey.yaml');
    };
    for (let back = texts.length - 2; back >= 1; back--) expect(await undo()).toBe(texts[back]);
    // Naming the new step was an edit of its own, after the one that added it.
    expect(stepOf(await undo(), 'new-step')?.name).toBe('New step');
    expect(await undo()).toBe(texts[0]);
    await page.close();
  });

  it('selects with Tab and Enter, adds a step with N, lets go with Escape; a drag selects no text', async () => {
    const page = await open('keys.yaml');
    const start = await page.locator('.canvas .pane').boundingBox();
    if (!start) throw new Error('no pane');
    await page.mouse.move(start.x + 200, start.y + 200);
    await page.mouse.down();
    await page.mouse.move(start.x + 100, start.y + 150, { steps: 5 });
    await page.mouse.up();
    expect(await page.evaluate(() => getSelection()?.toString())).toBe('');
    expect(await page.locator('.properties').count()).toBe(0);

    await page.focus('.canvas .pane');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-ref'))).toBe('browse');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.properties :text("Step")');
    await shot(page, 'keyboard');
    await page.keyboard.press('n');
    await page.keyboard.type('Compares prices');
    await page.keyboard.press('Enter');
    await box(page, 'compares-prices').waitFor();
    const text = await saved(page, 'keys.yaml');
    expect(stepOf(text, 'browse')?.next).toBe('compares-prices');
    expect(stepOf(text, 'compares-prices')?.name).toBe('Compares prices');

    await page.focus('.canvas .pane');
    await page.keyboard.press('Escape');
    await page.waitForSelector('.properties', { state: 'detached' });
    expect(await page.locator('.diagram .picked').count()).toBe(0);
    await page.close();
  });
});
