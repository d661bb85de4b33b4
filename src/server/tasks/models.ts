/** The workspace's models as lists and checks: what the model list, the editor and the plain page show. */
import { checkFile } from '../../model/load.js';
import type { Model } from '../../model/model.js';
import { diffCounts, diffModels } from '../../model/scenario-diff.js';
import { homePage } from '../home.js';
import type { TaskContext } from './context.js';
import { checkSource, loadSaved, type TextSource } from './load.js';

export function listModels(_input: Record<string, never>, ctx: TaskContext) {
  const { workspace } = ctx;
  return workspace.list().map((name) => {
    const r = checkFile(workspace.path(name), { checkScenarios: false, root: workspace.root });
    return {
      name,
      title: r.model?.name ?? null,
      kind: r.document?.kind ?? null,
      ok: r.ok,
      errors: r.diagnostics.filter((d) => d.severity === 'error').length,
      steps: r.model?.steps.length ?? null,
      stages: (r.model?.stages ?? []).map((x) => x.id),
      scenarios: (r.model?.scenarios ?? []).map((x) => ({ id: x.id, name: x.name })),
    };
  });
}

export const plainPage = (_input: Record<string, never>, ctx: TaskContext) => homePage(ctx.workspace);

/** Model text's diagnostics, and with `outline` what the diagram pickers can offer. */
export function check(input: TextSource & { outline?: boolean }, ctx: TaskContext) {
  const checked = checkSource(ctx, input);
  const m = input.outline ? checked.model : undefined;
  const outline = m && {
    segments: m.segments.map((x) => ({ id: x.id, name: x.name })),
    roles: m.organization.departments.flatMap((d) => [
      { id: d.id, name: d.name },
      ...d.roles.map((r) => ({ id: r.id, name: `${r.name} (${d.name})` })),
    ]),
    scenarios: m.scenarios.map((x) => ({ id: x.id, name: x.name })),
  };
  return { ok: checked.ok, diagnostics: checked.diagnostics, ...(outline ? { outline } : {}) };
}

/** A saved model as plain data, for work on the main thread (mining against the event store). */
export const model = (input: { name: string }, ctx: TaskContext): Model => loadSaved(ctx, input.name).model;

/**
 * What a scenario changes in the model, element by element (scenario-diff.ts): what the diagrams
 * drawn for the scenario mark, with the counts the CLI's render tells.
 */
export function scenarioDiff(input: { name: string; scenario: string }, ctx: TaskContext) {
  const { model, result } = loadSaved(ctx, input.name, { scenario: input.scenario });
  const base = result.ok ? result.base : undefined;
  if (!base || !model.scenario) return undefined;
  const diff = diffModels(base, model);
  return JSON.parse(
    JSON.stringify({ scenario: model.scenario, counts: diffCounts(diff), ...diff }),
  ) as unknown;
}
