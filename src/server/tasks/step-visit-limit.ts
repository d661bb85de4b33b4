import type { WorkEstimate } from '../../simulation/index.js';
import { HttpError } from '../http-error.js';
import { LIMIT_OPTIONS, type Limits } from '../options.js';

/**
 * The request's step visits against the server's limit: the customers may be few and each make
 * thousands of steps, where a loop is taken again almost surely.
 */
export function withinStepVisits<W extends WorkEstimate>(limits: Limits, work: W, what: string): W {
  if (!(work.stepVisits <= limits.maxStepVisits))
    throw new HttpError(
      422,
      `the simulation is ${what}, more than this server's limit of ${limits.maxStepVisits.toLocaleString('en')} step visits a request`,
      `thousands of steps per customer are usually a loop taken again almost surely: check its flow probabilities (linesight analyze gives the steps per customer); or ask for fewer replications or a shorter horizon, run it with linesight simulate, or start linesight serve with a larger ${LIMIT_OPTIONS.maxStepVisits}`,
    );
  return work;
}
