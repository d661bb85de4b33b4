/**
 * How many customers are in the journey, and their time-average number over the counted window
 * [warmup, horizon), for Little's law. A customer in the journey from a to e spends
 * after(a) - after(e) of the window in it (after(t): the part of the window after t), so the area
 * is summed as each one arrives and ends, in whatever order they are taken: a customer who goes
 * on alone ends ahead of the clock (replication.ts).
 */
export class InJourney {
  count = 0;
  private area = 0;

  constructor(
    private readonly warmup: number,
    private readonly horizon: number,
  ) {}

  arrive(t: number): void {
    this.count++;
    this.area += this.after(t);
  }

  leave(t: number): void {
    this.count--;
    this.area -= this.after(t);
  }

  /** The time-average number in the journey over the window. */
  mean(): number {
    return this.area / Math.max(1e-9, this.horizon - this.warmup);
  }

  private after(t: number): number {
    const from = t > this.warmup ? t : this.warmup;
    return from < this.horizon ? this.horizon - from : 0;
  }
}
