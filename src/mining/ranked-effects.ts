/**
 * Candidates as effects: their statistics, Holm-corrected over the family, ranked by the contacts
 * they explain. A candidate is a driver (significant) when its corrected p-value is below the level
 * and its lift's interval lies above 1.
 */

import { compareText } from '../text/compare-text.js';
import { type EffectStatistics, effectStatistics, holm } from './effect-statistics.js';
import type { ExposureCounts } from './exposure-counts.js';

export interface Effect extends EffectStatistics {
  /** `activity` (the activity itself), an attribute name (the activity on that value), or a website sign. */
  kind: string;
  /** The activity; for kind `activity`, the activity compared with every other. */
  activity: string;
  /** The attribute's value (absent for activities and signs). */
  value?: string;
  /** Exposed and unexposed units (customer-days), and the exposed customers. */
  exposed: number;
  /** Exposed customers; not counted for kind `activity`. */
  exposedCustomers?: number;
  exposedContacted: number;
  unexposed: number;
  unexposedContacted: number;
  excessPerMonth: number;
  pAdjusted: number;
  significant: boolean;
}

export function rankEffects(
  counts: (Omit<ExposureCounts, 'value'> & { kind: string; activity: string; value?: string | undefined })[],
  options: { level: number; months: number },
): Effect[] {
  const stats = counts.map((c) => effectStatistics(c));
  const adjusted = holm(stats.map((s) => s.p));
  return counts
    .map((c, i) => {
      const s = stats[i] as EffectStatistics;
      const pAdjusted = adjusted[i] as number;
      return {
        kind: c.kind,
        activity: c.activity,
        ...(c.value !== undefined ? { value: c.value } : {}),
        exposed: c.exposed,
        ...(c.exposedCustomers !== undefined ? { exposedCustomers: c.exposedCustomers } : {}),
        exposedContacted: c.exposedContacted,
        unexposed: c.unexposed,
        unexposedContacted: c.unexposedContacted,
        ...s,
        excessPerMonth: options.months > 0 ? s.excess / options.months : s.excess,
        pAdjusted,
        significant: pAdjusted < options.level && s.low > 1,
      };
    })
    .sort(
      (a, b) =>
        Number(b.significant) - Number(a.significant) ||
        b.excess - a.excess ||
        compareText(a.kind, b.kind) ||
        compareText(a.activity, b.activity) ||
        compareText(a.value ?? '', b.value ?? ''),
    );
}
