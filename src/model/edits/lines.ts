/**
 * Line arithmetic on the YAML text. Edits replace whole lines or one value's characters and
 * leave every other byte alone, which is what keeps comments, key order and formatting.
 */

/** Offset of the start of the line holding `offset`. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset just past the end of the line holding `offset` (past its newline, if it has one). */
export function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}

/** The column of `offset` in its line. */
export function column(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/** Offset just past the last non-blank character before `end`. */
export function contentEnd(text: string, end: number): number {
  let at = end;
  while (at > 0 && /\s/.test(text.charAt(at - 1))) at--;
  return at;
}

const isBlank = (line: string) => line.trim() === '';
const isComment = (line: string) => line.trimStart().startsWith('#');

/** The line that starts at `start`, without its newline. */
function lineAt(text: string, start: number): string {
  return text.slice(start, lineEnd(text, start)).replace(/\r?\n$/, '');
}

/** Start of the run of lines right above the line boundary `start` that match `kind`. */
function runAbove(text: string, start: number, kind: (line: string) => boolean): number {
  let at = start;
  while (at > 0) {
    const previous = lineStart(text, at - 1);
    if (!kind(lineAt(text, previous))) break;
    at = previous;
  }
  return at;
}

/**
 * Start of the comment lines right above the line at `start` (no blank line between):
 * a comment written just above an element speaks about it, so it moves and goes with it.
 */
export const attachedCommentsStart = (text: string, start: number) => runAbove(text, start, isComment);

/** Start of the blank lines right above the line boundary `start`. */
export const leadingBlanksStart = (text: string, start: number) => runAbove(text, start, isBlank);

/** Offset past the blank lines that follow the line boundary `end`. */
export function trailingBlanksEnd(text: string, end: number): number {
  let at = end;
  while (at < text.length && isBlank(lineAt(text, at))) at = lineEnd(text, at);
  return at;
}

/** Past blank lines and comment lines indented at least `indent` (what still belongs to a list). */
export function indentedTailEnd(text: string, end: number, indent: number): number {
  let at = end;
  let kept = end;
  while (at < text.length) {
    const line = lineAt(text, at);
    if (isBlank(line)) at = lineEnd(text, at);
    else if (isComment(line) && line.length - line.trimStart().length >= indent) {
      at = lineEnd(text, at);
      kept = at;
    } else break;
  }
  return Math.max(kept, trailingBlanksEnd(text, end));
}

/** Indents every non-empty line by `indent` spaces. */
export function indent(block: string, by: number): string {
  const pad = ' '.repeat(by);
  return block
    .split('\n')
    .map((line) => (line === '' ? line : pad + line))
    .join('\n');
}

/** Replaces text[start, end) with `insert`. */
export function splice(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end);
}
