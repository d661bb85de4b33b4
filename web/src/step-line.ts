/**
 * Where a model element is defined in the YAML text: its `- id: X` line (a step, an activity, an
 * end), so a click on its box can select it in the editor. Quoted ids and trailing comments count.
 */
export function idLine(text: string, id: string): { from: number; to: number } | null {
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // An item's first key first (`- id: X`), then an `id: X` key further down a mapping.
  for (const pattern of [
    `^(\\s*-\\s+)id:\\s*(["']?)${escaped}\\2\\s*(#.*)?$`,
    `^(\\s*)id:\\s*(["']?)${escaped}\\2\\s*(#.*)?$`,
  ]) {
    const match = new RegExp(pattern, 'm').exec(text);
    if (match) {
      const from = match.index + (match[1]?.length ?? 0);
      const line = match[0].replace(/\s*(#.*)?$/, '');
      return { from, to: match.index + line.length };
    }
  }
  return null;
}
