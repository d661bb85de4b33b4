/**
 * After the horizon no one new arrives, and the run goes on until the customers already in the
 * journey have finished it, so that every customer counted is followed to the end. It cannot go
 * on for ever: a queue no one staffs never empties. The drain lasts 60 days, or twenty times the
 * longest step or wait of the model on average when that is longer (a 90-day wait for a decision
 * once cut a fifth of the customers off, unsaid, and with them the ends they were headed for).
 * Whoever is still in the journey then is reported, never dropped in silence.
 */
import { formatDuration } from '../model/units.js';
import { grouped } from '../text/grouped.js';
import type { CompiledModel } from './compile.js';
import type { RunResult } from './run.js';
import { durationOption, type RunWarning } from './run-warnings.js';

/** The shortest drain: longer than any queue of a staffed pool takes to empty. */
export const LEAST_DRAIN = 60 * 86400;
/** Times the longest mean step or wait: the chance an exponential time outlasts it is e^-20. */
const LONGEST_STEP_TIMES = 20;

/** The longest step or wait of the model, on average, in seconds. */
export function longestStep(m: CompiledModel): number {
  let longest = 0;
  for (const d of m.duration) longest = Math.max(longest, d.mean);
  for (const w of m.wait) if (w) longest = Math.max(longest, w.mean);
  return longest;
}

/** Seconds the run goes on after the horizon. */
export function drainSpan(m: CompiledModel): number {
  return Math.max(LEAST_DRAIN, LONGEST_STEP_TIMES * longestStep(m));
}

/** An option's duration in words: "1095d" as "1,095 days", the figure the option gives. */
const spoken = (option: string) =>
  option.replace(/^(\d+)(min|h|d)$/, (_, n: string, unit: string) => {
    const count = grouped(Number(n));
    return unit === 'd' ? `${count} days` : `${count} ${unit}`;
  });

const share = (x: number) => `${Number((x * 100).toPrecision(2))}%`;

/** Customers still in the journey when the drain ended, left out of every KPI. */
export function unfinishedWarnings(m: CompiledModel, results: RunResult[]): RunWarning[] {
  const unfinished = results.reduce((s, r) => s + r.unfinished, 0);
  if (unfinished === 0) return [];
  const arrived = results.reduce((s, r) => s + r.arrivals, 0);
  const perRun = unfinished / results.length;
  return [
    {
      kind: 'unfinished',
      message: `${Number(perRun.toPrecision(3))} customers a replication (${share(unfinished / Math.max(1, arrived))} of those who arrived) were still in the journey ${formatDuration(drainSpan(m))} after the horizon, when the run stopped; they are left out of every KPI, and with them the longest journeys and the ends they were headed for. A queue that never empties (a pool with no one on shift for weeks, or overloaded with nobody giving up) or a journey longer than that keeps them; check the pools' shifts and the longest steps and waits.`,
      remedies: [],
    },
  ];
}

/**
 * A journey longer than the part of the run that is counted: the customers counted are followed
 * to the end, but the number in the journey, the pools' occupancy and the hours' contact figures
 * are still growing within the window, and Little's law does not hold in it.
 */
export function journeyLongerThanRunWarnings(
  m: CompiledModel,
  timeInJourney: number,
  horizon: number,
  warmup: number,
): RunWarning[] {
  const window = horizon - warmup;
  if (!(timeInJourney > window / 2)) return [];
  // The number in the journey settles once the longest steps have turned over a few times.
  const warm = Math.max(warmup, 2 * timeInJourney, 3 * longestStep(m));
  const longer = warm + Math.max(window, 4 * timeInJourney);
  const [warmOption, longerOption] = [durationOption(warm), durationOption(longer)];
  return [
    {
      kind: 'run-too-short',
      message: `Customers spend ${formatDuration(timeInJourney)} in the journey on average, more than half of the ${formatDuration(window)} counted after the warm-up: the number in the journey, the pools' occupancy and the contact figures by hour were still growing when the run ended. The figures per customer hold; for the others run with a warm-up of ${spoken(warmOption)} and a horizon of ${spoken(longerOption)}.`,
      remedies: [{ warmup: warmOption, horizon: longerOption }],
    },
  ];
}
