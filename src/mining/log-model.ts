/**
 * `linesight log model`: a journey model discovered from a log, as the text of a model file. The
 * file starts with a comment saying what it was discovered from and what to check by hand; the
 * model is checked as the loader reads it before anyone writes it.
 */
import { Document, isScalar, visit } from 'yaml';
import { parse } from '../model/load.js';
import { grouped } from '../text/grouped.js';
import { arrivalProfileOf } from './arrival-profile.js';
import { discoveredModel } from './discovered-model.js';
import { modelCounts } from './duckdb-journey-rows.js';
import { countJourneys } from './journey-counts.js';
import type { JourneyRowsSource } from './journey-rows.js';
import { LogModelError } from './log-model-error.js';
import type { LogProfile } from './log-profile.js';
import type { FitCounts } from './log-store.js';
import type { EventStore } from './store.js';
import { MOST_DISCOVERED_STEPS } from './too-many-activities.js';

export interface LogModelOptions {
  /** Activity to stage name. */
  stages?: Map<string, string>;
  /** Activity to `success` or `exit`: how a journey that ends there ended. */
  ends?: Map<string, string>;
  /** Activity to the role that serves it (a contact). */
  roles?: Map<string, string>;
}

export interface LogModel {
  /** The model file's text. */
  text: string;
  document: Record<string, unknown>;
  /** What was discovered and how. */
  notes: string[];
  /** What the user gave that could not be used, and what could not be measured. */
  warnings: string[];
  /** The loader's errors on the discovered model (none, unless something is wrong in linesight). */
  errors: string[];
}

const TO_CHECK = [
  'stages: how the steps are grouped, and their names',
  'ends: which last steps are a success and which an exit (--ends)',
  'durations: they include the queues before the next step; steps never followed by an event have none',
  'roles: only steps with a role count as contacts (--roles, or a resource column)',
  'pools and opening hours: the log does not say who served a step, so nothing queues in this model',
  'effort, emotion, fail causes and backstage: the log does not say them',
];

/** Small maps a line each, as people write them: branches `{ to, p }` and profile entries. */
const ONE_LINE = [new Set(['to', 'p']), new Set(['days', 'hours', 'weight'])];

function yamlText(document: Record<string, unknown>): string {
  const doc = new Document(document);
  visit(doc, {
    Map(_, map) {
      const keys = map.items.map((pair) => (isScalar(pair.key) ? String(pair.key.value) : ''));
      if (ONE_LINE.some((set) => keys.length === set.size && keys.every((k) => set.has(k)))) map.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0 });
}

function refuseTooManyActivities(log: string, profile: LogProfile): void {
  const activities = profile.activities.length;
  if (activities <= MOST_DISCOVERED_STEPS) return;
  const events = new Map<string, number>();
  for (const c of profile.channels) events.set(c.activity, (events.get(c.activity) ?? 0) + c.n);
  let once = 0;
  for (const n of events.values()) if (n === 1) once++;
  const idLike =
    once * 2 > activities
      ? `; ${grouped(once)} of them occur once, so the column read as the activity may hold ids rather than what was done`
      : '';
  throw new LogModelError(
    `the log '${log}' has ${grouped(activities)} activities, more than a discovered model takes (a step each, at most ${grouped(MOST_DISCOVERED_STEPS)})${idLike}`,
    'import the log again with --activity naming the column that says what was done (a step, a page, a topic)',
  );
}

/** From either engine's store (a LogStore), or a DuckDB store opened as such. */
export async function discoverLogModel(
  store: EventStore | (FitCounts & JourneyRowsSource),
  log: string,
  options: LogModelOptions = {},
): Promise<LogModel> {
  const counted = modelCounts(store);
  // Read first: it names every activity, and the journeys of a log with too many take minutes.
  const logProfile = await counted.logProfile(log);
  refuseTooManyActivities(log, logProfile);
  const { nodes, counts } = await countJourneys(counted, log);
  if (counts.cases === 0)
    throw new LogModelError(
      `the log '${log}' has no events to discover a journey from`,
      'import events into it first',
    );
  const profile = arrivalProfileOf(logProfile);
  const { document, notes, warnings } = discoveredModel(nodes, counts, { log, ...options, profile });
  const events = nodes.reduce((s, n) => s + n.events, 0);
  const header = [
    `A customer journey discovered by linesight log model from the log '${log}':`,
    `${events} events of ${counts.cases} customers, ${nodes.length} steps.`,
    ...notes.map((n) => `- ${n}`),
    ...warnings.map((w) => `- warning: ${w}`),
    'Check by hand:',
    ...TO_CHECK.map((c) => `- ${c}`),
  ];
  const text = `${header.map((l) => `# ${l}`.trimEnd()).join('\n')}\n${yamlText(document)}`;
  const checked = parse(text, { file: `discovered-${log}.yaml` });
  const errors = checked.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
  return { text, document, notes, warnings, errors };
}
