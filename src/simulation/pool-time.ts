/**
 * Busy and staffed member-seconds of each pool over [warmup, horizon), by hour of the week, and
 * their totals summed from the hours at the end (one sum less for every service). A pool's areas
 * change only when its busy count or capacity does, so they are integrated then, pool by pool
 * (the run calls `settle` just before it changes either), not at every event for every pool.
 * Each pool walks the hours of the week forward with its own clock, so no hour is found by
 * division.
 */
import { CONTACT_SUMS, HOURS_PER_WEEK } from './contact-sums.js';

// Imported constants are read through a module cell, checked, at every use in optimized code;
// a local copy is folded in.
const WEEK = HOURS_PER_WEEK;

const WIDTH = CONTACT_SUMS.length;
const BUSY = CONTACT_SUMS.indexOf('busy');
const STAFFED = CONTACT_SUMS.indexOf('staffed');

export class PoolTime {
  /** Per pool: the time its areas are integrated up to, the end of that time's hour, and the hour of the week. */
  private readonly from: Float64Array;
  private readonly hourEnd: Float64Array;
  private readonly hour: Int32Array;

  /**
   * `busy` and `cap` are the run's live counts per pool; `contact` its [pool][hour of the week][CONTACT_SUMS]
   * sums, whose busy and staffed cells this fills.
   */
  constructor(
    private readonly busy: Int32Array,
    private readonly cap: Int32Array,
    private readonly contact: Float64Array,
    private readonly warmup: number,
    private readonly horizon: number,
  ) {
    const pools = busy.length;
    this.from = new Float64Array(pools).fill(warmup);
    const hours = Math.floor(warmup / 3600);
    this.hourEnd = new Float64Array(pools).fill((hours + 1) * 3600);
    this.hour = new Int32Array(pools).fill(hours % WEEK);
  }

  /** Adds pool p's areas up to `now` (capped at the horizon), at its present busy count and capacity. */
  settle(p: number, now: number): void {
    const horizon = this.horizon;
    const t = now < horizon ? now : horizon;
    let from = this.from[p] as number;
    if (t <= from) return;
    const busy = this.busy[p] as number;
    const cap = this.cap[p] as number;
    let hourEnd = this.hourEnd[p] as number;
    let hour = this.hour[p] as number;
    const row = p * WEEK;
    for (;;) {
      const to = t < hourEnd ? t : hourEnd;
      const o = (row + hour) * WIDTH;
      this.contact[o + BUSY] = (this.contact[o + BUSY] as number) + busy * (to - from);
      this.contact[o + STAFFED] = (this.contact[o + STAFFED] as number) + cap * (to - from);
      if (to < hourEnd) break;
      from = to;
      hourEnd += 3600;
      hour = hour + 1 === WEEK ? 0 : hour + 1;
      if (from === t) break;
    }
    this.from[p] = t;
    this.hourEnd[p] = hourEnd;
    this.hour[p] = hour;
  }

  /**
   * A member of pool p busy from `start` to `end`, added at once: for a pool served in turn
   * (free-servers.ts), whose busy count is not kept, so that `settle` adds its staffed time alone.
   * `hour` and `hourEnd` are the clock's (no later than `start`): the hours are walked on from
   * there, by the same boundaries as settle's, with no division.
   */
  addBusy(p: number, start: number, end: number, hour: number, hourEnd: number): void {
    // The horizon read once: a second read of the field, on the branch first taken when a service
    // ends past the horizon, threw the compiled simulator away at each replication's end.
    const { warmup, horizon } = this;
    if (start >= warmup && end < horizon && end <= hourEnd) {
      // Nearly every service: counted whole, in the clock's hour.
      const o = (p * WEEK + hour) * WIDTH + BUSY;
      this.contact[o] = (this.contact[o] as number) + (end - start);
      return;
    }
    // Math.max and min, not a choice between the time and the field: a field holding a whole
    // number of seconds is tagged, and a choice between it and a double made V8 box `end` for
    // every service (16 bytes of garbage a customer) before this branch was known to be taken.
    let from = Math.max(start, warmup);
    const to = Math.min(end, horizon);
    if (to <= from) return;
    const row = p * WEEK;
    for (;;) {
      if (from < hourEnd) {
        const until = to < hourEnd ? to : hourEnd;
        const o = (row + hour) * WIDTH + BUSY;
        this.contact[o] = (this.contact[o] as number) + (until - from);
        if (until === to) return;
        from = until;
      }
      hourEnd += 3600;
      hour = hour + 1 === WEEK ? 0 : hour + 1;
    }
  }

  /** Every pool's areas up to `now`: at the end of the run. */
  settleAll(now: number): void {
    for (let p = 0; p < this.busy.length; p++) this.settle(p, now);
  }

  /** Per pool, its busy or staffed member-seconds (`BUSY` or `STAFFED`) summed over the hours of the week. */
  private total(cell: number): Float64Array {
    const pools = this.busy.length;
    const sums = new Float64Array(pools);
    for (let p = 0; p < pools; p++)
      for (let h = 0; h < WEEK; h++)
        sums[p] = (sums[p] as number) + (this.contact[(p * WEEK + h) * WIDTH + cell] as number);
    return sums;
  }

  /** Per pool, its busy member-seconds over the window. */
  busyArea(): Float64Array {
    return this.total(BUSY);
  }

  /** Per pool, its staffed member-seconds over the window. */
  capArea(): Float64Array {
    return this.total(STAFFED);
  }
}
