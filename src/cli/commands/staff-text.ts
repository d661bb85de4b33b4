/** A staffing result as `linesight staff` prints it: per pool a week grid of headcounts, cost, and what simulation changed. */
import { formatDuration } from '../../model/units.js';
import type { PoolStaffing, StaffingResult } from '../../simulation/staffing/staff.js';
import { unprovenText } from '../../simulation/staffing/unproven-text.js';
import { grouped } from '../../text/grouped.js';
import { percent } from '../../text/percent.js';
import { hourName } from '../../text/week-hour.js';

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const whole = (x: number) => grouped(Math.round(x));
const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
/**
 * A level rounded down: 79.96% against a target of 80% read "80%", as the lowest and as below
 * target. Plus a hair, as 0.29 x 1000 is 289.99999999999994 in floating point.
 */
const shortOf = (x: number) => percent(Math.floor(x * 1000 + 1e-9) / 1000);

/** Headcount per hour: a row per day, a column per hour (the hour it starts). */
function weekGrid(staff: number[]): string {
  const width = Math.max(2, ...staff.map((n) => String(n).length));
  const cell = (s: string) => s.padStart(width);
  const head = `     ${Array.from({ length: 24 }, (_, h) => cell(String(h).padStart(2, '0'))).join(' ')}`;
  const rows = DAYS.map(
    (d, day) =>
      `${d}  ${staff
        .slice(day * 24, day * 24 + 24)
        .map((n) => cell(n === 0 ? '.' : String(n)))
        .join(' ')}`,
  );
  return [head, ...rows].join('\n');
}

function listHours(hours: number[], what: (h: number) => string): string {
  const shown = hours.slice(0, 6).map((h) => `${hourName(h)} ${what(h)}`);
  return `${shown.join(', ')}${hours.length > 6 ? ` and ${hours.length - 6} more` : ''}`;
}

function poolText(p: PoolStaffing, replications: number): string {
  const lines = [
    `${p.name}: target ${percent(p.target.share)} answered in ${formatDuration(p.target.within)} (${p.method} per hour, then simulation)`,
    '',
    weekGrid(p.staff),
    '',
    `Member-hours a week: ${whole(p.memberHours.staffed)} (today ${whole(p.memberHours.today)}).`,
  ];
  if (p.cost) {
    const saved = p.cost.today - p.cost.staffed;
    lines.push(
      `Cost a week: ${p.cost.currency} ${whole(p.cost.staffed)} (today ${p.cost.currency} ${whole(p.cost.today)}; ${saved >= 0 ? `${p.cost.currency} ${whole(saved)} less` : `${p.cost.currency} ${whole(-saved)} more`}).`,
    );
  } else lines.push('Cost: the pool has no cost per hour (give it one, e.g. cost: 30 EUR/h).');
  const levels = p.serviceLevel.flatMap((x, h) => (x === null || p.staff[h] === 0 ? [] : [{ h, x }]));
  const lowest = levels.reduce((a, b) => (b.x < a.x ? b : a), levels[0] ?? { h: 0, x: Number.NaN });
  if (levels.length)
    lines.push(
      `Simulated service level: lowest ${shortOf(lowest.x)} (${hourName(lowest.h)}), over ${plural(levels.length, 'open hour')}.`,
    );
  const changed = p.staff.flatMap((n, h) => (n !== p.formula[h] ? [h] : []));
  if (changed.length)
    lines.push(
      `Simulation changed the formula's answer in ${plural(changed.length, 'hour')}: ${listHours(changed, (h) => `${p.formula[h]} to ${p.staff[h]}`)}.`,
    );
  if (p.missing.length)
    lines.push(
      `Still below target in the last check: ${listHours(p.missing, (h) => shortOf(p.serviceLevel[h] ?? 0))}; each was raised by what it lacked, not checked again (more --rounds or --replications settle it).`,
    );
  const unproven = unprovenText(p, replications);
  if (unproven) lines.push(unproven);
  return lines.join('\n');
}

export function staffingText(result: StaffingResult): string {
  const { replications, days, seed } = result.options;
  const head = `${result.model.name}: staffing at least cost, per hour of the week (checked by ${plural(result.rounds, 'simulation')} of ${replications} replications x ${days} days, seed ${seed})`;
  const pools = result.pools.map((p) => poolText(p, replications));
  const skipped = result.skipped.map((s) => `Not staffed: ${s.name}, because ${s.reason}.`);
  const verdict = result.verified
    ? 'Every open hour meets its target in the last simulation.'
    : 'Not every hour was confirmed by simulation within the rounds: see above.';
  return [head, ...pools, [...skipped, verdict, ...(result.caution ? [result.caution] : [])].join('\n')].join(
    '\n\n',
  );
}
