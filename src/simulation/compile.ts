/**
 * The model compiled to plain tables before a run: indices instead of ids, flows as cumulative
 * probability arrays, distributions as samplers, shift schedules as a weekly list of capacity
 * changes. The run reads only these, so its hot path never touches a string or a map.
 */
import { abandonDestination } from '../model/abandon.js';
import { meanOf } from '../model/distribution.js';
import type { ArrivalWindow, Flow, Model } from '../model/model.js';
import { arrivalWeightByMinute, capacityByMinute } from '../model/week.js';
import { compileDistribution, type Sampler } from './sampler.js';

export interface FlowTable {
  /** Branches of (segment, step) k are [offset[k], offset[k + 1]). */
  offset: Int32Array;
  /** A step index, or -1 - e for end e. */
  target: Int32Array;
  cumulative: Float64Array;
  /** Per row: its target where it has one branch (the flow goes on with no draw), else ONE_OF_MANY. */
  only: Int32Array;
}

/** `only`'s mark of a row with several branches: below any target (-1 - e for end e). */
export const ONE_OF_MANY = -0x80000000;

export interface CompiledModel {
  stepIds: string[];
  segmentIds: string[];
  endIds: string[];
  endSuccess: Uint8Array;
  poolIds: string[];
  steps: number;
  segments: number;
  duration: Sampler[];
  wait: (Sampler | null)[];
  pool: Int32Array;
  failP: Float64Array;
  contact: Uint8Array;
  call: Uint8Array;
  effort: Float64Array;
  emotion: Float64Array;
  hasEmotion: Uint8Array;
  next: FlowTable;
  fail: FlowTable;
  /** Start branches per segment: row s of a table with one "step" per segment. */
  start: FlowTable;
  interarrival: (Sampler | null)[];
  /** Pools. */
  capacity: Int32Array;
  dedicated: Uint8Array;
  /** Queue class of each segment at each pool (0 first); all 0 for FIFO. */
  priority: Int32Array;
  classes: Int32Array;
  poolPatience: (Sampler | null)[];
  segmentPatience: (Sampler | null)[];
  costPerHour: Float64Array;
  /** Each pool's service-level time in seconds (NaN without a target): answers within it count as on time. */
  serviceWithin: Float64Array;
  /** Where a customer who gives up waiting goes: an end index (as -1 - e). */
  abandonTarget: Int32Array;
  /** Per segment, arrival intensity per minute of the week relative to the mean (null: constant), and its maximum. */
  arrivalWeights: ({ weights: Float64Array; max: number } | null)[];
  /** Weekly capacity changes per pool: seconds after Monday 00:00, and the capacity from then on. */
  shifts: { at: Float64Array; capacity: Int32Array }[];
}

export function compileModel(model: Model): CompiledModel {
  const stepIndex = new Map(model.steps.map((s, i) => [s.id, i]));
  const endIndex = new Map(model.ends.map((e, i) => [e.id, i]));
  const poolIndex = new Map(model.resources.map((r, i) => [r.id, i]));
  const channelMode = new Map(model.channels.map((c) => [c.id, c.mode]));
  const segments = model.segments.map((s) => s.id);
  const target = (id: string) => stepIndex.get(id) ?? -1 - (endIndex.get(id) ?? 0);
  const table = (flows: (Flow | undefined)[]): FlowTable => {
    const offset = new Int32Array(flows.length * segments.length + 1);
    const targets: number[] = [];
    const cumulative: number[] = [];
    let k = 0;
    for (const segment of segments) {
      for (const flow of flows) {
        offset[k++] = targets.length;
        let run = 0;
        const branches = (flow?.[segment] ?? []).filter((b) => b.p > 0);
        for (const [i, b] of branches.entries()) {
          run += b.p;
          targets.push(target(b.to));
          cumulative.push(i === branches.length - 1 ? 1 : run);
        }
      }
    }
    offset[k] = targets.length;
    const only = Int32Array.from({ length: k }, (_, row) =>
      (offset[row + 1] as number) - (offset[row] as number) === 1
        ? (targets[offset[row] as number] as number)
        : ONE_OF_MANY,
    );
    return { offset, target: Int32Array.from(targets), cumulative: Float64Array.from(cumulative), only };
  };
  return {
    stepIds: model.steps.map((s) => s.id),
    segmentIds: segments,
    endIds: model.ends.map((e) => e.id),
    endSuccess: Uint8Array.from(model.ends.map((e) => (e.outcome === 'success' ? 1 : 0))),
    poolIds: model.resources.map((r) => r.id),
    steps: model.steps.length,
    segments: segments.length,
    duration: model.steps.map((s) =>
      compileDistribution(s.duration ?? { kind: 'fixed', value: 0 }, s.duration ? meanOf(s.duration) : 0),
    ),
    wait: model.steps.map((s) =>
      s.wait ? compileDistribution(s.wait.duration, meanOf(s.wait.duration)) : null,
    ),
    pool: Int32Array.from(model.steps.map((s) => (s.pool ? (poolIndex.get(s.pool) ?? -1) : -1))),
    failP: Float64Array.from(model.steps.map((s) => s.fail?.p ?? 0)),
    contact: Uint8Array.from(model.steps.map((s) => (s.role !== undefined || s.pool !== undefined ? 1 : 0))),
    call: Uint8Array.from(
      model.steps.map((s) =>
        (s.role !== undefined || s.pool !== undefined) && s.channel && channelMode.get(s.channel) === 'voice'
          ? 1
          : 0,
      ),
    ),
    effort: Float64Array.from(model.steps.map((s) => s.effort ?? 0)),
    emotion: Float64Array.from(model.steps.map((s) => s.emotion ?? 0)),
    hasEmotion: Uint8Array.from(model.steps.map((s) => (s.emotion === undefined ? 0 : 1))),
    next: table(model.steps.map((s) => s.next)),
    fail: table(model.steps.map((s) => s.fail?.next)),
    start: table([model.start]),
    interarrival: model.segments.map((s) =>
      s.arrivals ? compileDistribution(s.arrivals.interarrival, meanOf(s.arrivals.interarrival)) : null,
    ),
    capacity: Int32Array.from(model.resources.map((r) => r.capacity)),
    dedicated: Uint8Array.from(model.resources.map((r) => (r.assignment === 'dedicated' ? 1 : 0))),
    priority: Int32Array.from(
      model.resources.flatMap((r) =>
        segments.map((s) =>
          r.discipline === 'priority'
            ? Math.max(0, (r.priority ?? []).indexOf(s)) +
              ((r.priority ?? []).includes(s) ? 0 : (r.priority ?? []).length)
            : 0,
        ),
      ),
    ),
    classes: Int32Array.from(
      model.resources.map((r) => (r.discipline === 'priority' ? (r.priority ?? []).length + 1 : 1)),
    ),
    poolPatience: model.resources.map((r) =>
      r.patience ? compileDistribution(r.patience, meanOf(r.patience)) : null,
    ),
    segmentPatience: model.segments.map((s) =>
      s.patience ? compileDistribution(s.patience, meanOf(s.patience)) : null,
    ),
    costPerHour: Float64Array.from(model.resources.map((r) => r.cost?.amount ?? 0)),
    serviceWithin: Float64Array.from(model.resources.map((r) => r.serviceLevel?.within ?? Number.NaN)),
    abandonTarget: Int32Array.from(model.resources.map((r) => target(abandonDestination(model, r) ?? ''))),
    arrivalWeights: model.segments.map((s) => weeklyWeights(s.arrivals?.profile)),
    shifts: model.resources.map((r) => weeklyCapacity(r.schedule)),
  };
}

/** The capacity through a week as change points: the sum of the shifts on in each minute. */
function weeklyCapacity(schedule: Model['resources'][number]['schedule']): {
  at: Float64Array;
  capacity: Int32Array;
} {
  if (!schedule) return { at: new Float64Array(0), capacity: new Int32Array(0) };
  const minutes = capacityByMinute(schedule);
  const at: number[] = [];
  const capacity: number[] = [];
  for (let m = 0; m < minutes.length; m++) {
    if (m === 0 || minutes[m] !== minutes[m - 1]) {
      at.push(m * 60);
      capacity.push(minutes[m] ?? 0);
    }
  }
  return { at: Float64Array.from(at), capacity: Int32Array.from(capacity) };
}

/** An arrival profile as a weight per minute of the week, scaled so that its mean is 1, and its maximum. */
function weeklyWeights(profile: ArrivalWindow[] | undefined): { weights: Float64Array; max: number } | null {
  const weights = arrivalWeightByMinute(profile);
  if (!weights) return null;
  let max = 0;
  for (const w of weights) max = Math.max(max, w);
  return { weights, max };
}
