/**
 * Diagnostics for a terminal, in the compilers' format that editors and CI logs link:
 * `file:line:column: error: message`, the source line with a caret under the spot, and the hint.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';
import { plural } from '../text/plural.js';

const paint = (on: boolean, code: number, text: string) => (on ? `\u001b[${code}m${text}\u001b[0m` : text);

/**
 * How many diagnostics of one kind (severity, code and field path with the item numbers left out)
 * are shown in full: a generated model with one mistake in each of its 2,000 steps printed 2,000
 * alike, and the one that differed was lost among them.
 */
export const SHOWN_PER_KIND = 10;

/**
 * `texts`: the text of a file as it was checked, where that is not what the disk holds (an edit
 * not written): the line shown under a diagnostic is then the one its line and column count in.
 */
export function printDiagnostics(
  diagnostics: readonly Diagnostic[],
  color: boolean,
  texts: ReadonlyMap<string, string> = new Map(),
): string {
  const kinds = new Map<string, { diagnostic: Diagnostic; count: number }>();
  const shown = diagnostics.filter((d) => {
    const key = `${d.severity} ${d.code} ${kindPath(d.path)}`;
    const kind = kinds.get(key) ?? { diagnostic: d, count: 0 };
    kinds.set(key, kind);
    return ++kind.count <= SHOWN_PER_KIND;
  });
  const hidden = [...kinds.values()]
    .filter((k) => k.count > SHOWN_PER_KIND)
    .map(({ diagnostic: d, count }) => {
      const where = kindPath(d.path) ? ` at ${kindPath(d.path)}` : '';
      const more = plural(
        count - SHOWN_PER_KIND,
        `more '${d.code}' ${d.severity}`,
        `more '${d.code}' ${d.severity}s`,
      );
      return `${paint(color, 2, '...')} and ${more}${where} like those above (not shown; linesight validate --json lists them all)\n`;
    });
  return printEach(shown, color, texts) + hidden.join('');
}

/** A field path with its item numbers left out: steps[12].role is steps[].role. */
const kindPath = (path: string) => path.replace(/\[\d+\]/g, '[]');

function printEach(
  diagnostics: readonly Diagnostic[],
  color: boolean,
  texts: ReadonlyMap<string, string>,
): string {
  const cache = new Map<string, string[] | undefined>();
  const linesOf = (file: string) => {
    if (!cache.has(file)) {
      try {
        cache.set(file, (texts.get(file) ?? readFileSync(file, 'utf8')).split(/\r?\n/));
      } catch {
        cache.set(file, undefined);
      }
    }
    return cache.get(file);
  };
  return diagnostics
    .map((d) => {
      const where = d.line > 0 ? `${fileName(d.file)}:${d.line}:${d.column}` : fileName(d.file);
      const label = d.severity === 'error' ? paint(color, 31, 'error') : paint(color, 33, 'warning');
      const path = d.path ? paint(color, 2, ` (${d.path})`) : '';
      let text = `${paint(color, 1, where)}: ${label}: ${d.message}${path}\n`;
      const source = d.line > 0 && d.code !== 'binary-file' ? linesOf(d.file)?.[d.line - 1] : undefined;
      if (source !== undefined && source.length <= 200) {
        const gutter = String(d.line).padStart(5);
        text += `${paint(color, 2, `${gutter} | `)}${source}\n${' '.repeat(gutter.length)}${paint(color, 2, ' | ')}${' '.repeat(Math.max(0, d.column - 1))}${paint(color, 31, '^')}\n`;
      }
      if (d.hint) text += `      ${paint(color, 36, 'hint:')} ${d.hint}\n`;
      return text;
    })
    .join('');
}

function fileName(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel === '' || rel.startsWith('..') ? file : rel;
}
