/// <reference lib="dom" />
// Its callbacks run in the browser (page.evaluate): the DOM's types.
/**
 * Building and changing a journey in the web app without writing YAML, in Chromium against
 * `linesight serve`: a whole task done with mouse and keyboard in the journey table and the
 * organization tab (the file validates, the blueprint shows every change, Undo takes each change
 * back in order); an edit in the forms changes only its own lines of a commented example; a
 * staffing change recorded as a scenario runs on the what-if page. Screenshots of the editor at
 * 1,280 x 800 and 1,920 x 1,080 go to the temporary folder, named linesight-editor-*.
 */
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { commentLines } from '../model/edits/test-helpers.js';
import { linesight } from '../testing/cli.js';
import { screenshot } from '../testing/screenshot.js';
import { webApp } from '../testing/web-app.js';

const EXAMPLES = new URL('../../examples/', import.meta.url).pathname;
const STARTER = new URL('../../templates/journey.yaml', import.meta.url).pathname;
const app = webApp('linesight-editor-', (dir) => {
  cpSync(join(EXAMPLES, 'order-departments.yaml'), join(dir, 'order-departments.yaml'));
  cpSync(STARTER, join(dir, 'staffing.yaml'));
});

const shot = (page: Page, name: string) => screenshot(page, `editor-${name}-${page.viewportSize()?.width}`);

/** Saves the model and reads the file written ("Save *" while there are unsaved changes). */
async function saved(page: Page, name: string): Promise<string> {
  await page.click('button.save');
  await page.waitForSelector('button.save:text-is("Save")');
  return readFileSync(join(app.dir, name), 'utf8');
}

/** Types into a field as a person does: select what is there, type, Enter. */
async function typeInto(field: Locator, text: string) {
  await field.click();
  await field.press('Control+A');
  await field.pressSequentially(text);
  await field.press('Enter');
}

type Data = {
  stages: { id: string; name: string }[];
  steps: {
    id: string;
    name: string;
    stage: string;
    next: unknown;
    fail?: { p: number };
    wait?: unknown;
    backstage?: { name: string; department: string; role?: string }[];
  }[];
  organization: { departments: { id: string; name: string; roles?: { id: string; name: string }[] }[] };
};
const dataOf = (text: string) => parseYaml(text) as Data;
const stepNamed = (text: string, name: string) => dataOf(text).steps.find((s) => s.name === name);

describe('building a journey in the web app', () => {
  it('makes a model from the starter and changes it in the forms only; it validates, the blueprint shows it, Undo takes it back', async () => {
    const name = 'returns.yaml';
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (e) => {
      throw e;
    });
    await page.goto(`${app.base}/#/`);
    await page.click('button.new-model');
    await page.keyboard.type('returns');
    await page
      .locator('dialog[open]')
      .getByLabel(/^Starter/)
      .check();
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/#/model/${name}`);
    await page.waitForSelector('.journey-table');
    await page.waitForSelector('.diagram svg');

    // Each change is saved and its text kept, to check Undo against.
    const texts = [readFileSync(join(app.dir, name), 'utf8')];
    const keep = async () => texts.push(await saved(page, name));
    const step = (id: string) => page.locator(`td[data-step="${id}"]`);

    // A stage after "Receive", then named. (Saving between moves the focus to Save: the name field
    // is clicked again; without the saves, the focus is in the new name already.)
    await page.getByRole('button', { name: 'Add a stage after Receive' }).click();
    await keep();
    await typeInto(page.locator('th[data-stage="new-stage"] input'), 'Return');
    // Its first name gives it its id; the focus stays in its name, drawn anew under the new id.
    await page.waitForSelector('th[data-stage="return"] input:focus');
    await keep();

    // Three steps at the end of it, each then named: each new step's id is new-step until named.
    const names = ['Asks for a return', 'Sends the parcel back', 'Gets the refund'];
    for (const stepName of names) {
      await page.getByRole('button', { name: 'Add a step at the end of Return' }).click();
      await keep();
      await typeInto(step('new-step').getByLabel("Customer's action"), stepName);
      await keep();
    }
    const ids = names.map((n) => stepNamed(texts.at(-1) as string, n)?.id as string);
    expect(ids).toEqual(['asks-for-a-return', 'sends-the-parcel-back', 'gets-the-refund']);
    expect(
      dataOf(texts.at(-1) as string)
        .steps.filter((s) => ids.includes(s.id))
        .map((s) => s.stage),
    ).toEqual(['return', 'return', 'return']);

    // "Waits for the parcel" leads to the return 30% of the time: a branch added, pointed, 70/30.
    await step('pack').getByRole('button', { name: 'Next: add a branch' }).click();
    await keep();
    const second = step('pack').getByLabel('Next: branch 2 leads to');
    if ((await second.inputValue()) !== ids[0]) {
      await second.selectOption(ids[0] as string);
      await keep();
    }
    await typeInto(step('pack').getByLabel('Next: percent to Order received'), '70');
    await keep();
    expect(dataOf(texts.at(-1) as string).steps.find((s) => s.id === 'pack')?.next).toEqual([
      { to: 'received', p: 0.7 },
      { to: ids[0], p: 0.3 },
    ]);

    // A department with a role, on the organization tab.
    await page.click('#tab-organization');
    await typeInto(page.getByLabel('Name of the new department'), 'Returns desk');
    await keep();
    await typeInto(
      page.locator('details.org-item[open]').getByLabel('Name of the new role'),
      'Returns clerk',
    );
    await keep();
    await shot(page, 'organization');

    // A backstage activity behind "Sends the parcel back", done by that department and role.
    await page.click('#tab-journey');
    const sends = step(ids[1] as string);
    await sends.getByRole('button', { name: 'Add a backstage activity to Sends the parcel back' }).click();
    await keep();
    await typeInto(sends.getByLabel('Activity', { exact: true }), 'Checks the returned parcel');
    // Named, it takes the id of its name; its form stays open with the focus in the name.
    await sends.locator('details.activity[open] input:focus').waitFor();
    await keep();
    await sends
      .locator('.activity')
      .getByLabel(/^Department/)
      .selectOption('returns-desk');
    await keep();
    await sends.locator('.activity').getByLabel(/^Role/).selectOption('returns-clerk');
    await keep();

    // A fail point on asking for the return, a wait point before the refund.
    const asks = step(ids[0] as string);
    await asks.getByRole('button', { name: '+ fail point' }).click();
    await keep();
    await typeInto(asks.getByLabel('Fails, %'), '15');
    await keep();
    const refund = step(ids[2] as string);
    await refund.getByLabel('Waits: unit').selectOption('d');
    await typeInto(refund.getByLabel('Waits', { exact: true }), '3');
    await keep();
    await shot(page, 'journey');

    // The file validates as the command line checks it.
    const final = texts.at(-1) as string;
    const validated = await linesight('validate', join(app.dir, name));
    expect(validated.stderr + validated.stdout).not.toContain('error');
    expect(validated.code).toBe(0);
    const data = dataOf(final);
    expect(data.stages.at(-1)).toEqual({ id: 'return', name: 'Return' });
    expect(data.organization.departments.at(-1)).toMatchObject({
      id: 'returns-desk',
      name: 'Returns desk',
      roles: [{ id: 'returns-clerk', name: 'Returns clerk' }],
    });
    const sent = data.steps.find((s) => s.id === ids[1]);
    expect(sent?.backstage).toEqual([
      expect.objectContaining({
        id: 'checks-the-returned-parcel',
        name: 'Checks the returned parcel',
        department: 'returns-desk',
        role: 'returns-clerk',
      }),
    ]);
    expect(data.steps.find((s) => s.id === ids[0])?.fail?.p).toBe(0.15);
    expect(data.steps.find((s) => s.id === ids[2])?.wait).toBe('3 d');

    // The blueprint shows every change, once it is drawn from the last of them (the wait point):
    // on a loaded machine the drawing of an earlier edit can still be on screen.
    const changes = [
      'Return',
      ...names,
      'Returns desk',
      'Returns clerk',
      'Checks the returned parcel',
      '70%',
      '30%',
      'F 15%',
      'W 3 d',
    ];
    await page
      .waitForFunction(
        (wanted) => wanted.every((t) => document.querySelector('.diagram svg')?.textContent?.includes(t)),
        changes,
        { timeout: 60000 },
      )
      .catch(() => undefined);
    const drawn = (await page.textContent('.diagram svg')) ?? '';
    for (const text of changes) expect(drawn, text).toContain(text);
    await shot(page, 'blueprint');

    // Ctrl+Z takes the changes back one by one, in the order they were made, to the starter.
    await page.click('#tab-journey');
    for (let back = texts.length - 2; back >= 0; back--) {
      await page.locator('h1').click();
      await page.keyboard.press('Control+Z');
      expect(await saved(page, name)).toBe(texts[back]);
    }
    // And Ctrl+Shift+Z does the first again.
    await page.keyboard.press('Control+Shift+Z');
    expect(await saved(page, name)).toBe(texts[1]);
    await page.close();
  });

  for (const size of [
    { width: 1280, height: 800 },
    { width: 1920, height: 1080 },
  ])
    it(`changes only the lines an edit concerns in a commented example, at ${size.width} x ${size.height}`, async () => {
      const name = 'order-departments.yaml';
      const before = readFileSync(join(app.dir, name), 'utf8');
      const page = await app.browser.newPage({ viewport: size });
      await page.goto(`${app.base}/#/model/${name}`);
      await page.click('#tab-journey');
      await page.waitForSelector('.journey-table td[data-step="sales-call"]');
      await page.waitForSelector('.diagram svg');
      await shot(page, 'table');
      // A step's effort in the table, a pool's cost in the organization tab.
      await page.locator('td[data-step="sales-call"]').getByLabel('Effort').selectOption('5');
      await page.click('#tab-organization');
      await page.click('summary:has-text("Pools")');
      await page.click('summary:has-text("Inside sales reps")');
      await typeInto(
        page.locator('details.org-item[open]').getByLabel('Cost per member and hour: amount'),
        '52',
      );
      await shot(page, 'pools');
      // The properties panel: a box picked on the diagram.
      await page.click('#tab-journey');
      await page.locator('.diagram g.box[data-ref="sales-call"]').first().click({ force: true });
      await page.waitForSelector('.properties');
      await shot(page, 'properties');
      const after = await saved(page, name);
      const a = before.split('\n');
      const b = after.split('\n');
      expect(b.length).toBe(a.length);
      const changed = b.flatMap((line, i) => (line === a[i] ? [] : [{ was: a[i], is: line }]));
      // Put back for the next size.
      cpSync(join(EXAMPLES, name), join(app.dir, name));
      // The pool (resources come first in the file), then the step.
      expect(changed).toEqual([
        { was: '    cost: 48 EUR/h', is: '    cost: 52 EUR/h' },
        { was: '    effort: 3', is: '    effort: 5' },
      ]);
      expect(commentLines(after)).toEqual(commentLines(before));
      await page.close();
    });

  it('shares the width between the editors and the diagram as the splitter is dragged, and remembers it', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${app.base}/#/model/staffing.yaml`);
    await page.waitForSelector('.diagram svg');
    const width = (selector: string) =>
      page.locator(selector).evaluate((el) => el.getBoundingClientRect().width);
    const before = await width('.canvas .pane');
    const bar = page.getByRole('separator', { name: 'Width of the editors beside the diagram' });
    const box = await bar.boundingBox();
    if (!box) throw new Error('no splitter');
    await page.mouse.move(box.x + 4, box.y + 100);
    await page.mouse.down();
    await page.mouse.move(box.x - 250, box.y + 100, { steps: 5 });
    await page.mouse.up();
    const wider = await width('.canvas .pane');
    expect(wider).toBeGreaterThan(before + 200);
    // The keyboard moves it too; the page keeps it when opened again.
    await bar.focus();
    await page.keyboard.press('ArrowRight');
    expect(await width('.canvas .pane')).toBeLessThan(wider - 20);
    const kept = await width('.edit-pane');
    await page.reload();
    await page.waitForSelector('.diagram svg');
    expect(Math.abs((await width('.edit-pane')) - kept)).toBeLessThan(2);
    // Neither side can be squeezed away.
    await page.mouse.move(box.x - 100, box.y + 100);
    const now = await bar.boundingBox();
    await page.mouse.move((now?.x ?? 0) + 4, box.y + 100);
    await page.mouse.down();
    await page.mouse.move(5, box.y + 100, { steps: 5 });
    await page.mouse.up();
    expect(await width('.edit-pane')).toBeGreaterThanOrEqual(290);
    await page.dblclick('.splitter');
    expect(Math.abs((await width('.canvas .pane')) - before)).toBeLessThan(2);
    await page.close();
  });

  it("keeps each stage's buttons beside its name, in view on a laptop's screen", async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${app.base}/#/model/order-departments.yaml`);
    await page.waitForSelector('.journey-table');
    // The first stage spans many columns: its buttons were pushed to its far end, past the pane.
    const pane = await page.locator('.journey-table').evaluate((t) => {
      const r = t.getBoundingClientRect();
      return { left: r.left, right: r.right };
    });
    const name = await page.locator('.stage-head').first().locator('input').boundingBox();
    const button = await page
      .locator('.stage-head')
      .first()
      .locator('button[data-act="add-step"]')
      .boundingBox();
    expect(button && button.x + button.width).toBeLessThanOrEqual(pane.right);
    // On the name's line, right after it.
    expect(
      button && name && Math.abs(button.y + button.height / 2 - (name.y + name.height / 2)),
    ).toBeLessThan(4);
    await shot(page, 'stage-buttons');
    await page.close();
  });

  it('asks before leaving a model with unsaved changes, and stays when told to', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${app.base}/#/model/staffing.yaml`);
    await page.waitForSelector('.journey-table');
    await page.click('.views button:has-text("journey")');
    await page.locator('td[data-step="call"]').getByLabel('Effort').selectOption('4');
    await page.waitForSelector('button.save:text-is("Save *")');
    const questions: string[] = [];
    page.once('dialog', (d) => {
      questions.push(d.message());
      void d.dismiss();
    });
    await page.click('header a:text-is("Models")');
    await page.waitForTimeout(300);
    expect(questions[0]).toContain('staffing.yaml has unsaved changes');
    // Staying puts back the address as the page had it, its view included.
    expect(new URL(page.url()).hash).toBe('#/model/staffing.yaml/journey');
    expect(await page.locator('td[data-step="call"]').getByLabel('Effort').inputValue()).toBe('4');
    // Undo makes it clean again: then the page goes without asking.
    await page.locator('h1').click();
    await page.keyboard.press('Control+Z');
    await page.waitForSelector('button.save:text-is("Save")');
    await page.click('header a:text-is("Models")');
    await page.waitForSelector('table.list');
    expect(questions).toHaveLength(1);
    await page.close();
  });

  it("gives a pool its service level target in the form, the staffing page's need, and saves with Ctrl+S", async () => {
    const name = 'order-departments.yaml';
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${app.base}/#/model/${name}`);
    await page.waitForSelector('.diagram svg');
    await page.click('#tab-organization');
    await page.click('summary:has-text("Pools")');
    await page.click('summary:has-text("Contact-center agents")');
    // Typed, and saved with Ctrl+S while the field is still being typed in, as in any editor (not
    // the browser's "save page"): what the field holds is saved.
    const field = page.locator('details.org-item[open]').getByLabel('Service level target');
    await field.click();
    await field.pressSequentially('80% in 20 s');
    await page.keyboard.press('Control+s');
    await page.waitForSelector('.model-status:has-text("Saved")');
    const model = parseYaml(readFileSync(join(app.dir, name), 'utf8')) as {
      resources: { id: string; serviceLevel?: string }[];
    };
    expect(model.resources.find((r) => r.id === 'call-center-agents')?.serviceLevel).toBe('80% in 20 s');
    await page.close();
  });

  it('records a staffing change as a scenario and runs it on the what-if page', async () => {
    const name = 'staffing.yaml';
    const before = readFileSync(join(app.dir, name), 'utf8');
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${app.base}/#/model/${name}`);
    await page.waitForSelector('.diagram svg');
    await page.click('button.edit-as-scenario');
    await page.locator('dialog[open]').getByLabel('Name of the new scenario').fill('Eight agents');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.recording');
    await page.click('#tab-organization');
    await page.click('summary:has-text("Pools")');
    await page.click('summary:has-text("Customer service agents")');
    await typeInto(page.locator('details.org-item[open]').getByLabel('Capacity (members)'), '8');
    // The form shows the scenario's value, the diagram is drawn for the scenario.
    await page.waitForFunction(() => document.querySelector('.views')?.textContent?.includes('Eight agents'));
    expect(await page.locator('details.org-item[open]').getByLabel('Capacity (members)').inputValue()).toBe(
      '8',
    );
    await shot(page, 'scenario');
    await page.click('text=Save and run it on the what-if page');
    await page.waitForURL('**/#/whatif/staffing.yaml/eight-agents');

    // The base is unchanged; the scenario holds the change.
    const text = readFileSync(join(app.dir, name), 'utf8');
    const model = parseYaml(text) as {
      resources: { capacity: number }[];
      scenarios: { id: string; changes: unknown[] }[];
    };
    expect(model.resources[0]?.capacity).toBe(4);
    expect(model.scenarios.find((s) => s.id === 'eight-agents')?.changes).toEqual([
      { set: 'resources.agents.capacity', value: 8 },
    ]);
    expect(text.startsWith(before.slice(0, before.indexOf('scenarios:')))).toBe(true);

    // The what-if page has it chosen; a short run gives its KPIs with intervals.
    const eight = page.getByLabel('Eight agents');
    expect(await eight.isChecked()).toBe(true);
    expect(await page.getByLabel('Two more agents').isChecked()).toBe(false);
    await page.getByLabel('Replications').fill('3');
    await page.click('button.run');
    await page.waitForSelector('.results table', { timeout: 90000 });
    expect(await page.textContent('.results h2')).toBe('Eight agents');
    expect(await page.textContent('.results')).toMatch(/±/);
    await shot(page, 'whatif');
    await page.close();
  });
});
