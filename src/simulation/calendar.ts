/**
 * The event calendar: a binary min-heap over typed arrays (time, then insertion order for ties,
 * so that runs are deterministic). Events are two integers, a type and a subject; nothing is
 * allocated per event once the arrays have grown to the run's size.
 */
export class Calendar {
  private times = new Float64Array(1024);
  private orders = new Float64Array(1024);
  private types = new Int32Array(1024);
  private subjects = new Int32Array(1024);
  private count = 0;
  private sequence = 0;
  /** The event last taken by `pop`. */
  time = 0;
  type = 0;
  subject = 0;

  get size(): number {
    return this.count;
  }

  push(time: number, type: number, subject: number): void {
    if (this.count === this.times.length) this.grow();
    let i = this.count++;
    const order = this.sequence++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = this.times[parent] as number;
      if (pt < time || (pt === time && (this.orders[parent] as number) < order)) break;
      this.move(parent, i);
      i = parent;
    }
    this.times[i] = time;
    this.orders[i] = order;
    this.types[i] = type;
    this.subjects[i] = subject;
  }

  /** Takes the earliest event into `time`, `type` and `subject`; false when there is none. */
  pop(): boolean {
    if (this.count === 0) return false;
    this.time = this.times[0] as number;
    this.type = this.types[0] as number;
    this.subject = this.subjects[0] as number;
    const last = --this.count;
    if (last > 0) {
      const time = this.times[last] as number;
      const order = this.orders[last] as number;
      const type = this.types[last] as number;
      const subject = this.subjects[last] as number;
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= last) break;
        const right = child + 1;
        if (right < last && this.before(right, child)) child = right;
        const ct = this.times[child] as number;
        if (time < ct || (time === ct && order < (this.orders[child] as number))) break;
        this.move(child, i);
        i = child;
      }
      this.times[i] = time;
      this.orders[i] = order;
      this.types[i] = type;
      this.subjects[i] = subject;
    }
    return true;
  }

  private before(a: number, b: number): boolean {
    const ta = this.times[a] as number;
    const tb = this.times[b] as number;
    return ta < tb || (ta === tb && (this.orders[a] as number) < (this.orders[b] as number));
  }

  private move(from: number, to: number): void {
    this.times[to] = this.times[from] as number;
    this.orders[to] = this.orders[from] as number;
    this.types[to] = this.types[from] as number;
    this.subjects[to] = this.subjects[from] as number;
  }

  private grow(): void {
    const size = this.times.length * 2;
    const grow64 = (a: Float64Array) => {
      const b = new Float64Array(size);
      b.set(a);
      return b;
    };
    const grow32 = (a: Int32Array) => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    this.times = grow64(this.times);
    this.orders = grow64(this.orders);
    this.types = grow32(this.types);
    this.subjects = grow32(this.subjects);
  }
}
