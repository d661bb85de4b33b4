/** BPMN 2.0 out of a model, and a model (as YAML) out of a BPMN file. */
import { stringify } from 'yaml';
import { exportBpmn as toBpmn } from '../../bpmn/export.js';
import { importBpmn as fromBpmn } from '../../bpmn/import.js';
import { VERSION } from '../../version.js';
import { HttpError } from '../http-error.js';
import type { TaskContext } from './context.js';
import { checkSteps, loadSaved } from './load.js';

export async function exportBpmn(input: { name: string; scenario?: string | undefined }, ctx: TaskContext) {
  const { model } = loadSaved(ctx, input.name, { scenario: input.scenario });
  return { id: model.id, xml: await toBpmn(model, VERSION) };
}

export async function importBpmn(
  input: { xml: string; customerPool?: string | undefined },
  ctx: TaskContext,
) {
  const result = await fromBpmn(input.xml, input.customerPool ? { customerPool: input.customerPool } : {});
  if (!result.model || result.error)
    throw new HttpError(422, result.error?.message ?? 'nothing could be read', result.error?.hint);
  const steps = result.model.steps;
  checkSteps(ctx, Array.isArray(steps) ? steps.length : 0);
  return { yaml: stringify(result.model), warnings: result.warnings, embedded: result.embedded };
}
