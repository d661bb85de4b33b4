/** A FIFO ring of (customer, ticket) pairs for a queue; stale entries (served or gone) are skipped when taken. */
export class Ring {
  ids = new Int32Array(64);
  tickets = new Int32Array(64);
  /** The capacity less one: capacities are powers of two, so a position wraps with a mask, not a division. */
  mask = 63;
  head = 0;
  size = 0;

  push(id: number, ticket: number): void {
    if (this.size === this.ids.length) this.grow();
    const i = (this.head + this.size) & this.mask;
    this.ids[i] = id;
    this.tickets[i] = ticket;
    this.size++;
  }

  /** Drops the entry at the head (the caller has read it). */
  shift(): void {
    this.head = (this.head + 1) & this.mask;
    this.size--;
  }

  private grow(): void {
    const n = this.ids.length * 2;
    const ids = new Int32Array(n);
    const tickets = new Int32Array(n);
    for (let k = 0; k < this.size; k++) {
      ids[k] = this.ids[(this.head + k) & this.mask] as number;
      tickets[k] = this.tickets[(this.head + k) & this.mask] as number;
    }
    this.ids = ids;
    this.tickets = tickets;
    this.mask = n - 1;
    this.head = 0;
  }
}
