/**
 * The compiled flow tables: each row's branches, and the target a one-branch row goes to without a
 * draw (`only`), which is what a customer's walk reads first at every step and start.
 */
import { describe, expect, it } from 'vitest';
import { parsedModel } from '../testing/parsed-model.js';
import { compileModel, type FlowTable, ONE_OF_MANY } from './compile.js';

const m = compileModel(
  parsedModel(
    `
name: Branches
arrivals: { rate: 10/h }
segments:
  - { id: web, name: Web, share: 0.5 }
  - { id: shop, name: Shop, share: 0.5 }
stages: [{ id: s, name: S }]
steps:
  - id: look
    name: Looks
    stage: s
    duration: 1 min
    next: { web: [{ to: buy, p: 0.7 }, { to: left, p: 0.3 }], shop: buy }
    fail: { p: 0.1, next: look }
  - { id: buy, name: Buys, stage: s, duration: 2 min, next: bought }
ends:
  - { id: bought, name: Bought, outcome: success }
  - { id: left, name: Left, outcome: exit }
start: look
`,
    'branches.yaml',
  ),
);

/** Row (segment, step) of a table, as the walk reads it. */
const row = (segment: string, step: string) =>
  m.segmentIds.indexOf(segment) * m.steps + m.stepIds.indexOf(step);

/** Every row's `only` against its branches. */
function expectOnlyMatchesBranches(table: FlowTable): void {
  for (let k = 0; k + 1 < table.offset.length; k++) {
    const from = table.offset[k] as number;
    const to = table.offset[k + 1] as number;
    expect(table.only[k]).toBe(to - from === 1 ? table.target[from] : ONE_OF_MANY);
  }
}

describe('flow tables', () => {
  it('give a one-branch row its target and mark a row of several', () => {
    const buy = m.stepIds.indexOf('buy');
    const bought = -1 - m.endIds.indexOf('bought');
    expect(m.next.only[row('shop', 'look')]).toBe(buy);
    expect(m.next.only[row('web', 'look')]).toBe(ONE_OF_MANY);
    expect(m.next.only[row('web', 'buy')]).toBe(bought);
    expect(m.fail.only[row('web', 'look')]).toBe(m.stepIds.indexOf('look'));
    expect(m.start.only[m.segmentIds.indexOf('web')]).toBe(m.stepIds.indexOf('look'));
  });

  it("keep every row's `only` in step with its branches", () => {
    for (const table of [m.next, m.fail, m.start]) expectOnlyMatchesBranches(table);
  });
});
