/** The canvas's zoom, fit and focus math, on made-up sizes. */
import { describe, expect, it } from 'vitest';
import { fitView, frame, MAX_SCALE, panBy, scaleText, union, wheelFactor, zoomAt } from './zoom';

const pane = { width: 800, height: 500 };
/** Where a point of the diagram is shown in the pane. */
const shown = (v: { scale: number; dx: number; dy: number }, x: number, y: number) => [
  x * v.scale + v.dx,
  y * v.scale + v.dy,
];

describe('the canvas geometry', () => {
  it('fits a wide diagram inside the pane, centred', () => {
    const v = fitView({ width: 8000, height: 2000 }, pane);
    const [left, top] = shown(v, 0, 0);
    const [right, bottom] = shown(v, 8000, 2000);
    expect(left).toBeGreaterThanOrEqual(0);
    expect(right).toBeLessThanOrEqual(800);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(bottom).toBeLessThanOrEqual(500);
    expect(left + right).toBeCloseTo(800, 6);
    expect(top + bottom).toBeCloseTo(500, 6);
    expect(scaleText(v)).toBe('10%');
  });

  it('shows a small diagram at its own size rather than blown up', () => {
    expect(fitView({ width: 300, height: 200 }, pane).scale).toBe(1);
  });

  it('zooms about the pointer: the point under it stays put', () => {
    const v = { scale: 0.5, dx: 10, dy: 20 };
    const at = { x: 300, y: 200 };
    const before = [(at.x - v.dx) / v.scale, (at.y - v.dy) / v.scale] as const;
    const z = zoomAt(v, 2, at);
    expect(z.scale).toBe(1);
    const [x, y] = shown(z, before[0], before[1]);
    expect(x).toBeCloseTo(at.x, 9);
    expect(y).toBeCloseTo(at.y, 9);
    expect(zoomAt(v, 1000, at).scale).toBe(MAX_SCALE);
  });

  it("frames a finding's boxes: all inside the pane, at most at full size", () => {
    const boxes = [
      { x: 7600, y: 300, width: 150, height: 40 },
      { x: 8100, y: 900, width: 150, height: 40 },
    ];
    const around = union(boxes);
    expect(around).toEqual({ x: 7600, y: 300, width: 650, height: 640 });
    const v = frame(around as NonNullable<typeof around>, pane, 1);
    for (const b of boxes) {
      const [left, top] = shown(v, b.x, b.y);
      const [right, bottom] = shown(v, b.x + b.width, b.y + b.height);
      expect(left).toBeGreaterThanOrEqual(0);
      expect(top).toBeGreaterThanOrEqual(0);
      expect(right).toBeLessThanOrEqual(pane.width);
      expect(bottom).toBeLessThanOrEqual(pane.height);
    }
    expect(frame({ x: 10, y: 10, width: 150, height: 40 }, pane, 1).scale).toBe(1);
  });

  it('pans by what the pointer moved, and zooms in on a wheel turned away, out on one turned back', () => {
    expect(panBy({ scale: 2, dx: 5, dy: 5 }, 10, -20)).toEqual({ scale: 2, dx: 15, dy: -15 });
    expect(wheelFactor(-100)).toBeGreaterThan(1);
    expect(wheelFactor(100)).toBeLessThan(1);
    expect(wheelFactor(-100) * wheelFactor(100)).toBeCloseTo(1, 9);
  });
});
