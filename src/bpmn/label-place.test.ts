/**
 * Labels placed clear of shapes and of each other, and off the lines of other flows where the
 * ring of places round them allows: a label on a line reads as crossed out, one moved further
 * reads as another element's.
 */
import { describe, expect, it } from 'vitest';
import { aboveOwnLine, type Box, overlaps, placeLabels } from './label-place.js';

const label: Box = { x: 100, y: 100, width: 60, height: 14 };
/** A vertical line through the label's middle. */
const through: Box = { x: 130, y: 50, width: 0, height: 100 };

describe('a label', () => {
  it('stays where it was given when nothing is there', () => {
    expect(placeLabels([label], [undefined], [], [through], [[through]])).toEqual([label]);
  });

  it('moves off a line of another flow to a free place of the ring round it', () => {
    const [place] = placeLabels([label], [undefined], [], [through]) as [Box];
    expect(overlaps(place, through)).toBe(false);
    expect(Math.abs(place.y - label.y)).toBeLessThanOrEqual(label.height + 4);
    expect(Math.abs(place.x - label.x)).toBeLessThanOrEqual(label.width / 2 + 8);
  });

  it('slides a few pixels off a line near its edge, rather than a ring away', () => {
    const edge: Box = { x: 103, y: 50, width: 0, height: 100 };
    const [place] = placeLabels([label], [undefined], [], [edge]) as [Box];
    expect(overlaps(place, edge)).toBe(false);
    expect(place).toEqual({ ...label, x: label.x + 6 });
  });

  it('stays on the line when every place of the ring round it is on a line too or taken', () => {
    // Long horizontal lines 10 px apart over the label's row and the rows above and below.
    const rows = Array.from({ length: 12 }, (_, k) => ({ x: 0, y: 65 + 10 * k, width: 400, height: 0 }));
    expect(placeLabels([label], [undefined], [], rows)).toEqual([label]);
  });

  it('keeps off shapes first: off a shape onto a line, when no place round it is clear of both', () => {
    const shape: Box = { x: 90, y: 95, width: 80, height: 25 };
    const rows = [82, 118].map((y) => ({ x: 0, y: y + 7, width: 400, height: 0 }));
    const columns = [62, 198].map((x) => ({ x, y: 0, width: 0, height: 400 }));
    const [place] = placeLabels([label], [undefined], [shape], [...rows, ...columns]) as [Box];
    expect(overlaps(place, shape)).toBe(false);
    expect([...rows, ...columns].some((line) => overlaps(place, line))).toBe(true);
  });

  it("sits just above its own flow's horizontal leg, not across it, and stays beside a vertical one", () => {
    const share: Box = { x: 100, y: 93, width: 25, height: 14 };
    const legs: Box[] = [
      { x: 90, y: 60, width: 0, height: 40 },
      { x: 90, y: 100, width: 60, height: 0 },
    ];
    aboveOwnLine(share, legs);
    expect(share).toEqual({ x: 100, y: 85, width: 25, height: 14 });
    expect(legs.some((l) => l.height === 0 && overlaps(share, l))).toBe(false);
    const beside: Box = { x: 95, y: 70, width: 25, height: 14 };
    aboveOwnLine(beside, legs);
    expect(beside.y).toBe(70);
  });

  it("moves off its own flow's horizontal leg when placed, but may touch its vertical one", () => {
    const leg: Box = { x: 0, y: 107, width: 400, height: 0 };
    const [place] = placeLabels([label], [undefined], [], [leg], [[leg]]) as [Box];
    expect(overlaps(place, leg)).toBe(false);
    expect(placeLabels([label], [undefined], [], [through], [[through]])).toEqual([label]);
  });
});
