/**
 * New models in the web app, in Chromium against `linesight serve`: a model made from the starter
 * through the dialog (mouse and keyboard) opens with its diagram; on the list it is duplicated,
 * the copy renamed, then deleted, each after a dialog that asks first.
 */
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot } from '../testing/screenshot.js';
import { webApp } from '../testing/web-app.js';

const EXAMPLES = new URL('../../examples/', import.meta.url).pathname;
const app = webApp('linesight-new-web-', (dir) => cpSync(join(EXAMPLES, 'mmc.yaml'), join(dir, 'mmc.yaml')));

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
];

const shot = (page: Page, name: string) =>
  screenshot(page, `new-model-${name}-${page.viewportSize()?.width}`);

const rows = (page: Page) => page.locator('table.list tbody tr td:first-child').allTextContents();

describe('a new model in the web app', () => {
  for (const size of SIZES)
    it(`is made from the starter, duplicated, renamed and deleted at ${size.width} x ${size.height}`, async () => {
      const name = `shop-${size.width}`;
      const page = await app.browser.newPage({ viewport: size });
      await page.goto(`${app.base}/#/`);
      await page.click('button.new-model');
      const dialog = page.locator('dialog[open]');
      await dialog.waitFor();
      // The name field has the focus: type it, choose the starter, press Enter.
      await page.keyboard.type(name);
      await dialog.getByLabel(/^Starter/).check();
      await shot(page, 'dialog');
      await dialog.getByLabel('File name').press('Enter');
      await page.waitForURL(`**/#/model/${name}.yaml`);
      await page.waitForSelector('.diagram svg', { timeout: 30000 });
      expect(readFileSync(join(app.dir, `${name}.yaml`), 'utf8')).toContain('Ordering from our web shop');
      await shot(page, 'model');

      await page.goto(`${app.base}/#/`);
      await page.getByRole('button', { name: `Duplicate ${name}.yaml` }).click();
      await shot(page, 'duplicate');
      await page.locator('dialog[open]').getByRole('button', { name: 'Duplicate' }).click();
      await page.waitForSelector(`text=${name}-copy.yaml`);

      // Rename with the keyboard only: focus the button, Enter, type the name, Enter.
      await page.getByRole('button', { name: `Rename ${name}-copy.yaml` }).focus();
      await page.keyboard.press('Enter');
      await page.locator('dialog[open]').waitFor();
      await page.keyboard.press('Control+A');
      await page.keyboard.type(`${name}-second`);
      await page.keyboard.press('Enter');
      await page.waitForSelector(`text=${name}-second.yaml`);
      expect(await rows(page)).not.toContain(`${name}-copy.yaml`);

      // A taken name is refused in the dialog, which stays open; Escape cancels.
      await page.getByRole('button', { name: `Rename ${name}-second.yaml` }).click();
      await page.locator('dialog[open]').waitFor();
      await page.keyboard.press('Control+A');
      await page.keyboard.type('mmc');
      await page.keyboard.press('Enter');
      await page.locator('dialog[open] .error').waitFor();
      expect(await page.textContent('dialog[open] .error')).toContain('exists already');
      await shot(page, 'rename-refused');
      await page.keyboard.press('Escape');
      await page.locator('dialog[open]').waitFor({ state: 'detached' });

      // Delete asks first; Cancel keeps the file, Delete removes it.
      await page.getByRole('button', { name: `Delete ${name}-second.yaml` }).click();
      await page.locator('dialog[open]').getByRole('button', { name: 'Cancel' }).click();
      expect(existsSync(join(app.dir, `${name}-second.yaml`))).toBe(true);
      await page.getByRole('button', { name: `Delete ${name}-second.yaml` }).click();
      await shot(page, 'delete');
      await page.locator('dialog[open]').getByRole('button', { name: 'Delete' }).click();
      await page.waitForSelector(`text=${name}-second.yaml`, { state: 'detached' });
      expect(existsSync(join(app.dir, `${name}-second.yaml`))).toBe(false);
      expect(await rows(page)).toContain(`${name}.yaml`);
      await shot(page, 'list');
      await page.close();
    });

  it('is imported from an uploaded BPMN file, and its page says what the importer warned about', async () => {
    const page = await app.browser.newPage({ viewport: SIZES[0] });
    await page.goto(`${app.base}/#/`);
    await page.click('button.new-model');
    const dialog = page.locator('dialog[open]');
    await dialog.getByLabel('File name').fill('returns');
    await dialog.getByLabel(/BPMN file, through/).check();
    await dialog.locator('input[type=file]').setInputFiles(join(EXAMPLES, 'bpmn', 'return-to-refund.bpmn'));
    await shot(page, 'bpmn-dialog');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL('**/#/model/returns.yaml');
    await page.waitForSelector('.diagram svg', { timeout: 30000 });
    expect(readFileSync(join(app.dir, 'returns.yaml'), 'utf8')).toContain('steps:');
    expect(await page.textContent('details.warnings summary')).toMatch(
      /Imported from BPMN with \d+ warnings?/,
    );
    await shot(page, 'bpmn-model');
    await page.close();
  });

  it('is made from the page of a model that is not there yet, e.g. #/model/fresh.yaml', async () => {
    const page = await app.browser.newPage({ viewport: SIZES[0] });
    await page.goto(`${app.base}/#/model/fresh.yaml`);
    await page.getByRole('button', { name: 'Create fresh.yaml' }).click();
    const dialog = page.locator('dialog[open]');
    expect(await dialog.getByLabel('File name').inputValue()).toBe('fresh.yaml');
    await dialog.getByLabel(/^Blank/).check();
    await dialog.getByRole('button', { name: 'Create' }).click();
    await page.waitForSelector('.diagram svg', { timeout: 30000 });
    expect(await page.textContent('.toolbar h1')).toBe('fresh.yaml');
    expect(readFileSync(join(app.dir, 'fresh.yaml'), 'utf8')).toContain('name: "Fresh"');
    await shot(page, 'blank');
    await page.close();
  });
});
