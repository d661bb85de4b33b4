/**
 * What-if: the baseline and each scenario simulated with the same seed, so that replication r of
 * every run draws the same random numbers for the same sources (common random numbers). Each
 * KPI's difference is estimated from the paired per-replication differences, whose interval is
 * much narrower than the two runs' intervals would suggest; a difference is significant when its
 * interval excludes 0. A KPI only one side has (the pool a scenario adds or removes) is listed
 * with the other side empty, never dropped: that pool is often the very change in question. With
 * economics in the model, each scenario also says whether it pays.
 */
import type { Model } from '../model/model.js';
import type { KpiDefinition } from './kpis.js';
import { type ScenarioValue, scenarioValue } from './scenario-value.js';
import { type SimulationOptions, type SimulationResult, simulateTogether } from './simulate.js';
import { type Estimate, estimate } from './stats.js';

export interface KpiDifference {
  key: string;
  label: string;
  baseline: Estimate;
  scenario: Estimate;
  /** Scenario minus baseline, from paired replications. */
  difference: Estimate;
  significant: boolean;
  /** For the customer or the business, by the KPI's direction; 'none' for KPIs without one or not significant. */
  verdict: 'better' | 'worse' | 'none';
  /** The side that has no such KPI (its estimate is empty, n = 0), e.g. a pool the scenario adds. */
  missingIn?: 'baseline' | 'scenario';
}

export interface WhatIfScenario {
  id: string;
  name: string;
  result: SimulationResult;
  differences: KpiDifference[];
  /** Net value per month against the baseline; only when the model has economics. */
  value?: ScenarioValue;
}

export interface WhatIfResult {
  baseline: SimulationResult;
  scenarios: WhatIfScenario[];
}

/** Both sides' KPIs in one list: the baseline's order, each KPI only the other has after its neighbour. */
export function unionKpis(base: KpiDefinition[], other: KpiDefinition[]): KpiDefinition[] {
  const list = [...base];
  let after = -1;
  for (const k of other) {
    const at = list.findIndex((x) => x.key === k.key);
    if (at >= 0) after = at;
    else list.splice(++after, 0, k);
  }
  return list;
}

const EMPTY: Estimate = estimate([]);

export function pairedDifferences(
  kpis: KpiDefinition[],
  base: SimulationResult,
  other: SimulationResult,
): KpiDifference[] {
  return kpis.map((k) => {
    const a = base.perReplication[k.key] ?? [];
    const b = other.perReplication[k.key] ?? [];
    const difference = estimate(a.map((x, i) => (b[i] ?? Number.NaN) - x));
    const significant = difference.n > 1 && (difference.low > 0 || difference.high < 0);
    const improves = k.better === 'lower' ? difference.mean < 0 : difference.mean > 0;
    const missingIn = !(k.key in base.overall) ? 'baseline' : !(k.key in other.overall) ? 'scenario' : null;
    return {
      key: k.key,
      label: k.label,
      baseline: base.overall[k.key] ?? EMPTY,
      scenario: other.overall[k.key] ?? EMPTY,
      difference,
      significant,
      verdict: !significant || k.better === 'none' ? 'none' : improves ? 'better' : 'worse',
      ...(missingIn ? { missingIn } : {}),
    };
  });
}

export async function whatIf(
  baseline: Model,
  scenarios: Model[],
  options: SimulationOptions,
): Promise<WhatIfResult> {
  const [base, ...others] = await simulateTogether([baseline, ...scenarios], options);
  const baseResult = base as SimulationResult;
  return {
    baseline: baseResult,
    scenarios: others.map((result, i) => {
      const model = scenarios[i] as Model;
      const value = scenarioValue(baseline, baseResult.value, model, result.value);
      return {
        id: model.scenario?.id ?? model.id,
        name: model.scenario?.name ?? model.name,
        result,
        differences: pairedDifferences(unionKpis(baseResult.kpis, result.kpis), baseResult, result),
        ...(value ? { value } : {}),
      };
    }),
  };
}
