/** `linesight log discover`: the directly-follows graph, start and end activities and variants of a log. */

import { textTable } from '../../analysis/report/table.js';
import { writeAtomic } from '../../fs/write-atomic.js';
import { MOST_EDGES, TOP_VARIANTS } from '../../mining/kept-counts.js';
import { unknownSlice } from '../../mining/unknown-slice.js';
import { variantPath } from '../../mining/variant-path.js';
import { formatDuration } from '../../model/units.js';
import { grouped } from '../../text/grouped.js';
import { plural } from '../../text/plural.js';
import type { DfgMeasure } from '../../views/dfg.js';
import { DFG_EDGES, MOST_DRAWN_EDGES, SLOW_LAYOUT_EDGES } from '../../views/dfg-measures.js';
import { InputError, type Io, UsageError } from '../io.js';
import { logName } from './log.js';
import { type StoreOptions, withLogStore } from './log-store.js';

/** Edges, start or end activities listed on the terminal; --json gives them all. */
const SHOWN_ACTIVITIES = 25;

/** The activities with the most cases, as a table, and how many more there are. */
function mostCases(cases: Record<string, number>): string[] {
  const ranked = Object.entries(cases).sort((a, b) => b[1] - a[1]);
  const more = ranked.length - SHOWN_ACTIVITIES;
  return [
    textTable(['Activity', 'Cases'], ranked.slice(0, SHOWN_ACTIVITIES)),
    ...(more > 0 ? [`... and ${grouped(more)} more (--json lists them all)`] : []),
  ];
}

/** The activities kept: 'the most frequent activity', 'the 3 most frequent activities'. */
const mostFrequent = (n: number) =>
  n === 1 ? 'the most frequent activity' : `the ${n} most frequent activities`;

/** Which edges the terminal lists: all of them, or the most frequent of how many. */
const edgesShown = (shown: number, all: number) =>
  shown === all
    ? `${plural(all, 'edge')}, most frequent first`
    : `the ${shown} most frequent of ${plural(all, 'edge')}`;

export type DiscoverCommandOptions = StoreOptions & {
  top?: string;
  segment?: string;
  channel?: string;
  svg?: string;
  edges?: string;
  mostEdges?: string;
  mostActivities?: string;
  measure?: DfgMeasure;
};

export async function logDiscoverCommand(o: DiscoverCommandOptions, io: Io): Promise<number> {
  const top = Number(o.top ?? TOP_VARIANTS);
  if (!Number.isInteger(top) || top < 1)
    throw new UsageError(`--top takes a whole number of at least 1, not '${o.top}'`);
  const maxEdges = Number(o.edges ?? DFG_EDGES);
  if (!Number.isInteger(maxEdges) || maxEdges < 1 || maxEdges > MOST_DRAWN_EDGES)
    throw new UsageError(
      `--edges takes a whole number from 1 to ${MOST_DRAWN_EDGES}, not '${o.edges}': a graph of more edges takes minutes to lay out and none can read it`,
    );
  const mostEdges = Number(o.mostEdges ?? MOST_EDGES);
  if (!Number.isInteger(mostEdges) || mostEdges < 1)
    throw new UsageError(`--most-edges takes a whole number of at least 1, not '${o.mostEdges}'`);
  const mostActivities = o.mostActivities === undefined ? undefined : Number(o.mostActivities);
  if (mostActivities !== undefined && (!Number.isInteger(mostActivities) || mostActivities < 1))
    throw new UsageError(`--most-activities takes a whole number of at least 1, not '${o.mostActivities}'`);
  return withLogStore(o, 'read', async (store) => {
    const log = await logName(store, o);
    const d = await store.discover(log, {
      top,
      edges: mostEdges,
      ...(mostActivities !== undefined ? { activities: mostActivities } : {}),
      ...(o.segment !== undefined ? { segment: o.segment } : {}),
      ...(o.channel !== undefined ? { channel: o.channel } : {}),
    });
    const unknown = unknownSlice(log, d, o);
    if (unknown) throw new InputError(unknown.message, unknown.hint);
    if (o.svg) {
      // Loaded only here: the layout engine and the fonts take a tenth of a second to load.
      const drawn = Math.min(maxEdges, d.dfg.length);
      if (drawn >= SLOW_LAYOUT_EDGES)
        io.err(`laying out the graph's ${drawn} edges: ELK takes seconds for a graph this size\n`);
      const [{ logDfgDiagram }, { toSvg }] = await Promise.all([
        import('../../views/dfg.js'),
        import('../../views/svg.js'),
      ]);
      writeAtomic(o.svg, toSvg(await logDfgDiagram(log, d, maxEdges, o.measure ?? 'frequency')));
      io.err(`wrote ${o.svg}\n`);
    }
    if (o.json) {
      io.out(`${JSON.stringify(d, null, 2)}\n`);
      return 0;
    }
    const edges = [...d.dfg].sort((a, b) => b.count - a.count).slice(0, SHOWN_ACTIVITIES);
    io.out(
      [
        `Log '${log}': ${plural(d.events, 'event')}, ${plural(d.cases, 'case')}${d.moreActivities ? ` of ${mostFrequent(Object.keys(d.activities).length)} (${plural(d.moreActivities, 'other', 'others')} left out)` : ''}`,
        '',
        `Directly-follows (${edgesShown(edges.length, d.dfg.length + d.moreEdges)})`,
        textTable(
          ['From', 'To', 'Count', 'Mean', 'Median', 'P90'],
          edges.map((e) => [
            e.from,
            e.to,
            e.count,
            formatDuration(e.mean),
            formatDuration(e.median),
            formatDuration(e.p90),
          ]),
        ),
        '',
        'Start activities',
        ...mostCases(d.start),
        '',
        'End activities',
        ...mostCases(d.end),
        '',
        `Variants (top ${d.variants.length}${d.moreVariants ? ` of ${d.variants.length + d.moreVariants}` : ''})`,
        textTable(
          ['Cases', 'Share', 'Cumulative', 'Activities'],
          d.variants.map((v) => [
            v.count,
            `${(v.share * 100).toFixed(1)}%`,
            `${(v.cumulative * 100).toFixed(1)}%`,
            variantPath(v.activities, ' > '),
          ]),
        ),
        '',
      ].join('\n'),
    );
    return 0;
  });
}
