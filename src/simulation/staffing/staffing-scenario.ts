/**
 * A staffing result as a what-if scenario of the model: for each staffed pool, its shifts
 * (`resources.POOL.schedule`) and the headcount no shift exceeds (`resources.POOL.capacity`); and
 * the edit that writes that scenario into the model's text, its comments kept, replacing a
 * scenario of the same id. Runs in the browser too (no Node imports).
 */
import { parse as parseYaml } from 'yaml';
import type { Edit } from '../../model/edits/edit.js';
import type { ScenarioChange } from '../../model/edits/scenario-change.js';
import { formatDuration } from '../../model/units.js';
import { scheduleOf } from './hourly-schedule.js';
import type { StaffingResult } from './staff.js';

export interface StaffingScenario {
  id: string;
  name: string;
  description: string;
  changes: ScenarioChange[];
}

const percent = (x: number) => `${Number((x * 100).toFixed(1))}%`;

export function staffingScenario(result: StaffingResult, id: string): StaffingScenario {
  const targets = result.pools.map(
    (p) => `${p.name} ${percent(p.target.share)} in ${formatDuration(p.target.within)}`,
  );
  return {
    id,
    name: 'Staffing at least cost',
    description: `Written by linesight staff: the fewest members per hour of the week that meet each pool's service level (${targets.join('; ')}), from queueing formulas checked by simulation (${result.options.replications} replications of ${result.options.days} days, seed ${result.options.seed}).`,
    changes: result.pools.flatMap((p) => [
      { set: `resources.${p.id}.capacity`, value: Math.max(1, ...p.staff) },
      { set: `resources.${p.id}.schedule`, value: scheduleOf(p.staff) },
    ]),
  };
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
