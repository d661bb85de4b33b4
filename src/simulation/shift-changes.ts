/**
 * The pools' weekly shift patterns laid out over a run: every change of capacity from time 0 to
 * the run's end (shifts go on after the horizon, while the customers already in the journey
 * finish), and when a closed line next opens.
 */
import type { CompiledModel } from './compile.js';

const WEEK = 604800;

export interface ShiftChanges {
  /** Per change, in time order within each pool: when, which pool, the capacity from then on. */
  at: number[];
  pool: number[];
  capacity: number[];
}

/** Every change after time 0 and before `end`; a pool's capacity at time 0 is its pattern's first. */
export function shiftChanges(m: CompiledModel, end: number): ShiftChanges {
  const changes: ShiftChanges = { at: [], pool: [], capacity: [] };
  m.shifts.forEach((shifts, p) => {
    for (let week = 0; week * WEEK < end; week++) {
      for (let k = 0; k < shifts.at.length; k++) {
        const t = week * WEEK + (shifts.at[k] ?? 0);
        if (t === 0 || t >= end) continue;
        changes.at.push(t);
        changes.pool.push(p);
        changes.capacity.push(shifts.capacity[k] ?? 0);
      }
    }
  });
  return changes;
}

/** When a pool with this weekly pattern next has anyone on shift after `now`. */
export function nextOpening(shifts: CompiledModel['shifts'][number], now: number): number {
  const week = Math.floor(now / WEEK) * WEEK;
  for (let w = 0; w < 3; w++) {
    for (let k = 0; k < shifts.at.length; k++) {
      const t = week + w * WEEK + (shifts.at[k] as number);
      if (t > now && (shifts.capacity[k] as number) > 0) return t;
    }
  }
  return now + WEEK;
}
