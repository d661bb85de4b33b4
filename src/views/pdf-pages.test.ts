/** Page plans for diagrams of made-up sizes: what fits A3 whole, what splits, what needs more paper. */
import { describe, expect, it } from 'vitest';
import { FULL_SIZE, MARGIN, MIN_TEXT_PT, PAPERS, planPages, type Sheet } from './pdf-pages.js';

/** Stages of the given widths after a 186 px lane header strip, as the swimlane views lay them. */
const sheet = (height: number, widths: number[]): Sheet => {
  let x = 186;
  const columns = widths.map((width, i) => {
    const column = { label: `Stage ${i + 1}`, x, width };
    x += width;
    return column;
  });
  return { width: x + 16, height, columns, smallestText: 9 };
};
const A3 = PAPERS[0] as (typeof PAPERS)[number];

describe('planning the pages of a PDF', () => {
  it('puts a small diagram on one A3 page at its own size', () => {
    const plan = planPages(sheet(400, [300, 300]));
    expect(plan.paper.name).toBe('A3');
    expect(plan.scale).toBe(FULL_SIZE);
    expect(plan.pages).toEqual([{ x0: 186, x1: 802, stages: ['Stage 1', 'Stage 2'] }]);
  });

  it('shrinks a diagram onto one A3 page while its smallest text stays at 6 pt', () => {
    const plan = planPages(sheet(500, [700, 700]));
    expect(plan.pages).toHaveLength(1);
    expect(plan.scale * 9).toBeGreaterThanOrEqual(MIN_TEXT_PT);
    expect(plan.scale * 1602).toBeCloseTo(A3.width - 2 * MARGIN, 6);
  });

  it('splits a long diagram into stage groups that each fit the page beside the lane headers', () => {
    const widths = [500, 700, 300, 900, 400, 600, 800];
    const plan = planPages(sheet(600, widths));
    expect(plan.paper.name).toBe('A3');
    expect(plan.pages.length).toBeGreaterThan(1);
    expect(plan.pages.flatMap((p) => p.stages)).toEqual(widths.map((_, i) => `Stage ${i + 1}`));
    for (const [i, page] of plan.pages.entries()) {
      expect((plan.contentWidth[i] ?? 0) * plan.scale).toBeLessThanOrEqual(A3.width - 2 * MARGIN + 1e-6);
      expect(page.x1 - page.x0 + 186 + 16).toBe(plan.contentWidth[i]);
    }
    // Greedy: no page could have taken the next page's first stage.
    for (const [i, page] of plan.pages.slice(0, -1).entries()) {
      const next = plan.pages[i + 1] as (typeof plan.pages)[number];
      const first = widths[plan.pages.slice(0, i + 1).flatMap((p) => p.stages).length] as number;
      expect((186 + page.x1 - page.x0 + first + 16) * plan.scale).toBeGreaterThan(A3.width - 2 * MARGIN);
      expect(next.x0).toBe(page.x1);
    }
  });

  it('takes larger paper when the lanes are too tall to read on A3', () => {
    const plan = planPages(sheet(2300, [700, 1500, 900, 2000, 1250, 1550]));
    expect(plan.paper.name).toBe('A1');
    expect(plan.scale * 9).toBeGreaterThanOrEqual(MIN_TEXT_PT);
    expect(plan.scale * 2300).toBeLessThanOrEqual((PAPERS[2]?.height ?? 0) - 2 * MARGIN + 1e-6);
  });

  it('fits a diagram without stages on one page, of the paper it is readable on', () => {
    const plan = planPages({ width: 2200, height: 900, columns: [], smallestText: 9 });
    expect(plan.pages).toHaveLength(1);
    expect(plan.paper.name).toBe('A2');
    // Too large even for A0: the whole of it on A0, smaller than readable.
    const huge = planPages({ width: 30000, height: 900, columns: [], smallestText: 9 });
    expect(huge.paper.name).toBe('A0');
    expect(huge.scale * 30000).toBeCloseTo((PAPERS[3]?.width ?? 0) - 2 * MARGIN, 6);
  });
});
