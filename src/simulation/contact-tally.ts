/**
 * The contact-center sums of a replication, per pool and hour of the week (CONTACT_SUMS): queue
 * entries, answers (on time or not, and the waits before them), waits, abandonments; the busy and
 * staffed member-seconds are PoolTime's. A queue entry is counted in the hour it began, its
 * answer or abandonment with it.
 */
import { CONTACT_SUMS, HOURS_PER_WEEK } from './contact-sums.js';

// Imported constants are read through a module cell, checked, at every use in optimized code;
// local copies are folded in.
const WEEK = HOURS_PER_WEEK;
const WIDTH = CONTACT_SUMS.length;

export class ContactTally {
  /** [pool][hour of the week][CONTACT_SUMS]. */
  readonly sums: Float64Array;

  constructor(
    pools: number,
    /** Per pool: the wait within which an answer is on time. */
    private readonly within: Float64Array,
  ) {
    this.sums = new Float64Array(pools * WEEK * WIDTH);
  }

  /** A customer joined pool p's queue in `hour`. */
  entry(p: number, hour: number): void {
    const o = (p * WEEK + hour) * WIDTH;
    this.sums[o] = (this.sums[o] as number) + 1;
  }

  /** A customer who joined pool p's queue in `hour` was answered after `wait` seconds. */
  answer(p: number, hour: number, wait: number): void {
    const sums = this.sums;
    const o = (p * WEEK + hour) * WIDTH;
    sums[o + 1] = (sums[o + 1] as number) + 1;
    if (wait <= (this.within[p] as number)) sums[o + 2] = (sums[o + 2] as number) + 1;
    sums[o + 3] = (sums[o + 3] as number) + wait;
    if (wait > 0) sums[o + 4] = (sums[o + 4] as number) + 1;
  }

  /** A customer who joined pool p's queue in `hour` gave up waiting. */
  giveUp(p: number, hour: number): void {
    const sums = this.sums;
    const o = (p * WEEK + hour) * WIDTH;
    sums[o + 4] = (sums[o + 4] as number) + 1;
    sums[o + 5] = (sums[o + 5] as number) + 1;
  }
}
