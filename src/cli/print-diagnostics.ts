/**
 * Diagnostics for a terminal, in the compilers' format that editors and CI logs link:
 * `file:line:column: error: message`, the source line with a caret under the spot, and the hint.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';

const paint = (on: boolean, code: number, text: string) => (on ? `\u001b[${code}m${text}\u001b[0m` : text);

export function printDiagnostics(diagnostics: readonly Diagnostic[], color: boolean): string {
  const cache = new Map<string, string[] | undefined>();
  const linesOf = (file: string) => {
    if (!cache.has(file)) {
      try {
        cache.set(file, readFileSync(file, 'utf8').split(/\r?\n/));
      } catch {
        cache.set(file, undefined);
      }
    }
    return cache.get(file);
  };
  return diagnostics
    .map((d) => {
      const where = d.line > 0 ? `${shown(d.file)}:${d.line}:${d.column}` : shown(d.file);
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

function shown(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel === '' || rel.startsWith('..') ? file : rel;
}
