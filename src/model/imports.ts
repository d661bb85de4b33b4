/**
 * Imports: a model may pull shared parts (kind: part) and scenario files (kind: scenario) from
 * other files. Their list items are merged ahead of the importing file's own, and every item keeps
 * its origin so that a diagnostic about it points into the file that wrote it. Cycles and missing
 * files are reported at the import that causes them.
 */
import { dirname, join, relative, resolve } from 'node:path';
import { clip } from './clip.js';
import type { Diagnostic } from './diagnostic.js';
import type { ModelDocument, Origin } from './document.js';
import { readNamedFile } from './read-file.js';
import { FILE_KINDS, type FileKind, MERGED_LISTS } from './schema.js';
import { parseSource, type Source } from './source.js';
import { MAX_FILE_BYTES } from './source-limits.js';
import { diagnosticAt } from './source-positions.js';
import { didYouMean } from './suggest.js';
import { describe } from './units.js';

type Data = Record<string, unknown>;

const PART_FIELDS = new Set(['linesight', 'kind', 'description', 'imports', 'organization', ...MERGED_LISTS]);
const ORGANIZATION_LISTS = ['departments', 'systems'] as const;
const SCENARIO_FILE_META = new Set(['linesight', 'kind', 'base']);

interface Collected {
  lists: Map<string, unknown[]>;
  organizationName?: unknown;
}

/** Parts importing parts: deeper than this is a loop in disguise or a maze, not a model. */
export const MAX_IMPORT_DEPTH = 16;
/** Imports read for one model, all levels together (a part imported twice counts twice). */
export const MAX_IMPORTS = 256;

export interface AssembleOptions {
  /** The folder every imported file must lie inside (symlinks followed). */
  root: string;
}

/** Builds the model document of a parsed root source: its kind, and its imports merged in. */
export function assemble(
  root: Source,
  options: AssembleOptions,
): {
  document: ModelDocument;
  diagnostics: Diagnostic[];
} {
  const data = root.data as Data;
  const origins = new WeakMap<object, Origin>();
  origins.set(data, { source: root, path: [] });
  const diagnostics: Diagnostic[] = [];
  const sources = [root];
  const kind = fileKind(root, data, diagnostics);
  const collected: Collected = { lists: new Map() };
  let read = 0;
  const visit = (source: Source, stack: string[]) => {
    const own = source.data as Data;
    const imports = Array.isArray(own.imports) ? own.imports : [];
    for (const [i, entry] of imports.entries()) {
      if (typeof entry !== 'string') continue;
      const refuse = (message: string, hint: string) =>
        diagnostics.push(diagnosticAt(source, ['imports', i], 'file-refused', message, hint));
      if (stack.length > MAX_IMPORT_DEPTH) {
        refuse(
          `cannot import ${clip(entry)}: imports nest more than ${MAX_IMPORT_DEPTH} files deep`,
          'import shared parts from the model itself rather than through a chain of parts',
        );
        continue;
      }
      if (++read > MAX_IMPORTS) {
        refuse(
          `cannot import ${clip(entry)}: the model already imports ${MAX_IMPORTS} files`,
          'a part imported by several parts is read once for each; import it once, from the model',
        );
        continue;
      }
      // Shown as written relative to the importing file, so that names stay as the user gave them.
      const shown = join(dirname(source.file), entry);
      const target = resolve(shown);
      if (stack.includes(target)) {
        const loop = [...stack.slice(stack.indexOf(target)), target]
          .map((file) => relative(process.cwd(), file) || file)
          .join(' -> ');
        diagnostics.push(
          diagnosticAt(
            source,
            ['imports', i],
            'import-cycle',
            `import cycle: ${loop}`,
            'remove one of these imports; shared parts belong in a part that imports nothing back',
          ),
        );
        continue;
      }
      const file = readNamedFile(entry, source.file, options.root, MAX_FILE_BYTES);
      if ('problem' in file) {
        const { kind: problem, reason, hint } = file.problem;
        diagnostics.push(
          diagnosticAt(
            source,
            ['imports', i],
            problem === 'refused' ? 'file-refused' : 'import-not-found',
            `cannot import ${clip(entry)}: it ${reason}`,
            problem === 'missing' ? 'import paths are relative to the importing file' : hint,
          ),
        );
        continue;
      }
      const loaded = parseSource(file.bytes, shown);
      if (!loaded.source) {
        const reason = loaded.diagnostics[0]?.message ?? 'it cannot be read';
        diagnostics.push(
          diagnosticAt(
            source,
            ['imports', i],
            'import-not-found',
            `cannot import ${clip(entry)}: ${reason}`,
            loaded.diagnostics[0]?.hint ?? 'import paths are relative to the importing file',
          ),
        );
        // A problem placed in the part (the byte that is not UTF-8) is shown there too.
        diagnostics.push(...loaded.diagnostics.filter((d) => d.line > 0));
        continue;
      }
      diagnostics.push(...loaded.diagnostics);
      if (loaded.source.data === undefined || !isData(loaded.source.data)) continue;
      sources.push(loaded.source);
      const imported = loaded.source.data;
      const importedKind = imported.kind;
      if (importedKind === 'scenario') {
        mergeScenarioFile(loaded.source, imported, collected, origins);
      } else if (importedKind === 'part') {
        checkPartFields(loaded.source, imported, diagnostics);
        visit(loaded.source, [...stack, target]);
        mergeLists(loaded.source, imported, collected, origins);
      } else {
        diagnostics.push(
          diagnosticAt(
            source,
            ['imports', i],
            'import-kind',
            `${clip(entry)} is a ${clip(String(importedKind ?? 'model'))}, which cannot be imported`,
            'import files of kind: part (shared organization, channels, segments, ...) or kind: scenario',
          ),
        );
      }
    }
  };
  if (kind !== 'scenario') visit(root, [resolve(root.file)]);
  const merged: Data = { ...data };
  if (kind !== 'scenario' && collected.lists.size > 0) {
    mergeLists(root, data, collected, origins);
    for (const [key, items] of collected.lists) {
      if (key.startsWith('organization.')) continue;
      merged[key] = items;
    }
    const organization = isData(data.organization) ? { ...data.organization } : {};
    for (const list of ORGANIZATION_LISTS) {
      const items = collected.lists.get(`organization.${list}`);
      if (items) organization[list] = items;
    }
    if (organization.name === undefined && collected.organizationName !== undefined)
      organization.name = collected.organizationName;
    if (Object.keys(organization).length > 0) {
      merged.organization = organization;
      if (isData(data.organization)) origins.set(organization, { source: root, path: ['organization'] });
    }
  }
  origins.set(merged, { source: root, path: [] });
  return { document: { file: root.file, kind, data: merged, origins, overrides: [], sources }, diagnostics };
}

function fileKind(root: Source, data: Data, diagnostics: Diagnostic[]): FileKind {
  const kind = data.kind ?? 'model';
  if (typeof kind === 'string' && (FILE_KINDS as readonly string[]).includes(kind)) return kind as FileKind;
  diagnostics.push(
    diagnosticAt(
      root,
      ['kind'],
      'unknown-kind',
      `unknown kind ${typeof kind === 'string' ? JSON.stringify(clip(kind)) : describe(kind)}`,
      `${didYouMean(String(kind), FILE_KINDS, 'kinds')} (kinds: ${FILE_KINDS.join(', ')})`,
    ),
  );
  return 'model';
}

function mergeLists(source: Source, data: Data, collected: Collected, origins: WeakMap<object, Origin>) {
  const add = (key: string, items: unknown, path: (string | number)[]) => {
    if (!Array.isArray(items)) return;
    const list = collected.lists.get(key) ?? [];
    for (const [i, item] of items.entries()) {
      if (item !== null && typeof item === 'object') origins.set(item, { source, path: [...path, i] });
      list.push(item);
    }
    collected.lists.set(key, list);
  };
  for (const key of MERGED_LISTS) add(key, data[key], [key]);
  if (isData(data.organization)) {
    for (const list of ORGANIZATION_LISTS)
      add(`organization.${list}`, data.organization[list], ['organization', list]);
    if (
      collected.organizationName === undefined &&
      data.organization.name !== undefined &&
      source !== undefined
    ) {
      collected.organizationName = data.organization.name;
    }
  }
}

function mergeScenarioFile(
  source: Source,
  data: Data,
  collected: Collected,
  origins: WeakMap<object, Origin>,
) {
  const scenario = Object.fromEntries(Object.entries(data).filter(([key]) => !SCENARIO_FILE_META.has(key)));
  origins.set(scenario, { source, path: [] });
  const list = collected.lists.get('scenarios') ?? [];
  list.push(scenario);
  collected.lists.set('scenarios', list);
}

function checkPartFields(source: Source, data: Data, diagnostics: Diagnostic[]) {
  for (const key of Object.keys(data)) {
    if (PART_FIELDS.has(key)) continue;
    diagnostics.push(
      diagnosticAt(
        source,
        [key],
        'unknown-field',
        `a part cannot hold "${clip(key)}"`,
        `parts hold shared pieces: ${[...PART_FIELDS].filter((f) => f !== 'linesight' && f !== 'kind').join(', ')}; put "${clip(key)}" in the model that imports it`,
        'error',
        'key',
      ),
    );
  }
}

const isData = (value: unknown): value is Data =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
