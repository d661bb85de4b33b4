/**
 * A model's data as one of its scenarios makes it, written as YAML: what the web app's editors
 * show while the user records changes into that scenario ("edit as a scenario").
 */
import { stringify } from 'yaml';
import type { ModelDocument } from './document.js';
import { applyChanges } from './scenario.js';

/** The scenario's view of the model, or undefined when the model has no such scenario. */
export function scenarioView(document: ModelDocument, id: string): string | undefined {
  const scenarios = Array.isArray(document.data.scenarios)
    ? (document.data.scenarios as { id?: unknown }[])
    : [];
  const index = scenarios.findIndex((s) => s?.id === id);
  if (index < 0) return undefined;
  const { scenarios: _, ...data } = applyChanges(document, index).document.data;
  return stringify(data, { lineWidth: 0 });
}
