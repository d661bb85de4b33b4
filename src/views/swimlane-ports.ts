/**
 * Where flows leave and enter their boxes: along a box's side, in the order of where each flow
 * goes next, so that they do not cross, spread evenly with the room each one's label takes.
 */

import { compareText } from '../text/compare-text.js';
import type { Placed, Port } from './swimlane-placed.js';
import type { Route } from './swimlane-routes.js';
import { ENTRY_GAP, portRoom } from './swimlane-spacing.js';

export interface PortYs {
  exitY: (r: Route) => number;
  entryY: (r: Route) => number;
}

export function portYs(
  sides: { right: Map<string, Port[]>; left: Map<string, Port[]> },
  placed: Map<string, Placed>,
  yOf: (p: Placed) => number,
  channelAt: (r: Route) => number,
): PortYs {
  const center = (id: string) => {
    const p = placed.get(id) as Placed;
    return yOf(p) + p.height / 2;
  };
  const ports = new Map<string, number>();
  const spread = (id: string, list: Port[], side: 'right' | 'left') => {
    const p = placed.get(id) as Placed;
    // A retry's loop takes the top of the side, its two ends side by side: it crosses nothing.
    const toward = ({ route: r }: Port) => {
      if (r.edge.from === r.edge.to) return yOf(p);
      if (r.channel) return channelAt(r);
      return r.edge.from === id ? center(r.edge.to) : center(r.edge.from);
    };
    const sorted = [...list].sort(
      (a, b) => toward(a) - toward(b) || compareText(a.route.edge.id, b.route.edge.id) || +b.out - +a.out,
    );
    const room = sorted.map((q) => (q.out ? portRoom(q.route.edge.label) : ENTRY_GAP));
    // Spread evenly over the side, each flow with the room its label takes.
    const gap = (p.height - room.reduce((a, b) => a + b, 0)) / (sorted.length + 1);
    let at = yOf(p) + gap;
    for (const [i, q] of sorted.entries()) {
      ports.set(`${side}:${q.out ? 'out' : 'in'}:${q.route.edge.id}`, Math.round(at + (room[i] ?? 0) / 2));
      at += (room[i] ?? 0) + gap;
    }
  };
  for (const [id, list] of sides.right) spread(id, list, 'right');
  for (const [id, list] of sides.left) spread(id, list, 'left');
  return {
    exitY: (r) => ports.get(`right:out:${r.edge.id}`) ?? center(r.edge.from),
    entryY: (r) => ports.get(`${r.kind === 'side' ? 'right' : 'left'}:in:${r.edge.id}`) ?? center(r.edge.to),
  };
}
