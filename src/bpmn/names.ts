/**
 * The names behind a model's BPMN links. A model links a process or an activity to an element of
 * a BPMN file by its id (`Process_OrderToCash`, `Activity_PrepareQuote`), which is for tools: a
 * diagram shows the element's name from the file instead. A file that cannot be read gives no
 * names; validation reports it, and a view then shows the model's own names alone.
 */
import { dirname, resolve } from 'node:path';
import type { Activity, Model, Process } from '../model/model.js';
import { readBpmn } from './links.js';

export interface BpmnNames {
  /** The name of the BPMN process a model process links to, if the file names it. */
  process(p: Process): string | undefined;
  /** The name of the BPMN element an activity links to, if the file names it. */
  activity(a: Activity): string | undefined;
}

/** Names for a model whose links are not read (a model built in memory, or a test). */
export const NO_BPMN_NAMES: BpmnNames = { process: () => undefined, activity: () => undefined };

/** Reads each file the model links to once, inside the model's folder, and names its elements. */
export async function readBpmnNames(model: Model): Promise<BpmnNames> {
  if (!model.file) return NO_BPMN_NAMES;
  const root = dirname(resolve(model.file));
  const fileOfProcess = new Map(model.processes.map((p) => [p.id, p.bpmn?.file]));
  const files = [
    ...model.processes.map((p) => p.bpmn?.file),
    ...model.steps.flatMap((s) => s.backstage.map((a) => a.bpmn?.file)),
  ].filter((f): f is string => Boolean(f));
  const names = new Map<string, Map<string, string>>();
  for (const file of new Set(files)) names.set(file, (await readBpmn(file, model.file, root)).names);
  const lookup = (file: string | undefined, id: string | undefined) =>
    file && id ? names.get(file)?.get(id) : undefined;
  return {
    process: (p) => lookup(p.bpmn?.file, p.bpmn?.process),
    activity: (a) =>
      lookup(a.bpmn?.file ?? (a.process ? fileOfProcess.get(a.process) : undefined), a.bpmn?.activity),
  };
}
