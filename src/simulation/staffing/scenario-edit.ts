/**
 * The edit that writes a staffing scenario into the model's text, its comments kept: in place of
 * a scenario with its id, else at the end of the list. Runs in the browser too (the web app saves
 * the scenario with it), so it imports no Node module and nothing of the simulator.
 */
import { parse as parseYaml } from 'yaml';
import type { Edit } from '../../model/edits/edit.js';
import type { ScenarioChange } from '../../model/edits/scenario-change.js';

export interface StaffingScenario {
  id: string;
  name: string;
  description: string;
  changes: ScenarioChange[];
}

type Raw = Record<string, unknown>;
const isRaw = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The edit that puts `scenario` into the model's text: in place of one with its id, else at the end of the list. */
export function scenarioEdit(text: string, scenario: StaffingScenario): Edit {
  const raw = parseYaml(text) as unknown;
  const list = isRaw(raw) && Array.isArray(raw.scenarios) ? raw.scenarios : undefined;
  const value = { ...scenario };
  if (list?.some((s) => isRaw(s) && s.id === scenario.id))
    return { kind: 'set', path: ['scenarios', { id: scenario.id }], value };
  if (list) return { kind: 'insert-item', path: ['scenarios'], value };
  return { kind: 'set', path: ['scenarios'], value: [value] };
}
