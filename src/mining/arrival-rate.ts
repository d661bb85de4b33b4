/**
 * The arrival rate a log shows, as a model writes it: customers after the first over the span of
 * their first events, per hour, to four significant figures. A log can show more than a model
 * may hold (a clickstream of two million sessions an hour, or first events stamped a millisecond
 * apart): the rate is then the most a model takes, and the caller says so.
 */
import { MAX_RATE_PER_HOUR } from '../model/units.js';

export interface ArrivalRate {
  /** "12.5/h" */
  rate: string;
  /** What the log shows per hour, when it is more than a model takes and `rate` is that most. */
  capped?: number;
}

export function arrivalRate(customers: number, seconds: number): ArrivalRate {
  const perHour = Number(((customers - 1) / (seconds / 3600)).toPrecision(4));
  return perHour > MAX_RATE_PER_HOUR
    ? { rate: `${MAX_RATE_PER_HOUR}/h`, capped: perHour }
    : { rate: `${perHour}/h` };
}

/** What a capped rate means, for a note or a warning. */
export const cappedRateText = (capped: number, rate: string) =>
  `the log's customers arrive at ${capped.toLocaleString('en')}/h, more than a model takes: arrivals set to ${rate}, the most there is (check the first events' times; simulating at this rate takes long)`;
