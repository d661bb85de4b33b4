/**
 * A change in words a manager acts on: better or worse for KPIs with a direction, higher or lower
 * for those without (utilisation), and "no clear difference" whenever the 95% interval of the
 * change includes zero, whatever the sign of its mean.
 */
import type { KpiDifference } from '../whatif.js';

export type VerdictWord =
  | 'better'
  | 'worse'
  | 'higher'
  | 'lower'
  | 'no clear difference'
  | 'new in the scenario'
  | 'not in the scenario';

export function verdictWord(
  d: Pick<KpiDifference, 'difference' | 'significant' | 'verdict' | 'missingIn'>,
): VerdictWord {
  if (d.missingIn === 'baseline') return 'new in the scenario';
  if (d.missingIn === 'scenario') return 'not in the scenario';
  if (!d.significant) return 'no clear difference';
  if (d.verdict !== 'none') return d.verdict;
  return d.difference.mean > 0 ? 'higher' : 'lower';
}

/** The class a page colours the verdict by. */
export function verdictTone(word: VerdictWord): 'better' | 'worse' | 'neutral' {
  return word === 'better' ? 'better' : word === 'worse' ? 'worse' : 'neutral';
}
