/// <reference lib="dom" />
// Its callbacks run in the browser (page.evaluate): the DOM's types.
/**
 * The web app in Debian's Chromium (playwright-core), against a real server on a loopback port:
 * open a model, type an error and see it inline, fix it and see the diagram change, run a what-if
 * and see results, and save from two tabs: the second gets a conflict message and loses nothing.
 */

import type { ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../testing/browser.js';
import { writeContactLog } from '../testing/contact-log.js';
import { EVENT_LOGS as LOGS } from '../testing/data.js';
import { screenshot } from '../testing/screenshot.js';
import { serve } from '../testing/serve.js';

const EXAMPLES = new URL('../../examples/', import.meta.url).pathname;
const BUILT = new URL('../../dist/web/index.html', import.meta.url).pathname;
let server: ChildProcess;
let browser: Browser;
let base: string;
let dir: string;

beforeAll(async () => {
  expect(existsSync(BUILT), 'the web app is built by npm run build (npm ci runs it)').toBe(true);
  dir = mkdtempSync(join(tmpdir(), 'linesight-web-'));
  cpSync(EXAMPLES, dir, { recursive: true });
  // The server runs as users meet it, `linesight serve`, in its own process.
  const served = await serve(dir);
  server = served.process;
  base = served.base;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
});

const shot = (page: Page, name: string) => screenshot(page, `web-${name}`);

/**
 * Holds the page's requests to `pattern` back until the returned function is called; then each
 * is answered by `answer` (the server's own answer unless given).
 */
async function holdRequests(
  page: Page,
  pattern: string,
  answer: (route: Route) => Promise<void> = (route) => route.continue(),
): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(pattern, async (route) => {
    await held;
    await answer(route);
  });
  return release;
}

/** A new page on the data page, once a CSV of `text` is written as `name`: the page and the file. */
async function dataPageWithCsv(name: string, text: string): Promise<{ page: Page; file: string }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`${base}/#/data`);
  await page.waitForSelector('input[type=file]');
  const file = join(dir, name);
  writeFileSync(file, text);
  return { page, file };
}

/** A slider of the data page's graph moved to its least, the graph asked for again (`asked` in its address): the SVG drawn. */
async function slideToLeast(page: Page, slider: 'paths' | 'activities', asked: string): Promise<string> {
  await page.locator(`.${slider} input`).focus();
  await page.keyboard.press('Home');
  await page.waitForFunction(
    (part) => document.querySelector('img.dfg')?.getAttribute('src')?.includes(part),
    asked,
  );
  return page.evaluate(async () =>
    (await fetch(document.querySelector('img.dfg')?.getAttribute('src') ?? '')).text(),
  );
}

async function replaceText(page: Page, text: string) {
  await page.click('#tab-yaml');
  await page.locator('.cm-content').focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

describe('the web app', () => {
  it('lists the models, asking the server for nothing it lacks (no favicon.ico)', async () => {
    const page = await browser.newPage();
    const failed: string[] = [];
    // The browser's own requests (the favicon) are not page responses; it reports their failures on the console.
    page.on('console', (m) => {
      if (m.type() === 'error') failed.push(m.text());
    });
    await page.goto(`${base}/#/`);
    await page.waitForSelector('text=order-departments.yaml');
    await page.waitForLoadState('networkidle');
    expect(failed).toEqual([]);
    expect(await page.locator('table.list tbody tr').count()).toBe(4);
    await shot(page, 'list');
    await page.close();
  });

  it('lets a keyboard user skip the header to the page, and marks the page the header is on', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/#/compare`);
    await page.waitForSelector('main h1');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to the page');
    expect(((await page.locator('.skip-link').boundingBox())?.y ?? -1) >= 0).toBe(true);
    await shot(page, 'skip-link');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('MAIN');
    // The router's address stays: the page is still the comparison.
    expect(new URL(page.url()).hash).toBe('#/compare');
    expect(await page.locator('header nav a[aria-current="page"]').allTextContents()).toEqual(['Compare']);
    // Out of sight when not focused.
    await page.keyboard.press('Tab');
    expect(((await page.locator('.skip-link').boundingBox())?.y ?? 0) < 0).toBe(true);
    await page.close();
  });

  it("does not open inside another site's frame", async () => {
    const page = await browser.newPage();
    await page.setContent(`<iframe src="${base}/" width="800" height="600"></iframe>`);
    await page.waitForTimeout(1000);
    const frame = page.frames()[1];
    expect(frame).toBeDefined();
    expect(await frame?.$('#app').catch(() => null)).toBeNull();
    await page.close();
  });

  it('shows an error inline as you type, and the diagram follows the fix', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${base}/#/model/mmc.yaml`);
    await page.waitForSelector('.diagram svg');
    // The valid model's findings first: an error typed before they come leaves none to keep
    // ("none yet"), which a busy machine made this test meet.
    await page.waitForSelector('.findings-panel .count:has-text("exact")');
    const original = readFileSync(join(dir, 'mmc.yaml'), 'utf8');
    // A misspelt currency near the top, so that the editor shows the line with its mark.
    await replaceText(page, original.replace('currency: EUR', 'currency: euro'));
    await page.waitForSelector('.cm-lintRange-error', { timeout: 15000 });
    await page.waitForSelector('.cm-lint-marker-error');
    expect(await page.textContent('.toolbar .problems-toggle')).toContain('1 error');
    await page.waitForSelector('.model-status:has-text("last valid model")');
    // The findings stay, said to be the last valid model's.
    await page.waitForSelector('.findings-panel .count:has-text("of the last valid model")');
    await shot(page, 'model-error');
    const before = await page.innerHTML('.diagram');
    await replaceText(
      page,
      original.replace('name: Is served by an agent', 'name: Is served by a specialist'),
    );
    await page.waitForFunction(
      () => document.querySelector('.diagram')?.innerHTML.includes('Is served by a specialist'),
      undefined,
      { timeout: 15000 },
    );
    // The diagram is the model's again, and says no more that it is not.
    await page.waitForFunction(
      () => !document.querySelector('.model-status')?.textContent?.includes('last valid'),
    );
    await page.waitForSelector('.findings-panel .count:has-text(", exact")');
    expect(await page.locator('.cm-lintRange-error').count()).toBe(0);
    expect(await page.innerHTML('.diagram')).not.toBe(before);
    await shot(page, 'model-fixed');
    await page.close();
  });

  it('opens a file saved broken as broken: no empty journey to start over it, and the way to the error', async () => {
    const text = readFileSync(join(dir, 'mmc.yaml'), 'utf8').replace('id: mmc', 'id: [broken');
    writeFileSync(join(dir, 'saved-broken.yaml'), text);
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${base}/#/model/saved-broken.yaml`);
    await page.click('#tab-journey');
    await page.waitForSelector('p.unreadable');
    expect(await page.textContent('p.unreadable')).toContain('This file does not read as YAML');
    expect(await page.locator('button:has-text("Add a stage")').count()).toBe(0);
    await page.waitForSelector('.model-status:has-text("no diagram yet")');
    // No "0 findings, exact" for a model that never read.
    await page.waitForSelector('.findings-panel .count:has-text("none yet: the model has errors")');
    await page.click('p.unreadable button');
    await page.waitForSelector('.cm-lint-marker-error');
    await page.close();
  });

  it('lights up the steps of a finding on the diagram, and draws a role under a scenario', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${base}/#/model/order-departments.yaml`);
    await page.waitForSelector('.findings li');
    await page.waitForSelector('.diagram svg');
    await page.click('.findings li >> nth=0');
    await page.waitForSelector('.diagram .lit');
    expect(await page.locator('.diagram .lit').count()).toBeGreaterThan(0);
    await shot(page, 'model-finding');
    // The role view, and a scenario's version of the same diagram.
    await page.click('.views button:has-text("role")');
    await page.waitForSelector('.diagram svg[data-view="role"]');
    const asIs = await page.innerHTML('.diagram');
    await page.selectOption('label:has-text("Scenario") select', 'account-executives');
    await page.waitForFunction((before) => document.querySelector('.diagram')?.innerHTML !== before, asIs);
    expect(await page.innerHTML('.diagram')).toContain('data-view="role"');
    await shot(page, 'model-role-scenario');
    // A journey map is one persona's: the picker names the segment drawn, not "all segments".
    await page.click('.views button:has-text("journey")');
    await page.waitForSelector('.diagram svg[data-view="journey"]');
    const segment = page.locator('label:has-text("Segment") select');
    expect(await segment.locator('option').allTextContents()).not.toContain('all segments');
    const drawn = await segment.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? '');
    expect(await page.textContent('.diagram svg[data-view="journey"]')).toContain(`journey map of ${drawn}`);
    await shot(page, 'model-journey-segment');
    await page.close();
  });

  it('keeps the diagram view in the address: a reload or a shared link shows the same view', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${base}/#/model/order-departments.yaml`);
    await page.waitForSelector('.diagram svg[data-view="blueprint"]');
    await page.click('.views button:has-text("entity")');
    await page.waitForSelector('.diagram svg[data-view="entity"]');
    expect(new URL(page.url()).hash).toBe('#/model/order-departments.yaml/entity');
    await page.reload();
    await page.waitForSelector('.diagram svg[data-view="entity"]');
    expect(await page.locator('.views button.on').textContent()).toBe('entity');
    // A view the address names that there is not: the blueprint.
    await page.goto(`${base}/#/model/mmc.yaml/nonsense`);
    await page.waitForSelector('.diagram svg[data-view="blueprint"]');
    await page.close();
  });

  it('runs a what-if: a headline, the baseline and the scenario side by side, a chart with an axis', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${base}/#/whatif/order-departments.yaml`);
    await page.waitForSelector('input[type=checkbox]');
    await page.fill('input[type=number]', '2');
    await page.click('button.run');
    await page.waitForSelector('.results table.side-by-side', { timeout: 90000 });
    const headers = await page.locator('table.side-by-side thead th').allTextContents();
    expect(headers.slice(0, 4)).toEqual([
      'KPI (mean ± 95% interval)',
      'Unit',
      'Baseline',
      'Dedicated account executives for business buyers',
    ]);
    const row = async (label: string) =>
      page.locator('table.side-by-side tbody tr', { hasText: label }).first().locator('td').allTextContents();
    const cost = await row('Staff cost per order');
    expect(cost[1]).toBe('EUR');
    expect(cost[2]).toMatch(/^[\d.]+ ± [\d.]+$/);
    expect(cost[5]).toMatch(/^(better|worse|no clear difference)$/);
    // The pool the scenario adds, by its name, empty in the baseline.
    expect((await row('Utilisation of Account executives')).slice(2)).toEqual([
      '—',
      expect.stringMatching(/^[\d.]+ ± [\d.]+$/),
      '—',
      'new in the scenario',
    ]);
    // The chart: an axis with ticks either side of a zero line, and one interval per KPI charted.
    const chart = page.locator('svg.interval-chart').first();
    expect(await chart.locator('.axis text').allTextContents()).toEqual(
      expect.arrayContaining(['0', expect.stringMatching(/^-\d+%$/), expect.stringMatching(/^\+\d+%$/)]),
    );
    expect(await chart.locator('line.zero').count()).toBe(1);
    expect(await chart.locator('g.bar').count()).toBeGreaterThan(5);
    expect(await page.textContent('.results .headline')).toMatch(/better|worse|No KPI/);
    // Two replications leave wide intervals: the warning offers the settings that would narrow them,
    // and using them fills in the form (no command-line options on a web page).
    const warning = page.locator('.warnings li', { hasText: 'known only to within' }).first();
    expect(await warning.textContent()).not.toContain('--');
    const needed = Number(/About (\d+) replications/.exec((await warning.textContent()) ?? '')?.[1]);
    expect(needed).toBeGreaterThan(2);
    // More than the field offers is said, not a button: it filled in a run the server refused.
    expect(await warning.locator('button.remedy', { hasText: 'Use precision 10%' }).count()).toBe(1);
    const remedy = warning.locator('button.remedy', { hasText: /^Use replications \d+$/ });
    expect(await remedy.count()).toBe(needed <= 200 ? 1 : 0);
    if (needed > 200) expect(await warning.textContent()).toContain(`(replications ${needed})`);
    else {
      await remedy.click();
      expect(Number(await page.inputValue('input[type=number]'))).toBe(needed);
    }
    await shot(page, 'whatif');
    // A run the server refuses leaves no results of the last one under its error, nor their bar.
    expect(await page.locator('.results').count()).toBeGreaterThan(0);
    await page.fill('label:has-text("Warm-up") input', '30d');
    await page.click('button.run');
    await page.waitForSelector('p.error:has-text("must be shorter than the horizon")');
    expect(await page.locator('.results').count()).toBe(0);
    expect(await page.locator('progress').count()).toBe(0);
    await page.close();
  });

  it("offers to sweep the model's own first pool, and shows a Run that cannot run as such", async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/#/whatif/order-departments.yaml`);
    await page.waitForFunction(
      () => (document.querySelector('.sweep input.path') as HTMLInputElement)?.value,
    );
    expect(await page.inputValue('.sweep input.path')).toBe('resources.call-center-agents.capacity');
    await page.close();
    // A model without scenarios: Run stays disabled, and looks it (a page of its own, so that no
    // button of the last one, disabled while its scenarios load, is the one looked at).
    const none = await browser.newPage();
    await none.goto(`${base}/#/whatif/mmc.yaml`);
    await none.waitForSelector('text=This model has no scenarios yet');
    const run = none.locator('button.run', { hasText: 'Run' }).first();
    expect(await run.isDisabled()).toBe(true);
    expect(await run.evaluate((b) => getComputedStyle(b).opacity)).toBe('0.45');
    await none.close();
  });

  it('sweeps a staffing level and names the smallest that meets the target', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${base}/#/whatif/mmc.yaml`);
    // A model without scenarios simulates as it is.
    await page.fill('input[type=number] >> nth=0', '3');
    await page.click('button.as-is');
    await page.waitForSelector('.as-is-results', { timeout: 90000 });
    expect(await page.textContent('.as-is-results')).toMatch(
      /Time waiting in queues\s*[\d.]+ ± [\d.]+ (s|min)/,
    );
    expect(await page.textContent('.as-is-results h2')).toBe('As it is (3 replications)');
    expect(await page.textContent('.as-is-results th >> nth=1')).toBe('Mean ± 95% CI');
    // One replication has no interval, and the heading does not promise one.
    await page.fill('input[type=number] >> nth=0', '1');
    await page.click('button.as-is');
    await page.waitForSelector('.as-is-results h2:has-text("(1 replication)")', { timeout: 90000 });
    expect(await page.textContent('.as-is-results th >> nth=1')).toBe('Mean (one replication: no CI)');
    expect(await page.textContent('.as-is-results')).not.toContain('±');
    await shot(page, 'as-is-one-replication');
    await page.fill('.sweep input.from', '8');
    await page.fill('.sweep input.to', '12');
    await page.click('.sweep button.run');
    await page.waitForSelector('.sweep .answer:has-text("The smallest value")', { timeout: 90000 });
    const rows = await page.locator('.sweep tbody tr').allTextContents();
    expect(rows).toHaveLength(5);
    expect(rows[0]).toContain('overloaded');
    // The target's KPI (the queue wait) is one of the columns already: not shown twice.
    const headers = await page.locator('.sweep thead th').allTextContents();
    expect(new Set(headers).size).toBe(headers.length);
    // An overloaded value does not meet the target, and says so.
    expect(rows[0]).toMatch(/no$/);
    const answer = Number(/= (\d+)/.exec((await page.textContent('.sweep .answer')) ?? '')?.[1]);
    expect(answer).toBeGreaterThan(8);
    expect(await page.textContent('.sweep tr.on')).toContain(String(answer));
    await shot(page, 'sweep');
    // A range none of whose values meets the target says so, with the range swept.
    await page.fill('.sweep input.to', '9');
    await page.click('.sweep button.run');
    await page.waitForSelector('.sweep .answer:has-text("No value")', { timeout: 90000 });
    expect(await page.textContent('.sweep .answer')).toMatch(/^No value from 8 to 9 meets queueWait<=/);
    expect(await page.locator('.sweep tr.on').count()).toBe(0);
    await page.locator('.sweep .answer').scrollIntoViewIfNeeded();
    await shot(page, 'sweep-none');
    await page.close();
  });

  it('gives the second of two tabs a conflict message, and keeps its text', async () => {
    const a = await browser.newPage();
    const b = await browser.newPage();
    for (const page of [a, b]) {
      await page.goto(`${base}/#/model/mmc.yaml`);
      await page.click('#tab-yaml');
      await page.waitForSelector('.cm-content');
    }
    const original = readFileSync(join(dir, 'mmc.yaml'), 'utf8');
    await replaceText(a, original.replace('capacity: 10', 'capacity: 11'));
    await a.click('button.save');
    await a.waitForSelector('text=Saved');
    await replaceText(b, original.replace('capacity: 10', 'capacity: 12'));
    await b.click('button.save');
    await b.waitForSelector('.conflict', { timeout: 10000 });
    expect(await b.textContent('.conflict')).toContain('nothing is lost');
    expect(await b.textContent('.cm-content')).toContain('capacity: 12');
    expect(readFileSync(join(dir, 'mmc.yaml'), 'utf8')).toContain('capacity: 11');
    await shot(b, 'conflict');
    await a.close();
    await b.close();
  });

  it('compares with the competitor', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${base}/#/compare`);
    await page.waitForSelector('select');
    // Ours defaults to the model that shares the competitor's stages, not the first in the list.
    await page.waitForFunction(
      () =>
        document.querySelector('select')?.value === 'order-departments.yaml' ||
        document.querySelector('select')?.value === 'order-single-entity.yaml',
    );
    await page.click('button:has-text("Compare")');
    await page.waitForSelector('text=We lead in');
    await shot(page, 'compare');
    // A stage only one side has is nobody's lead: no figure for the side without it, no winner.
    await page.selectOption('select >> nth=0', 'mmc.yaml');
    await page.selectOption('select >> nth=1', 'competitor.yaml');
    await page.click('button:has-text("Compare")');
    await page.waitForSelector('td.absent');
    const rows = await page.locator('tr', { has: page.locator('td.absent') }).allTextContents();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).not.toMatch(/\bus$|even$/);
    const served = rows.filter((r) => r.startsWith('Get served'));
    expect(served.length).toBeGreaterThan(0);
    // Said the same whatever the other model's name ("not in ... behind it's journey" before).
    for (const row of served) expect(row).toMatch(/—not in their journey$/);
    await page.close();
  });

  it('mines an uploaded log, checks a model against it and calibrates the model', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${base}/#/data`);
    // A real log: upload it, then see its directly-follows graph, variants and call drivers.
    await page.setInputFiles('input[type=file]', join(LOGS, 'running-example.csv'));
    await page.waitForSelector('img.dfg', { timeout: 30000 });
    await page.waitForFunction(
      () => (document.querySelector('img.dfg') as HTMLImageElement | null)?.naturalWidth,
    );
    expect(await page.locator('section table.list >> nth=0').locator('tr').count()).toBeGreaterThan(1);
    expect(await page.textContent('section')).toContain('register request');
    // The paths slider: all 16 edges of the running example at first; at its least, the graph
    // is asked for the 5 most frequent and says it left 11 out.
    expect(await page.textContent('.paths output')).toBe('all 16');
    const fewer = await slideToLeast(page, 'paths', 'edges=5');
    expect(await page.textContent('.paths output')).toBe('the 5 most frequent of 16');
    expect(fewer).toContain('The 5 most frequent of 16 directly-follows edges; 11 rarer ones left out.');
    // The graph opens full size from a link that says so (a tooltip alone went unseen).
    await page.waitForSelector('p.dfg-full a');
    expect(await page.getAttribute('p.dfg-full a', 'href')).toBe(await page.getAttribute('img.dfg', 'src'));
    // The log looked at is in the address: a reload shows it again.
    expect(new URL(page.url()).hash).toBe('#/data/running-example');
    await page.reload();
    await page.waitForSelector('img.dfg');
    expect(await page.textContent('section')).toContain('register request');
    // Every event of the running example is a contact: of its 9 ticket checks, 2 come within 7 days
    // of the case's previous one (counted from the CSV by hand).
    expect(await page.locator('table.repeats tbody tr').allTextContents()).toContain('check ticket9277.8%');
    // Which contacts were counted is said; the running example has no attribute to seek drivers on.
    expect(await page.textContent('p.counted')).toMatch(/^Counted: \d+ contacts the customers started/);
    // The running example spans 25 days: its contacts a month are said to be extrapolated.
    expect(await page.textContent('p.counted')).toContain(
      "Extra contacts a month: per month extrapolated from the log's 25.2 d",
    );
    // A journey model discovered from the log, written into the workspace and linked.
    await page.click('button.discover-model');
    await page.waitForSelector('.discovered a');
    expect(await page.getAttribute('.discovered a', 'href')).toBe('#/model/discovered-running-example.yaml');
    expect(existsSync(join(dir, 'discovered-running-example.yaml'))).toBe(true);
    // ... and offered at once to check the log against (it was only after a reload).
    await page.waitForSelector('select.against option[value="discovered-running-example.yaml"]', {
      state: 'attached',
    });
    // Against mmc.yaml: calibrate first without a mapping (told why, nothing written), then with
    // one; check conformance with it.
    await page.selectOption('select.against', 'mmc.yaml');
    await page.click('button.calibrate');
    await page.waitForSelector('text=/no activity of the log maps to a step/');
    await page.fill('textarea.mapping', 'check ticket: serve');
    await page.click('button.calibrate');
    await page.waitForSelector('text=/Wrote calibrated-running-example.yaml/');
    expect(await page.locator('.calibration li').count()).toBeGreaterThan(0);
    expect(await page.getAttribute('.calibration a', 'href')).toBe(
      '#/whatif/calibrated-running-example.yaml',
    );
    // Conformance against the order journey, two activities mapped onto its first steps.
    await page.fill('textarea.mapping', 'register request: browse-catalogue\ncheck ticket: product-page');
    await page.selectOption('select.against', 'order-departments.yaml');
    await page.click('button.check');
    await page.waitForSelector('.conformance .fitness');
    expect(await page.textContent('.conformance .fitness')).toMatch(/Fitness \d+(\.\d)?%/);
    expect(await page.textContent('.conformance .fitness')).toContain('Not mapped to a step: ');
    expect(await page.locator('.conformance table.branches tbody tr').count()).toBeGreaterThan(0);
    // Where the journeys start and end, against the model, each with its verdict.
    const starts = await page.locator('.places-fit p.verdict').allTextContents();
    expect(starts.length).toBeGreaterThan(0);
    expect(starts.join('\n')).toMatch(
      /[Ww]here \d+ journeys start (fits|differs from) the model \(chi-square/,
    );
    // The ways on nobody takes are the API's, each once.
    const api = await (
      await page.request.post(`${base}/api/logs/running-example/conformance`, {
        data: {
          model: 'order-departments.yaml',
          mapping: { 'register request': 'browse-catalogue', 'check ticket': 'product-page' },
        },
      })
    ).json();
    expect(api.neverTaken.length).toBeGreaterThan(0);
    const never = await page.locator('.conformance .never-taken li').allTextContents();
    // Named as the model names them, the start as "(start)".
    const named = (id: string) => api.names[id] ?? id;
    expect(never).toEqual(
      api.neverTaken.map((d: { from: string; to: string }) => `${named(d.from)} → ${named(d.to)}`),
    );
    expect(never.join('\n')).toContain('Reads the product page → ');
    // Each place's journeys beside those the model expects there, as the API counts them.
    type Place = { step: string; observed: number; expected: number };
    const fits: { places: Place[] }[] = [...api.starts, ...api.ends];
    const tables = page.locator('.places-fit table.places');
    expect(await tables.count()).toBe(fits.length);
    for (const [i, fit] of fits.entries()) {
      const table = tables.nth(i);
      expect(await table.locator('thead th').allTextContents()).toEqual([
        'Step',
        'Journeys',
        'Expected',
        'In the log',
        'In the model',
        'z',
      ]);
      for (const row of await table.locator('tbody tr').all()) {
        const [step, observed, expected] = await row.locator('td').allTextContents();
        const place = fit.places.find((p) => named(p.step) === step) as Place;
        expect([observed, expected]).toEqual([
          place.observed.toLocaleString('en-US'),
          place.expected.toLocaleString('en-US', { maximumFractionDigits: place.expected < 100 ? 1 : 0 }),
        ]);
      }
    }
    expect(existsSync(join(dir, 'calibrated-running-example.yaml'))).toBe(true);
    await page.locator('.conformance').scrollIntoViewIfNeeded();
    await shot(page, 'data');
    await page.locator('.places-fit').scrollIntoViewIfNeeded();
    await shot(page, 'places-fit');
    // Every case has an event mapped: nothing to say about coverage. Mapped to an activity only some
    // cases have, the figures are said to be about those alone, first.
    expect(await page.locator('.conformance .coverage').count()).toBe(0);
    const reinitiated = (
      await (
        await page.request.post(`${base}/api/logs/running-example/conformance`, {
          data: { model: 'order-departments.yaml', mapping: { 'reinitiate request': 'browse-catalogue' } },
        })
      ).json()
    ).cases as number;
    expect(reinitiated).toBeLessThan(3);
    await page.fill('textarea.mapping', 'reinitiate request: browse-catalogue');
    await page.click('button.check');
    await page.waitForSelector('.conformance .coverage');
    expect(await page.textContent('.conformance .coverage')).toBe(
      `${reinitiated} of the log's 6 cases (${((reinitiated / 6) * 100).toFixed(1)}%) have events mapped to the model's steps: the figures below are about them alone. Map more of the activities above before relying on them.`,
    );
    expect(await page.getAttribute('.conformance .coverage', 'class')).toBe('error coverage');
    await page.locator('.conformance').scrollIntoViewIfNeeded();
    await shot(page, 'conformance-coverage');
    await page.close();
  });

  it('slides over the most frequent activities, and over at most the 500 paths a graph draws of a log that has more', async () => {
    // 60 activities, each case a random walk among them: 2,504 distinct edges.
    let x = 7;
    const next = () => {
      x = (x * 48271) % 2147483647;
      return x;
    };
    const rows = ['case,activity,timestamp'];
    for (let c = 0; c < 400; c++)
      for (let e = 0; e < 12; e++)
        rows.push(
          `c${c},step ${next() % 60},2024-03-01T${String(8 + (e % 10)).padStart(2, '0')}:${String(e).padStart(2, '0')}:00Z`,
        );
    const file = join(dir, 'walks.csv');
    writeFileSync(file, `${rows.join('\n')}\n`);
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    // The graph's drawing held back, to see what the page says meanwhile and when it fails.
    const release = await holdRequests(page, '**/dfg.svg?*', (route) =>
      route.request().url().includes('measure=time')
        ? route.fulfill({ status: 503, body: '' })
        : route.continue(),
    );
    await page.goto(`${base}/#/data`);
    await page.setInputFiles('input[type=file]', file);
    await page.waitForSelector('.paths input', { timeout: 30000 });
    const edges = (await (await fetch(`${base}/api/logs/walks/discover?edges=1`)).json()) as {
      dfg: unknown[];
      moreEdges: number;
    };
    const total = edges.dfg.length + edges.moreEdges;
    const of = total.toLocaleString('en-US');
    expect(total).toBeGreaterThan(500);
    const slider = page.locator('.paths input');
    expect(await slider.getAttribute('max')).toBe('500');
    expect(await page.textContent('.paths output')).toBe(`the 60 most frequent of ${of}`);
    // Seconds of layout on the server: the page says it is drawing, where it showed nothing.
    await page.waitForSelector(
      `p[role=status]:has-text("Drawing the graph of the 60 most frequent of ${of} paths…")`,
    );
    // Slid to its end (not let go, so nothing is asked for): 500, the most a graph draws.
    await slider.evaluate((input: HTMLInputElement) => {
      input.value = input.max;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(await page.textContent('.paths output')).toBe(
      `the 500 most frequent of ${of}, the most a graph draws`,
    );
    await shot(page, 'data-paths-most');
    // Back to where it was before it is let go (leaving the slider lets go of it): nothing asked for.
    await slider.evaluate((input: HTMLInputElement) => {
      input.value = '60';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    release();
    await page.waitForFunction(
      () => (document.querySelector('img.dfg') as HTMLImageElement).naturalWidth > 0,
    );
    expect(await page.locator('p[role=status]', { hasText: 'Drawing the graph' }).count()).toBe(0);
    // A graph the server could not draw in time is said to be so, in red.
    await page.click('button.measure:has-text("How long")');
    await page.waitForSelector(
      `p.error[role=alert]:has-text("The graph of the 60 most frequent of ${of} paths could not be drawn")`,
    );
    expect(await page.locator('img.dfg').count()).toBe(0);
    await shot(page, 'data-graph-failed');
    // Back to counts: drawn again.
    await page.click('button.measure:has-text("How often")');
    await page.waitForFunction(
      () => (document.querySelector('img.dfg') as HTMLImageElement | null)?.naturalWidth,
    );
    expect(await page.locator('p[role=alert]').count()).toBe(0);
    // The activities slider at its least: the log as if it held only its 3 most frequent
    // activities, whose few paths the paths slider then counts, and the graph says so.
    expect(await page.textContent('.activities output')).toBe('all 60');
    const drawn = await slideToLeast(page, 'activities', 'activities=3');
    expect(await page.textContent('.activities output')).toBe('the 3 most frequent of 60');
    const three = (await (await fetch(`${base}/api/logs/walks/discover?edges=1&activities=3`)).json()) as {
      dfg: unknown[];
      moreEdges: number;
    };
    const threeEdges = three.dfg.length + three.moreEdges;
    expect(threeEdges).toBeLessThanOrEqual(9);
    await page.waitForFunction(
      (n) => document.querySelector('.paths output')?.textContent === `all ${n}`,
      threeEdges,
    );
    expect(drawn).toContain(
      'Only the events of the 3 most frequent of 60 activities; the other 57 activities left out',
    );
    await page.waitForFunction(
      () => (document.querySelector('img.dfg') as HTMLImageElement | null)?.naturalWidth,
    );
    await shot(page, 'data-activities');
    // A drag's last steps and its release can all come before the page renders: the value let go
    // is the one drawn (the graph drew the step before it while the slider said the last).
    await page.locator('.activities input').evaluate((input: HTMLInputElement) => {
      for (const value of ['5', '4']) {
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await page.waitForFunction(() =>
      document.querySelector('img.dfg')?.getAttribute('src')?.includes('activities=4'),
    );
    expect(await page.textContent('.activities output')).toBe('the 4 most frequent of 60');
    await page.close();
  });

  it('finds the call drivers planted on product pages, with their intervals and the contacts a month they explain', async () => {
    // A web and contact-center log with a known truth: the pages of P03, P07 and P15 lead to calls at 2.7 times the rate.
    const file = join(dir, 'contacts.csv');
    writeContactLog(file, { seed: 16, events: 100_000 });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${base}/#/data`);
    await page.setInputFiles('input[type=file]', file);
    await page.waitForSelector('ul.driver-findings li', { timeout: 60000 });
    const finding = (await page.textContent('ul.driver-findings')) ?? '';
    expect(finding).toMatch(/P03, P07 and P15 lead to contacts at 2\.\d+ times the rate/);
    expect(finding).toMatch(/about \d+ contacts a month/);
    await page.locator('h2:has-text("What drives contacts")').scrollIntoViewIfNeeded();
    await shot(page, 'data-drivers');
    // Among the products, the three planted ones first, each with its lift, its 95% interval and
    // the extra contacts a month it explains.
    const rows = await page.locator('table.drivers tbody tr').allTextContents();
    const products = rows.filter((r) => r.includes(', product P'));
    expect(
      products
        .slice(0, 3)
        .map((r) => /product (P\d\d)/.exec(r)?.[1])
        .sort(),
    ).toEqual(['P03', 'P07', 'P15']);
    for (const row of products.slice(0, 3)) expect(row).toMatch(/\d\.\d\d \(\d\.\d\d to \d\.\d\d\)\d+$/);
    expect(await page.locator('table.signs tbody tr').count()).toBe(3);
    await page.close();
  });

  it("imports a CSV whose columns have names of the user's own, picked from the file's header", async () => {
    const { page, file: odd } = await dataPageWithCsv(
      'orders-own-names.csv',
      'Order;Step;"When, UTC";Ticket\n1;Ordered;2024-01-01 10:00:00;t1\n1;Paid;2024-01-01 10:05:00;t2\n2;Ordered;2024-01-01 11:00:00;t3\n',
    );
    const uploads: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/logs?')) uploads.push(r.url());
    });
    await page.setInputFiles('input[type=file]', odd);
    // No column is named as usual: the page says which roles to pick before sending the file,
    // which the server refused one role at a time; the first role's picker has the focus.
    await page.waitForSelector(
      'p.status:text-is("Pick the columns of the case, the activity and the time under Columns, then Import with these columns.")',
    );
    expect(uploads).toEqual([]);
    expect(await page.getAttribute('p.status', 'class')).toBe('status');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Case column');
    // Every role no column is found for is said at once, not one failed import each.
    expect(await page.locator('.csv-columns label.missing').allTextContents()).toEqual([
      expect.stringContaining('Case'),
      expect.stringContaining('Activity'),
      expect.stringContaining('Time'),
    ]);
    expect(await page.textContent('.csv-columns summary')).toBe(
      'Columns of orders-own-names.csv: no column found for the case, the activity and the time: pick them below',
    );
    // The pickers offer the file's own columns, read from its header (quotes off, ';' found).
    expect(await page.getByLabel('Time column').locator('option').allTextContents()).toEqual([
      'none found by its name',
      'Order',
      'Step',
      'When, UTC',
      'Ticket',
    ]);
    await page.getByLabel('Case column').selectOption('Order');
    expect(await page.locator('.csv-columns label.missing').count()).toBe(2);
    // Sent with roles still lacking, the server's refusal reads as one, in the page's terms: red,
    // announced at once, the role's picker focused.
    await page.click('button.import-columns');
    await page.waitForSelector('text=/cannot tell which column of the uploaded CSV holds the activity/');
    expect(await page.textContent('p.status')).toContain('pick it under Columns');
    expect(await page.textContent('p.status')).not.toContain('--activity');
    expect(await page.getAttribute('p.status', 'class')).toBe('status error');
    expect(await page.getAttribute('p.status', 'role')).toBe('alert');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Activity column',
    );
    await page.getByLabel('Activity column').selectOption('Step');
    await page.getByLabel('Time column').selectOption('When, UTC');
    expect(await page.locator('.csv-columns label.missing').count()).toBe(0);
    await shot(page, 'data-columns');
    // While the file is sent and imported, the page says so (the upload held back here to see it).
    const release = await holdRequests(page, '**/api/logs?*');
    await page.click('button.import-columns');
    await page.waitForSelector('p.status:has-text("Importing orders-own-names.csv…")');
    release();
    await page.waitForSelector('text=/Imported 3 events of 2 cases/');
    await page.unroute('**/api/logs?*');
    expect(await page.getAttribute('p.status', 'class')).toBe('status');
    await page.waitForSelector('img.dfg');
    expect(await page.textContent('section')).toContain('Ordered › Paid');
    await page.close();
  });

  it('lists the bad rows of an upload, removes a log, and looks at one channel', async () => {
    // A log with bad rows: each is listed with its line, under the count.
    const { page, file: bad } = await dataPageWithCsv(
      'bad-rows.csv',
      'case_id,activity,timestamp\nc1,A,2024-01-01 10:00:00\nc1,,2024-01-01 11:00:00\nc2,B,soon\n',
    );
    await page.setInputFiles('input[type=file]', bad);
    await page.waitForSelector('text=/2 rows skipped/');
    // The columns found by their usual names are named, as the import took them.
    expect(await page.textContent('.csv-columns summary')).toBe(
      'Columns of bad-rows.csv: found by their names',
    );
    expect(await page.getByLabel('Case column').locator('option').first().textContent()).toBe(
      'found by its name: case_id',
    );
    expect(await page.getByLabel('Channel column').locator('option').first().textContent()).toBe(
      'none found by its name',
    );
    expect(await page.locator('ul.problems li').allTextContents()).toEqual([
      'line 3, activity: the activity is empty',
      'line 4, timestamp: "soon" is not a timestamp',
    ]);
    await shot(page, 'data-problems');
    // Remove it again, after saying yes in the app's own dialog.
    await page.click('button.remove');
    expect(await page.locator('dialog[open] h2').textContent()).toBe("Remove the log 'bad-rows'?");
    await page.locator('dialog[open]').getByRole('button', { name: 'Remove' }).click();
    await page.waitForSelector("text=/Removed the log 'bad-rows' \\(1 events\\)/");
    await page.waitForFunction(
      () => !Array.from(document.querySelectorAll('button')).some((b) => b.textContent?.includes('bad-rows')),
    );
    // One channel's journeys: the graph and the variants of its events only.
    const channels = join(dir, 'two-channels.csv');
    writeFileSync(
      channels,
      [
        'case_id,activity,timestamp,channel',
        'c1,Browse,2024-01-01 10:00:00,web',
        'c1,Call,2024-01-01 11:00:00,phone',
        'c2,Browse,2024-01-01 10:00:00,web',
        'c2,Order,2024-01-01 10:30:00,web',
        '',
      ].join('\n'),
    );
    await page.setInputFiles('input[type=file]', channels);
    await page.waitForSelector('select.only-channel');
    await page.selectOption('select.only-channel', 'web');
    await page.waitForFunction(() =>
      document.querySelector('img.dfg')?.getAttribute('src')?.includes('channel=web'),
    );
    await page.waitForFunction(
      () => !document.querySelector('section')?.textContent?.includes('Browse › Call'),
    );
    expect(await page.textContent('section')).toContain('Browse › Order');
    // Journey analytics of the whole log: one of two customers went from the web to the phone.
    expect(await page.textContent('.switching')).toContain(
      '50.0% of the 2 customers seen on a channel change channel',
    );
    expect(await page.locator('table.switches tr').allTextContents()).toEqual(['web→ phoneonce']);
    await page.close();
  });
});

describe('the web app off loopback', () => {
  it('opens from the ?token= link serve prints, and works with the cookie it sets', async () => {
    // On every address the server needs its token; the link drops it from the address bar.
    const served = await serve(dir, ['--host', '0.0.0.0']);
    try {
      expect(served.link).toMatch(/\?token=/);
      const link = served.link as string;
      const page = await browser.newPage();
      const bare = await page.goto(link.replace(/\?token=.*$/, ''));
      expect(bare?.status()).toBe(401);
      // Clicked on another site (a chat, a mail; here a page on localhost, another site than
      // 127.0.0.1): a browser sends no SameSite=Strict cookie on a cross-site redirect, so the
      // page moves on by itself, as this site.
      const elsewhere = createServer((_q, s) => {
        s.setHeader('content-type', 'text/html');
        s.end(`<a href="${link}">the link serve printed</a>`);
      });
      await new Promise<void>((done) => elsewhere.listen(0, 'localhost', done));
      await page.goto(`http://localhost:${(elsewhere.address() as AddressInfo).port}/`);
      await page.click('a');
      elsewhere.close();
      await page.waitForURL(link.replace(/\?token=.*$/, ''));
      await page.waitForSelector('text=order-departments.yaml');
      await page.goto(`${link.replace(/\?token=.*$/, '')}#/`);
      await page.waitForSelector('text=order-departments.yaml');
      expect(await page.textContent('table.list')).toContain('mmc.yaml');
      // The model page's API calls (read, validate, render) carry the cookie.
      await page.goto(`${link.replace(/\?token=.*$/, '')}#/model/mmc.yaml`);
      await page.waitForSelector('.diagram svg');
      await shot(page, 'token');
      await page.close();
      // Another browser, without the cookie, gets nothing.
      const other = await browser.newContext();
      const response = await other.request.get(`${link.replace(/\?token=.*$/, '')}api/models`);
      expect(response.status()).toBe(401);
      await other.close();
    } finally {
      served.process.kill('SIGTERM');
    }
  });
});
