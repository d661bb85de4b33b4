/**
 * Quick what-ifs from the command line: `--set PATH=VALUE` changes one value as a scenario would,
 * with the same paths (`resources.agents.capacity=14`), the value read as YAML.
 */
import type { Diagnostic } from './diagnostic.js';
import type { ModelDocument } from './document.js';
import { applyScenario, type LoadResult } from './load.js';
import { yamlLibrary } from './yaml-library.js';

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
    value = yamlLibrary().parse(raw);
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
  const origin = `the changes ${set}${named ? ` on top of scenario '${String(named.id)}'` : ''}`;
  const result = applyScenario({ ...document, data: { ...document.data, scenarios } }, id, origin);
  // Diagnostics about the command line have no file position.
  const located = (d: Diagnostic) =>
    d.path.startsWith(`scenarios[${scenarios.length - 1}]`) ? { ...d, line: 0, column: 0, path: '' } : d;
  return { ...result, diagnostics: result.diagnostics.map(located) };
}

/** One model a what-if runs: the baseline or a variant, as a scenario and changes on top. */
export interface WhatIfSide<T> {
  scenario?: string;
  changes: T[];
}

/**
 * What a what-if compares, the same for the command line and the API. Changes alone are the
 * question: the model as it is against the model changed. With scenarios (named, or all of the
 * model's), each scenario runs against the baseline, and the changes are made to both.
 */
export function whatIfSides<T>(
  modelScenarios: readonly string[],
  chosen: readonly string[] | undefined,
  changes: T[],
): { baseline: WhatIfSide<T>; variants: WhatIfSide<T>[] } {
  if (changes.length > 0 && chosen === undefined)
    return { baseline: { changes: [] }, variants: [{ changes }] };
  return {
    baseline: { changes },
    variants: (chosen ?? modelScenarios).map((scenario) => ({ scenario, changes })),
  };
}
