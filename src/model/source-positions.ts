/**
 * Where a field is in a model file: the `yaml` document with source ranges, parsed once per source
 * and only when a diagnostic needs a position (or the file uses anchors and aliases, whose
 * expansion `yaml` bounds), and a field path's line and column in it.
 */
import type { Document, LineCounter, Node } from 'yaml';
import { grouped } from '../text/grouped.js';
import { MOST_REPEATED, overgrownAlias } from './alias-expansion.js';
import type { Diagnostic, DiagnosticCode, Path, Severity } from './diagnostic.js';
import { formatPath } from './diagnostic.js';
import type { Source } from './source.js';
import { deepAt, PLACED_UP_TO } from './source-limits.js';
import { yamlLibrary as yaml } from './yaml-library.js';

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
export function parseWithPositions(source: Source): Positions {
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
      message: `the aliases repeat ${grouped(overgrown.repeated)} values by this one (which repeats ${grouped(overgrown.each)}), more than the ${grouped(MOST_REPEATED)} linesight expands`,
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

function position(lines: LineCounter, offset: number): [number, number] {
  const pos = lines.linePos(offset);
  return [pos.line, pos.col];
}

function yamlMessage(message: string): string {
  return message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? message;
}

export function yamlHint(code: string): string {
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
