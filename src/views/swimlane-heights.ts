/**
 * A swimlane layout from top to bottom: the channels' tracks first (a channel is as tall as the
 * flows that run along it), every row as tall as its tallest box, and the lanes stacked under the
 * title and the stage headers, each tall enough for its name and the line under it.
 */
import type { Lane } from './diagram.js';
import { BOX, LINE_LABEL, laneHeaderHeight, laneHeaderLines } from './swimlane-metrics.js';
import type { Placed } from './swimlane-placed.js';
import { assignTracks, type Levels, type Piece, type Place, type Route } from './swimlane-routes.js';
import { CHANNEL, LANE_PADDING, MARGIN, TITLE_HEIGHT } from './swimlane-spacing.js';
import type { SwimlaneSpec } from './swimlane-spec.js';

export interface Heights {
  lanes: Lane[];
  /** The whole drawing's height. */
  height: number;
  /** A box's top. */
  yOf: (p: Placed) => number;
  /** Where a flow runs along its channel. */
  channelAt: (r: Route) => number;
}

export function layOutHeights(
  spec: SwimlaneSpec,
  routes: Route[],
  levels: Levels,
  rows: number[],
  placed: Map<string, Placed>,
  /** The stage headers' height. */
  headerHeight: number,
): Heights {
  const channel = channelTracks(routes, levels);
  const rowHeight = rowHeights(spec, rows, placed);
  const lineBelow = new Set<number>();
  for (const line of spec.lines) {
    const first = spec.lanes.findIndex((l) => line.below.includes(l.group));
    if (first > 0) lineBelow.add(first - 1);
  }
  const laneLines = spec.lanes.map((l) => laneHeaderLines(l.label));
  const rowY: number[][] = [];
  const channelY: number[][] = [];
  const lanes: Lane[] = [];
  let y = MARGIN + TITLE_HEIGHT + headerHeight;
  for (const [li, lane] of spec.lanes.entries()) {
    const top = y;
    const rowsAt: number[] = [];
    const channels: number[] = [];
    for (let r = 0; r <= (rows[li] ?? 1); r++) {
      channels.push(y);
      y += channel.height(li, r);
      if (r === (rows[li] ?? 1)) break;
      rowsAt.push(y);
      y += rowHeight[li]?.[r] ?? BOX.minHeight;
    }
    const labelNeeds = laneHeaderHeight(laneLines[li] ?? []) + (lineBelow.has(li) ? LINE_LABEL.room : 0);
    y = Math.max(y + LANE_PADDING, top + labelNeeds);
    rowY.push(rowsAt);
    channelY.push(channels);
    lanes.push({
      id: lane.id,
      label: lane.label,
      group: lane.group,
      y: top,
      height: y - top,
      lines: laneLines[li] ?? [],
    });
  }
  return {
    lanes,
    height: y + MARGIN,
    yOf: (p) => rowY[p.place.lane]?.[p.place.row] ?? 0,
    channelAt: (r) => {
      const c = r.channel as { lane: number; row: number };
      return (channelY[c.lane]?.[c.row] ?? 0) + CHANNEL.base / 2 + channel.track(r) * CHANNEL.track;
    },
  };
}

/** Each far flow's track along its channel, and each channel's height: their tracks set the lanes' heights. */
function channelTracks(
  routes: Route[],
  levels: Levels,
): { height: (lane: number, row: number) => number; track: (r: Route) => number } {
  const pieces = new Map<Route, Piece>();
  for (const r of routes) {
    if (!r.channel) continue;
    const level = levels.channel(r.channel.lane, r.channel.row);
    const up = (p: Place) => levels.row(p) < level;
    const lowSide: number[] = [];
    const highSide: number[] = [];
    for (const [gutter, end] of [
      [r.exitGutter, r.from],
      [r.entryGutter, r.to],
    ] as const)
      (up(end) ? lowSide : highSide).push(gutter);
    pieces.set(r, {
      key: `${r.channel.lane}:${r.channel.row}`,
      from: Math.min(r.exitGutter, r.entryGutter),
      to: Math.max(r.exitGutter, r.entryGutter),
      lowSide,
      highSide,
    });
  }
  const tracks = assignTracks([...pieces.values()], 0);
  return {
    height: (lane, row) => {
      const far = tracks.extent.get(`${lane}:${row}`);
      return CHANNEL.base + (far === undefined ? 0 : far * CHANNEL.track);
    },
    track: (r) => tracks.of.get(pieces.get(r) as Piece) ?? 0,
  };
}

/** A row is as tall as its tallest box: a row of support marks is only a mark high. */
function rowHeights(spec: SwimlaneSpec, rows: number[], placed: Map<string, Placed>): number[][] {
  const rowHeight = spec.lanes.map((_, lane) => Array.from({ length: rows[lane] ?? 1 }, () => 0));
  for (const p of placed.values()) {
    const heights = rowHeight[p.place.lane] as number[];
    heights[p.place.row] = Math.max(heights[p.place.row] ?? 0, p.height);
  }
  for (const heights of rowHeight)
    for (const [r, h] of heights.entries()) if (h === 0) heights[r] = BOX.minHeight;
  return rowHeight;
}
