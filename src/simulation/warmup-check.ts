/**
 * Whether the warm-up given is long enough, judged from the data: MSER-5 on every customer's queue
 * wait in arrival order (batches of 5 customers, see wait-series.ts), pooled over the replications
 * (the replications' batches added up, so that the start-up shows above the waits' own swings),
 * finds where the waits settle. MSER alone is noisy on a busy queue, whose waits drift for hours
 * at a time, and on a quiet one, whose waits are mostly 0; so the warm-up is called too short only
 * when counting from it rather than from MSER's point moves the mean wait by more than 2% and by
 * more than chance: the per-replication differences' 95% interval excludes 0.
 *
 * A run too short for the queue to settle at all (MSER's point in its last half) is the exception:
 * the waits it compares with are themselves still rising, and on a heavily loaded pool the
 * replications swing too widely for the gap to pass chance. A day from empty at 95% utilisation
 * (its waits 14% low on average) was warned of on half the seeds, two hours (70% low) not on
 * every seed. Such a run is called rising when the waits counted from the start are more than
 * 2% below those of the run's end; a gap the other way is left to the rule above.
 */
import { mserTruncation } from './mser.js';
import { type Estimate, estimate } from './stats.js';
import { coarsen, type WaitSeriesData } from './wait-series.js';

export interface WarmupCheck {
  /** Seconds from the start at which MSER-5 finds the waits settled. */
  settlesAt: number;
  /** MSER's point lies in the last half of the run: the run is too short to say when the waits settle. */
  tooShort: boolean;
  /** The warm-up given, seconds. */
  warmup: number;
  /** Mean queue wait from MSER's point on, seconds: the settled level. */
  settled: number;
  /** The mean queue wait counted from the warm-up given less the settled one, paired over replications, seconds. */
  bias: Estimate;
  /** The warm-up leaves a start-up in the figures: a bias beyond chance and over 2% of the settled wait. */
  biased: boolean;
  /** Too short, and the waits still rising at the end: those from the warm-up on over 2% below the end's. */
  rising: boolean;
  /** Customers per batch and batches in the pooled series. */
  batch: number;
  batches: number;
}

/** A bias under this share of the settled wait is left unsaid: no decision turns on it. */
const MATERIAL = 0.02;

/** The check over the replications' series (in replication order); undefined when there is nothing to judge. */
export function checkWarmup(series: WaitSeriesData[], warmup: number): WarmupCheck | undefined {
  if (series.length === 0) return undefined;
  const aligned = align(series);
  const n = Math.min(...aligned.map((s) => s.sums.length));
  if (n < 10) return undefined;
  const sums = new Float64Array(n);
  const counts = new Float64Array(n);
  const starts = new Float64Array(n);
  for (const s of aligned) {
    for (let j = 0; j < n; j++) {
      sums[j] = (sums[j] as number) + (s.sums[j] as number);
      counts[j] = (counts[j] as number) + (s.counts[j] as number);
      starts[j] = (starts[j] as number) + (s.starts[j] as number) / aligned.length;
    }
  }
  // A batch whose customers never finished (stuck in a queue) has no mean: it takes its neighbour's.
  const z = new Float64Array(n);
  for (let j = 0; j < n; j++)
    z[j] =
      (counts[j] as number) > 0
        ? (sums[j] as number) / (counts[j] as number)
        : j > 0
          ? (z[j - 1] as number)
          : 0;
  // At least a tenth of the run is kept: over a shorter tail a busy queue's waits barely move, and
  // MSER would take that stillness for the settled state.
  const point = mserTruncation(z, Math.max(5, Math.ceil(n / 10))).index;
  let fromWarmup = 0;
  while (fromWarmup < n && (starts[fromWarmup] as number) < warmup) fromWarmup++;
  const meanFrom = (s: { sums: Float64Array; counts: Float64Array }, from: number) => {
    let total = 0;
    let customers = 0;
    for (let j = from; j < n; j++) {
      total += s.sums[j] as number;
      customers += s.counts[j] as number;
    }
    return customers > 0 ? total / customers : Number.NaN;
  };
  const settled = meanFrom({ sums, counts }, point);
  const bias = estimate(
    aligned.map((s) => (fromWarmup >= point ? 0 : meanFrom(s, fromWarmup) - meanFrom(s, point))),
  );
  const beyondChance = bias.n > 1 && (bias.low > 0 || bias.high < 0);
  const tooShort = point >= n / 2;
  return {
    settlesAt: starts[point] as number,
    tooShort,
    warmup,
    settled,
    bias,
    biased: beyondChance && Math.abs(bias.mean) > MATERIAL * Math.abs(settled),
    rising: tooShort && bias.mean < -MATERIAL * Math.abs(settled),
    batch: aligned[0]?.batch ?? 0,
    batches: n,
  };
}

/** Every series at the largest batch among them. */
function align(series: WaitSeriesData[]): WaitSeriesData[] {
  const batch = Math.max(...series.map((s) => s.batch));
  return series.map((s) => {
    let t = s;
    while (t.batch < batch) t = coarsen(t);
    return t;
  });
}
