/**
 * One replication under way: its clock, calendar, customers, pools and sums, and what each kind of
 * event does to them. Customers of each segment arrive, walk the flow, wait where the model says,
 * queue for staffed pools (FIFO or by segment priority, a dedicated owner where the pool has
 * one), give up when their patience runs out, fail and go where failures lead, and end. Pools
 * follow their weekly shifts. Arrivals stop at the horizon and the customers already in the
 * journey finish it, so every customer who arrived after the warm-up is counted whole. Only the
 * pools bring customers together: a step done alone is taken at once, ahead of the clock (see
 * enter), as is a pool's answer where the pool serves first come first served and is always open
 * (see takeTurn); the calendar holds only what must wait its turn.
 *
 * The hot path works on typed arrays (customers are rows, reused through a free list) and on
 * the compiled tables; it makes no object per event once the arrays have grown. V8 itself boxes
 * a number passed to or returned from a function it has not inlined, or merged with a value whose
 * type it does not know: so the handlers read the clock rather than take it, and a few values are
 * given a number's type where they start. M/M/1 allocates 3 bytes a customer, the departments
 * example about 120 (bench/allocations-by-function.mjs shows where), all collected young.
 */
import type { CompiledModel } from './compile.js';
import { HOURS_PER_WEEK } from './contact-sums.js';
import { ContactTally } from './contact-tally.js';
import { CustomerWalk, EVENTS } from './customer-walk.js';
import { FreeServers, servedInTurn } from './free-servers.js';
import { PoolTime } from './pool-time.js';
import { Pools } from './pools.js';
import type { RunOptions, RunResult } from './run.js';
import { nextOpening, type ShiftChanges, shiftChanges } from './shift-changes.js';

// Imported constants are read through a module cell, checked, at every use in optimized code;
// local copies are folded in.
const WEEK = HOURS_PER_WEEK;
const { ARRIVAL, READY, DONE, ABANDON, SHIFT } = EVENTS;

export class Replication extends CustomerWalk {
  private readonly pools: Pools;
  private readonly shifts: ShiftChanges;
  // Results.
  private readonly abandons: Float64Array;
  private readonly contact: ContactTally;
  /** Per pool: 1 when it is served in turn (free-servers.ts), and when its members are next free. */
  private readonly inTurn: Uint8Array;
  private readonly free: FreeServers;
  private readonly poolTime: PoolTime;
  // The hour of the week under way and when it ends, moved on as the clock passes hours (events
  // come in time order), so that no queue entry divides to find its hour.
  private hour = 0;
  private hourEnd = 3600;

  constructor(m: CompiledModel, options: RunOptions) {
    super(m, options);
    const P = m.poolIds.length;
    this.pools = new Pools(m, this.rows);
    this.abandons = new Float64Array(P);
    this.contact = new ContactTally(P, m.serviceWithin);
    // Traced runs serve every pool through the calendar, for the trace and for a test to compare.
    this.inTurn = Uint8Array.from(m.poolIds, (_, p) =>
      this.trace === undefined && servedInTurn(m, p) ? 1 : 0,
    );
    this.free = new FreeServers(m);
    this.poolTime = new PoolTime(
      this.pools.busy,
      this.pools.cap,
      this.contact.sums,
      this.warmup,
      this.horizon,
    );
    // Every shift change to the end of the run, and the first arrivals.
    this.shifts = shiftChanges(m, this.drainLimit);
    for (let k = 0; k < this.shifts.at.length; k++) this.calendar.push(this.shifts.at[k] as number, SHIFT, k);
    for (let s = 0; s < m.segments; s++) if (m.interarrival[s]) this.nextArrival(s, 0);
  }

  /**
   * Runs the events to the end (the calendar empty, or the drain past the horizon over: drain.ts).
   * The results are the caller's to take (`result`): a call here at the loop's end, first made at
   * the end of the first replication, threw the loop's compiled code away for it.
   */
  run(): void {
    const calendar = this.calendar;
    while (calendar.pop()) {
      const now = calendar.time;
      if (now > this.drainLimit) break;
      while (now >= this.hourEnd) {
        this.hourEnd += 3600;
        this.hour = this.hour + 1 === WEEK ? 0 : this.hour + 1;
      }
      this.events++;
      const type = calendar.type;
      const subject = calendar.subject;
      // The handlers read the clock (calendar.time) rather than take it: a time passed to a
      // function V8 has not inlined is boxed, a new number for every event.
      if (type === ARRIVAL) this.arrive(subject, now);
      else if (type === READY) this.ready(subject);
      else if (type === DONE) this.done(subject);
      else if (type === ABANDON) this.abandon(subject);
      else this.shiftChange(subject);
    }
  }

  result(): RunResult {
    const { horizon, warmup, tally, poolTime, rows, inJourney } = this;
    poolTime.settleAll(horizon);
    tally.close();
    const still = rows.inUse();
    return {
      sums: tally.sums,
      ends: tally.ends,
      visits: tally.visits,
      outcomes: tally.outcomes,
      busy: poolTime.busyArea(),
      available: poolTime.capArea(),
      abandons: this.abandons,
      contact: this.contact.sums,
      inSystem: inJourney.mean(still.map((c) => rows.arrival[c] as number)),
      window: horizon - warmup,
      events: this.events,
      arrivals: this.arrivals,
      unfinished: still.length,
      waitSeries: this.waitSeries.data(),
    };
  }

  /** Customer c's step is done at its time. */
  private scheduleDone(c: number, now: number): void {
    const rows = this.rows;
    const step = rows.at[c] as number;
    this.calendar.push(
      now + this.draws.duration(rows.key[c] as number, step, rows.steps[c] as number),
      DONE,
      c,
    );
  }

  /** Member `who` (or any, -1) of pool p starts with customer c. */
  private serve(c: number, p: number, who: number, now: number): void {
    const { rows, pools } = this;
    this.poolTime.settle(p, now);
    pools.busy[p] = (pools.busy[p] as number) + 1;
    if (who >= 0) (pools.memberBusy[p] as Uint8Array)[who] = 1;
    rows.member[c] = who;
    const entered = rows.queueEnter[c] as number;
    rows.waits[c * 2] = (rows.waits[c * 2] as number) + (now - entered);
    if (this.counted(entered)) this.contact.answer(p, rows.queueHour[c] as number, now - entered);
    this.scheduleDone(c, now);
  }

  /** Customer c is ready for their step: done by themselves, or in a pool's queue, or served at once. */
  protected ready(c: number): void {
    const { m, rows, pools } = this;
    const now = this.calendar.time;
    const step = rows.at[c] as number;
    const p = m.pool[step] as number;
    this.count(c, step);
    if (p < 0) {
      this.scheduleDone(c, now);
      return;
    }
    if ((pools.cap[p] as number) === 0 && (m.shifts[p]?.at.length ?? 0) > 0) {
      this.comeBack(c, step, p, now);
      return;
    }
    if (this.counted(now)) this.contact.entry(p, this.hour);
    if (this.inTurn[p]) {
      this.takeTurn(c, step, p);
      return;
    }
    // Served in turn, a customer is answered or gives up at once: only a queue here keeps when they came.
    rows.queueEnter[c] = now;
    rows.queueHour[c] = this.hour;
    if (m.dedicated[p]) {
      const who = pools.owner(c, p) - 1;
      if (!(pools.memberBusy[p] as Uint8Array)[who] && who < (pools.cap[p] as number))
        this.serve(c, p, who, now);
      else this.enqueue(c, p, who, now);
      return;
    }
    if ((pools.busy[p] as number) < (pools.cap[p] as number)) this.serve(c, p, -1, now);
    else this.enqueue(c, p, -1, now);
  }

  /**
   * Customer c, at pool p's queue at `now`, served in turn (free-servers.ts): when they start is
   * known now, so their answer or their giving up is taken at once, and they go on from then,
   * ahead of the clock. The events the calendar would have held for them are counted as it would
   * have counted them: the done, and the patience's end (even once served); whatever falls past
   * the drain's end, which the run never takes, leaves them in the queue, as it would have.
   * They came at the clock's time, as every customer `ready` takes.
   */
  private takeTurn(c: number, step: number, p: number): void {
    const { m, rows } = this;
    const now = this.calendar.time;
    const key = rows.key[c] as number;
    const visit = rows.steps[c] as number;
    const earliest = this.free.earliest(p);
    const start = earliest > now ? earliest : now;
    if (start > now) {
      const patience = m.segmentPatience[rows.seg[c] as number] ?? m.poolPatience[p];
      const give = patience ? now + this.draws.patience(patience, key, p, visit) : Number.POSITIVE_INFINITY;
      if (give <= this.drainLimit) this.events++;
      if (give < start) {
        if (give > this.drainLimit) return;
        rows.abandoned[c] = (rows.abandoned[c] as number) + 1;
        rows.waits[c * 2] = (rows.waits[c * 2] as number) + (give - now);
        if (this.counted(give)) this.abandons[p] = (this.abandons[p] as number) + 1;
        if (this.counted(now)) this.contact.giveUp(p, this.hour);
        this.enter(c, m.abandonTarget[p] as number, give);
        return;
      }
      if (start > this.drainLimit) return;
    }
    const end = start + this.draws.duration(key, step, visit);
    this.free.take(p, end);
    this.poolTime.addBusy(p, start, end, this.hour, this.hourEnd);
    rows.waits[c * 2] = (rows.waits[c * 2] as number) + (start - now);
    if (this.counted(now)) this.contact.answer(p, this.hour, start - now);
    if (end > this.drainLimit) return;
    this.events++;
    // A journey's end taken here, not through enter: enter's calls are shared by every way into it,
    // and a walk that ends after its pool step (a queue's) spent V8's inlining budget on the next
    // step's (ready, its tallies) before its end, which was left a call.
    const next = this.nextTarget(c, step);
    if (next < 0) this.finish(c, -1 - next, end);
    else this.enter(c, next, end);
  }

  /** The line is closed: the customer comes back within a quarter of an hour of its opening. */
  private comeBack(c: number, step: number, p: number, now: number): void {
    const { m, rows } = this;
    const later = 900 * this.draws.callBack(rows.key[c] as number, p, rows.steps[c] as number);
    const back = nextOpening(m.shifts[p] as CompiledModel['shifts'][number], now) + later - now;
    if (m.contact[step]) rows.contacts[c] = (rows.contacts[c] as number) - 1;
    if (m.call[step]) rows.calls[c] = (rows.calls[c] as number) - 1;
    rows.waits[c * 2 + 1] = (rows.waits[c * 2 + 1] as number) + back;
    this.calendar.push(now + back, READY, c);
  }

  /** Customer c waits at pool p (for member `who` of a dedicated pool, or any: -1), with their patience. */
  private enqueue(c: number, p: number, who: number, now: number): void {
    const { m, rows } = this;
    this.pools.join(c, p, who);
    const patience = m.segmentPatience[rows.seg[c] as number] ?? m.poolPatience[p];
    if (!patience) {
      // The patience of an earlier queue (or of this row's last customer) may still be on the
      // calendar: it must not match this wait, which has none.
      rows.abandonAt[c] = Number.NaN;
      return;
    }
    const give = now + this.draws.patience(patience, rows.key[c] as number, p, rows.steps[c] as number);
    rows.abandonAt[c] = give;
    this.calendar.push(give, ABANDON, c);
  }

  /** A server of pool p is free: serve whoever waits, by class, or the member's own queue. */
  private release(p: number, now: number): void {
    const pools = this.pools;
    if (this.m.dedicated[p]) {
      for (let who = 0; who < (pools.cap[p] as number); who++) {
        if ((pools.memberBusy[p] as Uint8Array)[who]) continue;
        const c = pools.nextFor(p, who);
        if (c >= 0) this.serve(c, p, who, now);
      }
      return;
    }
    while ((pools.busy[p] as number) < (pools.cap[p] as number)) {
      const c = pools.next(p);
      if (c < 0) return;
      this.serve(c, p, -1, now);
    }
  }

  /** Customer c's step is over: their member is free, and they fail or not and go on. */
  private done(c: number): void {
    const { m, rows } = this;
    const now = this.calendar.time;
    const step = rows.at[c] as number;
    const p = m.pool[step] as number;
    this.trace?.(rows.serial[c] as number, rows.seg[c] as number, step, rows.readyAt[c] as number, false);
    if (p >= 0) {
      const pools = this.pools;
      this.poolTime.settle(p, now);
      pools.busy[p] = (pools.busy[p] as number) - 1;
      const who = rows.member[c] as number;
      if (who >= 0) (pools.memberBusy[p] as Uint8Array)[who] = 0;
      this.release(p, now);
    }
    this.enter(c, this.nextTarget(c, step), now);
  }

  /** Customer c's patience runs out, if they still wait in the queue they were given it for. */
  private abandon(c: number): void {
    const rows = this.rows;
    const now = this.calendar.time;
    if (rows.queuedAt[c] === 0 || rows.abandonAt[c] !== now) return;
    const p = (rows.queuedAt[c] as number) - 1;
    rows.queuedAt[c] = 0;
    this.trace?.(
      rows.serial[c] as number,
      rows.seg[c] as number,
      rows.at[c] as number,
      rows.readyAt[c] as number,
      true,
    );
    rows.abandoned[c] = (rows.abandoned[c] as number) + 1;
    const entered = rows.queueEnter[c] as number;
    rows.waits[c * 2] = (rows.waits[c * 2] as number) + (now - entered);
    if (this.counted(now)) this.abandons[p] = (this.abandons[p] as number) + 1;
    if (this.counted(entered)) this.contact.giveUp(p, rows.queueHour[c] as number);
    this.enter(c, this.m.abandonTarget[p] as number, now);
  }

  /** Shift change k: its pool's capacity from now on. */
  private shiftChange(k: number): void {
    const p = this.shifts.pool[k] as number;
    const now = this.calendar.time;
    this.poolTime.settle(p, now);
    this.pools.cap[p] = this.shifts.capacity[k] as number;
    this.release(p, now);
  }
}

/** Replication `options.replication` of the model, from its own seed. */
export function runReplication(m: CompiledModel, options: RunOptions): RunResult {
  const replication = new Replication(m, options);
  replication.run();
  return replication.result();
}
