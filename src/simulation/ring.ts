/** A FIFO ring of (customer, ticket) pairs for a queue; stale entries (served or gone) are skipped when taken. */
export class Ring {
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
