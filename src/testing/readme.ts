/**
 * The README read as the tests read it: the commands of a section in the order a newcomer runs
 * them, with the output the README shows for some of them, and the rows of its CLI reference.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const README = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');

/** The text of a `## heading` section, up to the next one. */
export function section(heading: string, text = README): string {
  const start = text.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`the README has no section '${heading}'`);
  const end = text.indexOf('\n## ', start + 1);
  return text.slice(start, end < 0 ? undefined : end);
}

export interface TourCommand {
  /** The line as the README writes it, after `npx linesight`. */
  text: string;
  argv: string[];
  /** For `$ npx linesight ...` blocks: the output lines the README shows. */
  shows?: string[];
}

/** Splits a command line as a POSIX shell does for plain words and '...' or "..." quotes. */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let quote: string | undefined;
  for (const c of line) {
    if (quote) {
      if (c === quote) quote = undefined;
      else word = (word ?? '') + c;
    } else if (c === "'" || c === '"') {
      quote = c;
      word = word ?? '';
    } else if (c === '#' && word === undefined) break;
    else if (c === ' ' || c === '\t') {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else word = (word ?? '') + c;
  }
  if (quote) throw new Error(`unclosed quote in: ${line}`);
  if (word !== undefined) words.push(word);
  return words;
}

/** The `npx linesight` commands of a section's indented code blocks, in order. */
export function tourCommands(text: string): TourCommand[] {
  const lines = text.split('\n');
  const commands: TourCommand[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^ {4}(\$ )?npx linesight (.*)$/.exec(lines[i] ?? '');
    if (!m?.[2]) continue;
    const command: TourCommand = { text: m[2], argv: shellWords(m[2]) };
    if (m[1]) {
      const shows: string[] = [];
      while (/^ {4}\S/.test(lines[i + 1] ?? '') && !/^ {4}(\$ )?npx /.test(lines[i + 1] ?? ''))
        shows.push((lines[++i] ?? '').slice(4));
      command.shows = shows;
    }
    commands.push(command);
  }
  return commands;
}

/** The CLI reference table's rows: the command cell's words up to the first argument or option, and the row. */
export function referenceRows(text: string): { command: string[]; row: string }[] {
  return text
    .split('\n')
    .filter((l) => l.startsWith('| `linesight '))
    .map((row) => {
      const cell = /^\| `linesight ([^`]*)`/.exec(row)?.[1] ?? '';
      const command: string[] = [];
      for (const w of cell.split(/[\s,]+/)) {
        if (!/^[a-z]+$/.test(w)) break;
        command.push(w);
      }
      return { command, row };
    });
}

/** The code of a section's fenced blocks in one language, in order. */
export function codeBlocks(text: string, language: string): string[] {
  return [...text.matchAll(new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\`\`\``, 'g'))].map((m) => m[1] ?? '');
}
