/** A line down a column steps aside round the boxes of other lanes in its way, and only then. */
import { describe, expect, it } from 'vitest';
import { columnRoute } from './column-route.js';

const middle = { x: 100, y: 200, width: 120, height: 60 };

describe('a line down a column', () => {
  it('is straight when nothing lies in its way', () => {
    expect(columnRoute([124, 100], [124, 400], [{ ...middle, x: 300 }])).toEqual([
      [124, 100],
      [124, 400],
    ]);
  });

  it('steps left of the boxes in its way, just before the first and just after the last', () => {
    const lower = { x: 100, y: 290, width: 120, height: 40 };
    expect(columnRoute([124, 100], [124, 400], [middle, lower])).toEqual([
      [124, 100],
      [124, 110],
      [95, 110],
      [95, 390],
      [124, 390],
      [124, 400],
    ]);
  });

  it('is the same way, reversed, drawn upwards', () => {
    const down = columnRoute([124, 100], [124, 400], [middle]);
    expect(columnRoute([124, 400], [124, 100], [middle])).toEqual([...down].reverse());
  });

  it('stays straight when the way aside would cross a box too', () => {
    const aside = { x: 80, y: 150, width: 18, height: 200 };
    expect(columnRoute([124, 100], [124, 400], [middle, aside])).toEqual([
      [124, 100],
      [124, 400],
    ]);
  });
});
