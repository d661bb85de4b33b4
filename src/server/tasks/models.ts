/** The workspace's models as lists and checks: what the model list, the editor and the plain page show. */
import { checkFile } from '../../model/load.js';
import type { Model } from '../../model/model.js';
import { diffCounts, diffModels } from '../../model/scenario-diff.js';
import { scenarioView } from '../../model/scenario-view.js';
import { blankModel, exampleFiles, exampleModel, starterModel, titleOf } from '../../model/templates.js';
import { homePage } from '../home.js';
import { HttpError } from '../http-error.js';
import { importBpmn } from './bpmn.js';
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

/**
 * Model text's diagnostics, with `outline` what the diagram pickers can offer, and with `view` the
 * model as that scenario makes it (for recording edits into the scenario).
 */
export function check(input: TextSource & { outline?: boolean; view?: string }, ctx: TaskContext) {
  const checked = checkSource(ctx, input);
  const view = input.view && checked.document ? scenarioView(checked.document, input.view) : undefined;
  const m = input.outline ? checked.model : undefined;
  const outline = m && {
    segments: m.segments.map((x) => ({ id: x.id, name: x.name })),
    roles: m.organization.departments.flatMap((d) => [
      { id: d.id, name: d.name },
      ...d.roles.map((r) => ({ id: r.id, name: `${r.name} (${d.name})` })),
    ]),
    scenarios: m.scenarios.map((x) => ({ id: x.id, name: x.name })),
  };
  return {
    ok: checked.ok,
    diagnostics: checked.diagnostics,
    ...(outline ? { outline } : {}),
    ...(view === undefined ? {} : { view }),
  };
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

/** Where a new model's text comes from: blank, the starter, an example, or a BPMN file. */
export type NewModelSource = 'blank' | 'starter' | `example:${string}` | 'bpmn';

/**
 * A new model's text, from the source chosen, with the BPMN importer's warnings. The texts are the
 * ones `linesight init` and the examples folder hold (model/templates.ts).
 */
export async function newModel(
  input: { name: string; from: string; bpmn?: string | undefined; customerPool?: string | undefined },
  ctx: TaskContext,
): Promise<{ text: string; warnings: string[] }> {
  const { name, from } = input;
  if (from === 'blank') return { text: blankModel(titleOf(name)), warnings: [] };
  if (from === 'starter') return { text: starterModel(), warnings: [] };
  if (from.startsWith('example:')) {
    const text = exampleModel(from.slice('example:'.length));
    if (text === undefined)
      throw new HttpError(
        404,
        `there is no example '${from.slice('example:'.length)}'`,
        `the examples are ${exampleFiles().join(', ')} (GET /api/templates lists them)`,
      );
    return { text, warnings: [] };
  }
  if (from === 'bpmn') {
    if (!input.bpmn)
      throw new HttpError(
        400,
        "a model from BPMN needs the file's XML",
        'send {"from": "bpmn", "bpmn": "<definitions ...>"}',
      );
    const imported = await importBpmn({ xml: input.bpmn, customerPool: input.customerPool }, ctx);
    return { text: imported.yaml, warnings: imported.warnings };
  }
  throw new HttpError(
    400,
    `'${from}' is not a source of a new model`,
    "from is 'blank', 'starter', 'example:FILE' or 'bpmn'",
  );
}

/** What a new model can start from: the starter and the examples shipped with linesight. */
export function templates(_input: Record<string, never>, _ctx: TaskContext) {
  return [
    { from: 'blank', name: 'Blank: one stage, one step, one end' },
    { from: 'starter', name: `Starter: ${starterTitle()}` },
    ...exampleFiles().map((file) => ({ from: `example:${file}`, name: exampleLabel(file) })),
    { from: 'bpmn', name: 'A BPMN file, through the BPMN importer' },
  ];
}

const titleIn = (text: string | undefined) =>
  /^name:\s*(.+)$/m.exec(text ?? '')?.[1]?.replace(/^["']|["']$/g, '') ?? '';
const starterTitle = () => titleIn(starterModel());
/** "Example: mmc.yaml (M/M/c queue)", with the baseline a competitor's journey needs beside it. */
const exampleLabel = (file: string) => {
  const text = exampleModel(file);
  const baseline = /^baseline:\s*(\S+)/m.exec(text ?? '')?.[1];
  return `Example: ${file} (${titleIn(text)})${baseline ? `; compares with ${baseline}, which must be in the workspace` : ''}`;
};
