/**
 * P(Z > x) for a standard normal Z, via Numerical Recipes' erfc (fractional error below 1.2e-7
 * everywhere): the truncated normal's mass and the mining tests' p-values share it.
 */
export function normalUpperTail(x: number): number {
  if (x === Number.POSITIVE_INFINITY) return 0;
  if (x === Number.NEGATIVE_INFINITY) return 1;
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const poly =
    -1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t *
                  (-0.18628806 +
                    t *
                      (0.27886807 +
                        t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const tail = (t * Math.exp(-z * z + poly)) / 2;
  return x >= 0 ? tail : 1 - tail;
}
