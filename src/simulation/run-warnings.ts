/**
 * What a run says about itself when its figures should not be taken as they are: a warm-up too
 * short for the queues to fill, a run too short to tell, a precision asked for and not reached, and
 * intervals too wide to decide on. Each says in words what to run instead and gives it as settings
 * to try, which the CLI writes as its options and the web app offers as a button.
 */
import { formatDuration } from '../model/units.js';
import type { KpiDefinition } from './kpis.js';
import type { PrecisionOutcome } from './precision.js';
import { relativeHalfWidth } from './precision.js';
import type { Estimate } from './stats.js';
import type { WarmupCheck } from './warmup-check.js';

/** Run settings to try instead, by the API's field names (durations as one types them: "8d"). */
export interface RunRemedy {
  horizon?: string;
  warmup?: string;
  replications?: number;
  /** A share of each mean, as one types it: "10%". */
  precision?: string;
  maxReplications?: number;
}

export interface RunWarning {
  kind: 'warm-up' | 'run-too-short' | 'precision-not-reached' | 'wide-intervals' | 'unfinished';
  message: string;
  /** Alternatives, each enough on its own to answer the warning. */
  remedies: RunRemedy[];
}

/** A half-width past this share of its mean is called too wide to decide on. */
export const WIDE = 0.1;

/** The KPIs a warning names; it counts the rest. */
const LISTED = 5;

const percent = (x: number) => `${Number((x * 100).toPrecision(2))}%`;

/** A duration rounded up to something one types: whole minutes, hours or days ("45min", "7h", "4d"). */
export function durationOption(seconds: number): string {
  if (seconds <= 7200) return `${Math.max(1, Math.ceil(seconds / 60))}min`;
  if (seconds <= 3 * 86400) return `${Math.ceil(seconds / 3600)}h`;
  return `${Math.ceil(seconds / 86400)}d`;
}

export function warmupWarnings(check: WarmupCheck | undefined, horizon: number): RunWarning[] {
  if (!check || !(check.biased || check.rising)) return [];
  const direction = check.bias.mean < 0 ? 'too low' : 'too high';
  const share = `${percent(Math.abs(check.bias.mean) / check.settled)} ${direction}`;
  const gap = formatDuration(Math.abs(check.bias.mean));
  const off = check.biased
    ? `the time waiting in queues comes out ${share} (${gap} a customer), and the KPIs that follow from it with it`
    : `the waits were still rising when it ended: the time waiting in queues comes out at least ${share} (${gap} a customer below the run's end), and the KPIs that follow from it with it; the replications swing too widely to say by how much more`;
  if (check.tooShort) {
    const longer = durationOption(4 * horizon);
    const warmup = durationOption(horizon);
    return [
      {
        kind: 'run-too-short',
        message: `The run is too short to say when the queues settle: MSER-5 on the customers' queue waits puts the end of the start-up at ${formatDuration(check.settlesAt)}, in the last half of the ${formatDuration(horizon)} simulated, and ${off}. Run longer, e.g. a horizon of ${formatDuration(4 * horizon)} with a warm-up of ${formatDuration(horizon)}, until this warning goes.`,
        remedies: [{ horizon: longer, warmup }],
      },
    ];
  }
  const warmup = durationOption(check.settlesAt);
  const horizonAfter = durationOption(horizon - check.warmup + check.settlesAt);
  return [
    {
      kind: 'warm-up',
      message: `The warm-up of ${formatDuration(check.warmup)} is too short: the queues were still filling until about ${formatDuration(check.settlesAt)} (MSER-5 on the customers' queue waits), so ${off}. Run with a warm-up of ${formatDuration(check.settlesAt)} or more and the horizon lengthened by as much.`,
      remedies: [{ warmup, horizon: horizonAfter }],
    },
  ];
}

export function precisionWarnings(
  outcome: PrecisionOutcome | undefined,
  kpis: KpiDefinition[],
): RunWarning[] {
  if (!outcome || outcome.reached) return [];
  const short = outcome.short.map((s) => {
    const label = kpis.find((k) => k.key === s.key)?.label ?? s.key;
    return Number.isFinite(s.relative)
      ? `${label} (± ${percent(s.relative)} of its mean)`
      : `${label} (its mean is 0, so no share of it is reached)`;
  });
  const worst = outcome.short[0]?.relative ?? 0;
  const needed = Number.isFinite(worst)
    ? Math.ceil((outcome.replications * (worst / outcome.share) ** 2) / 10) * 10
    : undefined;
  const advice =
    needed === undefined
      ? ' Judge other KPIs.'
      : ` About ${needed} replications would do, by the square-root rule, or judge fewer KPIs.`;
  return [
    {
      kind: 'precision-not-reached',
      message: `The precision asked for, ± ${percent(outcome.share)} of each mean, was not reached in ${outcome.replications} replications, the most allowed: ${short.join(', ')}.${advice}`,
      remedies: needed === undefined ? [] : [{ maxReplications: needed }],
    },
  ];
}

/** Every KPI reported for all customers whose 95% half-width is over 10% of its mean. */
export function wideIntervalWarnings(
  kpis: KpiDefinition[],
  overall: Record<string, Estimate>,
  replications: number,
): RunWarning[] {
  const wide = kpis.filter((k) => {
    const e = overall[k.key];
    return (
      e !== undefined && e.n > 1 && e.mean !== 0 && Number.isFinite(e.mean) && relativeHalfWidth(e) > WIDE
    );
  });
  if (wide.length === 0) return [];
  const worst = Math.max(...wide.map((k) => relativeHalfWidth(overall[k.key] as Estimate)));
  const needed = Math.ceil((replications * (worst / WIDE) ** 2) / 10) * 10;
  // The widest first, and a few of them: a list of twenty hides the point.
  const widest = [...wide].sort(
    (a, b) => relativeHalfWidth(overall[b.key] as Estimate) - relativeHalfWidth(overall[a.key] as Estimate),
  );
  const listed = widest.slice(0, LISTED).map((k) => `${k.label} ${k.text(overall[k.key] as Estimate)}`);
  const more = wide.length > LISTED ? ` and ${wide.length - LISTED} more` : '';
  return [
    {
      kind: 'wide-intervals',
      message: `${wide.length === 1 ? 'One KPI is' : `${wide.length} KPIs are`} known only to within more than 10% of ${wide.length === 1 ? 'its' : 'their'} mean: ${listed.join('; ')}${more}. About ${needed} replications would narrow ${wide.length === 1 ? 'it' : 'them all'} to 10%, or ask for a precision of 10%.`,
      remedies: [{ replications: needed }, { precision: '10%' }],
    },
  ];
}
