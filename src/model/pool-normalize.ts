/**
 * A pool (resource) as the model holds it: its shifts read, its capacity the largest shift's when
 * not given, its cost in the model's currency; a priority pool without an order, a shift larger
 * than the headcount, or a pool with neither capacity nor shifts refused.
 */
import { type Context, type Parsed, problem } from './meaning-context.js';
import type { Resource, Shift } from './model.js';
import { parseDays, parseHours } from './schedule.js';

export function normalizeResource(
  ctx: Context,
  resource: Parsed['resources'][number],
  i: number,
  currency: string,
): Resource {
  const { cost, schedule, ...rest } = resource;
  const shifts: Shift[] = [];
  for (const [j, shift] of (schedule ?? []).entries()) {
    const days = parseDays(shift.days);
    const hours = parseHours(shift.hours);
    if (!days.ok)
      problem(ctx, ['resources', i, 'schedule', j, 'days'], 'schedule-invalid', days.message, {
        hint: days.hint,
      });
    if (!hours.ok)
      problem(ctx, ['resources', i, 'schedule', j, 'hours'], 'schedule-invalid', hours.message, {
        hint: hours.hint,
      });
    if (days.ok && hours.ok)
      shifts.push({
        days: days.value,
        start: hours.value.start,
        end: hours.value.end,
        capacity: shift.capacity,
      });
  }
  if (resource.discipline === 'priority' && !(resource.priority && resource.priority.length > 0)) {
    problem(
      ctx,
      ['resources', i, 'discipline'],
      'priority-missing',
      'serves by priority but names no segments in priority order',
      { hint: 'add priority: [SEGMENT, ...], highest first' },
    );
  }
  if (cost && cost.currency !== '' && cost.currency !== currency) {
    problem(
      ctx,
      ['resources', i, 'cost'],
      'currency-mixed',
      `costs ${cost.currency}, but the model counts in ${currency}`,
      { hint: `write the cost in ${currency}, or set currency: ${cost.currency} for the model` },
    );
  }
  const largestShift = Math.max(0, ...shifts.map((s) => s.capacity));
  if (resource.capacity === undefined && !schedule) {
    problem(ctx, ['resources', i], 'missing-field', "has neither 'capacity' nor a 'schedule'", {
      hint: 'add capacity: N (members serving at once), or a schedule of shifts',
    });
  }
  for (const [j, shift] of (schedule ?? []).entries()) {
    if (resource.capacity !== undefined && shift.capacity > resource.capacity) {
      problem(
        ctx,
        ['resources', i, 'schedule', j, 'capacity'],
        'out-of-range',
        `this shift has ${shift.capacity} members, more than the pool's capacity of ${resource.capacity}`,
        {
          hint: 'raise the pool capacity (its headcount), or leave it out to take the largest shift',
        },
      );
    }
  }
  return {
    ...rest,
    capacity: resource.capacity ?? largestShift,
    ...(cost ? { cost: { amount: cost.amount, currency: cost.currency || currency } } : {}),
    ...(schedule ? { schedule: shifts } : {}),
  };
}
