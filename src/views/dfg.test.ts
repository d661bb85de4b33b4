/**
 * The directly-follows graph drawn from a real log's graph (the receipt log, as pm4py gives it):
 * every activity once, no overlapping boxes, every edge routed from its source to its target,
 * line widths that follow the counts, and the cut of rare edges said in the subtitle.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDuration } from '../model/units.js';
import { EVENT_LOGS as LOGS } from '../testing/data.js';
import { dfgDiagram } from './dfg.js';
import type { Box, Edge } from './diagram.js';
import { toSvg } from './svg.js';

const expected = JSON.parse(readFileSync(join(LOGS, 'pm4py-expected', 'receipt.json'), 'utf8')) as {
  dfg: [string, string, number][];
  start_activities: Record<string, number>;
  end_activities: Record<string, number>;
};
const input = {
  title: 'receipt',
  edges: expected.dfg.map(([from, to, count]) => ({ from, to, count })),
  start: expected.start_activities,
  end: expected.end_activities,
};

const inside = (b: Box, [x, y]: [number, number]) =>
  x >= b.x - 0.5 && x <= b.x + b.width + 0.5 && y >= b.y - 0.5 && y <= b.y + b.height + 0.5;

describe('directly-follows graph', () => {
  it('draws the most frequent edges between boxes that do not overlap, and says what it left out', async () => {
    const d = await dfgDiagram(input, 40);
    const kept = [...input.edges].sort((a, b) => b.count - a.count).slice(0, 40);
    const flows = d.edges.filter((e) => e.kind === 'flow' && e.to !== '(end)');
    expect(flows).toHaveLength(40);
    expect(new Set(flows.map((e) => Number(e.label)))).toEqual(new Set(kept.map((e) => e.count)));
    const boxes = new Map(d.boxes.map((b) => [b.id, b]));
    for (const e of d.edges) {
      expect(e.points.length).toBeGreaterThanOrEqual(2);
      expect(
        inside(boxes.get(e.from) as Box, e.points[0] as [number, number]),
        `${e.id} leaves ${e.from}`,
      ).toBe(true);
      expect(
        inside(boxes.get(e.to) as Box, e.points[e.points.length - 1] as [number, number]),
        `${e.id} reaches ${e.to}`,
      ).toBe(true);
    }
    for (const [i, a] of d.boxes.entries())
      for (const b of d.boxes.slice(i + 1))
        expect(
          a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height,
          `${a.id} overlaps ${b.id}`,
        ).toBe(false);
    expect(d.subtitle).toContain(`The 40 most frequent of ${input.edges.length} directly-follows edges`);
  });

  it('given a discovery cut to its most frequent edges, counts every edge and every occurrence', async () => {
    const occurs = new Map(Object.entries(input.start));
    for (const e of input.edges) occurs.set(e.to, (occurs.get(e.to) ?? 0) + e.count);
    const ranked = [...input.edges].sort((a, b) => b.count - a.count);
    // As discovery gives it: its 12 most frequent edges, the rest counted, every activity's count.
    const d = await dfgDiagram(
      {
        ...input,
        edges: ranked.slice(0, 12),
        moreEdges: ranked.length - 12,
        activities: Object.fromEntries(occurs),
      },
      10,
    );
    expect(d.subtitle).toContain(
      `The 10 most frequent of ${input.edges.length} directly-follows edges; ${input.edges.length - 10} rarer ones left out.`,
    );
    const whole = await dfgDiagram(input, 10);
    const caption = (diagram: typeof d) => new Map(diagram.boxes.map((b) => [b.id, b.caption]));
    expect(caption(d)).toEqual(caption(whole));
    for (const b of d.boxes.filter((b) => b.kind === 'step'))
      expect(b.caption).toBe(`${occurs.get(b.id)} times`);
  });

  it('draws at most its edges or 25 start and end arrows, the most frequent, and says how many it left out', async () => {
    // A log whose 40 activities each start some cases: 40 start arrows.
    const start = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`first ${i}`, 100 + i]));
    const d = await dfgDiagram(
      { title: 'many starts', edges: [{ from: 'first 0', to: 'next', count: 5 }], start, end: { next: 5 } },
      10,
    );
    const arrows = d.edges.filter((e) => e.kind === 'start');
    expect(arrows).toHaveLength(25);
    expect(new Set(arrows.map((e) => e.to))).toEqual(
      new Set(Array.from({ length: 25 }, (_, i) => `first ${39 - i}`)),
    );
    expect(d.subtitle).toContain('15 rarer start or end arrows left out.');
    expect(d.boxes.some((b) => b.id === 'first 0')).toBe(true);
  });

  it('draws heavier flows thicker, in proportion to their counts', async () => {
    const d = await dfgDiagram(input);
    const heaviest = Math.max(...d.edges.map((e) => Number(e.label)));
    for (const e of d.edges) expect(e.weight).toBeCloseTo(Number(e.label) / heaviest, 12);
    const svg = toSvg(d);
    const widths = [
      ...svg.matchAll(/<g class="edge [^"]*"[^>]*><polyline [^>]*stroke-width="([\d.]+)"/g),
    ].map((m) => Number(m[1]));
    expect(widths).toHaveLength(d.edges.length);
    const byCount = d.edges
      .map((e, i) => [Number(e.label), widths[i] as number] as const)
      .sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < byCount.length; i++)
      expect((byCount[i] as readonly number[])[1]).toBeGreaterThanOrEqual(
        (byCount[i - 1] as readonly number[])[1] as number,
      );
    expect(Math.max(...widths)).toBe(6);
  });

  it('labels edges with their median time, slower ones thicker, when the measure is time', async () => {
    const timed = {
      ...input,
      edges: input.edges.map((e, i) => ({ ...e, median: (i % 7) * 3600 + 60 })),
    };
    const d = await dfgDiagram(timed, 20, 'time');
    const flows = d.edges.filter((e) => e.kind === 'flow' && e.to !== '(end)');
    const slowest = Math.max(
      ...flows.map((e) => timed.edges.find((x) => x.from === e.from && x.to === e.to)?.median ?? 0),
    );
    for (const e of flows) {
      const median = timed.edges.find((x) => x.from === e.from && x.to === e.to)?.median ?? 0;
      expect(e.label).toBe(formatDuration(median));
      expect(e.weight).toBeCloseTo(median / slowest, 12);
    }
    // Start and end markers still count customers, drawn thin, and say so among durations.
    for (const e of d.edges.filter((x) => x.kind === 'start' || x.to === '(end)')) {
      expect(e.weight).toBeUndefined();
      expect(e.label).toMatch(/^[\d,]+ cases?$/);
    }
    expect(d.subtitle).toContain('median time');
  });

  it('lays each label out on its own: none over another, over a box, or far from its line', async () => {
    for (const measure of ['frequency', 'time'] as const) {
      const timed = { ...input, edges: input.edges.map((e, i) => ({ ...e, median: (i % 7) * 3600 + 60 })) };
      const d = await dfgDiagram(timed, 40, measure);
      const placed = d.edges.map((e) => e.labelBox);
      expect(placed.every(Boolean)).toBe(true);
      const apart = (a: Box | Edge['labelBox'], b: Box | Edge['labelBox']) =>
        !a ||
        !b ||
        a.x + a.width <= b.x + 0.5 ||
        b.x + b.width <= a.x + 0.5 ||
        a.y + a.height <= b.y + 0.5 ||
        b.y + b.height <= a.y + 0.5;
      for (const [i, a] of placed.entries()) {
        for (const b of placed.slice(i + 1)) expect(apart(a, b)).toBe(true);
        for (const box of d.boxes) expect(apart(a, box)).toBe(true);
      }
      // Each label is beside a segment of its own line (within a few pixels of it).
      for (const e of d.edges) {
        const b = e.labelBox as NonNullable<Edge['labelBox']>;
        const near = e.points.slice(1).some(([x2, y2], k) => {
          const [x1, y1] = e.points[k] as [number, number];
          const [lo, hi] = [Math.min(x1, x2), Math.max(x1, x2)];
          const [top, bottom] = [Math.min(y1, y2), Math.max(y1, y2)];
          return lo <= b.x + b.width + 4 && hi >= b.x - 4 && top <= b.y + b.height + 4 && bottom >= b.y - 4;
        });
        expect(near).toBe(true);
      }
    }
  });
});
