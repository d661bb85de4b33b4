/**
 * When each member of a first-come-first-served pool that is always open is next free: a pool
 * whose customers are served in the order they come, by whoever is free, with no shifts to change
 * how many serve. There a customer's wait is known the moment they join the queue: they start when
 * the earliest member is free (or at once), since everyone ahead of them has already been given a
 * member (Kiefer and Wolfowitz's recursion for the c-server queue; Lindley's for one). A customer
 * whose patience runs out before then leaves without taking anyone. The simulator so serves such a
 * pool with no queue and no events of its own (replication.ts, takeTurn).
 */
import type { CompiledModel } from './compile.js';

/** Whether pool p is served so: first come first served, no dedicated members, always open, staffed. */
export function servedInTurn(m: CompiledModel, p: number): boolean {
  return (
    !m.dedicated[p] &&
    (m.classes[p] as number) === 1 &&
    (m.shifts[p]?.at.length ?? 0) === 0 &&
    (m.capacity[p] as number) > 0
  );
}

export class FreeServers {
  /** Per pool served in turn: its members' free times as a binary min-heap; empty for the others. */
  private readonly heaps: Float64Array[];

  constructor(m: CompiledModel) {
    this.heaps = m.poolIds.map(
      (_, p) => new Float64Array(servedInTurn(m, p) ? (m.capacity[p] as number) : 0),
    );
  }

  /** When the first member of pool p is free (0 at first: every member is). */
  earliest(p: number): number {
    return (this.heaps[p] as Float64Array)[0] as number;
  }

  /** The first member of pool p is busy until `end`. */
  take(p: number, end: number): void {
    const h = this.heaps[p] as Float64Array;
    const n = h.length;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && (h[child + 1] as number) < (h[child] as number)) child++;
      if (end <= (h[child] as number)) break;
      h[i] = h[child] as number;
      i = child;
    }
    h[i] = end;
  }
}
