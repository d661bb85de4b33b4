/**
 * The staffed pools of a replication: how many members are busy and on shift, the queues (one per
 * priority class, or each member's own at a pool with dedicated owners) and which member owns which
 * customer. Queues hold (customer, ticket) pairs and are never searched: a customer who leaves one
 * (served elsewhere, gave up) is skipped when reached, as their ticket no longer matches.
 */
import type { CompiledModel } from './compile.js';
import type { CustomerRows } from './customer-rows.js';
import { Ring } from './ring.js';

export class Pools {
  /** Members busy, and on shift now, per pool. */
  readonly busy: Int32Array;
  readonly cap: Int32Array;
  /** The most members a pool ever has on shift. */
  readonly maxCap: Int32Array;
  readonly memberBusy: Uint8Array[];
  private readonly queues: Ring[][];
  private readonly memberQueue: Ring[][];
  /** How many customers each member of a dedicated pool owns. */
  private readonly memberLoad: Int32Array[];
  private nextTicket = 1;

  constructor(
    private readonly m: CompiledModel,
    private readonly rows: CustomerRows,
  ) {
    const P = m.poolIds.length;
    this.busy = new Int32Array(P);
    this.cap = Int32Array.from(m.capacity);
    this.maxCap = Int32Array.from(m.capacity);
    for (let p = 0; p < P; p++) {
      const shifts = m.shifts[p];
      for (const c of shifts?.capacity ?? []) this.maxCap[p] = Math.max(this.maxCap[p] ?? 0, c);
      // A pool with shifts starts with its capacity at time 0.
      if ((shifts?.at.length ?? 0) > 0) this.cap[p] = shifts?.capacity[0] ?? 0;
    }
    this.queues = m.poolIds.map((_, p) => Array.from({ length: m.classes[p] ?? 1 }, () => new Ring()));
    this.memberBusy = m.poolIds.map((_, p) => new Uint8Array(this.maxCap[p] ?? 0));
    this.memberQueue = m.poolIds.map((_, p) =>
      Array.from({ length: m.dedicated[p] ? (this.maxCap[p] ?? 0) : 0 }, () => new Ring()),
    );
    this.memberLoad = m.poolIds.map((_, p) => new Int32Array(this.maxCap[p] ?? 0));
  }

  /** Customer c's owner (1 + member) at dedicated pool p: a new customer gets the member who owns the fewest. */
  owner(c: number, p: number): number {
    const owners = this.rows.owners;
    const at = c * this.m.poolIds.length + p;
    if ((owners[at] as number) > 0) return owners[at] as number;
    const load = this.memberLoad[p] as Int32Array;
    let best = 0;
    for (let k = 1; k < (this.maxCap[p] as number); k++)
      if ((load[k] as number) < (load[best] as number)) best = k;
    load[best] = (load[best] as number) + 1;
    owners[at] = best + 1;
    return best + 1;
  }

  /** Customer c joins pool p's queue: their member's own (who >= 0), or their priority class's. */
  join(c: number, p: number, who: number): void {
    const rows = this.rows;
    const ring =
      who >= 0
        ? ((this.memberQueue[p] as Ring[])[who] as Ring)
        : ((this.queues[p] as Ring[])[
            this.m.priority[p * this.m.segments + (rows.seg[c] as number)] as number
          ] as Ring);
    const t = this.nextTicket++;
    rows.ticket[c] = t;
    rows.queuedAt[c] = p + 1;
    ring.push(c, t);
  }

  /** The next customer waiting for member `who` of a dedicated pool p, or -1. */
  nextFor(p: number, who: number): number {
    return this.take((this.memberQueue[p] as Ring[])[who] as Ring, p);
  }

  /** The next customer waiting at pool p, highest class first, or -1. */
  next(p: number): number {
    const classes = this.queues[p] as Ring[];
    let c = -1;
    for (let k = 0; k < classes.length && c < 0; k++) c = this.take(classes[k] as Ring, p);
    return c;
  }

  /** The next customer in a ring who is still waiting there, or -1. */
  private take(ring: Ring, p: number): number {
    const rows = this.rows;
    while (ring.size > 0) {
      const c = ring.ids[ring.head] as number;
      const t = ring.tickets[ring.head] as number;
      ring.shift();
      if (rows.queuedAt[c] === p + 1 && rows.ticket[c] === t) {
        rows.queuedAt[c] = 0;
        return c;
      }
    }
    return -1;
  }
}
