/**
 * The arrival rate a log shows, as a model writes it: customers after the first over the span of
 * their first events, to four significant figures, per hour, or per day or week where fewer than
 * one come an hour (a help desk's "3.235/d" reads at a glance, its "0.1348/h" does not). A log can show more than a model
 * may hold (a clickstream of two million sessions an hour, or first events stamped a millisecond
 * apart): the rate is then the most a model takes, and the caller says so.
 */
import { MAX_RATE_PER_HOUR } from '../model/units.js';
import { grouped } from '../text/grouped.js';

export interface ArrivalRate {
  /** "12.5/h" */
  rate: string;
  /** What the log shows per hour, when it is more than a model takes and `rate` is that most. */
  capped?: number;
}

/** The units a rate is written in, from the shortest: each used while the count per unit is under 1. */
const UNITS = [
  { unit: 'h', seconds: 3600 },
  { unit: 'd', seconds: 86400 },
  { unit: 'week', seconds: 604800 },
];

export function arrivalRate(customers: number, seconds: number): ArrivalRate {
  const perHour = Number(((customers - 1) / (seconds / 3600)).toPrecision(4));
  if (perHour > MAX_RATE_PER_HOUR) return { rate: `${MAX_RATE_PER_HOUR}/h`, capped: perHour };
  const per = (u: (typeof UNITS)[number]) => Number(((customers - 1) / (seconds / u.seconds)).toPrecision(4));
  const unit = UNITS.find((u) => per(u) >= 1) ?? (UNITS[UNITS.length - 1] as (typeof UNITS)[number]);
  return { rate: `${per(unit)}/${unit.unit}` };
}

/** What a capped rate means, for a note or a warning. */
export const cappedRateText = (capped: number, rate: string) =>
  `the log's customers arrive at ${grouped(capped)}/h, more than a model takes: arrivals set to ${rate}, the most there is (check the first events' times; simulating at this rate takes long)`;
