/**
 * The states waiting to be eliminated, fewest neighbours first and ties to the lowest index, so
 * the order (and with it every rounding) is the same on every run. A state's degree changes as
 * its neighbours go; the new one is pushed and the old key, now stale, is skipped when popped.
 */
export class DegreeHeap {
  private readonly keys: number[] = [];
  /** States are below `size`: a key degree * size + state orders by degree, then state. */
  constructor(private readonly size: number) {}

  push(degree: number, state: number) {
    const keys = this.keys;
    const key = degree * this.size + state;
    let i = keys.length;
    keys.push(key);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((keys[parent] as number) <= key) break;
      keys[i] = keys[parent] as number;
      i = parent;
    }
    keys[i] = key;
  }

  /** The smallest key (read it with degreeOf and stateOf), or -1 when empty: no pair allocated per pop. */
  pop(): number {
    const keys = this.keys;
    if (keys.length === 0) return -1;
    const top = keys[0] as number;
    const last = keys.pop() as number;
    if (keys.length > 0) {
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= keys.length) break;
        const right = left + 1;
        const child = right < keys.length && (keys[right] as number) < (keys[left] as number) ? right : left;
        if ((keys[child] as number) >= last) break;
        keys[i] = keys[child] as number;
        i = child;
      }
      keys[i] = last;
    }
    return top;
  }

  degreeOf(key: number): number {
    return Math.floor(key / this.size);
  }

  stateOf(key: number): number {
    return key % this.size;
  }
}
