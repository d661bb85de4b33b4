/**
 * SVG to PNG for slides, drawn with the bundled DejaVu fonts only (never the machine's), so the
 * same diagram gives the same pixels everywhere. Large diagrams are scaled to stay within what
 * slide tools and image viewers open.
 */
import { Resvg } from '@resvg/resvg-js';
import { FONT_FILES } from './text.js';

/** Pixels on the longer side at most; small diagrams are drawn at twice their size for sharpness. */
const MAX_SIDE = 16000;

export function toPng(svg: string, width: number, height: number): Buffer {
  const zoom = Math.min(2, MAX_SIDE / Math.max(width, height));
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: zoom },
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
