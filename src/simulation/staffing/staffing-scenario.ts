/**
 * A staffing result as a what-if scenario of the model: for each staffed pool, its shifts
 * (`resources.POOL.schedule`) and the headcount no shift exceeds (`resources.POOL.capacity`).
 */
import { formatDuration } from '../../model/units.js';
import { percent } from '../../text/percent.js';
import { scheduleOf } from './hourly-schedule.js';
import { type StaffingScenario, WRITTEN_BY_STAFF } from './scenario-edit.js';
import type { StaffingResult } from './staff.js';

export function staffingScenario(result: StaffingResult, id: string): StaffingScenario {
  const targets = result.pools.map(
    (p) => `${p.name} ${percent(p.target.share)} in ${formatDuration(p.target.within)}`,
  );
  return {
    id,
    name: 'Staffing at least cost',
    description: `${WRITTEN_BY_STAFF}: the fewest members per hour of the week that meet each pool's service level (${targets.join('; ')}), from queueing formulas checked by simulation (${result.options.replications} replications of ${result.options.days} days, seed ${result.options.seed}).`,
    changes: result.pools.flatMap((p) => [
      { set: `resources.${p.id}.capacity`, value: Math.max(1, ...p.staff) },
      { set: `resources.${p.id}.schedule`, value: scheduleOf(p.staff) },
    ]),
  };
}
