/**
 * One replication of a compiled model: what it is given and what it gives back. The events
 * themselves, and runReplication, are replication.ts's.
 */

import type { WaitSeriesData } from './wait-series.js';

export interface RunOptions {
  /** Seconds of arrivals. */
  horizon: number;
  /** Seconds at the start whose arrivals are not counted. */
  warmup: number;
  seed: number;
  replication: number;
  /** Told of every step a customer reaches, as an interaction log would record it. */
  trace?: StepTrace;
}

/**
 * A customer (numbered by arrival, from 0) reached a step at `at` (seconds): after any planned
 * wait, when the contact is made, whether or not it is then served; `abandoned` when the customer
 * gave up in the step's queue. Called when the visit is over, so not in time order.
 */
export type StepTrace = (
  customer: number,
  segment: number,
  step: number,
  at: number,
  abandoned: boolean,
) => void;

export { CONTACT_SUMS, HOURS_PER_WEEK } from './contact-sums.js';
export { CUSTOMER_SUMS } from './customer-tally.js';

export interface RunResult {
  /** [segment][sum] for CUSTOMER_SUMS. */
  sums: Float64Array;
  /** [segment][end] customers ending there. */
  ends: Float64Array;
  /** [segment][step] visits by the customers counted (each time they reach the step). */
  visits: Float64Array;
  /** [segment][cell] customers counted, by failures, queue abandonment and score (see outcomes.ts). */
  outcomes: Float64Array;
  /**
   * Per pool: busy server-seconds, available server-seconds, abandonments, in [warmup, horizon).
   * (Its queue entries are the contact sums' `entries`, summed over the week: poolContactSums.)
   */
  busy: Float64Array;
  available: Float64Array;
  abandons: Float64Array;
  /**
   * [pool][hour of the week][CONTACT_SUMS]: queue entries in [warmup, horizon) counted by the hour
   * they entered (their answer or abandonment with them), busy and staffed member-seconds by the hour they fell in.
   */
  contact: Float64Array;
  /** Time-average number of customers in the journey over [warmup, horizon), for Little's law. */
  inSystem: number;
  window: number;
  events: number;
  arrivals: number;
  /** Customers still in the journey when the run stopped (the drain after the horizon over: drain.ts). */
  unfinished: number;
  /** Every customer's queue wait in arrival order, warm-up included, for judging the warm-up. */
  waitSeries: WaitSeriesData;
}
