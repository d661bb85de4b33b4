/**
 * A scenario in one sentence: whether it pays (when the model gives a money figure), and the
 * three KPIs that moved most relative to their interval (the paired change over its half-width),
 * among those with a direction whose interval excludes zero. The customers' and the money's KPIs
 * come before a single pool's: a manager asks what the customers got, then which team it took.
 */
import { isPoolKpi } from '../kpis.js';
import type { ScenarioValue } from '../scenario-value.js';
import type { KpiDifference } from '../whatif.js';
import { figure, type KpiUnit, withUnit } from './kpi-unit.js';
import type { KpiInfo } from './side-by-side.js';
import { valueHeadline } from './value-text.js';

export interface MovedKpi {
  key: string;
  label: string;
  /** "67.2% → 72.7%". */
  fromTo: string;
  verdict: 'better' | 'worse';
}

export interface Headline {
  /** "pays EUR 12,300 a month (95%: ...)" when there is a money figure. */
  value?: string;
  moved: MovedKpi[];
}

/** How far a change is from zero in units of its half-width: the larger, the clearer the move. */
const clearness = (d: KpiDifference) => Math.abs(d.difference.mean) / d.difference.halfWidth;

export function mostMoved(
  differences: KpiDifference[],
  kpis: KpiInfo[],
  units: Map<string, KpiUnit>,
  count = 3,
): MovedKpi[] {
  const directed = new Set(kpis.filter((k) => k.better !== 'none').map((k) => k.key));
  return (
    differences
      .filter((d) => directed.has(d.key) && d.significant && d.verdict !== 'none' && !d.missingIn)
      .map((d) => ({ d, pool: isPoolKpi(d.key) ? 1 : 0, score: clearness(d) }))
      // Ties keep the table's order, so that the headline is the same for the same run.
      .sort((a, b) => a.pool - b.pool || b.score - a.score)
      .slice(0, count)
      .map(({ d }) => {
        const unit = units.get(d.key) as KpiUnit;
        const show = (v: number) => withUnit(figure(v, unit), unit);
        return {
          key: d.key,
          label: d.label,
          fromTo: `${show(d.baseline.mean)} → ${show(d.scenario.mean)}`,
          verdict: d.verdict as 'better' | 'worse',
        };
      })
  );
}

export function scenarioHeadline(
  scenario: { differences: KpiDifference[]; value?: ScenarioValue },
  kpis: KpiInfo[],
  units: Map<string, KpiUnit>,
): Headline {
  return {
    ...(scenario.value ? { value: valueHeadline(scenario.value) } : {}),
    moved: mostMoved(scenario.differences, kpis, units),
  };
}

/** The headline as one sentence for text reports. */
export function headlineText(name: string, h: Headline): string {
  const value = h.value ?? 'no money figure (the model has no economics to value it)';
  const moved =
    h.moved.length === 0
      ? 'no KPI with a direction changed clearly (every 95% interval of a change includes zero)'
      : `moved most: ${h.moved.map((m) => `${m.label}: ${m.fromTo}, ${m.verdict}`).join('; ')}`;
  return `${name}: ${value}; ${moved}.`;
}
