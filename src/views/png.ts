/**
 * SVG to PNG for slides, drawn with the bundled DejaVu fonts only (never the machine's), so the
 * same diagram gives the same pixels everywhere. A diagram is drawn at twice its size for sharp
 * slides, and large ones smaller: at most 16,000 pixels on the longer side, which is what slide
 * tools and image viewers open, and at most 24 megapixels, which keeps a poster-sized blueprint
 * under two seconds to draw (drawing time grows with the pixels) and still sharper than its SVG
 * at full size.
 */
import { createRequire } from 'node:module';
import { FONT_FILES } from './text.js';

export const PNG_MAX_SIDE = 16000;
export const PNG_MAX_PIXELS = 24e6;
export const PNG_SCALE = 2;

/** Image pixels per diagram pixel for a diagram of this size. */
export const pngScale = (width: number, height: number) =>
  Math.min(PNG_SCALE, PNG_MAX_SIDE / Math.max(width, height), Math.sqrt(PNG_MAX_PIXELS / (width * height)));

/** Which limit drew a diagram smaller than twice its size, in words; undefined when none did. */
export function pngLimit(width: number, height: number): string | undefined {
  const scale = pngScale(width, height);
  if (scale >= PNG_SCALE) return undefined;
  return scale === PNG_MAX_SIDE / Math.max(width, height)
    ? `capped at ${PNG_MAX_SIDE} px a side`
    : `capped at ${PNG_MAX_PIXELS / 1e6} megapixels`;
}

/** resvg (native), required when a PNG is drawn rather than by every command that can draw one. */
const resvgLibrary = () =>
  createRequire(import.meta.url)('@resvg/resvg-js') as typeof import('@resvg/resvg-js');

export function toPng(svg: string, width: number, height: number): Buffer {
  const { Resvg } = resvgLibrary();
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: pngScale(width, height) },
    font: {
      loadSystemFonts: false,
      fontFiles: [FONT_FILES.regular, FONT_FILES.bold],
      defaultFontFamily: 'DejaVu Sans',
      sansSerifFamily: 'DejaVu Sans',
    },
    background: '#ffffff',
  });
  return resvg.render().asPng();
}

/** A PNG's size in pixels, from its header: what was written, whatever the scale was meant to be. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
