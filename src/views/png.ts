/**
 * SVG to PNG for slides, drawn with the bundled DejaVu fonts only (never the machine's), so the
 * same diagram gives the same pixels everywhere. A diagram is drawn at twice its size for sharp
 * slides, and large ones smaller, to stay within what slide tools and image viewers open: at most
 * 16,000 pixels on the longer side.
 */
import { Resvg } from '@resvg/resvg-js';
import { FONT_FILES } from './text.js';

export const PNG_MAX_SIDE = 16000;
export const PNG_SCALE = 2;

/** Image pixels per diagram pixel for a diagram of this size. */
export const pngScale = (width: number, height: number) =>
  Math.min(PNG_SCALE, PNG_MAX_SIDE / Math.max(width, height));

export function toPng(svg: string, width: number, height: number): Buffer {
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
