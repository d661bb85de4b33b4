/**
 * Whether a scenario pays, in the words of the money figure: "pays EUR 12,300 a month (95%: 8,100
 * to 16,500)". The three figures are rounded alike, to three significant digits of the larger of
 * the mean and the half-width, since the interval is what the decision rests on.
 */
import type { ScenarioValue } from '../scenario-value.js';

/** The rounding step for money figures about this large: 100 for 12,345, 0.01 for 8.98. */
function moneyStep(magnitude: number): number {
  if (!(magnitude > 0) || !Number.isFinite(magnitude)) return 1;
  return Math.max(0.01, 10 ** (Math.floor(Math.log10(magnitude)) - 2));
}

/** An amount rounded to the step, with thousands separators and no sign. */
export function moneyFigure(amount: number, step: number): string {
  const decimals = step < 1 ? Math.round(-Math.log10(step)) : 0;
  const rounded = Math.round(Math.abs(amount) / step) * step;
  return rounded.toLocaleString('en-US', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
}

const signed = (amount: number, step: number) => {
  const text = moneyFigure(amount, step);
  return amount < 0 && Number(text.replace(/,/g, '')) !== 0 ? `-${text}` : text;
};

/** "pays EUR 12,300 a month (95%: 8,100 to 16,500)", "costs ...", or an unclear net value. */
export function valueHeadline(v: ScenarioValue): string {
  const e = v.perMonth;
  if (!Number.isFinite(e.mean)) return `no money figure could be computed (${v.currency})`;
  const step = moneyStep(Math.max(Math.abs(e.mean), Math.abs(e.halfWidth)));
  const interval =
    e.n > 1 ? ` (95%: ${signed(e.low, step)} to ${signed(e.high, step)})` : ' (one replication: no interval)';
  if (v.verdict === 'pays') return `pays ${v.currency} ${moneyFigure(e.mean, step)} a month${interval}`;
  if (v.verdict === 'costs') {
    // A cost reads as a positive amount, its interval as the range of that cost.
    const range = e.n > 1 ? ` (95%: ${signed(-e.high, step)} to ${signed(-e.low, step)})` : interval;
    return `costs ${v.currency} ${moneyFigure(e.mean, step)} a month${range}`;
  }
  return `no clear answer whether it pays: ${v.currency} ${signed(e.mean, step)} a month${interval}, the interval includes zero`;
}
