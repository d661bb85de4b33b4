/**
 * A model document: the data of a model file with its imports merged in, and for every piece of
 * it the file and path it came from. Diagnostics are raised against paths in the merged data
 * and land on the right file, line and column: list items remember their origin by identity,
 * and scenario patches register the paths they overwrite.
 */
import { clip } from './clip.js';
import type { Diagnostic, DiagnosticCode, Path, Severity } from './diagnostic.js';
import { formatPath } from './diagnostic.js';
import type { FileKind } from './schema.js';
import type { Source } from './source.js';
import { locate } from './source-positions.js';

export interface Origin {
  source: Source;
  path: Path;
}

export interface ModelDocument {
  file: string;
  kind: FileKind;
  data: Record<string, unknown>;
  origins: WeakMap<object, Origin>;
  /** Paths whose values a scenario patch wrote, longest first after `overlay`. */
  overrides: { path: Path; origin: Origin }[];
  sources: Source[];
  /** Error codes to report as warnings: `analyze` reads a model with a loop that has no way out, to report it. */
  tolerate?: readonly DiagnosticCode[];
}

/** Where a path of the merged data was written: which file, and which path inside it. */
export function originOf(doc: ModelDocument, path: Path): Origin {
  let best: Origin = doc.origins.get(doc.data) ?? { source: doc.sources[0] as Source, path: [] };
  let bestDepth = 0;
  let node: unknown = doc.data;
  for (const [i, segment] of path.entries()) {
    if (node === null || typeof node !== 'object') break;
    node = (node as Record<string | number, unknown>)[segment];
    if (node !== null && typeof node === 'object') {
      const origin = doc.origins.get(node);
      if (origin) {
        best = origin;
        bestDepth = i + 1;
      }
    }
  }
  for (const override of doc.overrides) {
    if (override.path.length >= bestDepth && startsWith(path, override.path)) {
      return {
        source: override.origin.source,
        path: [...override.origin.path, ...path.slice(override.path.length)],
      };
    }
  }
  return { source: best.source, path: [...best.path, ...path.slice(bestDepth)] };
}

function startsWith(path: Path, prefix: Path): boolean {
  return prefix.length <= path.length && prefix.every((segment, i) => path[i] === segment);
}

const OWNER_NOUNS: Readonly<Record<string, string>> = {
  steps: 'step',
  ends: 'end',
  stages: 'stage',
  segments: 'segment',
  departments: 'department',
  roles: 'role',
  systems: 'system',
  channels: 'channel',
  processes: 'process',
  resources: 'pool',
  backstage: 'activity',
  scenarios: 'scenario',
};

/** "step 'call-sales'": the innermost list item with an id on the path, to name in messages. */
export function ownerOf(data: unknown, path: Path): string | undefined {
  let node: unknown = data;
  let owner: string | undefined;
  for (const [i, segment] of path.entries()) {
    if (node === null || typeof node !== 'object') break;
    node = (node as Record<string | number, unknown>)[segment];
    const list = path[i - 1];
    if (
      typeof segment === 'number' &&
      typeof list === 'string' &&
      OWNER_NOUNS[list] &&
      node &&
      typeof node === 'object'
    ) {
      const id = (node as { id?: unknown }).id;
      if (typeof id === 'string') owner = `${OWNER_NOUNS[list]} '${clip(id)}'`;
    }
  }
  return owner;
}

export interface ReportOptions {
  hint?: string | undefined;
  severity?: Severity;
  at?: 'value' | 'key';
  /** Text put before the message, e.g. "scenario 'ivr-reroute'". */
  context?: string;
}

/** A diagnostic at a path of the merged data, located in the file that holds it. */
export function report(
  doc: ModelDocument,
  path: Path,
  code: DiagnosticCode,
  message: string,
  options: ReportOptions = {},
): Diagnostic {
  const origin = originOf(doc, path);
  const [line, column] = locate(origin.source, origin.path, options.at);
  const owner = ownerOf(doc.data, path);
  const prefix = [options.context, owner].filter(Boolean).join(', ');
  const severity = options.severity ?? 'error';
  return {
    code,
    severity: severity === 'error' && doc.tolerate?.includes(code) ? 'warning' : severity,
    message: prefix ? `${prefix}: ${message}` : message,
    ...(options.hint ? { hint: options.hint } : {}),
    file: origin.source.file,
    line,
    column,
    path: formatPath(origin.path),
  };
}
