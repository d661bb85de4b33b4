/**
 * Strongly connected components of a directed graph, in topological order: every edge stays in
 * its component or goes to a later one. A chain's I - Q is block triangular in that order, so
 * each loop is solved on its own and the steps on no loop take one pass. Tarjan's algorithm
 * without recursion, so a long line of steps cannot overflow the stack.
 */

/** A graph as adjacency lists: the successors of v are target[first[v]] .. target[first[v + 1] - 1]. */
export interface Graph {
  size: number;
  first: Int32Array;
  target: Int32Array;
}

export interface Components {
  /** component[v]: v's component, numbered in topological order. */
  component: Int32Array;
  /** The members of component c are member[start[c]] .. member[start[c + 1] - 1], ascending. */
  start: Int32Array;
  member: Int32Array;
}

/** The adjacency lists of the given edges, in the order given. */
export function graphOf(size: number, edges: readonly { from: number; to: number }[]): Graph {
  const first = new Int32Array(size + 1);
  for (const e of edges) first[e.from + 1] = (first[e.from + 1] as number) + 1;
  for (let v = 0; v < size; v++) first[v + 1] = (first[v + 1] as number) + (first[v] as number);
  const fill = first.slice(0, size);
  const target = new Int32Array(edges.length);
  for (const e of edges) target[(fill[e.from] as number)++] = e.to;
  return { size, first, target };
}

export function stronglyConnected({ size, first, target }: Graph): Components {
  const index = new Int32Array(size).fill(-1);
  const low = new Int32Array(size);
  const onStack = new Uint8Array(size);
  const stack = new Int32Array(size);
  let top = 0;
  // The walk's own stack: a vertex and how far through its successors it has gone.
  const walkVertex = new Int32Array(size);
  const walkNext = new Int32Array(size);
  const found: number[][] = [];
  let counter = 0;
  for (let root = 0; root < size; root++) {
    if ((index[root] as number) >= 0) continue;
    let depth = 0;
    walkVertex[0] = root;
    walkNext[0] = first[root] as number;
    index[root] = low[root] = counter++;
    stack[top++] = root;
    onStack[root] = 1;
    while (depth >= 0) {
      const v = walkVertex[depth] as number;
      const next = walkNext[depth] as number;
      if (next < (first[v + 1] as number)) {
        walkNext[depth] = next + 1;
        const w = target[next] as number;
        if ((index[w] as number) < 0) {
          index[w] = low[w] = counter++;
          stack[top++] = w;
          onStack[w] = 1;
          depth++;
          walkVertex[depth] = w;
          walkNext[depth] = first[w] as number;
        } else if (onStack[w]) low[v] = Math.min(low[v] as number, index[w] as number);
        continue;
      }
      depth--;
      if (depth >= 0) {
        const parent = walkVertex[depth] as number;
        low[parent] = Math.min(low[parent] as number, low[v] as number);
      }
      if (low[v] !== index[v]) continue;
      const members: number[] = [];
      let w: number;
      do {
        w = stack[--top] as number;
        onStack[w] = 0;
        members.push(w);
      } while (w !== v);
      found.push(members.sort((a, b) => a - b));
    }
  }
  // Tarjan finishes a component after every component it leads to: reversed, sources come first.
  found.reverse();
  const component = new Int32Array(size);
  const start = new Int32Array(found.length + 1);
  const member = new Int32Array(size);
  let at = 0;
  for (const [c, members] of found.entries()) {
    start[c] = at;
    for (const v of members) {
      component[v] = c;
      member[at++] = v;
    }
  }
  start[found.length] = at;
  return { component, start, member };
}
