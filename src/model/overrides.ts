/**
 * Quick what-ifs from the command line: `--set PATH=VALUE` changes one value as a scenario would,
 * with the same paths (`resources.agents.capacity=14`), the value read as YAML.
 */
import { parse as parseYaml } from 'yaml';
import type { Diagnostic } from './diagnostic.js';
import type { ModelDocument } from './document.js';
import { applyScenario, type LoadResult } from './load.js';

export interface Override {
  path: string;
  value: unknown;
}

/** "resources.agents.capacity=14" into a path and a value; undefined when there is no "=". */
export function parseOverride(text: string): Override | undefined {
  const at = text.indexOf('=');
  if (at <= 0) return undefined;
  const raw = text.slice(at + 1).trim();
  let value: unknown = raw;
  try {
    value = parseYaml(raw);
  } catch {
    value = raw;
  }
  return { path: text.slice(0, at).trim(), value };
}

/** The model with the overrides applied on top of the document (and of `scenario`, if given). */
export function applyOverrides(
  document: ModelDocument,
  overrides: Override[],
  scenario?: string,
): LoadResult {
  if (overrides.length === 0 && scenario !== undefined) return applyScenario(document, scenario);
  const scenarios = Array.isArray(document.data.scenarios)
    ? [...(document.data.scenarios as Record<string, unknown>[])]
    : [];
  const named = scenario === undefined ? undefined : scenarios.find((s) => s.id === scenario);
  const id = 'command-line';
  const changes = [
    ...((named?.changes as unknown[] | undefined) ?? []),
    ...overrides.map((o) => ({ set: o.path, value: o.value })),
  ];
  const set = overrides
    .map((o) => `${o.path}=${typeof o.value === 'string' ? o.value : JSON.stringify(o.value)}`)
    .join(', ');
  scenarios.push({ id, name: named ? `${String(named.name)}, with ${set}` : set, changes });
  const result = applyScenario({ ...document, data: { ...document.data, scenarios } }, id);
  // Diagnostics about the command line have no file position.
  const located = (d: Diagnostic) =>
    d.path.startsWith(`scenarios[${scenarios.length - 1}]`) ? { ...d, line: 0, column: 0, path: '' } : d;
  return { ...result, diagnostics: result.diagnostics.map(located) };
}
