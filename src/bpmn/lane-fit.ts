/**
 * Lanes tall enough for their names: a modeler writes a lane's name vertically in its header, at
 * about 7 px a character in a 12 px font, so a lane shorter than its name cuts it. The taller
 * lanes push what lies below them down; `y` maps a height of the blueprint to the export's.
 */
import type { Lane } from '../views/diagram.js';

const PX_PER_CHAR = 7;
const PADDING = 24;

export const nameHeight = (name: string) => name.length * PX_PER_CHAR + PADDING;

export interface LaneFit {
  /** The lane's top and height in the export. */
  lane(l: Lane): { y: number; height: number };
  /** A height of the blueprint in the export: shifted by the growth of every lane above it and by `gapBelow`'s gap. */
  y(y: number): number;
}

/** `gap` opens between the lanes before `gapBelow` and the rest (between the pools). */
export function fitLanes(lanes: Lane[], gapBelow: Lane | undefined, gap: number): LaneFit {
  const grown = new Map(lanes.map((l) => [l, Math.max(0, nameHeight(l.label) - l.height)]));
  const shiftAt = (y: number) => {
    let shift = gapBelow && y >= gapBelow.y ? gap : 0;
    for (const [l, extra] of grown) if (l.y + l.height <= y) shift += extra;
    return shift;
  };
  return {
    lane: (l) => ({ y: l.y + shiftAt(l.y), height: l.height + (grown.get(l) ?? 0) }),
    y: (y) => y + shiftAt(y),
  };
}
