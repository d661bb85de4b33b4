/**
 * Where an error boundary event sits on its task: above the end its failure alone leads to, beside
 * that end when it is close, else along the bottom edge clear of what is drawn near, else on the top.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Rect } from './diagram-writer.js';
import { failEventPlace } from './fail-event-place.js';
import { taskTopLine } from './task-text.js';

const SIZE = 36;
const task = { x: 100, width: 120, top: 200, bottom: 260 };
const eventAt = (cx: number, y: number): Rect => ({
  x: cx - SIZE / 2,
  y: y - SIZE / 2,
  width: SIZE,
  height: SIZE,
});
const grown = (r: Rect, by: number): Rect => ({
  x: r.x - by,
  y: r.y - by,
  width: r.width + 2 * by,
  height: r.height + 2 * by,
});
const apart = (a: Rect, b: Rect) =>
  a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;

describe('an error boundary event', () => {
  it('sits right above the end its failure alone leads to, and drops straight into it', () => {
    const place = failEventPlace(task, [150, 340], SIZE);
    expect(place).toEqual({
      cx: 150,
      edge: 'bottom',
      route: [
        [150, 278],
        [150, 322],
      ],
    });
  });

  it('sits beside an end drawn close under the task, clear of it, and turns into its side', () => {
    const end: [number, number] = [170, 290];
    const place = failEventPlace(task, end, SIZE);
    expect(apart(eventAt(place.cx, task.bottom), eventAt(...end))).toBe(true);
    const last = place.route?.at(-1);
    expect(last?.[1]).toBe(290);
    expect(Math.abs((last?.[0] ?? 0) - 170)).toBe(SIZE / 2);
  });

  it('moves along the bottom edge off an end of another flow, and off the message flow where there is room', () => {
    const other = eventAt(196, 290);
    expect(failEventPlace(task, undefined, SIZE)).toEqual({ cx: 196, edge: 'bottom' });
    const moved = failEventPlace(task, undefined, SIZE, { shapes: [other], lines: [124] });
    expect(apart(eventAt(moved.cx, task.bottom), other)).toBe(true);
    expect(Math.abs(moved.cx - 124)).toBeGreaterThanOrEqual(SIZE / 2);
  });

  it('goes on the top edge when a task close below leaves the bottom no room, if its failure leads one way', () => {
    const below: Rect = { x: 90, y: 276, width: 140, height: 50 };
    expect(failEventPlace(task, undefined, SIZE, { shapes: [below], oneWay: true }).edge).toBe('top');
    expect(failEventPlace(task, undefined, SIZE, { shapes: [below], oneWay: false })).toEqual({
      cx: 196,
      edge: 'bottom',
    });
  });

  it('lies on none of the shapes near whenever the bottom edge has a free place for it', () => {
    const rect = fc.record({
      x: fc.integer({ min: 40, max: 260 }),
      y: fc.integer({ min: 262, max: 320 }),
      width: fc.integer({ min: 10, max: 60 }),
      height: fc.integer({ min: 10, max: 60 }),
    });
    fc.assert(
      fc.property(fc.array(rect, { maxLength: 4 }), (shapes) => {
        const place = failEventPlace(task, undefined, SIZE, { shapes });
        // Clear by the 6 px kept between shapes, anywhere from the corner's place leftwards.
        const free = (cx: number) => shapes.every((s) => apart(eventAt(cx, task.bottom), grown(s, 6)));
        let any = false;
        for (let cx = task.x + 22; cx <= task.x + task.width - 24; cx++) any ||= free(cx);
        if (any) expect(free(place.cx)).toBe(true);
        expect(place.cx).toBeGreaterThanOrEqual(task.x + 22);
        expect(place.cx).toBeLessThanOrEqual(task.x + task.width - 22);
      }),
      { numRuns: 1000 },
    );
  });

  describe('on the top edge, with the name of the task drawn inside', () => {
    // As tall as the blueprint draws a task, with a task close below.
    const tall = { x: 100, width: 120, top: 200, bottom: 267 };
    const below: Rect = { x: 90, y: 283, width: 140, height: 50 };
    const box = { x: tall.x, y: tall.top, width: tall.width, height: tall.bottom - tall.top };
    const onTop = (name: string) => {
      const topLine = taskTopLine(box, name) as NonNullable<ReturnType<typeof taskTopLine>>;
      const place = failEventPlace(tall, undefined, SIZE, { shapes: [below], oneWay: true, topLine });
      expect(place.edge).toBe('top');
      const bottom = tall.top - (place.rise ?? 0) + SIZE / 2;
      return { place, topLine, bottom };
    };

    it('moves along the edge off a short name, and stays on the edge', () => {
      const { place, topLine } = onTop('Pays');
      expect(place.rise).toBe(0);
      const event = eventAt(place.cx, tall.top);
      expect(event.x + event.width <= topLine.left || event.x >= topLine.right).toBe(true);
    });

    it('is lifted clear of a name of three lines, whose first line reaches under every place on the edge', () => {
      // bpmn-js: "Changes the order / in the customer / account", from 12 px below the top.
      const { place, topLine, bottom } = onTop('Changes the order in the customer account');
      expect(place.rise).toBeGreaterThan(0);
      expect(bottom).toBeLessThanOrEqual(topLine.top);
      // Still attached: the circle reaches into the task.
      expect(bottom).toBeGreaterThan(tall.top + SIZE / 4);
    });

    it('is not lifted for a name of two lines, which start below the event', () => {
      const { place, topLine, bottom } = onTop('Changes the order online');
      expect(place.rise).toBe(0);
      expect(bottom).toBeLessThanOrEqual(topLine.top);
    });
  });
});
