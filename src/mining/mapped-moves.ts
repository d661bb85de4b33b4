/**
 * What conformance and calibration read from an event store, as aggregated rows that either
 * engine returns: each customer's events of the activities a mapping names, in order (time, then
 * file order), as moves from step to step (and to the journey's end), counted per move; how many
 * customers make only moves a model allows; and the times between a step and the next. The
 * per-customer work happens where the customer's events are (on ClickHouse, on the shard that
 * holds them); only counts come back, and they are put together here in one fixed order, so that
 * DuckDB, one ClickHouse server and a cluster give the same rows and so the same answers.
 */

import { listIn } from '../collections/list-in.js';
import type { StepMapping } from './activity-mapping.js';
import { byteOrder } from './shard-discovery.js';

/** The journey's end as the log shows it: no further event (which end, the log does not say). */
export const END = '(end)';
/** Where a journey comes from before its first event. */
export const START = '(start)';

export interface MovesQuery {
  /**
   * Which events are which step (activity-mapping.ts): only these events count. An activity
   * appears either once for all its channels or once per channel, never both.
   */
  steps: StepMapping[];
  /** Leave out events whose lifecycle is start: a visit is its complete event (pairsLifecycles). */
  completesOnly?: boolean;
  /**
   * Group the moves by the model segment each event's segment value (null as '') stands for
   * (log-segments.ts); absent, all in one group, `*`.
   */
  segments?: [value: string, segment: string][];
  /**
   * The moves a model allows (`moveKey(group, from, to)`, from START for a journey's first
   * step): the customers whose every move is one of them, or a contact given up in a queue,
   * are counted as fitting.
   */
  allowed?: string[];
  /** The steps with a queue: a contact given up there fits, whatever follows (else it is judged as a move). */
  queued?: string[];
  /** The time from a step in `from` to the next event when that is at a step in `to` (not given up). */
  durations?: { from: string[]; to: string[] };
}

export interface MoveCount {
  group: string;
  step: string;
  /** The next mapped step, or END. */
  next: string;
  /** The contact was given up in the queue (`outcome: abandoned` in the log). */
  abandoned: boolean;
  /** The customer's first mapped event. */
  first: boolean;
  n: number;
}

export interface DurationCount {
  step: string;
  /** Microseconds to the next event. */
  us: bigint;
  n: number;
}

export interface MappedMoves {
  moves: MoveCount[];
  /** Customers with at least one mapped event (0 unless `allowed` was given: only conformance reads it). */
  cases: number;
  /** Of them, those whose every move the model allows (0 unless `allowed` was given). */
  fitting: number;
  /** Every distinct duration with how often it occurs, per step (none unless asked). */
  durations: DurationCount[];
}

export const moveKey = (group: string, from: string, to: string) => `${group}\u0000${from}\u0000${to}`;

const moveRowKey = (m: MoveCount) =>
  [m.group, m.step, m.next, m.abandoned ? '1' : '0', m.first ? '1' : '0'].join('\u0000');

/** The rows of several parts (shards) as one: counts of equal rows added, in byte order of their keys. */
export function mergeMappedMoves(parts: MappedMoves[]): MappedMoves {
  const moves = new Map<string, MoveCount>();
  // Durations by step: a log of a million events has hundreds of thousands of distinct ones, and
  // a text key each, merged in a map and sorted all at once by step and time, made 1.1 s of a
  // calibration. The steps are few, and sorted once; equal times (of two shards) meet when sorted.
  const durations = new Map<string, DurationCount[]>();
  for (const part of parts) {
    for (const m of part.moves) {
      const key = moveRowKey(m);
      const seen = moves.get(key);
      moves.set(key, seen ? { ...seen, n: seen.n + m.n } : m);
    }
    for (const d of part.durations) listIn(durations, d.step).push(d);
  }
  return {
    moves: [...moves].sort(([a], [b]) => byteOrder(a, b)).map(([, m]) => m),
    cases: parts.reduce((s, p) => s + p.cases, 0),
    fitting: parts.reduce((s, p) => s + p.fitting, 0),
    durations: [...durations.keys()]
      .sort(byteOrder)
      .flatMap((step) => addedUp(inTimeOrder(durations.get(step) as DurationCount[]))),
  };
}

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** Counts of one time added up, in the first one's row; the list in time order. */
function addedUp(sorted: DurationCount[]): DurationCount[] {
  const out: DurationCount[] = [];
  for (const d of sorted) {
    const last = out[out.length - 1];
    if (last && last.us === d.us) out[out.length - 1] = { ...last, n: last.n + d.n };
    else out.push(d);
  }
  return out;
}

/**
 * Durations in order of time, equal ones in the order they came. Times of up to 2^53
 * microseconds (285 years) are exact as numbers, and sorted as numbers they sort three to four
 * times faster than compared as BigInts, in the same order.
 */
function inTimeOrder(list: DurationCount[]): DurationCount[] {
  if (!list.every((d) => d.us <= SAFE && d.us >= -SAFE))
    return list.sort((a, b) => (a.us < b.us ? -1 : a.us > b.us ? 1 : 0));
  const times = Float64Array.from(list, (d) => Number(d.us));
  const order = Uint32Array.from(list, (_, i) => i).sort(
    (i, j) => (times[i] as number) - (times[j] as number),
  );
  return Array.from(order, (i) => list[i] as DurationCount);
}
