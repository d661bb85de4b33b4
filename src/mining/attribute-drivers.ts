/**
 * Call drivers by activity and by attribute: what the customer did (an activity, against every
 * other activity) and on what (an activity on one value of an attribute or column, against the
 * same activity on the other values), each with its exposure counts and statistics, ranked by the
 * contacts it explains. Findings group the values of one attribute whose intervals lie above 1.
 */

import { type EffectStatistics, effectStatistics } from './effect-statistics.js';
import type { ExposureCounts } from './exposure-counts.js';
import { type Effect, rankEffects } from './ranked-effects.js';

export interface DriverSettings {
  windowUs: number;
  minExposed: number;
  level: number;
  months: number;
}

export interface AttributeDrivers {
  effects: Effect[];
  /** Candidates left out for having fewer exposed units than the minimum. */
  belowMinimum: number;
  findings: Finding[];
}

/** The drivers among the exposure counts of the activities and attributes, those exposed often enough tested and ranked. */
export function attributeDrivers(all: ExposureCounts[], s: DriverSettings): AttributeDrivers {
  const counts = all.filter((c) => c.exposed >= s.minExposed);
  const effects = rankEffects(
    counts.map((c) =>
      c.dim === 'activity'
        ? { ...c, kind: 'activity', activity: c.value }
        : { ...c, kind: c.dim, activity: c.act },
    ),
    s,
  );
  return { effects, belowMinimum: all.length - counts.length, findings: findings(effects, counts, s) };
}

/** A driver's values together against the other values of the attribute, with a sentence that says it. */
export interface Finding extends EffectStatistics {
  kind: string;
  activity: string;
  values: string[];
  exposed: number;
  exposedContacted: number;
  unexposed: number;
  unexposedContacted: number;
  excessPerMonth: number;
  text: string;
}

/** One per activity and attribute with drivers: its significant values together against the rest. */
function findings(effects: Effect[], counts: ExposureCounts[], s: DriverSettings): Finding[] {
  const groups = new Map<string, Effect[]>();
  for (const e of effects)
    if (e.significant && e.kind !== 'activity') {
      const key = `${e.kind}\u0000${e.activity}`;
      groups.set(key, [...(groups.get(key) ?? []), e]);
    }
  return [...groups.values()].flatMap((group): Finding[] => {
    const first = group[0] as Effect;
    const values = group.map((e) => e.value as string).sort();
    const inGroup = counts.filter(
      (c) => c.dim === first.kind && c.act === first.activity && values.includes(c.value),
    );
    const sum = (f: (c: ExposureCounts) => number) => inGroup.reduce((t, c) => t + f(c), 0);
    const { classUnits, classContacted } = inGroup[0] as ExposureCounts;
    // Summed over the values: a customer-day with two of them counts twice (rare on one day).
    const n1 = sum((c) => c.exposed);
    const x1 = sum((c) => c.exposedContacted);
    const n0 = classUnits - n1;
    const x0 = classContacted - sum((c) => c.exposedContactedAny);
    // Values that cover (nearly) the whole class leave no others to compare with: no finding.
    if (n0 < s.minExposed || x0 < 0) return [];
    const stats = effectStatistics({
      exposed: n1,
      exposedContacted: x1,
      unexposed: n0,
      unexposedContacted: x0,
    });
    const excessPerMonth = s.months > 0 ? stats.excess / s.months : stats.excess;
    return [
      {
        kind: first.kind,
        activity: first.activity,
        values,
        exposed: n1,
        exposedContacted: x1,
        unexposed: n0,
        unexposedContacted: x0,
        ...stats,
        excessPerMonth,
        text: `the ${nounOf(first.activity)} of ${listed(values)} lead to contacts at ${stats.lift.toFixed(1)} times the rate of the others (95% interval ${stats.low.toFixed(1)} to ${stats.high.toFixed(1)}): about ${Math.round(excessPerMonth)} contacts a month; check what they say`,
      },
    ];
  });
}

const listed = (values: string[]) =>
  values.length === 1
    ? (values[0] as string)
    : `${values.slice(0, -1).join(', ')} and ${values[values.length - 1]}`;

/** "View Product Page" → "product pages"; other activities as they are named. */
function nounOf(activity: string): string {
  const m = /^(view|open|visit|read)\s+(.+)$/i.exec(activity);
  return m ? `${(m[2] as string).toLowerCase()}s` : `'${activity}' events`;
}
