/**
 * Journey metrics, exact: for each segment, the expected visits to every step from the absorbing
 * chain, and from them the probability of each end, expected steps, contacts, calls, channel
 * switches, hand-offs, customer time, effort, emotion and failures, in total and stage by stage.
 * Overall figures weight the segments by their share of arrivals.
 */
import type { Model, Step } from '../model/model.js';
import { solveFlagged } from './flagged.js';
import { type JourneyChain, journeyChain, type Move, type QueueEffect } from './journey-chain.js';
import { solve } from './markov.js';
import { type StepFacts, stepFacts } from './step-facts.js';

export interface StageMetrics {
  steps: number;
  contacts: number;
  calls: number;
  /** Seconds: service plus planned waits. */
  time: number;
  effort: number;
  failures: number;
}

export interface JourneyMetrics {
  /** Probability of ending at each end. */
  ends: Record<string, number>;
  /** Probability of entering a loop with no way out. */
  trapped: number;
  steps: number;
  contacts: number;
  calls: number;
  channelSwitches: number;
  /** Channel switches that follow a failure: forced on the customer. */
  forcedSwitches: number;
  handoffs: number;
  /** Moves between steps served by different departments: hand-offs the customer feels. */
  transfers: number;
  /** Seconds of service and of planned waits (with queues: also waiting for a closed line to open). */
  serviceTime: number;
  waitTime: number;
  /** Seconds in pools' queues: 0 in the exact figures, from queueing formulas in the queues' (Infinity when a queue grows without bound). */
  queueWait: number;
  time: number;
  /** Total effort (sum of step effort over visits) and the mean per step visited. */
  effort: number;
  effortPerStep: number;
  /** Mean emotion over the visited steps that have one; null when none has. */
  emotion: number | null;
  /** Expected visits to steps that have an emotion score (the weight behind `emotion`). */
  emotionVisits: number;
  failures: number;
  /** Probability of meeting at least one failure, overall and given each end. */
  anyFailure: number;
  anyFailureByEnd: Record<string, number>;
  /** Expected visits to each step. */
  visits: Record<string, number>;
  byStage: Record<string, StageMetrics>;
}

export interface SegmentMetrics extends JourneyMetrics {
  segment: string;
  share: number;
}

export interface Metrics {
  segments: SegmentMetrics[];
  overall: JourneyMetrics;
}

export function journeyMetrics(
  model: Model,
  segments = model.segments.map((s) => s.id),
  queue?: QueueEffect,
  chains = segments.map((segment) => journeyChain(model, segment, queue)),
  facts = stepFacts(model),
): Metrics {
  const per = chains.map((jc) => segmentMetrics(model, jc, facts, queue));
  const shares = per.map((m) => m.share);
  const total = shares.reduce((a, b) => a + b, 0) || 1;
  return {
    segments: per,
    overall: combine(
      per,
      shares.map((s) => s / total),
    ),
  };
}

/** `jc` is the segment's chain with the same queue effect, if any. */
function segmentMetrics(
  model: Model,
  jc: JourneyChain,
  facts: Map<string, StepFacts>,
  queue?: QueueEffect,
): SegmentMetrics {
  const segment = jc.segment;
  const solution = solve(jc.chain);
  const m: JourneyMetrics = empty(model);
  for (const [e, end] of model.ends.entries()) m.ends[end.id] = solution.absorbed[e] ?? 0;
  m.trapped = solution.trapped;
  const stepFacts = model.steps.map((step) => facts.get(step.id) as StepFacts);
  let emotionWeight = 0;
  let emotionSum = 0;
  for (const [i, step] of model.steps.entries()) {
    const visits = solution.visits[i] ?? 0;
    const f = stepFacts[i] as StepFacts;
    m.visits[step.id] = visits;
    const stage = m.byStage[step.stage] as StageMetrics;
    // Customers who give up in a queue are neither served nor fail there (as in the simulator).
    const effect = queue?.at(step, segment);
    const served = visits * (1 - (effect?.abandonment ?? 0));
    // A step no one reaches adds no wait, even behind a queue without bound.
    const queued = visits > 0 ? visits * (effect?.queueWait ?? 0) : 0;
    const closed = visits > 0 ? visits * (effect?.closedWait ?? 0) : 0;
    const time = served * f.serviceTime + visits * f.waitTime + queued + closed;
    const effort = visits * (step.effort ?? 0);
    const failures = served * (step.fail?.p ?? 0);
    const contacts = f.contact ? visits : 0;
    const calls = f.call ? visits : 0;
    m.steps += visits;
    m.contacts += contacts;
    m.calls += calls;
    m.time += time;
    m.effort += effort;
    m.failures += failures;
    stage.steps += visits;
    stage.contacts += contacts;
    stage.calls += calls;
    stage.time += time;
    stage.effort += effort;
    stage.failures += failures;
    m.serviceTime += served * f.serviceTime;
    m.waitTime += visits * f.waitTime + closed;
    m.queueWait += queued;
    m.handoffs += visits * f.handoffs;
    if (step.emotion !== undefined) {
      emotionWeight += visits;
      emotionSum += visits * step.emotion;
    }
    for (const move of jc.moves[i] as Move[]) {
      const to = jc.stepIndex.get(move.to);
      if (to === undefined) continue;
      const flow = visits * move.p;
      const [a, b] = [step.channel, (model.steps[to] as Step).channel];
      if (a && b && a !== b) {
        m.channelSwitches += flow;
        if (move.failure) m.forcedSwitches += flow;
      }
      const [da, db] = [f.servingDepartment, stepFacts[to]?.servingDepartment];
      if (da && db && da !== db) m.transfers += flow;
    }
  }
  m.effortPerStep = m.steps > 0 ? m.effort / m.steps : 0;
  m.emotion = emotionWeight > 0 ? emotionSum / emotionWeight : null;
  m.emotionVisits = emotionWeight;
  const flagged = solveFlagged(jc, model, (move) => move.failure, 'failure');
  const ends = model.ends.length;
  for (const [e, end] of model.ends.entries()) {
    const failed = flagged.absorbed[ends + e] ?? 0;
    const reached = m.ends[end.id] ?? 0;
    m.anyFailure += failed;
    m.anyFailureByEnd[end.id] = reached > 0 ? failed / reached : 0;
  }
  const share = model.segments.find((s) => s.id === segment)?.share ?? 0;
  return { segment, share, ...m };
}

function empty(model: Model): JourneyMetrics {
  return {
    ends: {},
    trapped: 0,
    steps: 0,
    contacts: 0,
    calls: 0,
    channelSwitches: 0,
    forcedSwitches: 0,
    handoffs: 0,
    transfers: 0,
    serviceTime: 0,
    waitTime: 0,
    queueWait: 0,
    time: 0,
    effort: 0,
    effortPerStep: 0,
    emotion: null,
    emotionVisits: 0,
    failures: 0,
    anyFailure: 0,
    anyFailureByEnd: {},
    visits: {},
    byStage: Object.fromEntries(
      model.stages.map((s) => [s.id, { steps: 0, contacts: 0, calls: 0, time: 0, effort: 0, failures: 0 }]),
    ),
  };
}

const SUMMED = [
  'trapped',
  'steps',
  'contacts',
  'calls',
  'channelSwitches',
  'forcedSwitches',
  'handoffs',
  'transfers',
  'serviceTime',
  'waitTime',
  'queueWait',
  'time',
  'effort',
  'failures',
  'anyFailure',
  'emotionVisits',
] as const;

/** Share-weighted mixture of segments: what a random arriving customer experiences. */
export function combine(parts: JourneyMetrics[], weights: number[]): JourneyMetrics {
  const { segment: _segment, share: _share, ...first } = parts[0] as SegmentMetrics;
  // The first part's shape, every figure written below (a JSON copy of 5,000 steps' visits cost more than the mixing).
  const out: JourneyMetrics = {
    ...first,
    ends: {},
    anyFailureByEnd: {},
    visits: {},
    byStage: Object.fromEntries(Object.entries(first.byStage).map(([id, s]) => [id, { ...s }])),
  };
  const mix = (get: (m: JourneyMetrics) => number) =>
    parts.reduce((sum, m, i) => sum + (weights[i] ?? 0) * get(m), 0);
  for (const key of SUMMED) out[key] = mix((m) => m[key]);
  for (const id of Object.keys(first.ends)) {
    out.ends[id] = mix((m) => m.ends[id] ?? 0);
    const failed = mix((m) => (m.ends[id] ?? 0) * (m.anyFailureByEnd[id] ?? 0));
    out.anyFailureByEnd[id] = (out.ends[id] ?? 0) > 0 ? failed / (out.ends[id] ?? 1) : 0;
  }
  for (const id of Object.keys(first.visits)) out.visits[id] = mix((m) => m.visits[id] ?? 0);
  for (const [stage, s] of Object.entries(out.byStage)) {
    for (const key of Object.keys(s) as (keyof StageMetrics)[])
      s[key] = mix((m) => m.byStage[stage]?.[key] ?? 0);
  }
  out.effortPerStep = out.steps > 0 ? out.effort / out.steps : 0;
  const weight = mix((m) => m.emotionVisits);
  out.emotion = weight > 0 ? mix((m) => m.emotionVisits * (m.emotion ?? 0)) / weight : null;
  return out;
}
