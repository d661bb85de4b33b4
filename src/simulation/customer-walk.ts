/**
 * A customer's walk through the flow in a replication: they arrive, go from step to step and
 * end, drawing their own numbers, with their counts, feelings and waits on their row and their
 * sums in the tally when they end. Steps a customer does alone are taken at once, ahead of the
 * clock (see enter); a step at a pool is the replication's (replication.ts, `ready`), which this
 * walk hands the customer to, at once or by the calendar at the customer's own time.
 */
import { Arrivals } from './arrivals.js';
import { Calendar } from './calendar.js';
import { type CompiledModel, ONE_OF_MANY } from './compile.js';
import { CustomerDraws } from './customer-draws.js';
import { CustomerRows } from './customer-rows.js';
import { CustomerTally } from './customer-tally.js';
import { drainSpan } from './drain.js';
import { InJourney } from './in-journey.js';
import { onePath } from './one-path.js';
import { replicationSeed } from './random.js';
import type { RunOptions, StepTrace } from './run.js';
import type { Sampler } from './sampler.js';
import { WaitSeries } from './wait-series.js';

/** A step's planned wait, if it has one. */
type Wait = Sampler | null | undefined;

/** The kinds of event on the calendar. */
export const EVENTS = { ARRIVAL: 0, READY: 1, DONE: 2, ABANDON: 3, SHIFT: 4 } as const;
// Imported constants are read through a module cell, checked, at every use in optimized code;
// local copies are folded in.
const { ARRIVAL, READY, DONE } = EVENTS;
const MANY = ONE_OF_MANY;

export abstract class CustomerWalk {
  protected readonly horizon: number;
  protected readonly warmup: number;
  protected readonly trace: StepTrace | undefined;
  protected readonly drainLimit: number;
  // Arrivals come from one stream per segment (arrivals.ts); every other draw is the customer's own.
  protected readonly draws: CustomerDraws;
  private readonly arrivalNumber: Int32Array;
  private readonly arrivalTimes: Arrivals;
  protected readonly rows: CustomerRows;
  protected readonly tally: CustomerTally;
  protected readonly waitSeries = new WaitSeries();
  protected readonly calendar: Calendar;
  protected readonly inJourney: InJourney;
  /** Whether every customer of a segment takes the same path (one-path.ts): their counts are then the segment's first's. */
  private readonly onePath: boolean;
  protected events = 0;
  protected arrivals = 0;

  constructor(
    protected readonly m: CompiledModel,
    options: RunOptions,
  ) {
    const seed = replicationSeed(options.seed, options.replication);
    this.horizon = options.horizon;
    this.warmup = options.warmup;
    this.trace = options.trace;
    this.drainLimit = this.horizon + drainSpan(m);
    this.draws = new CustomerDraws(m, seed);
    this.arrivalNumber = new Int32Array(m.segments);
    this.arrivalTimes = new Arrivals(m, seed, this.horizon);
    this.inJourney = new InJourney(this.warmup, this.horizon);
    // Owners are kept only where a pool has them: a row's owners are zeroed for every new customer.
    this.rows = new CustomerRows(m.dedicated.includes(1) ? m.poolIds.length : 0);
    this.tally = new CustomerTally(m.segments, m.steps, m.endIds.length);
    this.onePath = onePath(m);
    this.calendar = new Calendar(m.segments, ARRIVAL);
  }

  /** Customer c is ready for their step now, at the clock's time: at a pool, the replication's to serve. */
  protected abstract ready(c: number): void;

  protected counted(t: number): boolean {
    // Both compared at every call: compared only past the warm-up, the horizon was first read
    // when the warm-up ended, which threw away the simulator compiled in the warm-up for it.
    const started = t >= this.warmup;
    const before = t < this.horizon;
    return started && before;
  }

  protected nextArrival(s: number, now: number): void {
    const t = this.arrivalTimes.next(s, now);
    if (t < this.horizon) this.calendar.pushLane(s, t);
  }

  /** A customer of segment s arrives. */
  protected arrive(s: number, now: number): void {
    const rows = this.rows;
    const c = rows.add();
    const serial = this.arrivals++;
    rows.seg[c] = s;
    rows.arrival[c] = now;
    rows.serial[c] = serial;
    this.waitSeries.arrive(serial, now);
    const number = this.arrivalNumber[s] as number;
    this.arrivalNumber[s] = number + 1;
    const key = this.draws.customerKey(s, number);
    rows.key[c] = key;
    this.nextArrival(s, now);
    this.enter(c, this.draws.start(key, s), now);
  }

  protected finish(c: number, end: number, now: number): void {
    const rows = this.rows;
    const t0 = rows.arrival[c] as number;
    this.waitSeries.add(rows.serial[c] as number, rows.waits[c * 2] as number);
    if (this.counted(t0)) {
      const success = this.m.endSuccess[end] === 1;
      if (this.onePath) this.tally.alike(rows, c, end, success, now - t0);
      else this.tally.customer(rows, c, end, success, now - t0);
    }
    this.inJourney.leave(t0, now);
    rows.remove(c);
  }

  /**
   * Customer c goes to a step (target >= 0) or an end (-1 - target) at `from` (the clock's time,
   * or later for a customer ahead of it), and on through the steps they do alone. Nothing another
   * customer does can change such a step (no pool, draws of their own), so it is done at once,
   * ahead of the clock, where the calendar would have held a ready and a done event for it: only
   * a step at a pool, which must wait its turn among the others, goes back to the calendar, at the
   * customer's own time. Traced runs keep the calendar for every step (the trace is told of a step
   * as the calendar takes its done), which lets a test hold the two ways side by side; so does a
   * time past the drain's end, which the run never takes.
   */
  protected enter(c: number, target: number, from: number): void {
    if (target < 0) {
      this.finish(c, -1 - target, from);
      return;
    }
    const { m, rows } = this;
    this.arriveAt(c, target);
    let t = from;
    const wait = m.wait[target];
    if (wait) t += this.plannedWait(c, rows.key[c] as number, target, rows.steps[c] as number);
    if (this.trace !== undefined || (m.pool[target] as number) >= 0 || t > this.drainLimit)
      this.stop(c, target, t, wait);
    else this.walkAlone(c, target, t, wait);
  }

  /**
   * Customer c does `step`, which they reached at `reached`, alone, and goes on through the steps
   * after it until one at a pool, an end or the drain's end. Their row's steps and effort, which
   * every step changes, are held here and put back where the walk stops: read and written in the
   * row at every step, each was a bounds check and a load or a store (order-departments: 3% of a
   * customer's instructions). A function of its own, so that `enter`, which every customer takes
   * and most leave at once for a pool or an end, stays small enough for V8 to inline (under 460
   * bytes of bytecode: with this loop in it, it was 727, and M/M/1 took 2% more instructions).
   */
  private walkAlone(c: number, step: number, reached: number, waited: Wait): void {
    const { m, rows, draws } = this;
    const limit = this.drainLimit;
    const key = rows.key[c] as number;
    const seg = rows.seg[c] as number;
    const visits = this.counted(rows.arrival[c] as number);
    let steps = rows.steps[c] as number;
    let effort = rows.feel[c * 3] as number;
    let target = step;
    // `+`: a parameter may be anything to V8, and `t`, which starts as it, was kept boxed
    // through the loop, a new number for every step (order-departments: 112 bytes a customer).
    let t = +reached;
    let wait = waited;
    for (;;) {
      // Counted as the calendar would have counted them: the ready after a wait, and the done.
      if (wait) this.events++;
      this.contactsAt(c, target);
      const end = t + draws.duration(key, target, steps);
      if (end > limit) {
        this.hold(c, steps, effort);
        rows.at[c] = target;
        this.calendar.push(end, DONE, c);
        return;
      }
      this.events++;
      const failed = draws.fails(key, target, steps);
      if (failed) rows.failures[c] = (rows.failures[c] as number) + 1;
      target = draws.next(failed ? m.fail : m.next, seg * m.steps + target, key, target, steps);
      t = end;
      if (target < 0) {
        this.hold(c, steps, effort);
        this.finish(c, -1 - target, t);
        return;
      }
      steps++;
      effort += m.effort[target] as number;
      if (m.hasEmotion[target]) this.feel(c, target);
      if (visits) this.tally.visit(seg, target);
      wait = m.wait[target];
      if (wait) t += this.plannedWait(c, key, target, steps);
      if ((m.pool[target] as number) >= 0 || t > limit) {
        this.hold(c, steps, effort);
        this.stop(c, target, t, wait);
        return;
      }
    }
  }

  /** Customer c's planned wait before `step`, on their `visit`th step: drawn, and added to their row. */
  private plannedWait(c: number, key: number, step: number, visit: number): number {
    const w = this.draws.wait(key, step, visit);
    const waits = this.rows.waits;
    waits[c * 2 + 1] = (waits[c * 2 + 1] as number) + w;
    return w;
  }

  /** Customer c stops at `step` at `t`: ready for it now, or on the calendar at their own time. */
  private stop(c: number, step: number, t: number, wait: Wait): void {
    this.rows.at[c] = step;
    if (t === this.calendar.time) this.ready(c);
    else {
      // Ahead of the clock and with no wait, this ready takes the place of the last step's done.
      if (!wait) this.events--;
      this.calendar.push(t, READY, c);
    }
  }

  /** Customer c is at a step: their count of steps and visits, and the step's effort and emotion. */
  private arriveAt(c: number, step: number): void {
    const { m, rows } = this;
    rows.steps[c] = (rows.steps[c] as number) + 1;
    if (this.counted(rows.arrival[c] as number)) this.tally.visit(rows.seg[c] as number, step);
    rows.feel[c * 3] = (rows.feel[c * 3] as number) + (m.effort[step] as number);
    if (m.hasEmotion[step]) this.feel(c, step);
  }

  /** Customer c's steps and effort so far, into their row. */
  private hold(c: number, steps: number, effort: number): void {
    const rows = this.rows;
    rows.steps[c] = steps;
    rows.feel[c * 3] = effort;
  }

  /** Customer c feels `step`'s emotion. */
  private feel(c: number, step: number): void {
    const feel = this.rows.feel;
    feel[c * 3 + 1] = (feel[c * 3 + 1] as number) + (this.m.emotion[step] as number);
    feel[c * 3 + 2] = (feel[c * 3 + 2] as number) + 1;
  }

  /** Customer c, ready for `step` now: their contacts and calls, and when, for a trace. */
  protected count(c: number, step: number): void {
    this.contactsAt(c, step);
    if (this.trace !== undefined) this.rows.readyAt[c] = this.calendar.time;
  }

  /** Customer c's contacts and calls at `step`. */
  private contactsAt(c: number, step: number): void {
    const { m, rows } = this;
    if (m.contact[step]) rows.contacts[c] = (rows.contacts[c] as number) + 1;
    if (m.call[step]) rows.calls[c] = (rows.calls[c] as number) + 1;
  }

  /** Where customer c goes after `step`: they fail it or not, and take a branch. */
  protected nextTarget(c: number, step: number): number {
    const { m, rows } = this;
    const row = (rows.seg[c] as number) * m.steps + step;
    // A step no one fails with one way on, which draws nothing: its way, without the customer's key.
    if ((m.failP[step] as number) === 0) {
      const only = m.next.only[row] as number;
      if (only !== MANY) return only;
    }
    const key = rows.key[c] as number;
    const visit = rows.steps[c] as number;
    const failed = this.draws.fails(key, step, visit);
    if (failed) rows.failures[c] = (rows.failures[c] as number) + 1;
    return this.draws.next(failed ? m.fail : m.next, row, key, step, visit);
  }
}
