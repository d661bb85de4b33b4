/**
 * Model files as text with positions: reading (refusing binary and empty files with a clear
 * message), parsing, and finding the line and column of a field path so that every diagnostic
 * can point at what the user wrote.
 *
 * Two parsers, each for what it does best: js-yaml reads the data (an order of magnitude faster
 * on large models), and `yaml` builds the document with source ranges, only when a diagnostic
 * needs a position or the file uses anchors and aliases (whose expansion `yaml` bounds).
 * Both read YAML 1.2's core schema, so they agree on what a value is. Positions are found in
 * source-positions.ts, the limits on size and depth are in source-limits.ts.
 */
import { basename, extname } from 'node:path';
import jsyaml from 'js-yaml';
import { type Decoded, decodeUtf8 } from './decode.js';
import type { Diagnostic, DiagnosticCode, Path } from './diagnostic.js';
import { mayNestPast } from './nesting-scan.js';
import { problemText, readRegularFile } from './read-file.js';
import { deepAt, MAX_DEPTH, MAX_FILE_BYTES, PLACED_UP_TO } from './source-limits.js';
import { locate, parseWithPositions, yamlHint } from './source-positions.js';
import { strictJsonProblem } from './strict-json.js';

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

function fileProblem(file: string, code: DiagnosticCode, message: string, hint: string): SourceResult {
  return { diagnostics: [{ code, severity: 'error', message, hint, file, line: 0, column: 0, path: '' }] };
}
