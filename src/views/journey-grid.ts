/**
 * The journey map's grid: columns for the path's steps grouped by stage in path order, and rows
 * whose cells hold notes stacked top down, each lane as tall as its tallest stack. Text wraps to
 * its box and is never cut, so boxes grow instead.
 */

import type { JourneyPath } from '../analysis/likely-path.js';
import type { Model } from '../model/model.js';
import type { Box, Column, Lane, Mark } from './diagram.js';
import type { Note, Row } from './journey-notes.js';
import { BOX, laneHeaderHeight, laneHeaderLines } from './swimlane-metrics.js';
import { textWidth, wrap } from './text.js';

/** Right edge of the lane headers. */
export const LEFT = 16 + 170;
export const GAP = 16;
const NOTE = { width: 164, maxWidth: 240, gap: 8 };
const MIN_WIDTH = 960;
export const OUTCOME_COLUMN = '(outcome)';

export interface Slot {
  /** The box's left edge and width in this slot. */
  x: number;
  width: number;
}

export const centre = (s: Slot) => s.x + s.width / 2;

export interface Grid {
  columns: Column[];
  /** One slot per path step, then the outcome's. */
  slots: Slot[];
  /** The column of each slot. */
  columnOfSlot: string[];
  width: number;
}

/**
 * Columns: one group per run of steps in one stage, in path order (a stage met again is a new
 * group), then the outcome. A group is at least as wide as its stage's name; a short path
 * spreads over the map's least width, its boxes widened up to a limit.
 */
export function grid(model: Model, path: JourneyPath, least: number): Grid {
  const stageName = new Map(model.stages.map((s) => [s.id, s.name]));
  const byId = new Map(model.steps.map((s) => [s.id, s]));
  const runs: { id: string; label: string; count: number }[] = [];
  const seen = new Map<string, number>();
  for (const id of path.steps) {
    const stage = byId.get(id)?.stage ?? '';
    const last = runs[runs.length - 1];
    if (last && last.id.split('@')[0] === stage) last.count++;
    else {
      const times = (seen.get(stage) ?? 0) + 1;
      seen.set(stage, times);
      runs.push({
        id: times > 1 ? `${stage}@${times}` : stage,
        label: stageName.get(stage) ?? stage,
        count: 1,
      });
    }
  }
  if (path.end) runs.push({ id: OUTCOME_COLUMN, label: 'Outcome', count: 1 });
  const slotsTotal = runs.reduce((s, r) => s + r.count, 0);
  const target = Math.max(MIN_WIDTH, least);
  const spread = (target - 16 - GAP / 2 - (LEFT + GAP / 2)) / slotsTotal;
  const slotWidth = Math.max(NOTE.width + GAP, spread);
  const boxWidth = Math.min(NOTE.maxWidth, slotWidth - GAP);
  const columns: Column[] = [];
  const slots: Slot[] = [];
  const columnOfSlot: string[] = [];
  let x = LEFT + GAP / 2;
  for (const run of runs) {
    const slot = Math.max(slotWidth, (textWidth(run.label, 12, 'bold') + 24) / run.count);
    for (let i = 0; i < run.count; i++) {
      slots.push({ x: x + i * slot + (slot - boxWidth) / 2, width: boxWidth });
      columnOfSlot.push(run.id);
    }
    columns.push({ id: run.id, label: run.label, x, width: run.count * slot });
    x += run.count * slot;
  }
  return { columns, slots, columnOfSlot, width: Math.max(x + GAP / 2 + 16, MIN_WIDTH, least) };
}

export interface Cell {
  notes: Note[];
  column: string;
  slot: Slot;
  ref: string;
  /** Unique within the row: the path position, or the outcome. */
  key: string;
  kind?: Box['kind'];
  tags?: string[];
}

/**
 * A row's boxes, each cell's notes stacked top down; the lane is as tall as the tallest stack.
 * A row of one note per cell draws its boxes all as tall, so the row reads as one band.
 */
export function placeNotes(
  row: Row,
  cells: readonly Cell[],
  y: number,
): { lane: Lane; boxes: Box[]; marks: Mark[] } {
  const placed: { box: Box; bar?: number }[] = [];
  const least = row.id === 'actions' ? BOX.minHeight : 2 * BOX.padding + BOX.lineHeight;
  let inner = least;
  for (const cell of cells) {
    let top = y + 12;
    for (const [i, note] of cell.notes.entries()) {
      const box = noteBox(row, cell, i, top, least);
      placed.push({ box, ...(note.bar !== undefined ? { bar: note.bar } : {}) });
      top += box.height + NOTE.gap;
    }
    inner = Math.max(inner, top - NOTE.gap - (y + 12));
  }
  const lines = laneHeaderLines(row.label);
  inner = Math.max(inner, laneHeaderHeight(lines) - 24);
  if (cells.every((c) => c.notes.length <= 1)) for (const { box } of placed) box.height = inner;
  return {
    lane: { id: row.id, label: row.label, lines, group: row.group, y, height: inner + 24 },
    boxes: placed.map((p) => p.box),
    marks: placed.flatMap((p) => (p.bar !== undefined ? reachBar(p.box, p.bar) : [])),
  };
}

function noteBox(row: Row, cell: Cell, i: number, top: number, least: number): Box {
  const note = cell.notes[i] as Note;
  const lines = note.paragraphs.flatMap((p) =>
    wrap(p, cell.slot.width - 2 * BOX.padding, BOX.font, Number.POSITIVE_INFINITY),
  );
  const bar = note.bar !== undefined ? 10 : 0;
  return {
    id: `${row.id}:${cell.key}${i > 0 ? `:${i + 1}` : ''}`,
    kind: cell.kind ?? row.kind,
    ref: cell.ref,
    lane: row.id,
    column: cell.column,
    x: cell.slot.x,
    y: top,
    width: cell.slot.width,
    height: Math.max(
      least,
      2 * BOX.padding + lines.length * BOX.lineHeight + (note.caption ? BOX.caption : 0) + bar,
    ),
    lines,
    title: note.title ?? note.paragraphs.join('\n'),
    ...(note.caption ? { caption: note.caption } : {}),
    badges: note.badges ?? [],
    tags: cell.tags ?? [],
  };
}

/** A share as a bar along the foot of its box, over a faint track. */
function reachBar(box: Box, share: number): Mark[] {
  const width = box.width - 2 * BOX.padding;
  const y = box.y + box.height - 9;
  return [
    {
      kind: 'rect',
      role: 'reach-track',
      color: '#e8eaed',
      x: box.x + BOX.padding,
      y,
      width,
      height: 4,
      rx: 2,
    },
    {
      kind: 'rect',
      role: 'reach-bar',
      color: '#1a73e8',
      x: box.x + BOX.padding,
      y,
      width: Math.max(1, width * Math.min(1, share)),
      height: 4,
      rx: 2,
      ref: box.ref,
    },
  ];
}
