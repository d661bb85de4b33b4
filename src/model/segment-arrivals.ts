/**
 * Segments and their arrivals: each segment's share (given, or from the segments' own rates, or
 * equal), the model's arrivals split by share, arrival profiles read, and arrivals given twice,
 * in part, or with a mean that contradicts their rate refused.
 */
import { clip, fewOf } from './clip.js';
import type { Path } from './diagnostic.js';
import { type Distribution, meanOf } from './distribution.js';
import { type Context, type Parsed, problem } from './meaning-context.js';
import type { Arrivals, ArrivalWindow, Segment } from './model.js';
import { parseDays, parseHours } from './schedule.js';

/** Models that declare no segment have one: all customers alike. */
const IMPLICIT_SEGMENT: Parsed['segments'][number] = { id: 'customers', name: 'Customers', attributes: {} };

export function normalizeSegments(ctx: Context, parsed: Parsed): Segment[] {
  const raw = parsed.segments.length > 0 ? parsed.segments : [IMPLICIT_SEGMENT];
  const withShare = raw.filter((s) => s.share !== undefined).length;
  const rates = raw.map((s) => s.arrivals?.rate);
  let shares: number[];
  if (withShare === raw.length) {
    shares = raw.map((s) => s.share ?? 0);
    const total = shares.reduce((a, b) => a + b, 0);
    if (Math.abs(total - 1) > 1e-6)
      problem(
        ctx,
        ['segments'],
        'shares-sum',
        `the segments' shares sum to ${Number(total.toFixed(6))}, not 1`,
        { hint: 'adjust the shares so they add up to 1' },
      );
  } else if (withShare > 0) {
    const missing = raw.filter((s) => s.share === undefined).map((s) => `'${clip(s.id)}'`);
    problem(
      ctx,
      ['segments'],
      'shares-sum',
      `some segments give a share and others (${fewOf(missing)}) do not`,
      { hint: 'give every segment its share, or none' },
    );
    shares = raw.map(() => 1 / raw.length);
  } else if (rates.every((r) => r !== undefined)) {
    const total = rates.reduce((a: number, b) => a + (b ?? 0), 0);
    shares = rates.map((r) => (total > 0 ? (r ?? 0) / total : 1 / raw.length));
  } else shares = raw.map(() => 1 / raw.length);
  const total = parsed.arrivals ? normalizeArrivals(parsed.arrivals) : undefined;
  return raw.map((s, i) => {
    const { share: _share, arrivals, ...rest } = s;
    const own = arrivals ? normalizeArrivals(arrivals) : undefined;
    const share = shares[i] ?? 0;
    // One segment takes the model's arrivals as they are; several split them by share, which keeps
    // Poisson arrivals Poisson (a model-level interarrival of another kind is refused then).
    const derived: Arrivals | undefined =
      own ??
      (total
        ? {
            rate: total.rate * share,
            interarrival:
              raw.length === 1 ? total.interarrival : { kind: 'exponential', mean: 1 / (total.rate * share) },
            ...(total.profile ? { profile: total.profile } : {}),
          }
        : undefined);
    return { ...rest, share, ...(derived && derived.rate > 0 ? { arrivals: derived } : {}) };
  });
}

type RawArrivals = {
  rate: number;
  interarrival?: Distribution | undefined;
  profile?: { days: string; hours: string; weight: number }[] | undefined;
};

export function normalizeArrivals(raw: RawArrivals): Arrivals {
  const profile: ArrivalWindow[] = [];
  for (const w of raw.profile ?? []) {
    const days = parseDays(w.days);
    const hours = parseHours(w.hours);
    if (days.ok && hours.ok)
      profile.push({ days: days.value, start: hours.value.start, end: hours.value.end, weight: w.weight });
  }
  return {
    rate: raw.rate,
    interarrival: raw.interarrival ?? {
      kind: 'exponential',
      mean: raw.rate > 0 ? 1 / raw.rate : Number.POSITIVE_INFINITY,
    },
    ...(raw.profile ? { profile } : {}),
  };
}

function checkProfile(ctx: Context, path: Path, raw: RawArrivals) {
  for (const [j, w] of (raw.profile ?? []).entries()) {
    const days = parseDays(w.days);
    const hours = parseHours(w.hours);
    if (!days.ok)
      problem(ctx, [...path, 'profile', j, 'days'], 'schedule-invalid', days.message, { hint: days.hint });
    if (!hours.ok)
      problem(ctx, [...path, 'profile', j, 'hours'], 'schedule-invalid', hours.message, { hint: hours.hint });
  }
  if (raw.profile && raw.profile.length > 0 && raw.profile.every((w) => w.weight === 0)) {
    problem(
      ctx,
      [...path, 'profile'],
      'out-of-range',
      'every weight of the profile is 0, so nobody arrives',
      { hint: 'give the busy hours a weight above 0' },
    );
  }
}

export function checkArrivals(ctx: Context, parsed: Parsed) {
  const check = (path: Path, arrivals: { rate: number; interarrival?: Distribution | undefined }) => {
    if (!arrivals.interarrival || arrivals.rate <= 0) return;
    const mean = meanOf(arrivals.interarrival);
    const implied = 1 / arrivals.rate;
    if (Math.abs(mean - implied) / implied > 0.01) {
      problem(
        ctx,
        [...path, 'interarrival'],
        'arrivals-mismatch',
        `the interarrival mean (${mean.toFixed(1)} s) does not match the rate (one every ${implied.toFixed(1)} s)`,
        { hint: 'make the mean time between arrivals 1 / rate, or drop interarrival for Poisson arrivals' },
      );
    }
  };
  if (parsed.arrivals) {
    check(['arrivals'], parsed.arrivals);
    checkProfile(ctx, ['arrivals'], parsed.arrivals);
    const kind = parsed.arrivals.interarrival?.kind;
    if (kind !== undefined && kind !== 'exponential' && parsed.segments.length > 1)
      problem(
        ctx,
        ['arrivals', 'interarrival'],
        'arrivals-split',
        `the model's arrivals come ${kind === 'fixed' ? 'at fixed intervals' : `at ${kind} intervals`}, but are split over ${parsed.segments.length} segments by share, and a split of such a stream is not the same stream again`,
        {
          hint: "give each segment its own arrivals (segments: - arrivals: {rate: ..., interarrival: ...}), or drop the model's interarrival for Poisson arrivals",
        },
      );
  }
  for (const [i, s] of parsed.segments.entries()) {
    if (!s.arrivals) continue;
    check(['segments', i, 'arrivals'], s.arrivals);
    checkProfile(ctx, ['segments', i, 'arrivals'], s.arrivals);
  }
  const withOwn = parsed.segments.filter((s) => s.arrivals).length;
  if (!parsed.arrivals && withOwn > 0 && withOwn < parsed.segments.length) {
    const missing = parsed.segments.filter((s) => !s.arrivals).map((s) => `'${clip(s.id)}'`);
    problem(
      ctx,
      ['segments'],
      'arrivals-incomplete',
      `segments ${fewOf(missing)} have no arrivals, and the model gives no total`,
      {
        hint: 'give those segments arrivals: {rate: ...}, or give the model arrivals: {rate: ...} split by shares',
      },
    );
  }
  if (parsed.arrivals && withOwn > 0) {
    problem(
      ctx,
      ['arrivals'],
      'arrivals-incomplete',
      'arrivals are given both for the model and for some segments',
      { hint: 'give a total rate split by segment shares, or a rate per segment, not both' },
    );
  }
}
