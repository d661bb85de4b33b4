/**
 * `linesight log ...`: interaction logs into the workspace's event store, and what they say:
 * discovery, journey analytics, conformance to a model, and a calibrated scenario.
 */
import { basename, dirname, relative } from 'node:path';
import { parse as parseYaml, stringify } from 'yaml';
import { textTable } from '../../analysis/report/table.js';
import { writeAtomic } from '../../fs/write-atomic.js';
import {
  type Conformance,
  calibrate,
  conformance,
  type EventStore,
  type LogStore,
  listLogs,
} from '../../mining/index.js';
import { load } from '../../model/load.js';
import { problemText, readRegularFile } from '../../model/read-file.js';
import { formatDuration } from '../../model/units.js';
import { fixed } from '../../text/precision.js';
import { type DfgMeasure, logDfgDiagram } from '../../views/dfg.js';
import { toSvg } from '../../views/svg.js';
import { InputError, type Io, UsageError } from '../io.js';
import { loadOrReport } from '../load-or-report.js';
import { printDiagnostics } from '../print-diagnostics.js';
import { type StoreOptions, withLogStore } from './log-store.js';

/** The log to read: the one named, or the only one in the store. */
export async function logName(store: EventStore | LogStore, options: StoreOptions): Promise<string> {
  const logs = 'engine' in store ? await store.listLogs() : await listLogs(store);
  if (options.log !== undefined) {
    if (!logs.some((l) => l.log === options.log))
      throw new UsageError(
        `the store has no log '${options.log}' (logs: ${logs.map((l) => l.log).join(', ') || 'none yet: linesight log import FILE'})`,
      );
    return options.log;
  }
  if (logs.length === 1) return (logs[0] as { log: string }).log;
  if (logs.length === 0) throw new UsageError('the store holds no log yet: linesight log import FILE');
  throw new UsageError(
    `the store holds ${logs.length} logs: name one with --log (${logs.map((l) => l.log).join(', ')})`,
  );
}

export async function logListCommand(o: StoreOptions, io: Io): Promise<number> {
  return withLogStore(o, 'read', async (store) => {
    const logs = await store.listLogs();
    if (o.json) io.out(`${JSON.stringify(logs, null, 2)}\n`);
    else
      io.out(
        `${
          logs.length
            ? textTable(
                ['Log', 'Events', 'Cases'],
                logs.map((l) => [l.log, l.events, l.cases]),
              )
            : 'no logs yet: linesight log import FILE'
        }\n`,
      );
    return 0;
  });
}

export async function logRemoveCommand(o: StoreOptions & { log: string }, io: Io): Promise<number> {
  return withLogStore(o, 'write', async (store) => {
    const log = await logName(store, o);
    const events = await store.removeLog(log);
    if (o.json) io.out(`${JSON.stringify({ log, events }, null, 2)}\n`);
    else io.out(`removed log '${log}' (${events} events)\n`);
    return 0;
  });
}

export async function logDiscoverCommand(
  o: StoreOptions & {
    top?: string;
    segment?: string;
    channel?: string;
    svg?: string;
    edges?: string;
    measure?: DfgMeasure;
  },
  io: Io,
): Promise<number> {
  const top = Number(o.top ?? 10);
  if (!Number.isInteger(top) || top < 1) throw new UsageError(`--top takes a whole number, not '${o.top}'`);
  const maxEdges = Number(o.edges ?? 60);
  if (!Number.isInteger(maxEdges) || maxEdges < 1)
    throw new UsageError(`--edges takes a whole number, not '${o.edges}'`);
  return withLogStore(o, 'read', async (store) => {
    const log = await logName(store, o);
    const d = await store.discover(log, {
      top,
      ...(o.segment !== undefined ? { segment: o.segment } : {}),
      ...(o.channel !== undefined ? { channel: o.channel } : {}),
    });
    if (o.svg) {
      const diagram = await logDfgDiagram(log, d, maxEdges, o.measure ?? 'frequency');
      writeAtomic(o.svg, toSvg(diagram));
      io.err(`wrote ${o.svg}\n`);
    }
    if (o.json) {
      io.out(`${JSON.stringify(d, null, 2)}\n`);
      return 0;
    }
    const edges = [...d.dfg].sort((a, b) => b.count - a.count).slice(0, 25);
    io.out(
      [
        `Log '${log}': ${d.events} events, ${d.cases} cases`,
        '',
        'Directly-follows (most frequent)',
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
        textTable(
          ['Activity', 'Cases'],
          Object.entries(d.start).sort((a, b) => b[1] - a[1]),
        ),
        '',
        'End activities',
        textTable(
          ['Activity', 'Cases'],
          Object.entries(d.end).sort((a, b) => b[1] - a[1]),
        ),
        '',
        `Variants (top ${d.variants.length}${d.moreVariants ? ` of ${d.variants.length + d.moreVariants}` : ''})`,
        textTable(
          ['Cases', 'Share', 'Cumulative', 'Activities'],
          d.variants.map((v) => [
            v.count,
            `${(v.share * 100).toFixed(1)}%`,
            `${(v.cumulative * 100).toFixed(1)}%`,
            v.activities.join(' > '),
          ]),
        ),
        '',
      ].join('\n'),
    );
    return 0;
  });
}

/** An expected count is a mean: a decimal where it tells, none where the count is large. */
const expectedCount = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: x < 100 ? 1 : 0 });

const count = (n: number) => n.toLocaleString('en-US');

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
          : `${f.verdict === 'fits' ? 'fits' : 'DIFFERS'} (chi-square ${f.chiSquare}, ${f.df} df, p ${f.p < 1e-4 ? f.p.toExponential(1) : f.p.toFixed(4)}; ${count(f.count)} journeys)`
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
            count(p.observed),
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

/** A mapping names activities, a line each: thousands of lines at the most. */
const MAX_MAPPING_BYTES = 16 * 2 ** 20;

function readMapping(file: string | undefined): Record<string, string> {
  if (!file) return {};
  const read = readRegularFile(file, MAX_MAPPING_BYTES);
  if ('problem' in read)
    throw new InputError(problemText(`the mapping ${file}`, read.problem), read.problem.hint);
  let data: unknown;
  try {
    data = parseYaml(read.bytes.toString('utf8'));
  } catch (error) {
    throw new InputError(
      `cannot read the mapping ${file}: ${(error as Error).message.split('\n')[0]}`,
      'a mapping is YAML, a line each: log activity (or "activity (channel)"): step id',
    );
  }
  if (!data || typeof data !== 'object' || Array.isArray(data))
    throw new InputError(
      `${file} is not a mapping`,
      'write one line per activity: "Log activity name: step-id"',
    );
  return Object.fromEntries(Object.entries(data as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
}

export async function logConformanceCommand(
  o: StoreOptions & { model: string; mapping?: string },
  io: Io,
): Promise<number> {
  const model = loadOrReport(o.model, io, 'nothing was mined')?.model;
  if (!model) return 1;
  const mapping = readMapping(o.mapping);
  return withLogStore(o, 'read', async (store) => {
    const log = await logName(store, o);
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
      `Log '${log}' against ${model.name}: fitness ${(r.fitness * 100).toFixed(1)}% (${count(r.allowed)} of ${count(r.moves)} moves the model allows); ${(r.fittingCases * 100).toFixed(1)}% of ${count(r.cases)} cases fit entirely`,
      `Mapped activities: ${Object.keys(r.mappedActivities).length}; not mapped: ${r.unmappedActivities.length ? r.unmappedActivities.join(', ') : 'none'}`,
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
          r.notInModel.slice(0, 15).map((d) => [names.step(d.from), names.step(d.to), count(d.count)]),
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
            count(b.moves),
          ]),
        ),
        '',
      ].join('\n'),
    );
    return 0;
  });
}

export async function logCalibrateCommand(
  o: StoreOptions & { model: string; mapping?: string; output?: string },
  io: Io,
): Promise<number> {
  const model = loadOrReport(o.model, io, 'nothing was mined')?.model;
  if (!model) return 1;
  const mapping = readMapping(o.mapping);
  return withLogStore(o, 'read', async (store) => {
    const log = await logName(store, o);
    const output = o.output ?? 'calibrated.yaml';
    const base = relative(dirname(output), o.model) || basename(o.model);
    const { scenario, notes } = await calibrate(store, log, model, { mapping, base });
    const text = `# A what-if overlay calibrated from the log '${log}' by linesight.\n${notes.map((n) => `# ${n}`).join('\n')}\n${stringify(scenario)}`;
    writeAtomic(output, text);
    const checked = load(output);
    for (const n of notes) io.err(`${n}\n`);
    if (!checked.ok) {
      io.err(
        printDiagnostics(
          checked.diagnostics.filter((d) => d.severity === 'error'),
          io.color,
        ),
      );
      throw new InputError(
        `the calibrated overlay in ${output} does not apply cleanly to ${o.model}`,
        'see the errors above; map the log activities to steps with --mapping',
      );
    }
    io.err(`wrote ${output} (${(scenario.changes as unknown[]).length} changes)\n`);
    if (o.json) io.out(`${JSON.stringify({ output, notes, changes: scenario.changes }, null, 2)}\n`);
    return 0;
  });
}
