/**
 * The data of an interval chart: each KPI's change with its 95% interval, as a share of the
 * baseline's value so that times, shares and money sit on one axis, and that axis with round
 * ticks either side of zero. KPIs without a direction (utilisation, ends) and those with no
 * baseline to relate to are left to the table, and named as such.
 */

import { grouped } from '../../text/grouped.js';
import type { KpiDifference } from '../whatif.js';
import type { KpiInfo } from './side-by-side.js';
import { type VerdictWord, verdictWord } from './verdict.js';

export interface ChartBar {
  key: string;
  label: string;
  /** Change / |baseline mean|: -0.1 is 10% less than the baseline. */
  mean: number;
  low: number;
  high: number;
  verdict: VerdictWord;
}

export interface ChartAxis {
  /** The axis runs from -limit to +limit. */
  limit: number;
  ticks: number[];
}

export interface IntervalChart {
  bars: ChartBar[];
  axis: ChartAxis;
  /** KPIs with a direction left out because there is no baseline value to relate them to. */
  leftOut: string[];
}

/** Round ticks (1, 2 or 5 times a power of ten) covering ±maxAbs, about three each side. */
export function symmetricAxis(maxAbs: number): ChartAxis {
  const m = Number.isFinite(maxAbs) && maxAbs > 0 ? maxAbs : 0.01;
  const power = 10 ** Math.floor(Math.log10(m / 3));
  const step = [1, 2, 5, 10].map((f) => f * power).find((s) => s * 3 >= m) as number;
  const limit = Math.ceil(m / step - 1e-9) * step;
  const ticks: number[] = [];
  // Integer multiples, so that ticks print as 0.1, not 0.30000000000000004.
  for (let i = -Math.round(limit / step); i <= Math.round(limit / step); i++)
    ticks.push(Number((i * step).toPrecision(12)));
  return { limit: Number(limit.toPrecision(12)), ticks };
}

export function intervalChart(differences: KpiDifference[], kpis: KpiInfo[]): IntervalChart {
  const leftOut: string[] = [];
  const bars: ChartBar[] = [];
  for (const k of kpis) {
    const d = differences.find((x) => x.key === k.key);
    if (!d || k.better === 'none') continue;
    const base = Math.abs(d.baseline.mean);
    if (d.missingIn || !(base > 0) || !Number.isFinite(d.difference.mean)) {
      leftOut.push(k.label);
      continue;
    }
    const { mean, halfWidth } = d.difference;
    const hw = Number.isFinite(halfWidth) ? halfWidth : 0;
    bars.push({
      key: k.key,
      label: k.label,
      mean: mean / base,
      low: (mean - hw) / base,
      high: (mean + hw) / base,
      verdict: verdictWord(d),
    });
  }
  const maxAbs = Math.max(0, ...bars.flatMap((b) => [Math.abs(b.low), Math.abs(b.high)]));
  return { bars, axis: symmetricAxis(maxAbs), leftOut };
}

/** A tick as the axis writes it: "-20%", "0", "+20%". */
export function tickText(share: number): string {
  if (share === 0) return '0';
  const percent = Number((share * 100).toPrecision(6));
  return `${percent > 0 ? '+' : ''}${grouped(percent)}%`;
}
