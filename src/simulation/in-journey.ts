/**
 * The time-average number of customers in the journey over the counted window [warmup, horizon),
 * for Little's law: the area under that number, which is each customer's time in the journey
 * clipped to the window. A customer's share is added once, when their journey ends (a customer
 * who goes on alone ends ahead of the clock, in whatever order: replication.ts); the customers
 * still in the journey when the run stops add theirs at the end (`mean`).
 */
export class InJourney {
  private area = 0;

  constructor(
    private readonly warmup: number,
    private readonly horizon: number,
  ) {}

  /** A customer in the journey from `arrival` to `end`. */
  leave(arrival: number, end: number): void {
    const { warmup, horizon } = this;
    // Nearly every customer arrives after the warm-up and ends before the horizon: their whole time.
    if (arrival >= warmup && end < horizon) this.area += end - arrival;
    else this.area += this.after(arrival) - this.after(end);
  }

  /**
   * The time-average number in the journey over the window, with the customers still in it when
   * the run stopped (their arrivals): they are in it to the window's end.
   */
  mean(still: readonly number[]): number {
    let area = this.area;
    for (const arrival of still) area += this.after(arrival);
    return area / Math.max(1e-9, this.horizon - this.warmup);
  }

  /** The part of the window after t. */
  private after(t: number): number {
    const from = t > this.warmup ? t : this.warmup;
    return from < this.horizon ? this.horizon - from : 0;
  }
}
