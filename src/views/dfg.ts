/**
 * A directly-follows graph as a diagram: activities as boxes (with how often they occur), edges
 * with their counts, start and end markers, laid out by ELK's layered algorithm with orthogonal
 * routing and drawn by the same SVG writer as the other views. Big logs are cut to their most
 * frequent edges, and the cut is said in the subtitle.
 */
import { createRequire } from 'node:module';
import type { ELK as ElkApi, ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import { formatDuration } from '../model/units.js';
import type { Box, Diagram, Edge } from './diagram.js';
import { BOX, labelSize } from './swimlane-metrics.js';
import { wrap } from './text.js';

const ELK = createRequire(import.meta.url)('elkjs/lib/elk.bundled.js') as new () => ElkApi;

export interface DfgInput {
  title: string;
  /** `median`: seconds between the two events (used when the measure is time). */
  edges: { from: string; to: string; count: number; median?: number }[];
  start: Record<string, number>;
  end: Record<string, number>;
  /**
   * How often each activity occurs, when `edges` are not all there are (a discovery gives its most
   * frequent ones): unless given, counted from the edges and starts.
   */
  activities?: Record<string, number>;
  /** Edges there are beyond `edges`, counted in the cut the subtitle says. */
  moreEdges?: number;
  /** Activities whose events the discovery left out, said in the subtitle. */
  moreActivities?: number;
}

import { compareText } from '../text/compare-text.js';
import { grouped } from '../text/grouped.js';
import { plural } from '../text/plural.js';
/** What the edges say: how often (frequency) or how long customers take between the two (time). */
import { DFG_EDGES, type DfgMeasure } from './dfg-measures.js';

export { DFG_MEASURES, type DfgMeasure } from './dfg-measures.js';

const START = '(start)';
const END = '(end)';
const TOP = 16 + 44 + 30;
/** Start and end arrows drawn however few edges are: a log has a handful of each as a rule. */
const ARROWS_KEPT = 25;

/** A log's discovered graph ({dfg, start, end}, as discovery gives it) as a diagram titled for the log. */
export function logDfgDiagram(
  log: string,
  discovered: {
    dfg: DfgInput['edges'];
    start: DfgInput['start'];
    end: DfgInput['end'];
    activities?: DfgInput['activities'];
    moreEdges?: number;
    moreActivities?: number;
  },
  maxEdges?: number,
  measure?: DfgMeasure,
): Promise<Diagram> {
  return dfgDiagram(
    {
      title: `Log '${log}': directly-follows graph`,
      edges: discovered.dfg,
      start: discovered.start,
      end: discovered.end,
      ...(discovered.activities ? { activities: discovered.activities } : {}),
      ...(discovered.moreEdges ? { moreEdges: discovered.moreEdges } : {}),
      ...(discovered.moreActivities ? { moreActivities: discovered.moreActivities } : {}),
    },
    maxEdges,
    measure,
  );
}

export async function dfgDiagram(
  input: DfgInput,
  maxEdges = DFG_EDGES,
  measure: DfgMeasure = 'frequency',
): Promise<Diagram> {
  const edges = [...input.edges]
    .sort((a, b) => b.count - a.count || compareText(a.from, b.from) || compareText(a.to, b.to))
    .slice(0, maxEdges);
  // Start and end arrows are cut like the edges, so that a log of thousands of first activities
  // does not draw thousands of boxes.
  const starts = mostFrequentArrows(input.start, Math.max(maxEdges, ARROWS_KEPT));
  const ends = mostFrequentArrows(input.end, Math.max(maxEdges, ARROWS_KEPT));
  const activities = [
    ...new Set([...edges.flatMap((e) => [e.from, e.to]), ...starts.map(([a]) => a), ...ends.map(([a]) => a)]),
  ].sort();
  const occurrences = new Map<string, number>(input.activities ? Object.entries(input.activities) : []);
  if (!input.activities) {
    for (const e of input.edges) occurrences.set(e.to, (occurrences.get(e.to) ?? 0) + e.count);
    for (const [a, n] of Object.entries(input.start)) occurrences.set(a, (occurrences.get(a) ?? 0) + n);
  }
  const all = [
    ...edges,
    ...starts.map(([a, n]) => ({ from: START, to: a, count: n })),
    ...ends.map(([a, n]) => ({ from: a, to: END, count: n })),
  ];
  const heaviest = Math.max(1, ...all.map((e) => e.count));
  const slowest = Math.max(0, ...edges.map((e) => e.median ?? 0));
  const lines = new Map(activities.map((a) => [a, wrap(a, BOX.width - 2 * BOX.padding, BOX.font, 3)]));
  const labels = all.map((e) => edgeLabel(e, measure));
  const height = (a: string) =>
    Math.max(BOX.minHeight, 2 * BOX.padding + (lines.get(a)?.length ?? 1) * BOX.lineHeight + BOX.caption);
  const graph: ElkNode = {
    id: 'dfg',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.randomSeed': '1',
      'elk.spacing.nodeNode': '24',
      'elk.layered.spacing.nodeNodeBetweenLayers': '60',
      'elk.spacing.edgeEdge': '8',
      // Each label is laid out with its edge, in the middle of it: labels drawn at the edges'
      // starts crowded where several edges leave one activity ("4.35 d" over "15.7 h").
      'elk.edgeLabels.placement': 'CENTER',
      'elk.spacing.edgeLabel': '2',
    },
    children: [
      { id: START, width: 60, height: 32 },
      { id: END, width: 60, height: 32 },
      ...activities.map((a) => ({ id: a, width: BOX.width, height: height(a) })),
    ],
    // Heavier flows get priority for straight, left-to-right lines, so the main path reads first.
    edges: all.map(
      (e, i): ElkExtendedEdge => ({
        id: `e${i}`,
        sources: [e.from],
        targets: [e.to],
        labels: [{ id: `l${i}`, text: labels[i]?.text ?? '', ...labelSize(labels[i]?.text ?? '') }],
        layoutOptions: {
          'elk.layered.priority.direction': String(Math.round((10 * e.count) / heaviest)),
          'elk.layered.priority.straightness': String(Math.round((10 * e.count) / heaviest)),
        },
      }),
    ),
  };
  const laid = await new ELK().layout(graph);
  const left = 16 + 170;
  const boxes: Box[] = (laid.children ?? []).map((n) => {
    const marker = n.id === START || n.id === END;
    return {
      id: n.id,
      kind: marker ? (n.id === START ? 'start' : 'end') : 'step',
      ref: n.id,
      lane: 'activities',
      column: 'log',
      x: left + (n.x ?? 0),
      y: TOP + 20 + (n.y ?? 0),
      width: n.width ?? 0,
      height: n.height ?? 0,
      lines: marker ? [n.id === START ? 'Start' : 'End'] : (lines.get(n.id) ?? [n.id]),
      title: n.id,
      ...(marker ? {} : { caption: `${occurrences.get(n.id) ?? 0} times` }),
      badges: [],
      tags: n.id === END ? ['success'] : [],
    };
  });
  const diagramEdges: Edge[] = (laid.edges ?? []).map((e, i) => {
    const section = e.sections?.[0];
    const points: [number, number][] = section
      ? [section.startPoint, ...(section.bendPoints ?? []), section.endPoint].map((p) => [
          left + p.x,
          TOP + 20 + p.y,
        ])
      : [];
    const source = all[i] as DfgInput['edges'][number];
    const { text, weight } = labels[i] as EdgeLabel;
    const placed = e.labels?.[0];
    return {
      id: `dfg:${i}`,
      kind: source.from === START ? 'start' : 'flow',
      from: source.from,
      to: source.to,
      label: text,
      ...(placed
        ? {
            labelBox: {
              x: left + (placed.x ?? 0),
              y: TOP + 20 + (placed.y ?? 0),
              width: placed.width ?? 0,
              height: placed.height ?? 0,
            },
          }
        : {}),
      ...(weight === undefined ? {} : { weight: weight(heaviest, slowest) }),
      points,
    };
  });
  const width = left + (laid.width ?? 0) + 32;
  const height2 = TOP + 20 + (laid.height ?? 0) + 32;
  const total = input.edges.length + (input.moreEdges ?? 0);
  const cut = total - edges.length;
  const arrowsCut =
    Object.keys(input.start).length + Object.keys(input.end).length - starts.length - ends.length;
  return {
    view: 'journey',
    title: input.title,
    subtitle: `${activitiesCut(Object.keys(input.activities ?? {}).length, input.moreActivities)}${cut > 0 ? `The ${grouped(edges.length)} most frequent of ${grouped(total)} directly-follows edges; ${grouped(cut)} rarer ones left out. ` : ''}${arrowsCut > 0 ? `${plural(arrowsCut, 'rarer start or end arrow')} left out. ` : ''}${
      measure === 'time'
        ? 'Labels give the median time from one activity to the next; thicker lines are slower.'
        : 'Labels count how often one activity directly follows the other; thicker lines are more frequent.'
    }`,
    description: `Directly-follows graph: ${activities.length} activities, ${edges.length} edges.`,
    width,
    height: height2,
    lanes: [{ id: 'activities', label: 'Activities', group: 'customer', y: TOP, height: height2 - TOP - 16 }],
    columns: [{ id: 'log', label: '', x: left, width: width - left - 16 }],
    lines: [],
    boxes,
    edges: diagramEdges,
    curves: [],
    guides: [],
  };
}

interface EdgeLabel {
  text: string;
  /** How heavy the line is drawn, given the heaviest count and the slowest median; none: thin. */
  weight?: (heaviest: number, slowest: number) => number;
}

/**
 * What an edge says. Start and end markers carry counts in both measures: they take no time.
 * Among durations a bare count read as one ("16" beside "25 h"), so there it names what it counts.
 */
function edgeLabel(source: DfgInput['edges'][number], measure: DfgMeasure): EdgeLabel {
  const timed = measure === 'time' && source.from !== START && source.to !== END;
  if (timed)
    return {
      text: formatDuration(source.median ?? 0),
      weight: (_, slowest) => (source.median ?? 0) / slowest || 0,
    };
  if (measure === 'time') return { text: plural(source.count, 'case') };
  return { text: String(source.count), weight: (heaviest) => source.count / heaviest };
}

/** The `most` largest of a start or end count, largest first, equal ones by name. */
function mostFrequentArrows(counts: Record<string, number>, most: number): [string, number][] {
  return Object.entries(counts)
    .sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]))
    .slice(0, most);
}

/** What the subtitle says of activities left out of the log before it was discovered; nothing when none. */
function activitiesCut(shown: number, more: number | undefined): string {
  if (!more) return '';
  return `Only the events of the ${shown === 1 ? '' : `${shown} `}most frequent of ${grouped(shown + more)} activities; the other ${plural(more, 'activity', 'activities')} left out, and the paths drawn between the rest. `;
}
