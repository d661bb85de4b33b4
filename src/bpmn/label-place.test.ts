/**
 * Labels placed clear of shapes and of each other, and off the lines of other flows where the
 * ring of places round them allows: a label on a line reads as crossed out, one moved further
 * reads as another element's.
 */
import { describe, expect, it } from 'vitest';
import { type Box, overlaps, placeLabels } from './label-place.js';

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

  it('stays on the line when every place of the ring round it is on a line too or taken', () => {
    // A long horizontal line through the label's row and the rows above and below.
    const rows = [82, 100, 118].map((y) => ({ x: 0, y: y + 7, width: 400, height: 0 }));
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
});
