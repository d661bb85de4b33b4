import { describe, expect, it } from 'vitest';
import { reveal } from './reveal';

const pane = { width: 500, height: 400 };
const view = { scale: 0.5, dx: 10, dy: 20 };

describe('reveal', () => {
  it('leaves the view alone when the box is in sight', () => {
    expect(reveal(view, { x: 100, y: 100, width: 100, height: 50 }, pane)).toBe(view);
  });

  it('pans a box beyond the right edge in, keeping the zoom', () => {
    // On screen the box spans x 560..610: it ends 24 px inside the right edge after the pan.
    expect(reveal(view, { x: 1100, y: 100, width: 100, height: 50 }, pane)).toEqual({
      scale: 0.5,
      dx: 10 - (610 - 476),
      dy: 20,
    });
  });

  it('pans a box above the top edge down to the margin', () => {
    expect(reveal(view, { x: 100, y: -100, width: 100, height: 50 }, pane)).toEqual({
      scale: 0.5,
      dx: 10,
      dy: 20 + (24 - -30),
    });
  });

  it('shows the start of a box larger than the pane', () => {
    const wide = reveal(view, { x: 2000, y: 100, width: 4000, height: 50 }, pane);
    expect(wide.dx + 2000 * 0.5).toBe(24);
  });
});
