/**
 * Model files as text with positions: reading (refusing binary and empty files with a clear
 * message), parsing, and finding the line and column of a field path so that every diagnostic
 * can point at what the user wrote.
 *
 * Two parsers, each for what it does best: js-yaml reads the data (an order of magnitude faster
 * on large models), and `yaml` builds the document with source ranges, only when a diagnostic
 * needs a position or the file uses anchors and aliases (whose expansion `yaml` bounds).
 * Both read YAML 1.2's core schema, so they agree on what a value is.
 */
import { readFileSync, statSync } from 'node:fs';
import jsyaml from 'js-yaml';
import { type Document, isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import type { Diagnostic, DiagnosticCode, Path, Severity } from './diagnostic.js';
import { formatPath } from './diagnostic.js';

export interface Source {
  file: string;
  text: string;
  /** The file's data as plain JavaScript; `undefined` when it could not be parsed. */
  data: unknown;
}

export interface SourceResult {
  source?: Source;
  diagnostics: Diagnostic[];
}

/** Larger files are refused rather than parsed: a model of 5,000 steps is about 2 MiB. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

export function readSource(file: string): SourceResult {
  let bytes: Buffer;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) {
      return fileProblem(
        file,
        'file-unreadable',
        `${file} is a folder, not a model file`,
        'name a .yaml or .json file',
      );
    }
    if (stat.size > MAX_FILE_BYTES) {
      return fileProblem(
        file,
        'file-unreadable',
        `${file} is ${(stat.size / 2 ** 20).toFixed(0)} MiB, more than a model can be`,
        'split it into parts with imports',
      );
    }
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      return fileProblem(file, 'file-not-found', `${file} does not exist`, 'check the path');
    return fileProblem(
      file,
      'file-unreadable',
      `cannot read ${file} (${code ?? 'unknown error'})`,
      'check the file permissions',
    );
  }
  return parseSource(bytes, file);
}

const EMPTY_HINT =
  'a model needs at least a name, stages, steps, ends and a start; `linesight init` writes a starter';

/** An anchor or alias anywhere (a false alarm only costs speed). */
const ALIASES = /(^|[\s[{,:-])[&*][^\s,\]}]/m;

/** Parses a model file's bytes (or text); never throws on bad input. */
export function parseSource(input: Buffer | string, file: string): SourceResult {
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    if (looksBinary(input)) {
      return fileProblem(
        file,
        'binary-file',
        `${file} is not a text file (it holds binary data)`,
        'a model is a YAML or JSON text file',
      );
    }
    text = input.toString('utf8');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return fileProblem(file, 'empty-file', `${file} is empty`, EMPTY_HINT);
  const source: Source = { file, text, data: undefined };
  let data: unknown;
  if (ALIASES.test(text)) {
    const parsed = parseWithPositions(source);
    if (parsed.diagnostics.length > 0) return { source, diagnostics: parsed.diagnostics };
    data = parsed.data;
  } else {
    try {
      data = jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA, filename: file });
    } catch (error) {
      // `yaml` words syntax errors better; js-yaml's own message stands if `yaml` finds nothing.
      const parsed = parseWithPositions(source);
      if (parsed.diagnostics.some((d) => d.severity === 'error'))
        return { source, diagnostics: parsed.diagnostics };
      const mark = (error as { mark?: { line: number; column: number } }).mark;
      const reason = (error as { reason?: string }).reason ?? (error as Error).message;
      return {
        source,
        diagnostics: [
          {
            code: 'yaml-syntax',
            severity: 'error',
            message: reason,
            hint: yamlHint(''),
            file,
            line: (mark?.line ?? 0) + 1,
            column: (mark?.column ?? 0) + 1,
            path: '',
          },
        ],
      };
    }
  }
  if (data === null || data === undefined) {
    return fileProblem(file, 'empty-file', `${file} holds no data (only comments or null)`, EMPTY_HINT);
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    const [line, column] = locate(source, []);
    const what = Array.isArray(data) ? 'a list' : 'a single value';
    return {
      source,
      diagnostics: [
        {
          code: 'not-a-mapping',
          severity: 'error',
          message: `${file} holds ${what}, not a model`,
          hint: 'a model file is a mapping of fields: name, stages, steps, ...',
          file,
          line,
          column,
          path: '',
        },
      ],
    };
  }
  source.data = data;
  return { source, diagnostics: [] };
}

interface Positions {
  doc: Document;
  lines: LineCounter;
  diagnostics: Diagnostic[];
  data: unknown;
}

const positions = new WeakMap<Source, Positions>();

/** The `yaml` document of a source, with source ranges; parsed once, when first needed. */
function parseWithPositions(source: Source): Positions {
  const cached = positions.get(source);
  if (cached) return cached;
  const lines = new LineCounter();
  const doc = parseDocument(source.text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const diagnostics: Diagnostic[] = [];
  for (const error of doc.errors) {
    const [line, column] = position(lines, error.pos[0]);
    diagnostics.push({
      code: 'yaml-syntax',
      severity: 'error',
      message: yamlMessage(error.message),
      hint: yamlHint(error.code),
      file: source.file,
      line,
      column,
      path: '',
    });
  }
  let data: unknown;
  if (diagnostics.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: 1000 });
    } catch (error) {
      diagnostics.push({
        code: 'yaml-syntax',
        severity: 'error',
        message: (error as Error).message,
        hint: 'anchors and aliases expand too far; write the values out',
        file: source.file,
        line: 1,
        column: 1,
        path: '',
      });
    }
  }
  const result = { doc, lines, diagnostics, data };
  positions.set(source, result);
  return result;
}

/** NUL bytes or invalid UTF-8 in the first 64 KiB: not something a person wrote as YAML. */
function looksBinary(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 65536);
  if (head.includes(0)) return true;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(
      head.length < bytes.length ? trimPartialChar(head) : head,
    );
    return false;
  } catch {
    return true;
  }
}

/** Drops an incomplete UTF-8 sequence cut off at the end of a sample. */
function trimPartialChar(bytes: Buffer): Buffer {
  const end = bytes.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const byte = bytes[end - back] ?? 0;
    if ((byte & 0xc0) === 0xc0) return bytes.subarray(0, end - back);
    if ((byte & 0xc0) !== 0x80) break;
  }
  return bytes.subarray(0, end);
}

function fileProblem(file: string, code: DiagnosticCode, message: string, hint: string): SourceResult {
  return { diagnostics: [{ code, severity: 'error', message, hint, file, line: 0, column: 0, path: '' }] };
}

function position(lines: LineCounter, offset: number): [number, number] {
  const pos = lines.linePos(offset);
  return [pos.line, pos.col];
}

function yamlMessage(message: string): string {
  return message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? message;
}

function yamlHint(code: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'each field may appear once in a mapping; remove or rename one';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return 'check the indentation: nested fields are indented by the same number of spaces';
    case 'TAB_AS_INDENT':
      return 'YAML indents with spaces, not tabs';
    default:
      return 'check the YAML syntax near this position (quotes, colons, indentation)';
  }
}

/**
 * The line and column of a field path in a source: as deep as the path exists, so a missing
 * field points at the mapping that lacks it. `at: 'key'` points at a field's name rather than its value.
 */
export function locate(source: Source, path: Path, at: 'value' | 'key' = 'value'): [number, number] {
  const { doc, lines } = parseWithPositions(source);
  let node: Node | null | undefined = doc.contents as Node | null;
  let offset = node?.range?.[0] ?? 0;
  for (const [i, segment] of path.entries()) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && (isScalar(p.key) ? p.key.value : p.key) === segment);
      if (!pair) break;
      const keyNode = pair.key as Node | null;
      const valueNode = pair.value as Node | null;
      const last = i === path.length - 1;
      offset =
        (last && at === 'key' ? keyNode?.range?.[0] : (valueNode?.range?.[0] ?? keyNode?.range?.[0])) ??
        offset;
      node = valueNode;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else break;
  }
  return position(lines, offset);
}

export function diagnosticAt(
  source: Source,
  path: Path,
  code: DiagnosticCode,
  message: string,
  hint?: string,
  severity: Severity = 'error',
  at: 'value' | 'key' = 'value',
): Diagnostic {
  const [line, column] = locate(source, path, at);
  return {
    code,
    severity,
    message,
    ...(hint ? { hint } : {}),
    file: source.file,
    line,
    column,
    path: formatPath(path),
  };
}
