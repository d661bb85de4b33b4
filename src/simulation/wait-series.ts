/**
 * The output series the warm-up is judged on: every customer's time waiting in queues, in arrival
 * order, summed in batches of 5 customers (MSER-5's batches). Each customer is counted, warm-up or
 * not, when the journey ends. The series holds at most MAX_BATCHES batches: past that, neighbouring
 * batches merge and the batch doubles (10, 20, ... customers), so a busy model's replication sends
 * tens of kilobytes, not one number per customer.
 */

export const FIRST_BATCH = 5;
export const MAX_BATCHES = 2048;

export interface WaitSeriesData {
  /** Customers per batch: 5 times a power of 2. */
  batch: number;
  /** Per batch: the queue waits summed (seconds), the customers whose journey ended, and when its first customer arrived (seconds). */
  sums: Float64Array;
  counts: Float64Array;
  starts: Float64Array;
}

export class WaitSeries {
  private batch = FIRST_BATCH;
  /** The batch is FIRST_BATCH << shift: a customer's batch is found with no division by a variable. */
  private shift = 0;
  private length = 0;
  private readonly sums = new Float64Array(MAX_BATCHES);
  private readonly counts = new Float64Array(MAX_BATCHES);
  private readonly starts = new Float64Array(MAX_BATCHES);

  /** Customer `serial` (0, 1, ... in arrival order) arrived at `now`. */
  arrive(serial: number, now: number): void {
    let i = this.index(serial);
    while (i >= MAX_BATCHES) {
      this.coarsen();
      i = this.index(serial);
    }
    // Serials come one by one, so a batch is new when the first of its customers arrives.
    if (i === this.length) {
      this.starts[i] = now;
      this.length = i + 1;
    }
  }

  /** Customer `serial` finished having waited `wait` seconds in queues. */
  add(serial: number, wait: number): void {
    const i = this.index(serial);
    this.sums[i] = (this.sums[i] as number) + wait;
    this.counts[i] = (this.counts[i] as number) + 1;
  }

  private index(serial: number): number {
    return ((serial / FIRST_BATCH) | 0) >> this.shift;
  }

  data(): WaitSeriesData {
    return {
      batch: this.batch,
      sums: this.sums.slice(0, this.length),
      counts: this.counts.slice(0, this.length),
      starts: this.starts.slice(0, this.length),
    };
  }

  private coarsen(): void {
    const merged = coarsen(this.data());
    this.sums.fill(0).set(merged.sums);
    this.counts.fill(0).set(merged.counts);
    this.starts.fill(0).set(merged.starts);
    this.batch = merged.batch;
    this.shift++;
    this.length = merged.sums.length;
  }
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
