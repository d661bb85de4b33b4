/** `linesight log conformance`: how well a log's journeys fit a model, in moves, starts, ends and branches. */
import { textTable } from '../../analysis/report/table.js';
import { type Conformance, conformance } from '../../mining/conformance.js';
import { oneModelledPlace } from '../../mining/start-end-fit.js';
import { grouped } from '../../text/grouped.js';
import { fixed } from '../../text/precision.js';
import type { Io } from '../io.js';
import { withLogAgainstModel } from './log-against-model.js';
import type { StoreOptions } from './log-store.js';

/** An expected count is a mean: a decimal where it tells, none where the count is large. */
const expectedCount = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: x < 100 ? 1 : 0 });

/** People read steps, ends and segments by their names; the JSON keeps the ids. */
interface Names {
  step(id: string): string;
  segment(id: string | undefined): string;
}

/** Starts or ends, a verdict line per segment, then a table of places with z scores. */
function placesText(title: string, fits: Conformance['starts'], names: Names): string[] {
  const perSegment = fits.some((f) => f.segment !== undefined);
  const verdicts = fits.map(
    (f) =>
      `${f.segment === undefined ? '' : `${names.segment(f.segment)}: `}${
        f.verdict === 'none'
          ? 'nothing to test: no journey of the log reaches a mapped step (map its activities with --mapping)'
          : `${f.verdict === 'fits' ? 'fits' : 'DIFFERS'} (${oneModelledPlace(f) ?? `chi-square ${f.chiSquare}, ${f.df} df, p ${f.p < 1e-4 ? f.p.toExponential(1) : f.p.toFixed(4)}`}; ${grouped(f.count)} journeys)`
      }`,
  );
  return [
    title,
    ...verdicts,
    textTable(
      [...(perSegment ? ['Segment'] : []), 'Step', 'Journeys', 'Expected', 'Share', 'Modelled share', 'z'],
      // A verdict of none has nothing to show: its places would all read 0 journeys.
      fits
        .filter((f) => f.verdict !== 'none')
        .flatMap((f) =>
          f.places.map((p) => [
            ...(perSegment ? [names.segment(f.segment)] : []),
            names.step(p.step),
            grouped(p.observed),
            expectedCount(p.expected),
            `${(p.observedShare * 100).toFixed(1)}%`,
            `${(p.modelledShare * 100).toFixed(1)}%`,
            p.z === null ? 'not in model' : fixed(p.z, 1),
          ]),
        ),
    ),
    '',
  ];
}

/** Unmapped activities named on the line; --json gives them all. */
const SHOWN_UNMAPPED = 25;

function unmapped(activities: string[]): string {
  if (activities.length === 0) return 'none';
  const more = activities.length - SHOWN_UNMAPPED;
  const shown = activities.slice(0, SHOWN_UNMAPPED).join(', ');
  return more > 0 ? `${shown} and ${grouped(more)} more (--json lists them all)` : shown;
}

export async function logConformanceCommand(
  o: StoreOptions & { model: string; mapping?: string },
  io: Io,
): Promise<number> {
  return withLogAgainstModel(o, io, async ({ model, mapping, store, log }) => {
    const r = await conformance(store, log, model, mapping);
    const perSegment = r.branches.some((b) => b.segment !== undefined);
    if (o.json) {
      io.out(`${JSON.stringify(r, null, 2)}\n`);
      return 0;
    }
    const names: Names = {
      step: (id) => r.names[id] ?? id,
      segment: (id) => (id === undefined ? '' : (r.segmentNames[id] ?? id)),
    };
    const head = [
      `Log '${log}' against ${model.name}: fitness ${(r.fitness * 100).toFixed(1)}% (${grouped(r.allowed)} of ${grouped(r.moves)} moves the model allows); ${(r.fittingCases * 100).toFixed(1)}% of ${grouped(r.cases)} cases fit entirely`,
      `Mapped activities: ${Object.keys(r.mappedActivities).length}; not mapped: ${unmapped(r.unmappedActivities)}`,
      ...r.mappingProblems.map((p) => `Not used: ${p}`),
      ...(r.startEventsLeftOut
        ? [
            'Start events left out: the log has start and complete events, and each visit counts once, at its complete',
          ]
        : []),
    ];
    // Nothing compared: the tables below would read as a perfect fit.
    if (r.moves === 0) {
      io.out(
        `${[...head, 'Nothing to compare: no event of the log maps to a step of the model; map the activities with --mapping FILE, one line each, activity (or "activity (channel)"): step id'].join('\n')}\n`,
      );
      return 0;
    }
    io.out(
      [
        ...head,
        '',
        'What customers do that the model lacks',
        textTable(
          ['From', 'To', 'Count'],
          r.notInModel.slice(0, 15).map((d) => [names.step(d.from), names.step(d.to), grouped(d.count)]),
        ),
        '',
        "The model's ways on that nobody takes",
        textTable(
          ['From', 'To'],
          r.neverTaken.slice(0, 15).map((d) => [names.step(d.from), names.step(d.to)]),
        ),
        '',
        ...placesText('Where journeys start: observed against modelled', r.starts, names),
        ...placesText(
          'Where journeys end (after which step): observed against modelled, given the visits',
          r.ends,
          names,
        ),
        'Branches: observed against modelled',
        textTable(
          [...(perSegment ? ['Segment'] : []), 'Step', 'To', 'Observed', 'Modelled', 'Moves'],
          r.branches.map((b) => [
            ...(perSegment ? [names.segment(b.segment)] : []),
            names.step(b.step),
            names.step(b.to),
            `${(b.observed * 100).toFixed(1)}%`,
            `${(b.modelled * 100).toFixed(1)}%`,
            grouped(b.moves),
          ]),
        ),
        '',
      ].join('\n'),
    );
    return 0;
  });
}
