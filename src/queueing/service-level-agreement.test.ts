/**
 * The analysis (stationaryQueue) and staffing (serviceLevel) each compute the share answered within
 * the target time; a user sees both figures for the same pool, so they must agree on one class.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serviceLevel } from '../simulation/staffing/service-level.js';
import { stationaryQueue } from './stationary.js';

describe('the service level, as the analysis and staffing compute it', () => {
  it('is the same for one class of customers, with patience and without', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0.2, max: 1.3, noNaN: true }),
        fc.double({ min: 60, max: 900, noNaN: true }),
        fc.constantFrom(0, 1 / 60, 1 / 300, 1 / 1800),
        fc.constantFrom(10, 20, 60, 300),
        (c, load, serviceSeconds, theta, within) => {
          const mu = 1 / serviceSeconds;
          const lambda = load * c * mu;
          if (theta === 0 && load >= 1) return;
          const analysis = stationaryQueue(c, mu, [{ rate: lambda, theta }], within).classes[0]
            ?.answeredWithin;
          expect(analysis).toBeCloseTo(serviceLevel(lambda, mu, c, theta, within), 6);
        },
      ),
      { numRuns: 200 },
    );
  });
});
