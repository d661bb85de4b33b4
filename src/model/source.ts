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
import { basename, extname } from 'node:path';
import jsyaml from 'js-yaml';
import type { Document, LineCounter, Node } from 'yaml';
import { MOST_REPEATED, overgrownAlias } from './alias-expansion.js';
import { type Decoded, decodeUtf8 } from './decode.js';
import type { Diagnostic, DiagnosticCode, Path, Severity } from './diagnostic.js';
import { formatPath } from './diagnostic.js';
import { mayNestPast } from './nesting-scan.js';
import { problemText, readRegularFile } from './read-file.js';
import { strictJsonProblem } from './strict-json.js';
import { yamlLibrary as yaml } from './yaml-library.js';

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

/**
 * No model nests deeper than this (a backstage activity's BPMN link is 6 levels down); far deeper
 * nesting is an accident or an attack, and parsers and checks that recurse would overflow on it.
 */
export const MAX_DEPTH = 64;

/**
 * Past this size, diagnostics give the field path without line and column: placing them needs
 * `yaml`'s document, which takes about a second per MiB (and more for dense JSON), minutes at 64.
 */
export const PLACED_UP_TO = 4 * 2 ** 20;

/** Reads and parses the model file a user names; never throws, never blocks on a device or FIFO. */
export function readSource(file: string): SourceResult {
  const read = readRegularFile(file, MAX_FILE_BYTES);
  if ('problem' in read) {
    const { kind, hint } = read.problem;
    const code = kind === 'missing' ? 'file-not-found' : 'file-unreadable';
    return fileProblem(file, code, problemText(file, read.problem), hint);
  }
  return parseSource(read.bytes, file);
}

const EMPTY_HINT =
  'a model needs at least a name, stages, steps, ends and a start; `linesight init` writes a starter';

/** An anchor or alias anywhere (a false alarm only costs speed). */
const ALIASES = /(^|[\s[{,:-])[&*][^\s,\]}]/m;

/** Parses a model file's bytes (or text); never throws on bad input. */
export function parseSource(input: Buffer | string, file: string): SourceResult {
  const decoded = typeof input === 'string' ? { text: input } : decodeUtf8(input);
  if (!('text' in decoded)) return undecodable(decoded, file);
  let text = decoded.text;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return fileProblem(file, 'empty-file', `${file} is empty`, EMPTY_HINT);
  const source: Source = { file, text, data: undefined };
  let data: unknown;
  try {
    // js-yaml reads fast and refuses nesting past MAX_DEPTH before it recurses that deep.
    data = jsyaml.load(text, {
      schema: jsyaml.CORE_SCHEMA,
      filename: file,
      maxDepth: MAX_DEPTH,
    } as jsyaml.LoadOptions);
  } catch (error) {
    return { source, diagnostics: [syntaxProblem(source, error)] };
  }
  if (ALIASES.test(text)) {
    if (text.length > PLACED_UP_TO)
      return fileProblem(
        file,
        'yaml-syntax',
        `${file} uses anchors and aliases, which linesight reads in files up to ${PLACED_UP_TO / 2 ** 20} MiB`,
        'write the values out, or split the file into parts with imports',
      );
    // Aliases are expanded by `yaml`, which bounds how far (js-yaml would hand on shared references).
    const parsed = parseWithPositions(source);
    if (parsed.diagnostics.length > 0) return { source, diagnostics: parsed.diagnostics };
    data = parsed.data;
  }
  const deep = tooDeep(data);
  if (deep) return { source, diagnostics: [deepProblem(source, deep)] };
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
  const json = strictJsonProblem(file, text);
  return { source, diagnostics: json ? [json] : [] };
}

/** Why a file's bytes are not a model's text: binary, UTF-16, or a byte that is not UTF-8 (at its place). */
export function undecodable(decoded: Exclude<Decoded, { text: string }>, file: string): SourceResult {
  if ('binary' in decoded)
    return fileProblem(
      file,
      'binary-file',
      `${file} is not a text file (it holds binary data)`,
      'a model is a YAML or JSON text file',
    );
  const convert = (from: string) =>
    `save it as UTF-8 in your editor, or convert it: iconv -f ${from} -t utf-8 ${basename(file)} > ${basename(file, extname(file))}.utf8${extname(file)}`;
  if ('utf16' in decoded)
    return fileProblem(file, 'not-utf8', `${file} is UTF-16 text, not UTF-8`, convert('utf-16'));
  const { byte, line, column } = decoded.invalid;
  const hex = byte.toString(16).toUpperCase().padStart(2, '0');
  return {
    diagnostics: [
      {
        code: 'not-utf8',
        severity: 'error',
        message: `${file} is not UTF-8: the byte 0x${hex} here is not valid UTF-8 (the file may be Latin-1 or Windows-1252)`,
        hint: convert('latin1'),
        file,
        line,
        column,
        path: '',
      },
    ],
  };
}

/** js-yaml's error as a diagnostic, in `yaml`'s words where `yaml` finds the same problem. */
function syntaxProblem(source: Source, error: unknown): Diagnostic {
  const mark = (error as { mark?: { line: number; column: number } }).mark;
  const reason = (error as { reason?: string }).reason ?? (error as Error).message;
  const line = (mark?.line ?? 0) + 1;
  const column = (mark?.column ?? 0) + 1;
  if (/nesting exceeded maxDepth/.test(reason)) return deepAt(source.file, line, column);
  // `yaml` words syntax errors better; js-yaml's own message stands if `yaml` finds nothing, or
  // when the text nests so deep (after the error js-yaml stopped at) that `yaml` would take seconds.
  const first = mayNestPast(source.text, MAX_DEPTH)
    ? undefined
    : parseWithPositions(source).diagnostics.find((d) => d.severity === 'error');
  if (first) return first;
  return {
    code: 'yaml-syntax',
    severity: 'error',
    message: reason,
    hint: yamlHint(''),
    file: source.file,
    line,
    column,
    path: '',
  };
}

const deepAt = (file: string, line: number, column: number): Diagnostic => ({
  code: 'nesting-too-deep',
  severity: 'error',
  message: `${file} nests values more than ${MAX_DEPTH} levels deep here`,
  hint: 'no model field nests that deep: check for unclosed [ or {, or write the value flatter',
  file,
  line,
  column,
  path: '',
});

function deepProblem(source: Source, deep: { path: Path; loop: boolean }): Diagnostic {
  const [line, column] = locate(source, deep.path);
  const diagnostic = deepAt(source.file, line, column);
  return deep.loop
    ? {
        ...diagnostic,
        message: `${source.file} has an alias inside the value it refers to, which makes it endless`,
        hint: 'an alias (*name) may only refer to an anchor (&name) outside it',
      }
    : { ...diagnostic, hint: 'anchors and aliases nest these values too deep: write them out' };
}

/**
 * The path to a value nested past MAX_DEPTH, if any (aliases can nest what each level wrote
 * shallowly, or loop back); `loop` when the path passes the same value twice. One walk, depth
 * first, that visits a value shared by aliases again only from higher up than before.
 */
export function tooDeep(data: unknown): { path: Path; loop: boolean } | undefined {
  interface Frame {
    node: unknown;
    depth: number;
    parent?: Frame;
    key?: string | number;
    /** Marks the end of the node's own walk: it is no longer above what comes next. */
    leave?: true;
  }
  const pathOf = (frame: Frame): Path => {
    const path: Path = [];
    for (let f: Frame | undefined = frame; f?.parent; f = f.parent) path.push(f.key as string | number);
    return path.reverse();
  };
  // A Map, not a WeakMap: it lives only for this walk, and weak tables cost the collector dearly.
  const shallowest = new Map<object, number>();
  const above = new Set<object>();
  const stack: Frame[] = [{ node: data, depth: 0 }];
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    const { node, depth } = frame;
    if (frame.leave) {
      above.delete(node as object);
      continue;
    }
    if (depth >= MAX_DEPTH) return { path: pathOf(frame), loop: false };
    if (node === null || typeof node !== 'object') continue;
    if (above.has(node)) return { path: pathOf(frame), loop: true };
    // A value already walked from as high up has nothing deeper to show.
    if ((shallowest.get(node) ?? Number.POSITIVE_INFINITY) <= depth) continue;
    shallowest.set(node, depth);
    above.add(node);
    stack.push({ node, depth, leave: true });
    const array = Array.isArray(node);
    for (const [key, child] of Object.entries(node)) {
      // Scalars end a path: only one at the limit itself can be too deep.
      if ((child !== null && typeof child === 'object') || depth + 1 >= MAX_DEPTH)
        stack.push({ node: child, depth: depth + 1, parent: frame, key: array ? Number(key) : key });
    }
  }
  return undefined;
}

interface Positions {
  doc: Document;
  lines: LineCounter;
  diagnostics: Diagnostic[];
  data: unknown;
  /** False for files too large to place diagnostics in (PLACED_UP_TO). */
  placed: boolean;
}

const positions = new WeakMap<Source, Positions>();

/**
 * The `yaml` document of a source, with source ranges; parsed once, when first needed. Only for
 * text js-yaml has read, or read up to an error: nested at most MAX_DEPTH deep up to there.
 */
function parseWithPositions(source: Source): Positions {
  const cached = positions.get(source);
  if (cached) return cached;
  const { LineCounter, parseDocument } = yaml();
  const lines = new LineCounter();
  if (source.text.length > PLACED_UP_TO) {
    const unplaced = { doc: parseDocument(''), lines, diagnostics: [], data: undefined, placed: false };
    positions.set(source, unplaced);
    return unplaced;
  }
  let doc: Document;
  try {
    doc = parseDocument(source.text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  } catch {
    // Only nesting deep enough to overflow the stack makes `yaml` throw; js-yaml's error comes first.
    const empty = {
      doc: parseDocument(''),
      lines,
      diagnostics: [deepAt(source.file, 1, 1)],
      data: undefined,
      placed: false,
    };
    positions.set(source, empty);
    return empty;
  }
  const diagnostics: Diagnostic[] = [];
  for (const error of doc.errors) {
    const [line, column] = position(lines, error.pos[0]);
    // `yaml` catches its own stack overflow on deep nesting, and says so in JavaScript's words.
    if (/call stack/i.test(error.message)) {
      diagnostics.push(deepAt(source.file, line, column));
      continue;
    }
    diagnostics.push({
      code: 'yaml-syntax',
      severity: 'error',
      // The library's words for this one are advice to its programmers ("use YAML.parseAllDocuments()").
      message:
        error.code === 'MULTIPLE_DOCS'
          ? 'the file holds more than one YAML document: a second begins at this ---'
          : yamlMessage(error.message),
      hint: yamlHint(error.code),
      file: source.file,
      line,
      column,
      path: '',
    });
  }
  let data: unknown;
  const overgrown = diagnostics.length === 0 ? overgrownAlias(doc) : undefined;
  if (overgrown) {
    const [line, column] = position(lines, overgrown.alias.range?.[0] ?? 0);
    diagnostics.push({
      code: 'yaml-syntax',
      severity: 'error',
      message: `the aliases repeat ${overgrown.repeated.toLocaleString('en-US')} values by this one (which repeats ${overgrown.each.toLocaleString('en-US')}), more than the ${MOST_REPEATED.toLocaleString('en-US')} linesight expands`,
      hint: 'write the values out where they are needed, or anchor a shorter value',
      file: source.file,
      line,
      column,
      path: '',
    });
  }
  if (diagnostics.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: 1000 });
    } catch (error) {
      diagnostics.push(
        error instanceof RangeError
          ? { ...deepAt(source.file, 1, 1), hint: 'anchors and aliases nest values too deep: write them out' }
          : {
              code: 'yaml-syntax',
              severity: 'error',
              message: (error as Error).message,
              hint: 'anchors and aliases expand too far; write the values out',
              file: source.file,
              line: 1,
              column: 1,
              path: '',
            },
      );
    }
  }
  const result = { doc, lines, diagnostics, data, placed: true };
  positions.set(source, result);
  return result;
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
    case 'MULTIPLE_DOCS':
      return 'a model is one document: remove the --- and what follows, or put it in a file of its own that imports: names';
    default:
      return 'check the YAML syntax near this position (quotes, colons, indentation)';
  }
}

/**
 * The line and column of a field path in a source: as deep as the path exists, so a missing
 * field points at the mapping that lacks it. `at: 'key'` points at a field's name rather than its value.
 */
export function locate(source: Source, path: Path, at: 'value' | 'key' = 'value'): [number, number] {
  const { doc, lines, placed } = parseWithPositions(source);
  if (!placed) return [0, 0];
  const { isMap, isPair, isScalar, isSeq } = yaml();
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
