/**
 * One replication: customers of each segment arrive, walk the flow, wait where the model says,
 * queue for staffed pools (FIFO or by segment priority, a dedicated owner where the pool has
 * one), give up when their patience runs out, fail and go where failures lead, and end. Pools
 * follow their weekly shifts. Arrivals stop at the horizon and the customers already in the
 * journey finish it, so every customer who arrived after the warm-up is counted whole.
 *
 * The hot path works on typed arrays (customers are rows, reused through a free list) and on
 * the compiled tables; it allocates nothing per event once the arrays have grown.
 */

import { Arrivals } from './arrivals.js';
import { Calendar } from './calendar.js';
import type { CompiledModel, FlowTable } from './compile.js';
import { CONTACT_SUMS, HOURS_PER_WEEK } from './contact-sums.js';
import { ABANDONED, CALLS, CONTACTS, COUNTS, CustomerRows, FAILURES, STEPS } from './customer-rows.js';
import { CustomerTally } from './customer-tally.js';
import { PoolTime } from './pool-time.js';
import { hash, KeyedUniform, mix32, replicationSeed } from './random.js';
import { Ring } from './ring.js';
import { type Sampler, sample } from './sampler.js';
import { nextOpening, shiftChanges } from './shift-changes.js';
import { WaitSeries, type WaitSeriesData } from './wait-series.js';

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
  /** Per pool: busy server-seconds, available server-seconds, queue entries, abandonments, in [warmup, horizon). */
  busy: Float64Array;
  available: Float64Array;
  queued: Float64Array;
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
  /** Customers still in the journey when the run stopped (60 days after the horizon): stuck in a queue that never moves. */
  unfinished: number;
  /** Every customer's queue wait in arrival order, warm-up included, for judging the warm-up. */
  waitSeries: WaitSeriesData;
}

const ARRIVAL = 0;
const READY = 1;
const DONE = 2;
const ABANDON = 3;
const SHIFT = 4;

export function runReplication(m: CompiledModel, options: RunOptions): RunResult {
  const seed = replicationSeed(options.seed, options.replication);
  const { horizon, warmup, trace } = options;
  const S = m.segments;
  const P = m.poolIds.length;
  const E = m.endIds.length;

  // Arrivals come from one stream per segment (arrivals.ts); every other draw is the customer's own, keyed by
  // customer, place and step number (see KeyedUniform), so scenarios share them customer by customer.
  const keyed = new KeyedUniform();
  const place = (kind: string, ids: string[]) =>
    Uint32Array.from(ids.map((id) => hash(`${kind}:${id}`, seed)));
  const servicePlace = place('service', m.stepIds);
  const waitPlace = place('wait', m.stepIds);
  const branchPlace = place('branch', m.stepIds);
  const failPlace = place('fail', m.stepIds);
  const patiencePlace = place('patience', m.poolIds);
  const reopenPlace = place('reopen', m.poolIds);
  const startPlace = hash('start', seed);
  const segmentKey = place('segment', m.segmentIds);
  const arrivalNumber = new Int32Array(S);

  const rows = new CustomerRows(P);

  // Pools.
  const busy = new Int32Array(P);
  const cap = Int32Array.from(m.capacity);
  const maxCap = Int32Array.from(m.capacity);
  for (let p = 0; p < P; p++)
    for (const c of m.shifts[p]?.capacity ?? []) maxCap[p] = Math.max(maxCap[p] ?? 0, c);
  const queues: Ring[][] = m.poolIds.map((_, p) =>
    Array.from({ length: m.classes[p] ?? 1 }, () => new Ring()),
  );
  const memberBusy = m.poolIds.map((_, p) => new Uint8Array(maxCap[p] ?? 0));
  const memberQueue = m.poolIds.map((_, p) =>
    Array.from({ length: m.dedicated[p] ? (maxCap[p] ?? 0) : 0 }, () => new Ring()),
  );
  const memberLoad = m.poolIds.map((_, p) => new Int32Array(maxCap[p] ?? 0));
  let nextTicket = 1;

  // Results.
  const tally = new CustomerTally(S, m.steps, E);
  const queued = new Float64Array(P);
  const abandons = new Float64Array(P);
  const CW = CONTACT_SUMS.length;
  const contact = new Float64Array(P * HOURS_PER_WEEK * CW);
  const poolTime = new PoolTime(busy, cap, contact, warmup, horizon);
  /** Offset of pool p's sums in the hour of the week that time t falls in. */
  const slot = (p: number, hour: number) => (p * HOURS_PER_WEEK + hour) * CW;
  // The hour of the week under way and when it ends, moved on as the clock passes hours (events
  // come in time order), so that no queue entry divides to find its hour.
  let hour = 0;
  let hourEnd = 3600;
  const counted = (t: number) => t >= warmup && t < horizon;
  let inSystem = 0;
  // The area and the time it runs to, in a typed array: a double in a closure's variable is boxed on every store.
  const inSystemTime = Float64Array.of(0, warmup);
  let events = 0;
  let arrivals = 0;
  const waitSeries = new WaitSeries();

  const calendar = new Calendar();
  const drainLimit = horizon + 60 * 86400;
  // The capacity at time 0, and every shift change to the end of the run.
  for (let p = 0; p < P; p++) if ((m.shifts[p]?.at.length ?? 0) > 0) cap[p] = m.shifts[p]?.capacity[0] ?? 0;
  const shifts = shiftChanges(m, drainLimit);
  for (let k = 0; k < shifts.at.length; k++) calendar.push(shifts.at[k] as number, SHIFT, k);
  const arrivalTimes = new Arrivals(m, seed, horizon);
  const nextArrival = (s: number, now: number) => {
    const t = arrivalTimes.next(s, now);
    if (t < horizon) calendar.push(t, ARRIVAL, s);
  };
  for (let s = 0; s < S; s++) if (m.interarrival[s]) nextArrival(s, 0);

  /** The branch customer c takes from a row; a row of one branch draws nothing (the draw is the decision's own). */
  const choose = (table: FlowTable, row: number, c: number, place: number, visit: number): number => {
    const from = table.offset[row] as number;
    const to = table.offset[row + 1] as number;
    if (to - from === 1) return table.target[from] as number;
    const u = keyed.at(rows.key[c] as number, place, visit).uniform();
    for (let k = from; k < to; k++) if (u < (table.cumulative[k] as number)) return table.target[k] as number;
    return table.target[to - 1] as number;
  };

  // Customers in the journey, integrated when their number changes.
  const settleInSystem = (now: number) => {
    const t = now < horizon ? now : horizon;
    const from = inSystemTime[1] as number;
    if (t > from) {
      inSystemTime[0] = (inSystemTime[0] as number) + inSystem * (t - from);
      inSystemTime[1] = t;
    }
  };

  const finish = (c: number, end: number, now: number) => {
    const t0 = rows.arrival[c] as number;
    waitSeries.add(rows.serial[c] as number, rows.waits[c * 2] as number);
    if (t0 >= warmup && t0 < horizon) tally.customer(rows, c, end, m.endSuccess[end] === 1, now - t0);
    settleInSystem(now);
    inSystem--;
    rows.remove(c);
  };

  const enter = (c: number, target: number, now: number) => {
    if (target < 0) {
      finish(c, -1 - target, now);
      return;
    }
    rows.at[c] = target;
    const k = c * COUNTS;
    rows.counts[k + STEPS] = (rows.counts[k + STEPS] as number) + 1;
    const t0 = rows.arrival[c] as number;
    if (t0 >= warmup && t0 < horizon) tally.visit(rows.seg[c] as number, target);
    rows.feel[c * 3] = (rows.feel[c * 3] as number) + (m.effort[target] as number);
    if (m.hasEmotion[target]) {
      rows.feel[c * 3 + 1] = (rows.feel[c * 3 + 1] as number) + (m.emotion[target] as number);
      rows.feel[c * 3 + 2] = (rows.feel[c * 3 + 2] as number) + 1;
    }
    const wait = m.wait[target];
    if (wait) {
      const w = sample(
        wait,
        keyed.at(rows.key[c] as number, waitPlace[target] as number, rows.counts[k + STEPS] as number),
      );
      rows.waits[c * 2 + 1] = (rows.waits[c * 2 + 1] as number) + w;
      calendar.push(now + w, READY, c);
    } else ready(c, now);
  };

  const serve = (c: number, p: number, who: number, now: number) => {
    poolTime.settle(p, now);
    busy[p] = (busy[p] as number) + 1;
    if (who >= 0) (memberBusy[p] as Uint8Array)[who] = 1;
    rows.member[c] = who;
    const entered = rows.queueEnter[c] as number;
    rows.waits[c * 2] = (rows.waits[c * 2] as number) + (now - entered);
    if (counted(entered)) {
      const o = slot(p, rows.queueHour[c] as number);
      const wait = now - entered;
      contact[o + 1] = (contact[o + 1] as number) + 1;
      if (wait <= (m.serviceWithin[p] as number)) contact[o + 2] = (contact[o + 2] as number) + 1;
      contact[o + 3] = (contact[o + 3] as number) + wait;
      if (wait > 0) contact[o + 4] = (contact[o + 4] as number) + 1;
    }
    const step = rows.at[c] as number;
    calendar.push(
      now +
        sample(
          m.duration[step] as Sampler,
          keyed.at(
            rows.key[c] as number,
            servicePlace[step] as number,
            rows.counts[c * COUNTS + STEPS] as number,
          ),
        ),
      DONE,
      c,
    );
  };

  const ready = (c: number, now: number) => {
    const step = rows.at[c] as number;
    const p = m.pool[step] as number;
    if (m.contact[step])
      rows.counts[c * COUNTS + CONTACTS] = (rows.counts[c * COUNTS + CONTACTS] as number) + 1;
    if (m.call[step]) rows.counts[c * COUNTS + CALLS] = (rows.counts[c * COUNTS + CALLS] as number) + 1;
    rows.readyAt[c] = now;
    if (p < 0) {
      calendar.push(
        now +
          sample(
            m.duration[step] as Sampler,
            keyed.at(
              rows.key[c] as number,
              servicePlace[step] as number,
              rows.counts[c * COUNTS + STEPS] as number,
            ),
          ),
        DONE,
        c,
      );
      return;
    }
    if ((cap[p] as number) === 0 && (m.shifts[p]?.at.length ?? 0) > 0) {
      // The line is closed: the customer comes back within a quarter of an hour of its opening.
      const back =
        nextOpening(m.shifts[p] as CompiledModel['shifts'][number], now) +
        900 *
          keyed
            .at(rows.key[c] as number, reopenPlace[p] as number, rows.counts[c * COUNTS + STEPS] as number)
            .uniform() -
        now;
      if (m.contact[step])
        rows.counts[c * COUNTS + CONTACTS] = (rows.counts[c * COUNTS + CONTACTS] as number) - 1;
      if (m.call[step]) rows.counts[c * COUNTS + CALLS] = (rows.counts[c * COUNTS + CALLS] as number) - 1;
      rows.waits[c * 2 + 1] = (rows.waits[c * 2 + 1] as number) + back;
      calendar.push(now + back, READY, c);
      return;
    }
    rows.readyAt[c] = now;
    rows.queueEnter[c] = now;
    rows.queueHour[c] = hour;
    if (counted(now)) {
      queued[p] = (queued[p] as number) + 1;
      const o = slot(p, hour);
      contact[o] = (contact[o] as number) + 1;
    }
    if (m.dedicated[p]) {
      let owner = rows.owners[c * P + p] as number;
      if (owner === 0) {
        // A new customer gets the member who owns the fewest customers.
        const load = memberLoad[p] as Int32Array;
        let best = 0;
        for (let k = 1; k < (maxCap[p] as number); k++)
          if ((load[k] as number) < (load[best] as number)) best = k;
        load[best] = (load[best] as number) + 1;
        owner = best + 1;
        rows.owners[c * P + p] = owner;
      }
      const who = owner - 1;
      if (!(memberBusy[p] as Uint8Array)[who] && who < (cap[p] as number)) {
        serve(c, p, who, now);
        return;
      }
      enqueue(c, p, (memberQueue[p] as Ring[])[who] as Ring, now);
      return;
    }
    if ((busy[p] as number) < (cap[p] as number)) {
      serve(c, p, -1, now);
      return;
    }
    enqueue(c, p, (queues[p] as Ring[])[m.priority[p * S + (rows.seg[c] as number)] as number] as Ring, now);
  };

  const enqueue = (c: number, p: number, ring: Ring, now: number) => {
    const t = nextTicket++;
    rows.ticket[c] = t;
    rows.queuedAt[c] = p + 1;
    ring.push(c, t);
    const patience = m.segmentPatience[rows.seg[c] as number] ?? m.poolPatience[p];
    if (patience) {
      const give =
        now +
        sample(
          patience,
          keyed.at(
            rows.key[c] as number,
            patiencePlace[p] as number,
            rows.counts[c * COUNTS + STEPS] as number,
          ),
        );
      rows.abandonAt[c] = give;
      calendar.push(give, ABANDON, c);
    }
  };

  /** The next customer in a ring who is still waiting there, or -1. */
  const take = (ring: Ring, p: number): number => {
    while (ring.size > 0) {
      const c = ring.ids[ring.head] as number;
      const t = ring.tickets[ring.head] as number;
      ring.head = (ring.head + 1) % ring.ids.length;
      ring.size--;
      if (rows.queuedAt[c] === p + 1 && rows.ticket[c] === t) {
        rows.queuedAt[c] = 0;
        return c;
      }
    }
    return -1;
  };

  /** A server of pool p is free: serve whoever waits, by class, or the member's own queue. */
  const release = (p: number, now: number) => {
    if (m.dedicated[p]) {
      for (let who = 0; who < (cap[p] as number); who++) {
        if ((memberBusy[p] as Uint8Array)[who]) continue;
        const c = take((memberQueue[p] as Ring[])[who] as Ring, p);
        if (c >= 0) serve(c, p, who, now);
      }
      return;
    }
    const classes = queues[p] as Ring[];
    while ((busy[p] as number) < (cap[p] as number)) {
      let c = -1;
      for (let k = 0; k < classes.length && c < 0; k++) c = take(classes[k] as Ring, p);
      if (c < 0) return;
      serve(c, p, -1, now);
    }
  };

  while (calendar.pop()) {
    const now = calendar.time;
    if (now > drainLimit) break;
    while (now >= hourEnd) {
      hourEnd += 3600;
      hour = hour + 1 === HOURS_PER_WEEK ? 0 : hour + 1;
    }
    events++;
    const type = calendar.type;
    const subject = calendar.subject;
    if (type === ARRIVAL) {
      const s = subject;
      const c = rows.add();
      arrivals++;
      settleInSystem(now);
      inSystem++;
      rows.seg[c] = s;
      rows.arrival[c] = now;
      rows.serial[c] = arrivals - 1;
      waitSeries.arrive(arrivals - 1, now);
      const number = arrivalNumber[s] as number;
      arrivalNumber[s] = number + 1;
      rows.key[c] = mix32((segmentKey[s] as number) ^ mix32(number));
      nextArrival(s, now);
      enter(c, choose(m.start, s, c, startPlace, 0), now);
    } else if (type === READY) {
      ready(subject, now);
    } else if (type === DONE) {
      const c = subject;
      const step = rows.at[c] as number;
      const p = m.pool[step] as number;
      trace?.(rows.serial[c] as number, rows.seg[c] as number, step, rows.readyAt[c] as number, false);
      if (p >= 0) {
        poolTime.settle(p, now);
        busy[p] = (busy[p] as number) - 1;
        const who = rows.member[c] as number;
        if (who >= 0) (memberBusy[p] as Uint8Array)[who] = 0;
        release(p, now);
      }
      const visit = rows.counts[c * COUNTS + STEPS] as number;
      const failed =
        (m.failP[step] as number) > 0 &&
        keyed.at(rows.key[c] as number, failPlace[step] as number, visit).uniform() <
          (m.failP[step] as number);
      if (failed) rows.counts[c * COUNTS + FAILURES] = (rows.counts[c * COUNTS + FAILURES] as number) + 1;
      const row = (rows.seg[c] as number) * m.steps + step;
      enter(c, choose(failed ? m.fail : m.next, row, c, branchPlace[step] as number, visit), now);
    } else if (type === ABANDON) {
      const c = subject;
      if (rows.queuedAt[c] === 0 || rows.abandonAt[c] !== now) continue;
      const p = (rows.queuedAt[c] as number) - 1;
      rows.queuedAt[c] = 0;
      trace?.(
        rows.serial[c] as number,
        rows.seg[c] as number,
        rows.at[c] as number,
        rows.readyAt[c] as number,
        true,
      );
      rows.counts[c * COUNTS + ABANDONED] = (rows.counts[c * COUNTS + ABANDONED] as number) + 1;
      const entered = rows.queueEnter[c] as number;
      rows.waits[c * 2] = (rows.waits[c * 2] as number) + (now - entered);
      if (now >= warmup && now < horizon) abandons[p] = (abandons[p] as number) + 1;
      if (counted(entered)) {
        const o = slot(p, rows.queueHour[c] as number);
        contact[o + 4] = (contact[o + 4] as number) + 1;
        contact[o + 5] = (contact[o + 5] as number) + 1;
      }
      enter(c, m.abandonTarget[p] as number, now);
    } else {
      const p = shifts.pool[subject] as number;
      poolTime.settle(p, now);
      cap[p] = shifts.capacity[subject] as number;
      release(p, now);
    }
  }
  settleInSystem(horizon);
  poolTime.settleAll(horizon);
  return {
    sums: tally.sums,
    ends: tally.ends,
    visits: tally.visits,
    outcomes: tally.outcomes,
    busy: poolTime.busyArea,
    available: poolTime.capArea,
    queued,
    abandons,
    contact,
    inSystem: (inSystemTime[0] as number) / Math.max(1e-9, horizon - warmup),
    window: horizon - warmup,
    events,
    arrivals,
    unfinished: inSystem,
    waitSeries: waitSeries.data(),
  };
}
