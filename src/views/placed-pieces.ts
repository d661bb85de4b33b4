/**
 * The pieces of the flows routed so far, filed by the gutter they are in or pass: a new flow's
 * crossings depend only on the pieces in the gutters it spans, so it reads those and not every
 * piece of the diagram (which made routing a 1,000-step blueprint's flows grow with their square).
 * A flow routed again takes its pieces out of the few lists it is in. Sums over the pieces are of
 * whole and half numbers, exact in any order, so the filing order never shows in a layout. Lists,
 * not sets: iterating sets made an object per piece read, 1.6 GB for a 2,000-step blueprint.
 */
export interface Vertical {
  gutter: number;
  from: number;
  to: number;
}

export interface Run {
  lane: number;
  row: number;
  level: number;
  /** The gutters it runs between, from < to. */
  from: number;
  to: number;
}

/** Where a flow leaves or reaches a box: a short run across the gutter at that level. */
export interface Stub {
  gutter: number;
  level: number;
}

export class PlacedPieces {
  private readonly verticals: Vertical[][] = [];
  /** Each run under every gutter from its `from` to its `to`, both included. */
  private readonly runs: Run[][] = [];
  private readonly stubs: Stub[][] = [];

  static of(pieces: { verticals: Vertical[]; runs: Run[]; stubs: Stub[] }): PlacedPieces {
    const placed = new PlacedPieces();
    for (const v of pieces.verticals) placed.addVertical(v);
    for (const r of pieces.runs) placed.addRun(r);
    for (const s of pieces.stubs) placed.addStub(s);
    return placed;
  }

  addVertical(v: Vertical): void {
    at(this.verticals, v.gutter, () => []).push(v);
  }

  removeVertical(v: Vertical): void {
    remove(this.verticals[v.gutter], v);
  }

  addRun(r: Run): void {
    for (let g = r.from; g <= r.to; g++) at(this.runs, g, () => []).push(r);
  }

  removeRun(r: Run): void {
    for (let g = r.from; g <= r.to; g++) remove(this.runs[g], r);
  }

  addStub(s: Stub): void {
    at(this.stubs, s.gutter, () => []).push(s);
  }

  verticalsIn(gutter: number): readonly Vertical[] {
    return this.verticals[gutter] ?? NONE;
  }

  /** The runs that reach or pass the gutter. */
  runsThrough(gutter: number): readonly Run[] {
    return this.runs[gutter] ?? NONE;
  }

  stubsIn(gutter: number): readonly Stub[] {
    return this.stubs[gutter] ?? NONE;
  }
}

const NONE: readonly never[] = [];

/** Takes the item out, the last one taking its place. */
function remove<T>(list: T[] | undefined, item: T): void {
  if (!list) return;
  const i = list.indexOf(item);
  if (i < 0) return;
  list[i] = list[list.length - 1] as T;
  list.pop();
}

function at<T>(list: T[], i: number, make: () => T): T {
  let item = list[i];
  if (item === undefined) {
    item = make();
    list[i] = item;
  }
  return item;
}
