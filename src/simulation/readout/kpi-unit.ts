/**
 * One unit per KPI, chosen from the baseline's magnitude and used for every figure in its row
 * (mean, half-width, change), so that nobody reads "+12.7 min ± 114 s". Figures keep three
 * significant digits of the baseline, counts are whole, and money stays in cents below 100.
 */
import { fixedGrouped } from '../../text/fixed-grouped.js';
import { decimalsFor } from '../../text/precision.js';

/**
 * What a KPI's number is, so that a report can choose one unit for it: a count of customers, a
 * duration in seconds, a share from 0 to 1, a ratio (per customer, per order), a score, or money.
 */
export type KpiKind = 'count' | 'duration' | 'share' | 'ratio' | 'score' | 'money';

export interface KpiUnit {
  /** Written beside the figure: 'min', '%', 'EUR'; '' for plain numbers. */
  symbol: string;
  /** Money goes before the figure (EUR 8.98), every other unit after it (44.9 h). */
  before: boolean;
  /** A value in the KPI's own terms (seconds, a share) divided by this is the figure. */
  scale: number;
  decimals: number;
  /** The unit of a change: percentage points for shares, else the unit itself. */
  changeSymbol: string;
}

const DURATIONS: [limit: number, symbol: string, seconds: number][] = [
  [120, 's', 1],
  [7200, 'min', 60],
  [172800, 'h', 3600],
  [Number.POSITIVE_INFINITY, 'd', 86400],
];

/**
 * The unit for a KPI of this kind whose baseline is about `magnitude` (in seconds, shares, ...).
 * `spread`, the row's smallest half-width, earns one more decimal when it would otherwise round
 * to zero: "70.5 ± 0.0" reads as exact.
 */
export function kpiUnit(kind: KpiKind, magnitude: number, currency: string, spread = Number.NaN): KpiUnit {
  const unit = baseUnit(kind, Math.abs(magnitude), currency);
  if (kind === 'count' || kind === 'money' || !(spread > 0)) return unit;
  const shown = Number((spread / unit.scale).toFixed(unit.decimals));
  return shown === 0 && unit.decimals < 4 ? { ...unit, decimals: unit.decimals + 1 } : unit;
}

function baseUnit(kind: KpiKind, m: number, currency: string): KpiUnit {
  const plain = (symbol: string, scale: number, decimals: number, changeSymbol = symbol): KpiUnit => ({
    symbol,
    before: false,
    scale,
    decimals,
    changeSymbol,
  });
  switch (kind) {
    case 'count':
      return plain('', 1, 0);
    case 'duration': {
      const [, symbol, seconds] = DURATIONS.find(([limit]) => !(m >= limit)) ?? (DURATIONS[0] as never);
      return plain(symbol, seconds, decimalsFor(m / seconds, 1));
    }
    case 'share':
      return plain('%', 0.01, Math.min(2, decimalsFor(m * 100, 1)), 'pp');
    case 'money':
      return { symbol: currency, before: true, scale: 1, decimals: m >= 100 ? 0 : 2, changeSymbol: currency };
    case 'score':
      return plain('', 1, decimalsFor(m, 1));
    default:
      return plain('', 1, decimalsFor(m, 2));
  }
}

/** The figure alone, in the unit, with thousands separators: "1,043", "0.604"; '—' when there is none. */
export function figure(value: number, unit: KpiUnit): string {
  if (!Number.isFinite(value)) return '—';
  const text = fixedGrouped(value / unit.scale, unit.decimals);
  // A change that rounds to nothing has no sign: "-0.0" reads as a decrease.
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}

/** A change with its sign: "+2.33", "-0.074", "0.0". */
export function signedFigure(value: number, unit: KpiUnit): string {
  const text = figure(value, unit);
  return text === '—' || text.startsWith('-') || /^0(\.0*)?$/.test(text) ? text : `+${text}`;
}

/** A figure with its unit written on: "EUR 8.98", "44.9 h", "17.9%", "0.604". */
export function withUnit(text: string, unit: KpiUnit, symbol = unit.symbol): string {
  if (text === '—' || symbol === '') return text;
  if (unit.before) return `${symbol} ${text}`;
  return symbol === '%' ? `${text}%` : `${text} ${symbol}`;
}

/** Mean ± half-width in the row's unit, without the unit (the table names it once). */
export function estimateFigures(e: { mean: number; halfWidth: number; n: number }, unit: KpiUnit): string {
  if (!Number.isFinite(e.mean)) return '—';
  return e.n > 1 ? `${figure(e.mean, unit)} ± ${figure(e.halfWidth, unit)}` : figure(e.mean, unit);
}

/** A change ± its half-width in the row's unit: "+2.33 ± 0.29". */
export function changeFigures(e: { mean: number; halfWidth: number; n: number }, unit: KpiUnit): string {
  if (!Number.isFinite(e.mean)) return '—';
  return e.n > 1
    ? `${signedFigure(e.mean, unit)} ± ${figure(e.halfWidth, unit)}`
    : signedFigure(e.mean, unit);
}

/** The unit for a row of estimates: from the first finite mean, with the smallest half-width's decimals. */
export function estimatesUnit(
  kind: KpiKind,
  estimates: { mean: number; halfWidth: number }[],
  currency: string,
): KpiUnit {
  const magnitude = estimates.find((e) => Number.isFinite(e.mean))?.mean ?? Number.NaN;
  const spreads = estimates.map((e) => e.halfWidth).filter((h) => h > 0);
  return kpiUnit(kind, magnitude, currency, spreads.length ? Math.min(...spreads) : Number.NaN);
}

/** An estimate on its own, in one unit written once: "43.9 ± 0.2 h", "EUR 8.20 ± 0.12", "27.2 ± 0.7%". */
export function estimateText(
  e: { mean: number; halfWidth: number; n: number },
  kind: KpiKind,
  currency: string,
): string {
  const unit = estimatesUnit(kind, [e], currency);
  return withUnit(estimateFigures(e, unit), unit);
}
