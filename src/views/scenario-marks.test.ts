import { describe, expect, it } from 'vitest';
import { fixture } from '../model/fixtures/locate.js';
import { load } from '../model/load.js';
import type { Model } from '../model/model.js';
import { measureDiagram } from './measure.js';
import { layout, renderSvg } from './render.js';
import { toSvg } from './svg.js';

const EXAMPLE = new URL('../../examples/order-departments.yaml', import.meta.url).pathname;
const SWIMLANES = ['blueprint', 'entity', 'e2e'] as const;

function loadPair(file: string, scenario: string): { base: Model; model: Model } {
  const loaded = load(file, { scenario });
  if (!loaded.ok || !loaded.base) throw new Error(`${file} ${scenario} does not load`);
  return { base: loaded.base, model: loaded.model };
}

/** Each marked element of an SVG as `change kind id`, in drawing order. */
function marks(svg: string): string[] {
  const found = svg.matchAll(/<g class="(\w+) (\w+)[^"]*" data-id="([^"]+)"[^>]*data-change="(\w+)"/g);
  return [...found].map(([, what, kind, id, change]) =>
    `${change} ${what === 'box' ? kind : what} ${id}`.replace(/&gt;/g, '>'),
  );
}

describe('a scenario drawn against its base', () => {
  it('marks the steps, flows and pools it adds and changes, and draws what it removes as ghosts', async () => {
    // given the help desk whose scenario drops the experts and adds a self-help page
    const { base, model } = loadPair(fixture('what-if.yaml'), 'no-experts');
    // when its blueprint is drawn against the base
    const svg = await renderSvg(model, { view: 'blueprint', base });
    // then every difference carries its mark
    expect(marks(svg).sort()).toEqual(
      [
        'added edge start:start:customer>self-help',
        'added edge flow:self-help>call',
        'added edge flow:self-help>fixed',
        'added step step:self-help',
        'added end end:fixed@self-help',
        'changed edge flow:call>fix',
        'changed step step:call',
        'changed touchpoint touchpoint:call',
        'removed edge start:start:customer>call',
        'removed edge flow:call>escalate',
        'removed edge flow:escalate>fixed',
        'removed step step:escalate',
        'removed touchpoint touchpoint:escalate',
        'removed end end:fixed@escalate',
      ].sort(),
    );
    // the lane of the experts, whom the scenario removes, is kept as a ghost
    expect(svg).toMatch(/<g class="lane" data-id="role:expert"[^>]*data-change="removed"/);
    // and the tooltips say what changed, before and after
    expect(svg).toContain('Changed by the scenario: duration 5 min → 3 min');
    expect(svg).toContain('Changed by the scenario: pool Agents: capacity 4 → 6');
    expect(svg).toContain('Removed by the scenario: drawn where the base has it');
    expect(svg).toContain('Not drawn here: removed pool experts.');
  });

  it('marks exactly what better-product-pages changes: two fail points', async () => {
    const { base, model } = loadPair(EXAMPLE, 'better-product-pages');
    for (const view of SWIMLANES) {
      const svg = await renderSvg(model, { view, base });
      expect(marks(svg), view).toEqual(['changed step step:product-page', 'changed step step:chat-question']);
      expect(svg).toContain('fail.p 14% → 5%');
    }
  });

  it('marks the re-routed IVR: the status step and its boxes new, the menu changed, its old way a ghost', async () => {
    const { base, model } = loadPair(EXAMPLE, 'ivr-reroute');
    const svg = await renderSvg(model, { view: 'blueprint', base });
    expect(marks(svg).sort()).toEqual(
      [
        'added edge flow:ivr-menu>ivr-self-status',
        'added edge flow:ivr-self-status>delivery',
        'added edge fail:ivr-self-status>status-call',
        'added step step:ivr-self-status',
        'added touchpoint touchpoint:ivr-self-status',
        'added activity activity:ivr-self-status:read-status-oms',
        'added support support:ivr-self-status:read-status-oms',
        'changed step step:ivr-menu',
        'removed edge flow:ivr-menu>status-call',
      ].sort(),
    );
  });

  it('marks the account executives: their lane, steps and flows new, the sales line changed', async () => {
    const { base, model } = loadPair(EXAMPLE, 'account-executives');
    const d = await layout(model, { view: 'blueprint', base });
    const svg = toSvg(d);
    const found = marks(svg);
    expect(svg).toMatch(/<g class="lane" data-id="role:account-executive"[^>]*data-change="added"/);
    for (const step of ['ae-check-in', 'ae-order-call', 'ae-service-call', 'ae-problem-call'])
      expect(found).toContain(`added step step:${step}`);
    // the sales reps' pool shrinks from 11 to 5: every step that queues for it says so
    const salesLine = model.steps.filter((s) => s.pool === 'sales-reps').map((s) => s.id);
    for (const step of salesLine) expect(found).toContain(`changed touchpoint touchpoint:${step}`);
    expect(found).toContain('changed step step:invoice');
    expect(found).toContain('removed edge flow:compare-options>ivr-presales');
    expect(d.changes).toEqual({ scenario: 'account-executives', added: 43, changed: 21, removed: 3 });
  });

  it('adds no cut label and no label overlap, and gives the same bytes every time', async () => {
    for (const scenario of ['account-executives', 'ivr-reroute', 'better-product-pages']) {
      const { base, model } = loadPair(EXAMPLE, scenario);
      for (const view of [...SWIMLANES, 'role'] as const) {
        const options = { view, base, ...(view === 'role' ? { role: 'call-center' } : {}) };
        const d = await layout(model, options);
        const m = measureDiagram(d);
        expect([m.cutLabels, m.labelOverlaps], `${scenario} ${view}`).toEqual([[], []]);
        expect(await renderSvg(model, options)).toBe(toSvg(d));
      }
    }
  });

  it('marks nothing without a scenario, nor for a scenario drawn without its base', async () => {
    const { base, model } = loadPair(EXAMPLE, 'ivr-reroute');
    for (const view of SWIMLANES) {
      expect(await renderSvg(base, { view, base })).not.toContain('data-change');
      const plain = await renderSvg(model, { view });
      expect(plain).not.toContain('data-change');
      expect(plain).not.toContain('change-key');
    }
  });
});
