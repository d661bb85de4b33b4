/** How large a PNG is drawn: twice the diagram, unless a side or the pixel count would pass its cap. */
import { describe, expect, it } from 'vitest';
import { PNG_MAX_PIXELS, PNG_MAX_SIDE, pngLimit, pngScale } from './png.js';

describe('the PNG scale', () => {
  it('is 2 for a slide-sized diagram, with no cap to tell', () => {
    expect(pngScale(1600, 900)).toBe(2);
    expect(pngLimit(1600, 900)).toBeUndefined();
  });

  it('keeps a long diagram within 16,000 px a side', () => {
    const scale = pngScale(50000, 1400);
    expect(scale * 50000).toBeCloseTo(PNG_MAX_SIDE, 6);
    expect(pngLimit(50000, 1400)).toBe('capped at 16000 px a side');
  });

  it('keeps a poster within 24 megapixels, in its own proportions', () => {
    const scale = pngScale(3500, 3750);
    expect(scale).toBeLessThan(2);
    expect(scale * 3500 * scale * 3750).toBeCloseTo(PNG_MAX_PIXELS, 0);
    expect(pngLimit(3500, 3750)).toBe('capped at 24 megapixels');
  });
});
