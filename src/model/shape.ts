/**
 * The shape check: runs a Zod schema over a document's data and turns every issue into a
 * diagnostic a person can act on (what, where, and a hint), not Zod's own wording.
 */

import { most } from '../collections/extremes.js';
import { clip } from './clip.js';
import type { Diagnostic, Path } from './diagnostic.js';
import { type ModelDocument, report } from './document.js';
import { didYouMean, suggest } from './suggest.js';
import { describe } from './units.js';
import type * as z from './zod.js';

type Issue = z.core.$ZodIssue;

/** `imports` is read before the schema knows what a part holds: a list of paths, said with an example. */
const IMPORTS_HINT =
  'imports is a list of file paths, relative to this file: imports: [parts/organization.yaml, parts/steps.yaml]';

/**
 * Zod compiles a fast parser for each object schema on the first parse that allows it: about
 * 50 ms for the model's schemas, a sixth of a `linesight validate`. Measured in fresh processes,
 * the first check of even a 5,000-step model is no faster with it, and later checks gain about
 * 15% of their time: it repays after several checks of ordinary models. So a process (a command,
 * or the server until it has checked this many documents) checks without it.
 */
const COMPILE_AFTER_CHECKS = 8;
let checksInProcess = 0;

export function checkShape<S extends z.ZodType>(
  doc: ModelDocument,
  schema: S,
  data: unknown = doc.data,
  context?: string,
): { value?: z.output<S>; diagnostics: Diagnostic[] } {
  const known = new Map<string, string[]>();
  const result = schema.safeParse(data, {
    jitless: ++checksInProcess <= COMPILE_AFTER_CHECKS,
    error: (issue) => {
      if (issue.code === 'unrecognized_keys') {
        const shape = (issue.inst as { _zod?: { def?: { shape?: Record<string, unknown> } } } | undefined)
          ?._zod?.def?.shape;
        if (shape) known.set(JSON.stringify(issue.path ?? []), Object.keys(shape));
      }
      return undefined;
    },
  });
  if (result.success) return { value: result.data, diagnostics: [] };
  const diagnostics = result.error.issues.flatMap((issue) =>
    toDiagnostics(doc, data, issue as Issue, [], known, context),
  );
  return { diagnostics: dedupe(diagnostics) };
}

function toDiagnostics(
  doc: ModelDocument,
  data: unknown,
  issue: Issue,
  prefix: Path,
  known: Map<string, string[]>,
  context?: string,
): Diagnostic[] {
  const path = [...prefix, ...(issue.path as Path)];
  const at = (
    p: Path,
    code: Diagnostic['code'],
    message: string,
    hint?: string,
    where: 'value' | 'key' = 'value',
  ) => report(doc, p, code, message, { hint, at: where, ...(context ? { context } : {}) });
  const value = valueAt(data, path);
  const field = fieldName(path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = known.get(JSON.stringify(issue.path)) ?? [];
      return issue.keys.map((key) => {
        const close = suggest(key, allowed);
        const hint =
          elsewhere(path, key) ??
          (close ? `did you mean '${close}'?` : `allowed fields here: ${allowed.join(', ')}`);
        return at([...path, key], 'unknown-field', `unknown field '${clip(key)}'`, hint, 'key');
      });
    }
    case 'invalid_type': {
      if (value === undefined)
        return [at(path, 'missing-field', `missing required field '${field}'`, `add ${field}: ...`)];
      return [
        at(
          path,
          'invalid-type',
          `'${field}' must be ${article(issue.expected)}, not ${describe(value)}`,
          path[0] === 'imports' ? IMPORTS_HINT : undefined,
        ),
      ];
    }
    case 'invalid_value': {
      const options = issue.values.map(String);
      const listed = options.map((o) => `'${o}'`).join(', ');
      const hint =
        typeof value === 'string' && suggest(value, options)
          ? didYouMean(value, options, 'values')
          : `use one of ${listed}`;
      const message = issue.message.startsWith('Invalid')
        ? `${shown(value)} is not a valid '${field}'`
        : issue.message;
      return [at(path, 'invalid-value', message, hint)];
    }
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      if (Array.isArray(value)) {
        return [
          at(
            path,
            'out-of-range',
            issue.message.startsWith('Too') ? `'${field}' needs at least ${bound} item(s)` : issue.message,
          ),
        ];
      }
      const relation = issue.code === 'too_small' ? 'at least' : 'at most';
      return [
        at(
          path,
          'out-of-range',
          `'${field}' is ${shown(value)}, but must be ${relation} ${bound}`,
          issue.message.startsWith('Too') ? undefined : issue.message,
        ),
      ];
    }
    case 'invalid_format':
      return [at(path, 'invalid-value', issue.message)];
    case 'invalid_union':
      return fromUnion(doc, data, issue, path, known, context);
    case 'custom': {
      const hint = (issue.params as { hint?: string } | undefined)?.hint;
      return [at(path, 'invalid-value', issue.message, hint)];
    }
    default:
      return [at(path, 'invalid-value', issue.message)];
  }
}

/**
 * Unions ("an id, a list of branches, or a list per segment") fail in every branch at once.
 * Branches that failed only on the value's own type are the wrong guess; if one branch remains,
 * its issues are the real ones.
 */
function fromUnion(
  doc: ModelDocument,
  data: unknown,
  issue: Extract<Issue, { code: 'invalid_union' }>,
  path: Path,
  known: Map<string, string[]>,
  context?: string,
): Diagnostic[] {
  const branches = (issue.errors ?? []) as Issue[][];
  const field = fieldName(path);
  if (valueAt(data, path) === undefined) {
    return [
      report(doc, path, 'missing-field', `missing required field '${field}'`, {
        hint: `add ${field}: ...`,
        ...(context ? { context } : {}),
      }),
    ];
  }
  const plausible = branches.filter(
    (issues) => !issues.every((i) => i.path.length === 0 && i.code === 'invalid_type'),
  );
  if (plausible.length >= 1) {
    const fewest = plausible.reduce((a, b) =>
      depth(b) > depth(a) || (depth(b) === depth(a) && b.length < a.length) ? b : a,
    );
    return fewest.flatMap((inner) => toDiagnostics(doc, data, inner, path, known, context));
  }
  const expected = [
    ...new Set(
      branches
        .flatMap((issues) => issues.map((i) => (i.code === 'invalid_type' ? article(i.expected) : undefined)))
        .filter(Boolean),
    ),
  ];
  const message = `'${field}' must be ${expected.join(' or ') || 'something else'}, not ${describe(valueAt(data, path))}`;
  return [report(doc, path, 'invalid-type', message, context ? { context } : {})];
}

const depth = (issues: Issue[]) => most(issues.map((i) => i.path.length));

/** The value at a path of parsed data, or undefined where the path leaves it. */
export function valueAt(data: unknown, path: Path): unknown {
  let node = data;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

function fieldName(path: Path): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const segment = path[i];
    if (typeof segment === 'string')
      return typeof path[i + 1] === 'number' ? `${clip(segment)}[${path[i + 1]}]` : clip(segment);
  }
  return 'value';
}

/** A value as a message quotes it: JSON, with long text cut short and lists and mappings named. */
const shown = (value: unknown) =>
  value !== null && typeof value === 'object'
    ? describe(value)
    : JSON.stringify(typeof value === 'string' ? clip(value) : value);

const ARTICLES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
  record: 'a mapping',
  nonoptional: 'given',
};

/** A type as a message names what is expected: 'a list', 'a mapping', 'text'. */
export const article = (expected: string) => ARTICLES[expected] ?? expected;

function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.file}:${d.line}:${d.column}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Where a field a model puts in the wrong place is read. A step's patience was once taken and
 * never read: customers give up by the patience of their segment, else of the pool they queue for.
 */
function elsewhere(path: Path, key: string): string | undefined {
  if (key === 'patience' && path.length === 2 && path[0] === 'steps')
    return 'customers give up by the patience of their segment (segments[].patience), else of the pool they queue for (resources[].patience): move it there';
  return undefined;
}
