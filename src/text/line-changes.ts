/**
 * How many lines an edit added and removed, as a line diff counts them (git's insertions and
 * deletions): the shortest edit script between the two texts' lines, by Myers' O(ND) algorithm
 * on what lies between their common first and last lines. Counting by position instead called
 * every line after a deleted one changed (ten thousand for one step of a 600-step model).
 */

/**
 * Edit scripts longer than this (a file rewritten, not edited) are not searched: every line between
 * the common first and last ones counts as removed and added, which the diff never exceeds.
 */
const MAX_SCRIPT = 4000;

export interface LineChanges {
  added: number;
  removed: number;
}

export function lineChanges(before: string, after: string): LineChanges {
  const a = before.split('\n');
  const b = after.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const n = endA - start;
  const m = endB - start;
  if (n === 0 || m === 0) return { added: m, removed: n };
  const d = scriptLength(a, b, start, n, m);
  // Each kept line lies in both texts: the script removes the others of `a` and adds those of `b`.
  if (d !== undefined) return { added: (d + m - n) / 2, removed: (d - m + n) / 2 };
  return { added: m, removed: n };
}

/**
 * The length of the shortest edit script turning a[start, start+n) into b[start, start+m), or
 * undefined past MAX_SCRIPT (the work grows with the texts' length times the script's).
 */
function scriptLength(a: string[], b: string[], start: number, n: number, m: number): number | undefined {
  const limit = Math.min(n + m, MAX_SCRIPT);
  const offset = limit + 1;
  // v[k + offset]: the furthest x reached on diagonal k = x - y.
  const v = new Int32Array(2 * limit + 3);
  for (let d = 0; d <= limit; d++) {
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && (v[k - 1 + offset] as number) < (v[k + 1 + offset] as number));
      let x = down ? (v[k + 1 + offset] as number) : (v[k - 1 + offset] as number) + 1;
      let y = x - k;
      while (x < n && y < m && a[start + x] === b[start + y]) {
        x++;
        y++;
      }
      v[k + offset] = x;
      if (x >= n && y >= m) return d;
    }
  }
  return undefined;
}
