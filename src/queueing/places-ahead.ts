/**
 * An arrival with customers ahead in an M/M/c+M queue clears them one place at a time: with i
 * ahead, a place clears at c mu + i theta and the arrival gives up at `own`. After `s` places (i = 0
 * .. s - 1) it is still there with probability prod (c mu + i theta) / (c mu + i theta + own), and
 * the places took sum 1 / (c mu + i theta) in expectation. Products and sums of ratios of gamma
 * functions: Gamma(a + s) Gamma(m) / (Gamma(a) Gamma(m + s)) and (psi(a + s) - psi(a)) / theta, with
 * a = c mu / theta and m = a + own / theta. Taken term by term up to STEPWISE places; past that in
 * closed form, from differences of log-gamma and digamma written so that nothing large cancels: an
 * overloaded pool with a patience of years stands a hundred million places deep, and the analysis
 * ran each step for each class in each period in each round of its fixed point.
 */

/** Places taken one by one, exactly; the closed form past them. */
export const STEPWISE = 100_000;
/**
 * From here on the asymptotic series are exact to rounding: the terms left out are below 5e-17
 * (log-gamma) and 7e-15 (digamma, against sums of 0.1 and more).
 */
const LARGE = 30;

export interface PlacesAhead {
  /** The probability of not giving up while `s` places clear. */
  survive: number;
  /** The expected seconds for them to clear. */
  meanTime: number;
}

export function placesAhead(s: number, serve: number, theta: number, own: number): PlacesAhead {
  if (s <= STEPWISE) {
    let survive = 1;
    let meanTime = 0;
    for (let i = 0; i < s; i++) {
      const rate = serve + i * theta;
      survive *= rate / (rate + own);
      meanTime += 1 / rate;
    }
    return { survive, meanTime };
  }
  const a = serve / theta;
  const d = own / theta;
  // log prod (a + i) / (a + d + i) = [lgamma(a + s) - lgamma(a)] - [lgamma(a + d + s) - lgamma(a + d)]
  //                              = shift(a, d) - shift(a + s, d), shift(x, d) = lgamma(x + d) - lgamma(x).
  const survive = d > 0 ? Math.exp(logGammaShift(a, d) - logGammaShift(a + s, d)) : 1;
  return { survive, meanTime: digammaShift(a, s) / theta };
}

/** lgamma(x + d) - lgamma(x) for x > 0, d >= 0, to rounding of the result. */
export function logGammaShift(x: number, d: number): number {
  // Up to LARGE by the recurrence lgamma(y + 1) = lgamma(y) + log y, on both sides.
  let below = 0;
  let y = x;
  while (y < LARGE) {
    below += Math.log(y) - Math.log(y + d);
    y += 1;
  }
  // Stirling: lgamma(z) = (z - 1/2) log z - z + log(2 pi) / 2 + 1/(12 z) - 1/(360 z^3) + 1/(1260 z^5) ...,
  // differenced so that the large terms cancel exactly: (y - 1/2) log1p(d / y) + d log(y + d) - d.
  const z = y + d;
  const main = (y - 0.5) * Math.log1p(d / y) + d * Math.log(z) - d;
  return below + main + series(z) - series(y);
}

/** psi(x + s) - psi(x) for x > 0, s >= 0: sum of 1 / (x + i) for i < s when s is whole. */
export function digammaShift(x: number, s: number): number {
  let below = 0;
  let y = x;
  while (y < LARGE) {
    below -= 1 / (y + s) - 1 / y;
    y += 1;
  }
  // psi(z) = log z - 1/(2 z) - 1/(12 z^2) + 1/(120 z^4) - 1/(252 z^6) ..., differenced.
  const z = y + s;
  const tail = (w: number) => -1 / (2 * w) - 1 / (12 * w * w) + 1 / (120 * w ** 4) - 1 / (252 * w ** 6);
  return below + Math.log1p(s / y) + tail(z) - tail(y);
}

/** Stirling's series past its leading terms. */
const series = (z: number) => 1 / (12 * z) - 1 / (360 * z ** 3) + 1 / (1260 * z ** 5) - 1 / (1680 * z ** 7);
