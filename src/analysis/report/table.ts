/** Tables for terminals (aligned columns) and Markdown, from the same rows. */
import { most } from '../../collections/extremes.js';
export type Row = (string | number)[];

/** A report's headed table: what the text, Markdown and HTML writers lay out alike. */
export interface Section {
  title: string;
  intro?: string;
  headers: string[];
  rows: Row[];
}

export function textTable(headers: string[], rows: Row[]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, c) => most(cells.map((r) => (r[c] ?? '').length)));
  // Figures line up on the right, words on the left.
  const numeric = headers.map(
    (_, c) => c > 0 && rows.every((r) => /^[-+]?[\d.]|^[-—]?$/.test(String(r[c] ?? ''))),
  );
  const line = (r: string[]) =>
    r
      .map((cell, c) => (numeric[c] ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...cells.slice(1).map(line)].join('\n');
}

export function markdownTable(headers: string[], rows: Row[]): string {
  // A pipe would end the cell and a line break the row; headers are cells too.
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  return [
    `| ${headers.map(cell).join(' | ')} |`,
    `| ${headers.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.map((c) => cell(String(c))).join(' | ')} |`),
  ].join('\n');
}

export function htmlTable(headers: string[], rows: Row[]): string {
  const h = (s: string | number) =>
    String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<table><thead><tr>${headers.map((x) => `<th>${h(x)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${h(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}
