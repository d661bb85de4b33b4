/**
 * The chi-square test's tail: the chance of a statistic at least this large when the counts
 * follow the model, from the regularized upper incomplete gamma function.
 */
import { upperGamma } from '../model/gamma.js';

/** P(X >= statistic) for a chi-square variable with `df` degrees of freedom. */
export function chiSquareTail(statistic: number, df: number): number {
  if (df <= 0) return 1;
  return upperGamma(df / 2, statistic / 2);
}
