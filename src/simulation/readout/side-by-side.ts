/**
 * The baseline and every scenario in one table: a row per KPI in one unit, the baseline's mean ±
 * half-width, then each scenario's with its paired change and verdict. Every KPI either side has
 * is a row: one the baseline lacks (the pool a scenario adds) shows "—" there, with a note.
 */

import type { ScenarioValue } from '../scenario-value.js';
import type { KpiDifference } from '../whatif.js';
import type { KpiKind } from './kpi-unit.js';
import { changeFigures, estimateFigures, type KpiUnit, kpiUnit } from './kpi-unit.js';
import { type VerdictWord, verdictWord } from './verdict.js';

/** What a report needs of a KPI: plain data, as the HTTP API sends it. */
export interface KpiInfo {
  key: string;
  label: string;
  kind: KpiKind;
  better: 'lower' | 'higher' | 'none';
}

/** A what-if as plain data: the CLI builds it from the result, the web app gets it from the API. */
export interface WhatIfReadoutInput {
  currency: string;
  /** Every KPI of the baseline and the scenarios, in the order to show them. */
  kpis: KpiInfo[];
  scenarios: { id: string; name: string; differences: KpiDifference[]; value?: ScenarioValue }[];
}

export interface ScenarioCell {
  figures: string;
  change: string;
  verdict: VerdictWord;
}

export interface SideBySideRow {
  key: string;
  label: string;
  unit: KpiUnit;
  /** The unit as the table's unit column writes it; shares say their changes are in points. */
  unitText: string;
  baseline: string;
  scenarios: ScenarioCell[];
}

export interface SideBySide {
  scenarios: { id: string; name: string }[];
  rows: SideBySideRow[];
  notes: string[];
}

/** The unit of each KPI, from the baseline's mean (or, for a KPI it lacks, the first scenario's). */
export function rowUnits(input: WhatIfReadoutInput): Map<string, KpiUnit> {
  return new Map(
    input.kpis.map((k) => {
      const ds = input.scenarios.flatMap((s) => s.differences.filter((d) => d.key === k.key));
      const base = ds.find((d) => Number.isFinite(d.baseline.mean))?.baseline.mean;
      const other = ds.find((d) => Number.isFinite(d.scenario.mean))?.scenario.mean;
      const spreads = ds.flatMap((d) => [d.baseline, d.scenario, d.difference].map((e) => e.halfWidth));
      const spread = Math.min(...spreads.filter((h) => h > 0));
      return [k.key, kpiUnit(k.kind, base ?? other ?? Number.NaN, input.currency, spread)];
    }),
  );
}

const unitText = (u: KpiUnit) => (u.changeSymbol !== u.symbol ? `${u.symbol} (${u.changeSymbol})` : u.symbol);

export function sideBySide(input: WhatIfReadoutInput): SideBySide {
  const units = rowUnits(input);
  const missing = new Set<string>();
  const rows = input.kpis.map((k): SideBySideRow => {
    const unit = units.get(k.key) as KpiUnit;
    const ds = input.scenarios.map((s) => s.differences.find((d) => d.key === k.key));
    const base = ds.find((d) => d && d.missingIn !== 'baseline')?.baseline;
    return {
      key: k.key,
      label: k.label,
      unit,
      unitText: unitText(unit),
      baseline: base ? estimateFigures(base, unit) : '—',
      scenarios: ds.map((d): ScenarioCell => {
        if (!d) return { figures: '—', change: '—', verdict: 'not in the scenario' };
        if (d.missingIn) missing.add(d.missingIn);
        return {
          figures: estimateFigures(d.scenario, unit),
          change: changeFigures(d.difference, unit),
          verdict: verdictWord(d),
        };
      }),
    };
  });
  const notes = [
    ...(rows.some((r) => r.unit.changeSymbol === 'pp')
      ? ['Changes of shares (%) are in percentage points (pp): 17.9% to 20.1% is +2.2 pp.']
      : []),
    'Changes are paired over replications with common random numbers; "no clear difference" when the 95% interval of the change includes zero.',
    ...(missing.has('baseline')
      ? [
          '— in the baseline column: the baseline has no such KPI, because the scenario adds what it measures (a pool, an end); there is nothing to compare it with.',
        ]
      : []),
    ...(missing.has('scenario')
      ? ['— in a scenario column: that scenario removes what the KPI measures.']
      : []),
  ];
  return { scenarios: input.scenarios.map((s) => ({ id: s.id, name: s.name })), rows, notes };
}
