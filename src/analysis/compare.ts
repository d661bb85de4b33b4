/**
 * Our customer's experience against a competitor's, stage by stage: steps, contacts, customer
 * time, effort and failure exposure, with where we are worse and by how much. Both journeys are
 * read as a random arriving customer of each company experiences them (segments by share).
 */
import type { Model } from '../model/model.js';
import { plural } from '../text/plural.js';
import { equalAsShown, sharedDecimals } from '../text/precision.js';
import { STAGE_METRICS } from './metric-catalog.js';
import { journeyMetrics } from './metrics.js';

export interface ComparedMetric {
  key: string;
  label: string;
  ours: number;
  theirs: number;
  oursText: string;
  theirsText: string;
  /**
   * Who is better for the customer on this metric; `unrated` when a side leaves the effort of a
   * step unrated, since an unrated step is no effortless one (effort runs from 1) and no one can tell.
   */
  ahead: 'us' | 'them' | 'even' | 'unrated';
  /** How much worse we are (ours - theirs, and relative to theirs), when we are behind. */
  gap: number;
  relativeGap: number | null;
}

export interface StageComparison {
  stage: string;
  name: string;
  /** False when one side has no such stage. */
  inOurs: boolean;
  inTheirs: boolean;
  metrics: ComparedMetric[];
  /** Metrics on which each side is ahead. */
  oursAhead: string[];
  theirsAhead: string[];
}

export interface Comparison {
  ours: { id: string; name: string };
  theirs: { id: string; name: string; competitor?: string };
  stages: StageComparison[];
  overall: ComparedMetric[];
  /**
   * Stages both journeys have where we are ahead on more metrics than they are, and the other
   * way round. A stage one side lacks is nobody's lead: it is listed as only ours or only theirs.
   */
  stagesWeLead: string[];
  stagesTheyLead: string[];
  onlyOurs: string[];
  onlyTheirs: string[];
}

/** The text of a side's effort that leaves steps unrated; undefined when every step is rated. */
function unratedText(model: Model, stage: string | undefined, value: string): string | undefined {
  const steps = model.steps.filter((s) => stage === undefined || s.stage === stage);
  const unrated = steps.filter((s) => s.effort === undefined).length;
  if (unrated === 0) return undefined;
  return unrated === steps.length ? 'not rated' : `${value} (${plural(unrated, 'step')} unrated)`;
}

/** Effort compared only where both sides rate every step; else no one is ahead on it. */
function withRatings(m: ComparedMetric, ours: Model, theirs: Model, stage?: string): ComparedMetric {
  if (m.key !== 'effort') return m;
  const [a, b] = [unratedText(ours, stage, m.oursText), unratedText(theirs, stage, m.theirsText)];
  if (a === undefined && b === undefined) return m;
  return {
    ...m,
    oursText: a ?? m.oursText,
    theirsText: b ?? m.theirsText,
    ahead: 'unrated',
    gap: 0,
    relativeGap: null,
  };
}

export function compareJourneys(ours: Model, theirs: Model): Comparison {
  const a = journeyMetrics(ours).overall;
  const b = journeyMetrics(theirs).overall;
  const stageIds = [
    ...ours.stages.map((s) => s.id),
    ...theirs.stages.map((s) => s.id).filter((id) => !ours.stages.some((s) => s.id === id)),
  ];
  const compare = (
    key: string,
    label: string,
    x: number,
    y: number,
    format: (v: number) => string,
  ): ComparedMetric => {
    // Ahead only by more than the figures' shown precision: 1.93 against 1.925 steps is even.
    const ahead = equalAsShown(x, y) ? 'even' : x < y ? 'us' : 'them';
    // Counts are written to the same decimals on both sides; times in their own units already.
    const decimals = sharedDecimals(x, y);
    const text = (v: number) =>
      key === 'time'
        ? format(v)
        : v.toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: decimals });
    return {
      key,
      label,
      ours: x,
      theirs: y,
      oursText: text(x),
      theirsText: text(y),
      ahead,
      gap: ahead === 'them' ? x - y : 0,
      relativeGap: ahead === 'them' && y !== 0 ? (x - y) / Math.abs(y) : null,
    };
  };
  const zero = { steps: 0, contacts: 0, calls: 0, time: 0, effort: 0, failures: 0 };
  const stages = stageIds.map((id): StageComparison => {
    const x = a.byStage[id] ?? zero;
    const y = b.byStage[id] ?? zero;
    const metrics = STAGE_METRICS.map((def) =>
      withRatings(
        compare(def.key, def.label, def.get(x) ?? 0, def.get(y) ?? 0, def.format),
        ours,
        theirs,
        id,
      ),
    );
    const [inOurs, inTheirs] = [id in a.byStage, id in b.byStage];
    // A stage one side lacks is nobody's lead on any metric: its zeros are no figures.
    const both = inOurs && inTheirs;
    return {
      stage: id,
      name: ours.stages.find((s) => s.id === id)?.name ?? theirs.stages.find((s) => s.id === id)?.name ?? id,
      inOurs,
      inTheirs,
      metrics,
      oursAhead: both ? metrics.filter((m) => m.ahead === 'us').map((m) => m.key) : [],
      theirsAhead: both ? metrics.filter((m) => m.ahead === 'them').map((m) => m.key) : [],
    };
  });
  const both = stages.filter((s) => s.inOurs && s.inTheirs);
  const overall = STAGE_METRICS.map((def) => {
    const sum = (m: typeof a) => Object.values(m.byStage).reduce((s, st) => s + (def.get(st) ?? 0), 0);
    return withRatings(compare(def.key, def.label, sum(a), sum(b), def.format), ours, theirs);
  });
  return {
    ours: { id: ours.id, name: ours.name },
    theirs: {
      id: theirs.id,
      name: theirs.name,
      ...(theirs.competitor ? { competitor: theirs.competitor } : {}),
    },
    stages,
    overall,
    stagesWeLead: both.filter((s) => s.oursAhead.length > s.theirsAhead.length).map((s) => s.stage),
    stagesTheyLead: both.filter((s) => s.theirsAhead.length > s.oursAhead.length).map((s) => s.stage),
    onlyOurs: stages.filter((s) => s.inOurs && !s.inTheirs).map((s) => s.stage),
    onlyTheirs: stages.filter((s) => s.inTheirs && !s.inOurs).map((s) => s.stage),
  };
}
