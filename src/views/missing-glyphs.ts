/**
 * The characters of a diagram's text that the bundled font (DejaVu Sans) has no glyph for: Chinese,
 * Japanese or Korean names, emoji. PNGs and PDFs are drawn with that font only, so that they are the
 * same on every machine, and draw such characters as empty boxes; said, so that nobody sends a
 * slide of boxes unknowing. The SVG shows them with the viewer's own fonts.
 */
import { hasGlyph } from './text.js';

const TEXT = /<text\b[^>]*>([^<]*)<\/text>/g;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Each missing character once, in the order the drawing first shows it. */
export function missingGlyphs(svg: string): string[] {
  const missing = new Set<string>();
  for (const [, text = ''] of svg.matchAll(TEXT)) {
    const plain = text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name] ?? '');
    for (const char of plain) if (!/\s/.test(char) && !hasGlyph(char)) missing.add(char);
  }
  return [...missing];
}
