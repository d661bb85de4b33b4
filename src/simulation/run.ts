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
import { Calendar } from './calendar.js';
import type { CompiledModel, FlowTable } from './compile.js';
import { CONTACT_SUMS, HOURS_PER_WEEK } from './contact-sums.js';
import { OUTCOME_CELLS, outcomeCell } from './outcomes.js';
import { PoolTime } from './pool-time.js';
import { hash, KeyedUniform, mix32, replicationSeed, Stream } from './random.js';
import { type Sampler, sample } from './sampler.js';
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

/** Per-customer sums, by segment, for customers who arrived in [warmup, horizon). */
export const CUSTOMER_SUMS = [
  'customers',
  'orders',
  'time',
  'queueWait',
  'plannedWait',
  'contacts',
  'calls',
  'failures',
  'abandoned',
  'contacted',
  'firstContactResolved',
  'experience',
  'steps',
] as const;

export { CONTACT_SUMS, HOURS_PER_WEEK } from './contact-sums.js';

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

/** A FIFO ring of (customer, ticket) pairs; stale entries (served or gone) are skipped when taken. */
class Ring {
  ids = new Int32Array(64);
  tickets = new Int32Array(64);
  head = 0;
  size = 0;

  push(id: number, ticket: number): void {
    if (this.size === this.ids.length) this.grow();
    const i = (this.head + this.size) % this.ids.length;
    this.ids[i] = id;
    this.tickets[i] = ticket;
    this.size++;
  }

  private grow(): void {
    const n = this.ids.length * 2;
    const ids = new Int32Array(n);
    const tickets = new Int32Array(n);
    for (let k = 0; k < this.size; k++) {
      ids[k] = this.ids[(this.head + k) % this.ids.length] as number;
      tickets[k] = this.tickets[(this.head + k) % this.ids.length] as number;
    }
    this.ids = ids;
    this.tickets = tickets;
    this.head = 0;
  }
}

export function runReplication(m: CompiledModel, options: RunOptions): RunResult {
  const seed = replicationSeed(options.seed, options.replication);
  const { horizon, warmup, trace } = options;
  const S = m.segments;
  const P = m.poolIds.length;
  const E = m.endIds.length;
  const sumsWidth = CUSTOMER_SUMS.length;

  // Arrivals come from one stream per segment; every other draw is the customer's own, keyed by
  // customer, place and step number (see KeyedUniform), so scenarios share them customer by customer.
  const arrivalStream = m.segmentIds.map((s) => new Stream(seed, `arrivals:${s}`));
  const thinStream = m.segmentIds.map((s) => new Stream(seed, `arrival-profile:${s}`));
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

  // Customers as rows.
  let rows = 1024;
  let seg = new Int32Array(rows);
  let at = new Int32Array(rows);
  let member = new Int32Array(rows);
  let queuedAt = new Int32Array(rows);
  let ticket = new Int32Array(rows);
  let key = new Int32Array(rows);
  let counts = new Int32Array(rows * 5); // contacts, calls, failures, abandoned, steps
  let arrival = new Float64Array(rows);
  let serial = new Int32Array(rows);
  let readyAt = new Float64Array(rows);
  let queueEnter = new Float64Array(rows);
  let queueHour = new Int32Array(rows);
  let abandonAt = new Float64Array(rows);
  let waits = new Float64Array(rows * 2); // queue, planned
  let feel = new Float64Array(rows * 3); // effort, emotion sum, emotion count
  let owners = new Int32Array(rows * Math.max(1, P));
  const free: number[] = [];
  let used = 0;
  const grow = () => {
    const n = rows * 2;
    const g32 = (a: Int32Array, w = 1) => {
      const b = new Int32Array(n * w);
      b.set(a);
      return b;
    };
    const g64 = (a: Float64Array, w = 1) => {
      const b = new Float64Array(n * w);
      b.set(a);
      return b;
    };
    seg = g32(seg);
    at = g32(at);
    member = g32(member);
    queuedAt = g32(queuedAt);
    ticket = g32(ticket);
    key = g32(key);
    counts = g32(counts, 5);
    arrival = g64(arrival);
    serial = g32(serial);
    readyAt = g64(readyAt);
    queueEnter = g64(queueEnter);
    queueHour = g32(queueHour);
    abandonAt = g64(abandonAt);
    waits = g64(waits, 2);
    feel = g64(feel, 3);
    owners = g32(owners, Math.max(1, P));
    rows = n;
  };
  const newCustomer = (): number => {
    if (free.length > 0) return free.pop() as number;
    if (used === rows) grow();
    return used++;
  };

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
  const sums = new Float64Array(S * sumsWidth);
  const ends = new Float64Array(S * E);
  const visits = new Float64Array(S * m.steps);
  const outcomes = new Float64Array(S * OUTCOME_CELLS);
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
  // Shift changes over the horizon, and the capacity at time 0.
  const shiftPool: number[] = [];
  const shiftCap: number[] = [];
  for (let p = 0; p < P; p++) {
    const shifts = m.shifts[p];
    if (!shifts || shifts.at.length === 0) continue;
    cap[p] = shifts.capacity[0] ?? 0;
    // Shifts go on after the horizon too, while the customers already in the journey finish.
    for (let week = 0; week * 604800 < drainLimit; week++) {
      for (let k = 0; k < shifts.at.length; k++) {
        const t = week * 604800 + (shifts.at[k] ?? 0);
        if (t === 0 || t >= drainLimit) continue;
        shiftPool.push(p);
        shiftCap.push(shifts.capacity[k] ?? 0);
        calendar.push(t, SHIFT, shiftPool.length - 1);
      }
    }
  }
  // With an arrival profile, candidates come at the profile's peak rate and are kept in
  // proportion to the profile (thinning), which gives a Poisson process that follows it. The
  // candidates turned down never reach the calendar: only the next arrival kept, if before the horizon.
  const nextArrival = (s: number, now: number) => {
    const profile = m.arrivalWeights[s];
    const interarrival = m.interarrival[s] as Sampler;
    const stream = arrivalStream[s] as Stream;
    if (!profile) {
      const t = now + sample(interarrival, stream);
      if (t < horizon) calendar.push(t, ARRIVAL, s);
      return;
    }
    const thin = thinStream[s] as Stream;
    const { weights, max } = profile;
    for (
      let t = now + sample(interarrival, stream) / max;
      t < horizon;
      t += sample(interarrival, stream) / max
    ) {
      if (thin.uniform() * max < (weights[Math.floor(t / 60) % weights.length] as number)) {
        calendar.push(t, ARRIVAL, s);
        return;
      }
    }
  };
  for (let s = 0; s < S; s++) if (m.interarrival[s]) nextArrival(s, 0);

  /** When pool p next has anyone on shift, from its weekly pattern. */
  const nextOpening = (p: number, now: number): number => {
    const shifts = m.shifts[p] as { at: Float64Array; capacity: Int32Array };
    const week = Math.floor(now / 604800) * 604800;
    for (let w = 0; w < 3; w++) {
      for (let k = 0; k < shifts.at.length; k++) {
        const t = week + w * 604800 + (shifts.at[k] as number);
        if (t > now && (shifts.capacity[k] as number) > 0) return t;
      }
    }
    return now + 604800;
  };

  /** The branch customer c takes from a row; a row of one branch draws nothing (the draw is the decision's own). */
  const choose = (table: FlowTable, row: number, c: number, place: number, visit: number): number => {
    const from = table.offset[row] as number;
    const to = table.offset[row + 1] as number;
    if (to - from === 1) return table.target[from] as number;
    const u = keyed.at(key[c] as number, place, visit).uniform();
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
    const s = seg[c] as number;
    const t0 = arrival[c] as number;
    waitSeries.add(serial[c] as number, waits[c * 2] as number);
    if (t0 >= warmup && t0 < horizon) {
      const o = s * sumsWidth;
      const k = c * 5;
      const contacts = counts[k] as number;
      const failures = counts[k + 2] as number;
      const abandoned = counts[k + 3] as number;
      const steps = counts[k + 4] as number;
      sums[o] = (sums[o] as number) + 1;
      if (m.endSuccess[end]) sums[o + 1] = (sums[o + 1] as number) + 1;
      sums[o + 2] = (sums[o + 2] as number) + (now - t0);
      sums[o + 3] = (sums[o + 3] as number) + (waits[c * 2] as number);
      sums[o + 4] = (sums[o + 4] as number) + (waits[c * 2 + 1] as number);
      sums[o + 5] = (sums[o + 5] as number) + contacts;
      sums[o + 6] = (sums[o + 6] as number) + (counts[k + 1] as number);
      sums[o + 7] = (sums[o + 7] as number) + failures;
      sums[o + 8] = (sums[o + 8] as number) + (abandoned > 0 ? 1 : 0);
      if (contacts > 0) {
        sums[o + 9] = (sums[o + 9] as number) + 1;
        if (contacts === 1) sums[o + 10] = (sums[o + 10] as number) + 1;
      }
      // Experience, 0 to 100: half how the customer felt (emotion -2..+2), half how easy it was
      // (effort 5..1), less 10 for every failure met and 20 for giving up in a queue.
      const emotionCount = feel[c * 3 + 2] as number;
      const feelScore = emotionCount > 0 ? ((feel[c * 3 + 1] as number) / emotionCount + 2) / 4 : 0.5;
      const ease = steps > 0 ? (5 - (feel[c * 3] as number) / steps) / 4 : 1;
      const score = 100 * (0.5 * feelScore + 0.5 * Math.min(1, ease)) - 10 * failures - 20 * abandoned;
      sums[o + 11] = (sums[o + 11] as number) + (score < 0 ? 0 : score > 100 ? 100 : score);
      const cell = s * OUTCOME_CELLS + outcomeCell(failures, abandoned > 0, score);
      outcomes[cell] = (outcomes[cell] as number) + 1;
      sums[o + 12] = (sums[o + 12] as number) + steps;
      ends[s * E + end] = (ends[s * E + end] as number) + 1;
    }
    settleInSystem(now);
    inSystem--;
    free.push(c);
  };

  const enter = (c: number, target: number, now: number) => {
    if (target < 0) {
      finish(c, -1 - target, now);
      return;
    }
    at[c] = target;
    const k = c * 5;
    counts[k + 4] = (counts[k + 4] as number) + 1;
    const t0 = arrival[c] as number;
    if (t0 >= warmup && t0 < horizon) {
      const v = (seg[c] as number) * m.steps + target;
      visits[v] = (visits[v] as number) + 1;
    }
    feel[c * 3] = (feel[c * 3] as number) + (m.effort[target] as number);
    if (m.hasEmotion[target]) {
      feel[c * 3 + 1] = (feel[c * 3 + 1] as number) + (m.emotion[target] as number);
      feel[c * 3 + 2] = (feel[c * 3 + 2] as number) + 1;
    }
    const wait = m.wait[target];
    if (wait) {
      const w = sample(
        wait,
        keyed.at(key[c] as number, waitPlace[target] as number, counts[k + 4] as number),
      );
      waits[c * 2 + 1] = (waits[c * 2 + 1] as number) + w;
      calendar.push(now + w, READY, c);
    } else ready(c, now);
  };

  const serve = (c: number, p: number, who: number, now: number) => {
    poolTime.settle(p, now);
    busy[p] = (busy[p] as number) + 1;
    if (who >= 0) (memberBusy[p] as Uint8Array)[who] = 1;
    member[c] = who;
    const entered = queueEnter[c] as number;
    waits[c * 2] = (waits[c * 2] as number) + (now - entered);
    if (counted(entered)) {
      const o = slot(p, queueHour[c] as number);
      const wait = now - entered;
      contact[o + 1] = (contact[o + 1] as number) + 1;
      if (wait <= (m.serviceWithin[p] as number)) contact[o + 2] = (contact[o + 2] as number) + 1;
      contact[o + 3] = (contact[o + 3] as number) + wait;
      if (wait > 0) contact[o + 4] = (contact[o + 4] as number) + 1;
    }
    const step = at[c] as number;
    calendar.push(
      now +
        sample(
          m.duration[step] as Sampler,
          keyed.at(key[c] as number, servicePlace[step] as number, counts[c * 5 + 4] as number),
        ),
      DONE,
      c,
    );
  };

  const ready = (c: number, now: number) => {
    const step = at[c] as number;
    const p = m.pool[step] as number;
    if (m.contact[step]) counts[c * 5] = (counts[c * 5] as number) + 1;
    if (m.call[step]) counts[c * 5 + 1] = (counts[c * 5 + 1] as number) + 1;
    readyAt[c] = now;
    if (p < 0) {
      calendar.push(
        now +
          sample(
            m.duration[step] as Sampler,
            keyed.at(key[c] as number, servicePlace[step] as number, counts[c * 5 + 4] as number),
          ),
        DONE,
        c,
      );
      return;
    }
    if ((cap[p] as number) === 0 && (m.shifts[p]?.at.length ?? 0) > 0) {
      // The line is closed: the customer comes back within a quarter of an hour of its opening.
      const back =
        nextOpening(p, now) +
        900 * keyed.at(key[c] as number, reopenPlace[p] as number, counts[c * 5 + 4] as number).uniform() -
        now;
      if (m.contact[step]) counts[c * 5] = (counts[c * 5] as number) - 1;
      if (m.call[step]) counts[c * 5 + 1] = (counts[c * 5 + 1] as number) - 1;
      waits[c * 2 + 1] = (waits[c * 2 + 1] as number) + back;
      calendar.push(now + back, READY, c);
      return;
    }
    readyAt[c] = now;
    queueEnter[c] = now;
    queueHour[c] = hour;
    if (counted(now)) {
      queued[p] = (queued[p] as number) + 1;
      const o = slot(p, hour);
      contact[o] = (contact[o] as number) + 1;
    }
    if (m.dedicated[p]) {
      let owner = owners[c * P + p] as number;
      if (owner === 0) {
        // A new customer gets the member who owns the fewest customers.
        const load = memberLoad[p] as Int32Array;
        let best = 0;
        for (let k = 1; k < (maxCap[p] as number); k++)
          if ((load[k] as number) < (load[best] as number)) best = k;
        load[best] = (load[best] as number) + 1;
        owner = best + 1;
        owners[c * P + p] = owner;
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
    enqueue(c, p, (queues[p] as Ring[])[m.priority[p * S + (seg[c] as number)] as number] as Ring, now);
  };

  const enqueue = (c: number, p: number, ring: Ring, now: number) => {
    const t = nextTicket++;
    ticket[c] = t;
    queuedAt[c] = p + 1;
    ring.push(c, t);
    const patience = m.segmentPatience[seg[c] as number] ?? m.poolPatience[p];
    if (patience) {
      const give =
        now +
        sample(patience, keyed.at(key[c] as number, patiencePlace[p] as number, counts[c * 5 + 4] as number));
      abandonAt[c] = give;
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
      if (queuedAt[c] === p + 1 && ticket[c] === t) {
        queuedAt[c] = 0;
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
      const c = newCustomer();
      arrivals++;
      settleInSystem(now);
      inSystem++;
      seg[c] = s;
      arrival[c] = now;
      serial[c] = arrivals - 1;
      waitSeries.arrive(arrivals - 1, now);
      member[c] = -1;
      queuedAt[c] = 0;
      const k = c * 5;
      counts[k] = 0;
      counts[k + 1] = 0;
      counts[k + 2] = 0;
      counts[k + 3] = 0;
      counts[k + 4] = 0;
      waits[c * 2] = 0;
      waits[c * 2 + 1] = 0;
      feel[c * 3] = 0;
      feel[c * 3 + 1] = 0;
      feel[c * 3 + 2] = 0;
      for (let p = c * P; p < c * P + P; p++) owners[p] = 0;
      const number = arrivalNumber[s] as number;
      arrivalNumber[s] = number + 1;
      key[c] = mix32((segmentKey[s] as number) ^ mix32(number));
      nextArrival(s, now);
      enter(c, choose(m.start, s, c, startPlace, 0), now);
    } else if (type === READY) {
      ready(subject, now);
    } else if (type === DONE) {
      const c = subject;
      const step = at[c] as number;
      const p = m.pool[step] as number;
      trace?.(serial[c] as number, seg[c] as number, step, readyAt[c] as number, false);
      if (p >= 0) {
        poolTime.settle(p, now);
        busy[p] = (busy[p] as number) - 1;
        const who = member[c] as number;
        if (who >= 0) (memberBusy[p] as Uint8Array)[who] = 0;
        release(p, now);
      }
      const visit = counts[c * 5 + 4] as number;
      const failed =
        (m.failP[step] as number) > 0 &&
        keyed.at(key[c] as number, failPlace[step] as number, visit).uniform() < (m.failP[step] as number);
      if (failed) counts[c * 5 + 2] = (counts[c * 5 + 2] as number) + 1;
      const row = (seg[c] as number) * m.steps + step;
      enter(c, choose(failed ? m.fail : m.next, row, c, branchPlace[step] as number, visit), now);
    } else if (type === ABANDON) {
      const c = subject;
      if (queuedAt[c] === 0 || abandonAt[c] !== now) continue;
      const p = (queuedAt[c] as number) - 1;
      queuedAt[c] = 0;
      trace?.(serial[c] as number, seg[c] as number, at[c] as number, readyAt[c] as number, true);
      counts[c * 5 + 3] = (counts[c * 5 + 3] as number) + 1;
      const entered = queueEnter[c] as number;
      waits[c * 2] = (waits[c * 2] as number) + (now - entered);
      if (now >= warmup && now < horizon) abandons[p] = (abandons[p] as number) + 1;
      if (counted(entered)) {
        const o = slot(p, queueHour[c] as number);
        contact[o + 4] = (contact[o + 4] as number) + 1;
        contact[o + 5] = (contact[o + 5] as number) + 1;
      }
      enter(c, m.abandonTarget[p] as number, now);
    } else {
      const p = shiftPool[subject] as number;
      poolTime.settle(p, now);
      cap[p] = shiftCap[subject] as number;
      release(p, now);
    }
  }
  settleInSystem(horizon);
  poolTime.settleAll(horizon);
  return {
    sums,
    ends,
    visits,
    outcomes,
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
