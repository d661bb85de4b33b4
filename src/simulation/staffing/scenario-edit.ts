/**
 * The edit that writes a staffing scenario into the model's text, its comments kept: in place of
 * a scenario with its id that staffing wrote, else at the end of the list. Runs in the browser too
 * (the web app saves the scenario with it), so it imports no Node module and nothing of the
 * simulator.
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

/** How a staffing scenario's description begins: the mark of one that staffing may write over. */
export const WRITTEN_BY_STAFF = 'Written by linesight staff';

/** A scenario of the id is in the model and staffing did not write it: its author's work, not to be replaced. */
export class ScenarioTaken extends Error {
  constructor(id: string) {
    super(
      `the model already has a scenario '${id}' that staffing did not write: it was left as it is, and the staffing not saved`,
    );
    this.name = 'ScenarioTaken';
  }
}

/**
 * The edit that puts `scenario` into the model's text: in place of one with its id that staffing
 * wrote (a staffing run again), else at the end of the list; throws ScenarioTaken when a scenario
 * someone wrote has the id.
 */
export function scenarioEdit(text: string, scenario: StaffingScenario): Edit {
  const raw = parseYaml(text) as unknown;
  const list = isRaw(raw) && Array.isArray(raw.scenarios) ? raw.scenarios : undefined;
  const value = { ...scenario };
  const same = list?.find((s) => isRaw(s) && s.id === scenario.id) as Raw | undefined;
  if (same) {
    if (!String(same.description ?? '').startsWith(WRITTEN_BY_STAFF)) throw new ScenarioTaken(scenario.id);
    return { kind: 'set', path: ['scenarios', { id: scenario.id }], value };
  }
  if (list) return { kind: 'insert-item', path: ['scenarios'], value };
  return { kind: 'set', path: ['scenarios'], value: [value] };
}
