/**
 * A week minute by minute (Monday 00:00 is minute 0): the capacity a shift schedule puts on and
 * the relative intensity of an arrival profile. The simulator and the analysis's queues read the
 * week the same way from these.
 */
import type { ArrivalWindow, Shift } from './model.js';

export const WEEK_MINUTES = 7 * 1440;

/** Adds `value` to every minute a window (days, start, end past midnight allowed) covers. */
function paint(
  minutes: Float64Array | Int32Array,
  days: number[],
  start: number,
  end: number,
  value: number,
) {
  for (const day of days) {
    const from = day * 1440 + start;
    const to = day * 1440 + (end > start ? end : end + 1440);
    for (let m = from; m < to; m++) minutes[m % WEEK_MINUTES] = (minutes[m % WEEK_MINUTES] ?? 0) + value;
  }
}

/** Members on shift in each minute of the week: the sum of the shifts on then. */
export function capacityByMinute(schedule: Shift[]): Int32Array {
  const minutes = new Int32Array(WEEK_MINUTES);
  for (const shift of schedule) paint(minutes, shift.days, shift.start, shift.end, shift.capacity);
  return minutes;
}

/** An arrival profile as a weight per minute of the week, scaled so that its mean is 1; null without one. */
export function arrivalWeightByMinute(profile: ArrivalWindow[] | undefined): Float64Array | null {
  if (!profile || profile.length === 0) return null;
  const weights = new Float64Array(WEEK_MINUTES);
  for (const w of profile) paint(weights, w.days, w.start, w.end, w.weight);
  const mean = weights.reduce((a, b) => a + b, 0) / WEEK_MINUTES;
  for (let m = 0; m < WEEK_MINUTES; m++) weights[m] = (weights[m] ?? 0) / mean;
  return weights;
}
