/**
 * A normal distribution of durations is cut at 0 (a step takes no negative time), and a wide one
 * loses so much of its left side that its mean moves: normal(5 min, 10 min) has a mean of 10.1
 * min, which doubled a pool's load unsaid. Every such distribution whose mean moves by more than
 * 1% is named, with the mean it has and one that keeps the mean asked for.
 */
import { type Distribution, meanOf } from './distribution.js';
import { formatDuration } from './units.js';

/** Past this share the move is called out. */
const MOVED = 0.01;

export interface MovedMean {
  path: (string | number)[];
  message: string;
  hint: string;
}

/** The distributions of a model, by path, whose truncation moves their mean. */
export function movedMeans(
  distributions: readonly { path: (string | number)[]; distribution: Distribution | undefined }[],
): MovedMean[] {
  const moved: MovedMean[] = [];
  for (const { path, distribution: d } of distributions) {
    if (d?.kind !== 'normal') continue;
    const mean = meanOf(d);
    if (!(Math.abs(mean - d.mean) > MOVED * Math.abs(d.mean))) continue;
    const [asked, has, sd] = [formatDuration(d.mean), formatDuration(mean), formatDuration(d.sd)];
    moved.push({
      path,
      message: `normal(${asked}, ${sd}) is cut at ${formatDuration(d.min)}${Number.isFinite(d.max) ? ` and ${formatDuration(d.max)}` : ''}, so its mean is ${has}, not ${asked}`,
      hint:
        d.mean > 0
          ? `for a mean of ${asked} with that spread and no negative times, use lognormal(${asked}, ${sd}) or gamma(${asked}, ${sd})`
          : 'give it a mean above 0',
    });
  }
  return moved;
}

type Maybe = Distribution | undefined;

/** What of a model as parsed holds distributions: durations, waits and patience. */
export interface WithDistributions {
  steps: {
    duration?: Maybe;
    wait?: number | { duration: Distribution } | undefined;
    patience?: Maybe;
    backstage: { duration?: Maybe }[];
  }[];
  segments: { patience?: Maybe }[];
  resources: { patience?: Maybe }[];
}

/** Every distribution of the model with its path. */
export function distributionsOf(m: WithDistributions) {
  return [
    ...m.steps.flatMap((s, i) => [
      { path: ['steps', i, 'duration'], distribution: s.duration },
      {
        path: ['steps', i, 'wait', 'duration'],
        distribution: typeof s.wait === 'object' ? s.wait.duration : undefined,
      },
      ...s.backstage.map((a, k) => ({
        path: ['steps', i, 'backstage', k, 'duration'],
        distribution: a.duration,
      })),
    ]),
    ...m.segments.map((s, i) => ({ path: ['segments', i, 'patience'], distribution: s.patience })),
    ...m.resources.map((r, i) => ({ path: ['resources', i, 'patience'], distribution: r.patience })),
  ];
}
