/**
 * The journey map: one persona's journey. The segment's most likely path (or the steps asked
 * for), step after step, stages as column groups in path order, and rows for the customer's
 * action, who serves them, the channel, how many of the segment reach the step, effort, waits,
 * the emotion curve, pain points and the analysis's findings as opportunities. A grid by rule:
 * a journey map is read left to right, so it needs no graph layout.
 *
 *   path (journey-path) ──> visits with reach (analysis/reach) ──> notes per row (journey-notes)
 *        ──> grid of columns and lanes (journey-grid) ──> marks: persona, emotion curve, key
 */
import { analyze } from '../analysis/analyze.js';
import { journeyChain } from '../analysis/journey-chain.js';
import { solve } from '../analysis/markov.js';
import { reachOf } from '../analysis/reach.js';
import type { Model, Step } from '../model/model.js';
import { percent } from '../text/percent.js';
import type { ViewOptions } from './customer-lanes.js';
import type { Box, Column, Diagram, Lane, Mark } from './diagram.js';
import { emotionMarks } from './journey-emotion.js';
import { type Cell, centre, GAP, grid, LEFT, OUTCOME_COLUMN, placeNotes } from './journey-grid.js';
import {
  behindSteps,
  journeyRows,
  type Note,
  type Opportunity,
  perThousandText,
  type Row,
  type Visit,
} from './journey-notes.js';
import { journeyPath, pathKind, type ShownPath } from './journey-path.js';
import { journeyKey, personaCard, textBlock } from './journey-persona.js';
import { laneHeaderHeight, laneHeaderLines } from './swimlane-metrics.js';
import { textWidth } from './text.js';

const TOP = 44;
/** Room above the first lane for the stage names. */
const STAGE_BAND = 30;
const EMOTION_HEIGHT = 170;
/** Room above +2 and below -2 for the values written at the dots. */
const EMOTION_INSET = 28;

/** Findings about the organization behind many steps, listed once under the map rather than under each step. */
const ORGANIZATION_KINDS = new Set([
  'single-point-of-failure',
  'far-from-customer',
  'unlinked-touchpoint',
  'missing-process-link',
]);

/** Lanes, boxes and marks as they are laid out from the top down. */
interface Sheet {
  lanes: Lane[];
  boxes: Box[];
  marks: Mark[];
  y: number;
}

export function journeyMap(model: Model, options: ViewOptions): Diagram {
  const shown = journeyPath(model, options);
  const { segment, path } = shown;
  const jc = journeyChain(model, segment.id);
  const solution = solve(jc.chain);
  const reach = reachOf(jc.chain, solution);
  const byId = new Map(model.steps.map((s) => [s.id, s]));
  const visits: Visit[] = path.steps.map((id, index) => ({
    step: byId.get(id) as Step,
    index,
    ...(path.links[index] ? { onward: path.links[index] } : {}),
    reach: reach[jc.stepIndex.get(id) ?? -1] ?? 0,
  }));
  const opportunities = opportunitiesOn(model, segment.id, path.steps);
  const title = `${model.name}: journey map of ${segment.name}${model.scenario ? ` (scenario: ${model.scenario.name})` : ''}`;
  const layout = grid(model, path, textWidth(title, 17, 'bold') + 32);
  const { columns, slots, columnOfSlot, width } = layout;

  const card = personaCard(model, shown, TOP, width - 32);
  const sheet: Sheet = {
    lanes: [],
    boxes: [],
    marks: [...card.marks],
    y: TOP + card.height + 16 + STAGE_BAND,
  };
  const goals = stageGoals(model, columns);
  if (goals.length > 0)
    place(
      sheet,
      { id: 'goals', label: 'Stage goals', group: 'customer', kind: 'figure', notes: () => [] },
      goals,
    );
  const end = path.end ? model.ends.find((e) => e.id === path.end) : undefined;
  const ended = end ? (solution.absorbed[jc.endIndex.get(end.id) ?? -1] ?? 0) : 0;
  for (const row of journeyRows(
    model,
    opportunities.filter((o) => !o.organization),
    visits.length,
  )) {
    if (row.id === 'emotion') {
      emotionLane(sheet, row, visits, layout.slots.map(centre), width);
      continue;
    }
    const cells: Cell[] = visits.map((v) => ({
      notes: row.notes(v),
      column: columnOfSlot[v.index] as string,
      slot: slots[v.index] as (typeof slots)[number],
      ref: v.step.id,
      key: `${v.index + 1}`,
    }));
    if (end)
      cells.push({
        notes: outcomeNotes(row, end.name, ended),
        column: OUTCOME_COLUMN,
        slot: slots[visits.length] as (typeof slots)[number],
        ref: end.id,
        key: 'outcome',
        ...(row.id === 'actions' ? { kind: 'end' as const, tags: [end.outcome] } : {}),
      });
    place(sheet, row, cells);
  }
  const behind = behindSteps(opportunities.filter((o) => o.organization));
  if (behind.length > 0) textLane(sheet, 'behind', 'Behind these steps (the organization)', behind, width);
  const key = journeyKey(shown, sheet.y + 12, width - 32);
  const emotion = sheet.lanes.find((l) => l.id === 'emotion') as Lane;
  const emotionY = (e: number) =>
    emotion.y + EMOTION_INSET + ((2 - e) / 4) * (emotion.height - 2 * EMOTION_INSET);
  return {
    view: 'journey',
    title,
    description: describe(model, shown, sheet.boxes.filter((b) => b.kind === 'pain').length),
    width,
    height: sheet.y + 12 + key.height + 16,
    lanes: sheet.lanes,
    columns,
    lines: [],
    boxes: sheet.boxes,
    edges: [],
    guides: (visits.some((v) => v.step.emotion !== undefined) ? [2, 1, -1, -2] : []).map((e) => ({
      y: emotionY(e),
      x1: LEFT + 4,
      x2: width - 16,
      label: e > 0 ? `+${e}` : String(e),
    })),
    curves: [],
    marks: [...sheet.marks, ...key.marks],
  };
}

function place(sheet: Sheet, row: Row, cells: readonly Cell[]): void {
  const placed = placeNotes(row, cells, sheet.y);
  sheet.lanes.push(placed.lane);
  sheet.boxes.push(...placed.boxes);
  sheet.marks.push(...placed.marks);
  sheet.y += placed.lane.height;
}

/** The emotion curve's lane; a path without emotion scores says so rather than stay blank. */
function emotionLane(
  sheet: Sheet,
  row: Row,
  visits: readonly Visit[],
  xs: readonly number[],
  width: number,
): void {
  const lines = laneHeaderLines(row.label);
  const lane: Lane = {
    id: row.id,
    label: row.label,
    lines,
    group: row.group,
    y: sheet.y,
    height: Math.max(EMOTION_HEIGHT, laneHeaderHeight(lines)),
  };
  sheet.lanes.push(lane);
  const points = visits.map((v) => ({
    x: xs[v.index] ?? 0,
    emotion: v.step.emotion,
    ref: v.step.id,
    name: v.step.name,
  }));
  sheet.y += lane.height;
  if (points.some((p) => p.emotion !== undefined)) {
    sheet.marks.push(
      ...emotionMarks(
        points,
        lane.y + EMOTION_INSET,
        lane.y + lane.height - EMOTION_INSET,
        LEFT + 4,
        width - 16,
      ),
    );
    return;
  }
  // No scale and no zero line without a score: the note alone, in the lane's middle, where the
  // scale's lines ran through its words.
  const note = (y: number) =>
    textBlock(
      'No step of this path has an emotion score: give the steps an emotion from -2 to +2 in the model.',
      LEFT + GAP,
      y,
      width - 16 - GAP - LEFT - GAP,
      'emotion-missing',
      '#5f6368',
    );
  sheet.marks.push(...note(lane.y + (lane.height - note(0).height) / 2).marks);
}

/** A lane of left-aligned text across the map. */
function textLane(
  sheet: Sheet,
  id: string,
  label: string,
  paragraphs: readonly string[],
  width: number,
): void {
  const marks: Mark[] = [];
  let y = sheet.y + 12;
  for (const text of paragraphs) {
    const block = textBlock(text, LEFT + GAP, y, width - 16 - GAP - LEFT - GAP, id, '#202124');
    marks.push(...block.marks);
    y += block.height + 4;
  }
  const lines = laneHeaderLines(label);
  const height = Math.max(50, y - sheet.y + 8, laneHeaderHeight(lines));
  sheet.lanes.push({ id, label, lines, group: 'backstage', y: sheet.y, height });
  sheet.marks.push(...marks);
  sheet.y += height;
}

/** The findings whose steps include a path step, ranked as the analysis ranks them, at the path positions they concern. */
function opportunitiesOn(model: Model, segment: string, steps: readonly string[]): Opportunity[] {
  return analyze(model, { segment }).findings.flatMap((f, i) => {
    const at = steps.flatMap((id, k) => (f.steps.includes(id) ? [k] : []));
    return at.length > 0
      ? [
          {
            rank: i + 1,
            severity: f.severity,
            title: f.title,
            because: f.because,
            at,
            organization: ORGANIZATION_KINDS.has(f.kind),
          },
        ]
      : [];
  });
}

/** The end the path reaches: its name in the actions row, and how many of the segment end there. */
function outcomeNotes(row: Row, name: string, share: number): Note[] {
  if (row.id === 'actions') return [{ paragraphs: [name] }];
  if (row.id === 'reach')
    return [
      {
        paragraphs: [`${perThousandText(share)} of 1,000 end here`],
        bar: share,
        title: `${Number((share * 1000).toFixed(1))} of every 1,000 customers of the segment who arrive end '${name}'`,
      },
    ];
  return [];
}

/** One box per stage group whose stage has a goal, as wide as the group. */
function stageGoals(model: Model, columns: readonly Column[]): Cell[] {
  const goals = new Map(model.stages.map((s) => [s.id, s.goal]));
  return columns.flatMap((c) => {
    const stage = c.id.split('@')[0] ?? '';
    const goal = goals.get(stage);
    return goal
      ? [
          {
            notes: [{ paragraphs: [goal] }],
            column: c.id,
            slot: { x: c.x + GAP / 2, width: c.width - GAP },
            ref: stage,
            key: c.id,
          },
        ]
      : [];
  });
}

function describe(model: Model, shown: ShownPath, pains: number): string {
  const { path, segment } = shown;
  const stages = new Set(path.steps.map((id) => model.steps.find((s) => s.id === id)?.stage)).size;
  const taken =
    path.start !== undefined && path.end !== undefined
      ? `, taken from start to end by ${percent(path.p)} of them`
      : '';
  return `Journey map of ${segment.name} in ${model.name}: ${pathKind(model, shown)}, ${path.steps.length} steps in ${stages} stages${taken}, with the emotion curve, ${pains} pain points and the findings that concern these steps.`;
}
