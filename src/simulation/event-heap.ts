/**
 * A 4-ary min-heap of events ordered by time, then by an order number the caller gives (the
 * calendar's insertion sequence, so that ties go first come, first served). Each event's time,
 * order and payload sit side by side in one array, so a node's children are read in one or two
 * cache lines, and four children per node halve the levels a removal walks down.
 */
const STRIDE = 3;

export class EventHeap {
  /** Slot i: [time, order, payload] at i * STRIDE. */
  private slots = new Float64Array(256 * STRIDE);
  size = 0;
  /** The event last taken by `pop`. */
  time = 0;
  order = 0;
  payload = 0;

  /** The earliest time held; only when size > 0. */
  get first(): number {
    return this.slots[0] as number;
  }

  /** The order number of the earliest event; only when size > 0. */
  get firstOrder(): number {
    return this.slots[1] as number;
  }

  push(time: number, order: number, payload: number): void {
    if ((this.size + 1) * STRIDE > this.slots.length) this.grow();
    const s = this.slots;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 2;
      const p = parent * STRIDE;
      const pt = s[p] as number;
      if (pt < time || (pt === time && (s[p + 1] as number) < order)) break;
      this.move(parent, i);
      i = parent;
    }
    this.put(i, time, order, payload);
  }

  /** Takes the earliest event into `time`, `order` and `payload`; only when size > 0. */
  pop(): void {
    const s = this.slots;
    this.time = s[0] as number;
    this.order = s[1] as number;
    this.payload = s[2] as number;
    const last = --this.size;
    if (last > 0) this.siftDown(last);
  }

  /** Moves the last slot to the root and down to its place among the `last` slots left. */
  private siftDown(last: number): void {
    const s = this.slots;
    const l = last * STRIDE;
    const time = s[l] as number;
    const order = s[l + 1] as number;
    const payload = s[l + 2] as number;
    let i = 0;
    for (;;) {
      const first = 4 * i + 1;
      if (first >= last) break;
      // The earliest of up to four children.
      let child = first;
      let ct = s[first * STRIDE] as number;
      const end = first + 4 < last ? first + 4 : last;
      for (let k = first + 1; k < end; k++) {
        const kt = s[k * STRIDE] as number;
        if (kt < ct || (kt === ct && (s[k * STRIDE + 1] as number) < (s[child * STRIDE + 1] as number))) {
          child = k;
          ct = kt;
        }
      }
      const c = child * STRIDE;
      if (time < ct || (time === ct && order < (s[c + 1] as number))) break;
      this.move(child, i);
      i = child;
    }
    this.put(i, time, order, payload);
  }

  /** Slot `from`'s event into slot `to`. */
  private move(from: number, to: number): void {
    const s = this.slots;
    const f = from * STRIDE;
    const t = to * STRIDE;
    s[t] = s[f] as number;
    s[t + 1] = s[f + 1] as number;
    s[t + 2] = s[f + 2] as number;
  }

  private put(i: number, time: number, order: number, payload: number): void {
    const s = this.slots;
    const o = i * STRIDE;
    s[o] = time;
    s[o + 1] = order;
    s[o + 2] = payload;
  }

  private grow(): void {
    const slots = new Float64Array(this.slots.length * 2);
    slots.set(this.slots);
    this.slots = slots;
  }
}
