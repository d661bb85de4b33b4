/**
 * When each segment's customers arrive: one random stream per segment, so that scenarios draw the
 * same arrivals. With an arrival profile, candidates come at the profile's peak rate and are kept
 * in proportion to the profile (thinning), which gives a Poisson process that follows it; the
 * candidates turned down never reach the calendar.
 */
import type { CompiledModel } from './compile.js';
import { Stream } from './random.js';
import { type Sampler, sample } from './sampler.js';

// A module constant, folded into compiled code: `Number.POSITIVE_INFINITY` is a property read,
// which V8 compiles from what it has seen, and the first arrival past the horizon, at the end of a
// replication, threw the compiled simulator away for a read it had not yet seen.
const NONE = Number.POSITIVE_INFINITY;

export class Arrivals {
  private readonly streams: Stream[];
  private readonly thinning: Stream[];

  constructor(
    private readonly m: CompiledModel,
    seed: number,
    private readonly horizon: number,
  ) {
    this.streams = m.segmentIds.map((s) => new Stream(seed, `arrivals:${s}`));
    this.thinning = m.segmentIds.map((s) => new Stream(seed, `arrival-profile:${s}`));
  }

  /** The arrival of segment s after one at `now`, or Infinity when it would come at or after the horizon. */
  next(s: number, now: number): number {
    const profile = this.m.arrivalWeights[s];
    const interarrival = this.m.interarrival[s] as Sampler;
    const stream = this.streams[s] as Stream;
    if (!profile) {
      const t = now + sample(interarrival, stream);
      return t < this.horizon ? t : NONE;
    }
    const thin = this.thinning[s] as Stream;
    const { weights, max } = profile;
    for (
      let t = now + sample(interarrival, stream) / max;
      t < this.horizon;
      t += sample(interarrival, stream) / max
    ) {
      if (thin.uniform() * max < (weights[Math.floor(t / 60) % weights.length] as number)) return t;
    }
    return NONE;
  }
}
