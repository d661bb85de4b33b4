/**
 * The first k items of a list in an order, as `[...items].sort(order).slice(0, k)` gives them
 * (equal items in list order), without sorting the whole list: a heap of the k best seen so far.
 * Ranking a million variants to show ten of them took most of a cluster's discover (a sort of all
 * of them); the heap costs a comparison for most items and log k for the few it keeps.
 */
export function firstK<T>(items: readonly T[], k: number, order: (a: T, b: T) => number): T[] {
  if (k <= 0) return [];
  if (k >= items.length) return [...items].sort(order);
  // Indices into items; the root is the worst kept, so a newcomer is weighed against it first.
  const heap: number[] = [];
  const worse = (i: number, j: number) => {
    const byOrder = order(items[i] as T, items[j] as T);
    return byOrder > 0 || (byOrder === 0 && i > j);
  };
  const down = (from: number) => {
    let at = from;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= heap.length) return;
      const right = left + 1;
      const child = right < heap.length && worse(heap[right] as number, heap[left] as number) ? right : left;
      if (!worse(heap[child] as number, heap[at] as number)) return;
      [heap[at], heap[child]] = [heap[child] as number, heap[at] as number];
      at = child;
    }
  };
  for (let i = 0; i < items.length; i++) {
    if (heap.length < k) {
      heap.push(i);
      let at = heap.length - 1;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (!worse(heap[at] as number, heap[parent] as number)) break;
        [heap[at], heap[parent]] = [heap[parent] as number, heap[at] as number];
        at = parent;
      }
    } else if (worse(heap[0] as number, i)) {
      heap[0] = i;
      down(0);
    }
  }
  return heap.sort((i, j) => order(items[i] as T, items[j] as T) || i - j).map((i) => items[i] as T);
}
