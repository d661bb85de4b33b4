/** The words for characters a PNG or PDF draws as empty boxes: pure, for the CLI and the web app alike. */

/** The note for a PNG or PDF that draws some characters as boxes; empty when none. */
export function missingGlyphsNote(missing: readonly string[]): string {
  if (missing.length === 0) return '';
  const shown = missing.slice(0, 8).join(' ');
  const more = missing.length > 8 ? ` and ${missing.length - 8} more` : '';
  const [count, verb] =
    missing.length === 1 ? ['1 character', 'is'] : [`${missing.length} characters`, 'are'];
  return `${count} of its text (${shown}${more}) ${verb} not in the bundled font and show as empty boxes; the SVG shows them with the viewer's fonts`;
}
