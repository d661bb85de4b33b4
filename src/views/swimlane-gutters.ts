/**
 * The flows' runs up and down the gutters between columns: each route's runs, with where they turn
 * off left or right, given tracks that cross least; labels sit on their flow right after it leaves
 * its box, and a run beside a label's extent keeps clear of it, otherwise near the boxes.
 */
import { listIn } from '../collections/list-in.js';
import { labelSize } from './swimlane-metrics.js';
import type { PortYs } from './swimlane-ports.js';
import { assignTracks, type Piece, type Route } from './swimlane-routes.js';
import { GUTTER, LOOP_REACH } from './swimlane-spacing.js';

export interface Gutters {
  /** Each route's runs: one along its exit gutter, and one along its entry gutter when it takes a channel. */
  pieces: Map<Route, Piece[]>;
  /** A run's offset into its gutter. */
  track: (piece: Piece) => number;
  width: (gutter: number) => number;
}

export function layOutGutters(
  routes: Route[],
  { exitY, entryY }: PortYs,
  channelAt: (r: Route) => number,
  /** Pixels kept free right of every box before the tracks. */
  leaveRoom: number | undefined,
): Gutters {
  const pieces = new Map<Route, Piece[]>();
  for (const r of routes) pieces.set(r, runsOf(r, exitY(r), entryY(r), channelAt));
  const labelsIn = new Map<string, { y: number; half: number; right: number }[]>();
  for (const r of routes)
    if (r.edge.label) {
      const size = labelSize(r.edge.label);
      listIn(labelsIn, `${r.exitGutter}`).push({
        y: exitY(r),
        half: size.height / 2,
        right: size.width + 3 + GUTTER.track,
      });
    }
  // A loop out of a box and back in reaches this far into the gutter at least: from the column's
  // widest box, the first track was 4 px out, and the loop showed as its arrowhead alone.
  const loops = new Set(routes.filter((r) => r.kind === 'side').flatMap((r) => pieces.get(r) ?? []));
  const clearOfLabels = (piece: Piece) => {
    const [top, bottom] = [Math.min(piece.from, piece.to), Math.max(piece.from, piece.to)];
    let at = Math.max(leaveRoom ?? GUTTER.track, loops.has(piece) ? LOOP_REACH : 0);
    for (const l of labelsIn.get(piece.key) ?? [])
      if (l.y + l.half >= top - 1 && l.y - l.half <= bottom + 1) at = Math.max(at, l.right);
    return at;
  };
  const tracks = assignTracks([...pieces.values()].flat(), 3, GUTTER.track, clearOfLabels);
  return {
    pieces,
    track: (piece) => tracks.of.get(piece) ?? 0,
    width: (g) => {
      const labels = (labelsIn.get(`${g}`) ?? []).map((l) => l.right);
      return Math.max(tracks.extent.get(`${g}`) ?? 0, ...labels, leaveRoom ?? 0) + GUTTER.base;
    },
  };
}

/** A route's runs along the gutters, from its exit at `ey` to its entry at `ty`. */
function runsOf(r: Route, ey: number, ty: number, channelAt: (r: Route) => number): Piece[] {
  if (r.kind === 'side')
    return [{ key: `${r.exitGutter}`, from: ey, to: ty, lowSide: [ey, ty], highSide: [] }];
  if (r.kind === 'adjacent')
    return [{ key: `${r.exitGutter}`, from: ey, to: ty, lowSide: [ey], highSide: [ty] }];
  const cy = channelAt(r);
  const onward = r.entryGutter > r.exitGutter;
  return [
    {
      key: `${r.exitGutter}`,
      from: ey,
      to: cy,
      lowSide: onward ? [ey] : [ey, cy],
      highSide: onward ? [cy] : [],
    },
    {
      key: `${r.entryGutter}`,
      from: cy,
      to: ty,
      lowSide: onward ? [cy] : [],
      highSide: onward ? [ty] : [ty, cy],
    },
  ];
}
