/**
 * The staffing page in Chromium against the server: reached from the model page, it finds the
 * staffing, draws each pool's week against the load, and saves the scenario into the model.
 * Screenshots at 1280x800 and 1920x1080 go to the temporary folder (linesight-staff-*.png).
 */
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../testing/browser.js';
import { screenshot } from '../testing/screenshot.js';
import { buildServer } from './app.js';

const FIXTURE = new URL('../simulation/staffing/fixtures/hotline.yaml', import.meta.url).pathname;
let app: FastifyInstance;
let browser: Browser;
let base: string;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'linesight-staff-web-'));
  copyFileSync(FIXTURE, join(dir, 'hotline.yaml'));
  app = buildServer({ workspace: dir, workers: 1 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('the staffing page', () => {
  it('finds the staffing, draws the week against the load, and saves the scenario', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${base}/#/model/hotline.yaml`);
    await page.click('a[href="#/staff/hotline.yaml"]');
    await page.waitForSelector('h1:has-text("Staffing at least cost")');
    await page.fill('input[type=number] >> nth=0', '2');
    await page.fill('input[type=number] >> nth=1', '7');
    await page.click('button.run');
    await page.waitForSelector('.pool-staffing svg.staffing-chart', { timeout: 90_000 });
    const text = await page.textContent('.pool-staffing');
    expect(text).toContain('Hotline agents');
    expect(text).toContain('Target 80% in 20 s (Erlang C per hour');
    expect(text).toMatch(/member-hours a week \(today 1,024\), EUR [\d,]+ a week/);
    // The savings two replications could not prove, under the pool's figures.
    expect(await page.textContent('.pool-staffing p.unproven')).toMatch(
      /one member fewer met the target on average but not beyond doubt, so the member was kept: \w{3} \d{2}:00-\d{2}:00 \(\d+(\.\d)?%\).* More replications \(e\.g\. 10\) may show the saving\.$/,
    );
    // The staff line climbs to the peak and back; the load sits below it.
    expect(await page.locator('svg.staffing-chart path.staff').getAttribute('d')).toMatch(/^M/);
    expect(await page.locator('svg.staffing-chart text:has-text("Wed")').count()).toBe(1);
    await screenshot(page, 'staff-1280', { fullPage: true });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, 'staff-1920', { fullPage: true });

    await page.click('button.save-scenario');
    await page.waitForSelector('.saved');
    expect(await page.textContent('.saved')).toContain("Saved as scenario 'least-cost-staffing'");
    const saved = readFileSync(join(dir, 'hotline.yaml'), 'utf8');
    expect(saved).toContain('id: least-cost-staffing');
    expect(saved).toContain('# A hotline with a weekly arrival profile');
    await page.close();
  }, 150_000);
});

describe('the staffing page of a model with no service level', () => {
  it('says where a pool is given its target, one click away on the Organization tab', async () => {
    copyFileSync(new URL('../../examples/mmc.yaml', import.meta.url).pathname, join(dir, 'mmc.yaml'));
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${base}/#/staff/mmc.yaml`);
    await page.click('button.run');
    await page.waitForSelector('ul.skipped li:has-text("it has no service level target")');
    await screenshot(page, 'staff-no-target');
    await page.click('p.where-target a');
    await page.waitForSelector('#tab-organization[aria-selected="true"]');
    expect(new URL(page.url()).hash).toBe('#/model/mmc.yaml');
    // The Pools section open, where each pool's card holds the target.
    expect(await page.locator('details.org-section[open] h3', { hasText: 'Pools' }).count()).toBe(1);
    await screenshot(page, 'staff-where-target');
    await page.close();
  });
});
