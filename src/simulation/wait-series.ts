/**
 * The output series the warm-up is judged on: every customer's time waiting in queues, in arrival
 * order, summed in batches of 5 customers (MSER-5's batches). Each customer is counted, warm-up or
 * not, when the journey ends. The series holds at most MAX_BATCHES batches: past that, neighbouring
 * batches merge and the batch doubles (10, 20, ... customers), so a busy model's replication sends
 * tens of kilobytes, not one number per customer.
 */

export const FIRST_BATCH = 5;
export const MAX_BATCHES = 2048;
/** Batches the series has room for at first: 80 customers'. */
const FIRST_ROOM = 16;

export interface WaitSeriesData {
  /** Customers per batch: 5 times a power of 2. */
  batch: number;
  /** Per batch: the queue waits summed (seconds), the customers whose journey ended, and when its first customer arrived (seconds). */
  sums: Float64Array;
  counts: Float64Array;
  starts: Float64Array;
}

export class WaitSeries {
  /**
   * The batch is FIRST_BATCH << shift: a customer's batch is found with no division by a variable.
   * The shift is a typed array's cell, not a field: V8 treats a field never yet changed as a
   * constant, so the first coarsening, some ten thousand customers into a run, threw away every
   * function compiled with the shift folded in, and the simulator's main loop with them while it
   * was being compiled (60 ms of compiling lost, the loop interpreted meanwhile).
   */
  private readonly shift = new Int32Array(1);
  private length = 0;
  /** The serial of the next batch's first customer. */
  private nextBatch = 0;
  // The batches so far: the arrays start small and double, up to MAX_BATCHES (see makeRoom).
  private sums = new Float64Array(FIRST_ROOM);
  private counts = new Float64Array(FIRST_ROOM);
  private starts = new Float64Array(FIRST_ROOM);

  /** Customer `serial` (0, 1, ... in arrival order) arrived at `now`. */
  arrive(serial: number, now: number): void {
    // Serials come one by one, so a batch is new when the first of its customers arrives.
    if (serial < this.nextBatch) return;
    let i = this.index(serial);
    if (i === this.sums.length) i = this.makeRoom(serial);
    this.starts[i] = now;
    this.length = i + 1;
    this.nextBatch = (i + 1) * (FIRST_BATCH << (this.shift[0] as number));
  }

  /** Customer `serial` finished having waited `wait` seconds in queues. */
  add(serial: number, wait: number): void {
    const i = this.index(serial);
    this.sums[i] = (this.sums[i] as number) + wait;
    this.counts[i] = (this.counts[i] as number) + 1;
  }

  private index(serial: number): number {
    // serial / FIRST_BATCH, truncated: a multiplication where V8 divided (21 instructions a
    // customer fewer in M/M/1). Exact for every serial below 2^31, checked one by one: 0.2 is a
    // little above a fifth, and too little to carry 5k + 4 past k + 1.
    return ((serial * 0.2) | 0) >> (this.shift[0] as number);
  }

  data(): WaitSeriesData {
    return {
      batch: FIRST_BATCH << (this.shift[0] as number),
      sums: this.sums.slice(0, this.length),
      counts: this.counts.slice(0, this.length),
      starts: this.starts.slice(0, this.length),
    };
  }

  /**
   * Room for one more batch, customer `serial`'s, whose index it returns: the arrays doubled, or,
   * once they hold MAX_BATCHES, neighbouring batches merged. Both ways go through this one call,
   * which every replication makes within its first hundred customers: V8 compiles the hot path
   * after it has been taken, so the first coarsening, thousands of customers later, does not throw
   * the compiled simulator away for a call it had never seen.
   */
  private makeRoom(serial: number): number {
    const room = this.sums.length;
    if (room < MAX_BATCHES) {
      this.sums = grown(this.sums, room * 2);
      this.counts = grown(this.counts, room * 2);
      this.starts = grown(this.starts, room * 2);
      return this.index(serial);
    }
    const merged = coarsen(this.data());
    this.sums.fill(0).set(merged.sums);
    this.counts.fill(0).set(merged.counts);
    this.starts.fill(0).set(merged.starts);
    this.shift[0] = (this.shift[0] as number) + 1;
    this.length = merged.sums.length;
    return this.index(serial);
  }
}

function grown(from: Float64Array, room: number): Float64Array<ArrayBuffer> {
  const to = new Float64Array(room);
  to.set(from);
  return to;
}

/** The series with pairs of neighbouring batches merged: twice the batch, half the length. */
export function coarsen(series: WaitSeriesData): WaitSeriesData {
  const n = Math.ceil(series.sums.length / 2);
  const pair = (from: Float64Array) =>
    Float64Array.from({ length: n }, (_, j) => (from[2 * j] as number) + (from[2 * j + 1] ?? 0));
  return {
    batch: series.batch * 2,
    sums: pair(series.sums),
    counts: pair(series.counts),
    starts: Float64Array.from({ length: n }, (_, j) => series.starts[2 * j] as number),
  };
}
