/**
 * The event calendar: events in time order, ties in the order they were scheduled (so runs are
 * deterministic). Events are two integers, a type and a subject; nothing is allocated per event
 * once the storage has grown to the run's size.
 *
 * Journeys with long planned waits (deliveries, refunds, replies by mail) keep thousands of
 * events pending days ahead, and a single heap of them all made taking the next event most of
 * a run's time. So only the events of the hour under way are kept in a heap; later ones wait,
 * unsorted, in a bucket per hour (a ring of WINDOWS hours), and those further ahead than the
 * ring in a second heap. An hour's bucket moves into the heap when the clock reaches it. Every
 * event keeps the sequence number it was scheduled with, so the order of the events taken is
 * exactly that of one heap of them all.
 *
 * Each segment's next arrival, the one event every customer brings, is not put in a heap at all:
 * it waits in a lane of its own (one pending event a lane) and `pop` takes it when it comes
 * before the heap's earliest, by time and then sequence number like the rest. A heap's push and
 * pop an arrival fewer; the order of the events taken is the same.
 */
import { EventHeap } from './event-heap.js';

/** Seconds per window: the heap holds the events of the window under way. */
const WIDTH = 3600;
/** Windows in the ring of buckets: 1,024 hours, about six weeks. */
const WINDOWS = 1024;
/** Types fit in 3 bits of the payload, an int32; the subject (a customer's row, a shift change) in the other 28. */
const TYPES = 8;
const STRIDE = 3;

export class Calendar {
  private readonly near = new EventHeap();
  private readonly far = new EventHeap();
  /** Per window of the ring: [time, order, payload] triples, and how many. */
  private readonly buckets: Float64Array[] = Array.from({ length: WINDOWS }, () => new Float64Array(0));
  private readonly filled = new Int32Array(WINDOWS);
  private bucketed = 0;
  /** The window under way: the heap holds every event of it and of the ones before. */
  private window = 0;
  /** The end of the window under way, in seconds. */
  private nearEnd = WIDTH;
  private sequence = 0;
  /** Per lane: its pending event's time (Infinity for none) and sequence number. */
  private readonly laneTime: Float64Array;
  private readonly laneOrder: Float64Array;
  /** The lane whose event comes first, or -1 when no lane has one. */
  private firstLane = -1;
  /** The event last taken by `pop`. */
  time = 0;
  type = 0;
  subject = 0;

  /** `lanes` lanes whose events have type `laneType` and the lane's number as subject. */
  constructor(
    lanes = 0,
    private readonly laneType = 0,
  ) {
    this.laneTime = new Float64Array(lanes).fill(Number.POSITIVE_INFINITY);
    this.laneOrder = new Float64Array(lanes);
  }

  get size(): number {
    return this.near.size + this.bucketed + this.far.size + this.lanes();
  }

  private lanes(): number {
    let n = 0;
    for (let k = 0; k < this.laneTime.length; k++)
      if ((this.laneTime[k] as number) < Number.POSITIVE_INFINITY) n++;
    return n;
  }

  /** Lane k's next event at `time`; the lane must have none pending. */
  pushLane(k: number, time: number): void {
    this.laneTime[k] = time;
    this.laneOrder[k] = this.sequence++;
    // Its sequence number is the latest: on a tie the lane already first stays first.
    const first = this.firstLane;
    if (first < 0 || time < (this.laneTime[first] as number)) this.firstLane = k;
  }

  push(time: number, type: number, subject: number): void {
    if (time < this.nearEnd) this.near.push(time, this.sequence++, type + TYPES * subject);
    else this.place(time, this.sequence++, type + TYPES * subject);
  }

  /** Takes the earliest event into `time`, `type` and `subject`; false when there is none. */
  pop(): boolean {
    const near = this.near;
    const held = near.size > 0 || this.advance();
    const lane = this.firstLane;
    if (lane >= 0) {
      const t = this.laneTime[lane] as number;
      if (
        !held ||
        t < near.first ||
        (t === near.first && (this.laneOrder[lane] as number) < near.firstOrder)
      ) {
        this.takeLane(lane, t);
        return true;
      }
    }
    if (!held) return false;
    near.pop();
    this.time = near.time;
    const payload = near.payload | 0;
    this.type = payload & (TYPES - 1);
    this.subject = payload >>> 3;
    return true;
  }

  private takeLane(lane: number, time: number): void {
    this.time = time;
    this.type = this.laneType;
    this.subject = lane;
    const times = this.laneTime;
    times[lane] = Number.POSITIVE_INFINITY;
    let first = -1;
    for (let k = 0; k < times.length; k++) {
      const t = times[k] as number;
      if (t === Number.POSITIVE_INFINITY) continue;
      if (
        first < 0 ||
        t < (times[first] as number) ||
        (t === times[first] && (this.laneOrder[k] as number) < (this.laneOrder[first] as number))
      )
        first = k;
    }
    this.firstLane = first;
  }

  private place(time: number, order: number, payload: number): void {
    const w = windowOf(time);
    if (w <= this.window) this.near.push(time, order, payload);
    else if (w < this.window + WINDOWS) this.bucket(w % WINDOWS, time, order, payload);
    else this.far.push(time, order, payload);
  }

  private bucket(b: number, time: number, order: number, payload: number): void {
    let slots = this.buckets[b] as Float64Array;
    const n = this.filled[b] as number;
    if ((n + 1) * STRIDE > slots.length) {
      const bigger = new Float64Array(Math.max(16 * STRIDE, slots.length * 2));
      bigger.set(slots);
      slots = bigger;
      this.buckets[b] = slots;
    }
    const o = n * STRIDE;
    slots[o] = time;
    slots[o + 1] = order;
    slots[o + 2] = payload;
    this.filled[b] = n + 1;
    this.bucketed++;
  }

  /** Moves the clock's window on until the heap has events; false when there are none left. */
  private advance(): boolean {
    while (this.near.size === 0) {
      if (this.bucketed === 0) {
        if (this.far.size === 0) return false;
        // Nothing in the ring: jump to the window of the earliest event further ahead.
        this.window = Math.max(this.window, windowOf(this.far.first) - 1);
      }
      this.window++;
      this.nearEnd = (this.window + 1) * WIDTH;
      const b = this.window % WINDOWS;
      const slots = this.buckets[b] as Float64Array;
      const n = this.filled[b] as number;
      for (let o = 0; o < n * STRIDE; o += STRIDE)
        this.near.push(slots[o] as number, slots[o + 1] as number, slots[o + 2] as number);
      this.filled[b] = 0;
      this.bucketed -= n;
      // The ring now reaches one window further: bring in the events from beyond it that fall there.
      const far = this.far;
      while (far.size > 0 && windowOf(far.first) < this.window + WINDOWS) {
        far.pop();
        this.place(far.time, far.order, far.payload);
      }
    }
    return true;
  }
}

/**
 * The window a time falls in, by the same boundaries (whole multiples of WIDTH, exact in a
 * double) as `push` compares with, whichever way the division rounds.
 */
function windowOf(time: number): number {
  const w = Math.floor(time / WIDTH);
  if (time < w * WIDTH) return w - 1;
  return time >= (w + 1) * WIDTH ? w + 1 : w;
}
