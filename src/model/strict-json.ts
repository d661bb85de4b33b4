/**
 * A model file named .json is read as YAML, which accepts more than JSON does (a trailing comma,
 * a comment, an unquoted key). Such a file works in linesight and breaks in every other tool that
 * opens it as JSON (an editor's schema check, jq, a pipeline): said as a warning, where it is.
 */
import type { Diagnostic } from './diagnostic.js';

/** The first comma outside strings that only a closing bracket follows, or -1. */
function trailingComma(text: string): number {
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === ',' && /^\s*[\]}]/.test(text.slice(i + 1, i + 200))) return i;
  }
  return -1;
}

/**
 * Where JSON.parse stopped and why, in words: a trailing comma is named as such, at the comma
 * (JSON.parse points at the bracket after it, or nowhere); else its "at position N" and reason.
 */
function placeOf(message: string, text: string): { offset: number; reason: string } {
  const at = /at position (\d+)/.exec(message);
  const comma = trailingComma(text);
  const position = at ? Number(at[1]) : 0;
  const atBracket = at
    ? comma >= 0 && text.slice(comma + 1, position + 1).trim() === text[position]
    : /Unexpected token '?[\]}]/.test(message);
  if (comma >= 0 && atBracket) return { offset: comma, reason: 'a comma before a closing bracket' };
  // V8 quotes the whole text in some messages: only the reason before it is kept.
  const reason = message.replace(/,\s*".*$/s, '').replace(/ in JSON at position \d+.*$/s, '');
  return { offset: Math.max(0, position), reason };
}

function lineAndColumn(text: string, offset: number): [number, number] {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return [line, offset - before.lastIndexOf('\n')];
}

export function strictJsonProblem(file: string, text: string): Diagnostic | undefined {
  if (!file.toLowerCase().endsWith('.json')) return undefined;
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    const { offset, reason } = placeOf((error as Error).message, text);
    const [line, column] = lineAndColumn(text, offset);
    return {
      code: 'not-strict-json',
      severity: 'warning',
      message: `${file} is not JSON as other tools read it (${reason}); linesight reads it as YAML, which allows it`,
      hint: 'remove the trailing comma or comment here so that JSON tools open the file too, or name it .yaml',
      file,
      line,
      column,
      path: '',
    };
  }
}
