/**
 * Staff per hour of the week as shift schedules and back. The shifts a model holds are blocks of
 * a day with a headcount; an hourly plan is written as the fewest such blocks: a day's run of
 * hours with the same headcount is one block, and blocks alike on several days share one entry.
 */
import type { Shift } from '../../model/model.js';
import { WEEKDAYS } from '../../model/schema.js';
import { HOURS_PER_WEEK } from '../run.js';

/** A shift as the model's YAML writes it. */
export interface ShiftText {
  days: string;
  hours: string;
  capacity: number;
}

const clock = (h: number) => `${String(h).padStart(2, '0')}:00`;

/** Hourly headcounts (168) as shifts, in the model's own notation; hours with nobody are left out. */
export function scheduleOf(staff: ArrayLike<number>): ShiftText[] {
  const blocks = new Map<string, { start: number; end: number; capacity: number; days: number[] }>();
  for (let day = 0; day < 7; day++) {
    for (let h = 0; h < 24; ) {
      const capacity = staff[day * 24 + h] as number;
      let end = h + 1;
      while (end < 24 && staff[day * 24 + end] === capacity) end++;
      if (capacity > 0) {
        const key = `${h}-${end}-${capacity}`;
        const block = blocks.get(key) ?? { start: h, end, capacity, days: [] };
        block.days.push(day);
        blocks.set(key, block);
      }
      h = end;
    }
  }
  return [...blocks.values()]
    .sort((a, b) => (a.days[0] as number) - (b.days[0] as number) || a.start - b.start)
    .map((b) => ({
      days: dayText(b.days),
      hours: `${clock(b.start)}-${clock(b.end)}`,
      capacity: b.capacity,
    }));
}

/** Days as ranges where they run on: [0, 1, 2, 4] is "mon-wed,fri". */
function dayText(days: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < days.length; ) {
    let j = i;
    while (j + 1 < days.length && days[j + 1] === (days[j] as number) + 1) j++;
    const from = WEEKDAYS[days[i] as number] as string;
    parts.push(j > i + 1 ? `${from}-${WEEKDAYS[days[j] as number]}` : from);
    if (j === i + 1) parts.push(WEEKDAYS[days[j] as number] as string);
    i = j + 1;
  }
  return parts.join(',');
}

/** A pool's headcount in each hour of the week: its shifts averaged over the hour, or its fixed capacity. */
export function hourlyStaff(pool: { capacity: number; schedule?: Shift[] | undefined }): Float64Array {
  const hours = new Float64Array(HOURS_PER_WEEK);
  if (!pool.schedule || pool.schedule.length === 0) return hours.fill(pool.capacity);
  for (const shift of pool.schedule) {
    for (const day of shift.days) {
      const end = shift.end > shift.start ? shift.end : shift.end + 1440;
      for (let m = day * 1440 + shift.start; m < day * 1440 + end; m++) {
        const h = Math.floor(m / 60) % HOURS_PER_WEEK;
        hours[h] = (hours[h] as number) + shift.capacity / 60;
      }
    }
  }
  return hours;
}

/** Hourly headcounts as the model's parsed shifts (minutes), for simulating them directly. */
export function shiftsOf(staff: ArrayLike<number>): Shift[] {
  return scheduleOf(staff).map((s) => {
    const [from, to] = s.hours.split('-').map((t) => Number(t.slice(0, 2)) * 60) as [number, number];
    const days = s.days.split(',').flatMap((part) => {
      const [a, b] = part.split('-').map((d) => WEEKDAYS.indexOf(d as (typeof WEEKDAYS)[number])) as [
        number,
        number | undefined,
      ];
      return b === undefined ? [a] : Array.from({ length: b - a + 1 }, (_, k) => a + k);
    });
    return { days, start: from, end: to, capacity: s.capacity };
  });
}
