/**
 * How many members an hour that missed its target in simulation gets before the next check. The
 * simulated hour is read as the formula's queue at the arrival rate that would give the service
 * level simulated with its staff (more than the hour's own rate where customers carry over from
 * a busier hour); the formula's fewest members at that rate, less the staff, is what it lacks.
 * Where an hour misses again after a raise, the two checks' levels are also drawn through to the
 * target (a secant), since a backlog from a busier hour answers to members more slowly than a
 * stationary queue: at most twice the last raise, so that a level still near 0, where a few
 * members show little, does not send it far past what it needs.
 *
 * One member a check, as before, left a large pool short: a hotline of 1,137 agents at noon, when
 * the morning peak's 2,035 had left a backlog, answered 0% within 20 s, and eight checks of one
 * more member each could not reach what answers 80%. A pool of a few members still gets one at a
 * time, as a miss by a little is one member's worth there.
 */
import { fewestAgents, serviceLevel } from './service-level.js';

/** Halvings of the rate's interval: a part in a million of it, far below a member's worth. */
const HALVINGS = 20;
/** Doublings of the rate at most, where customers give up and the level never reaches 0. */
const DOUBLINGS = 20;

/** An hour's queue, rates per second: arriving (lambda), served by a member (mu), giving up (theta). */
export interface HourQueue {
  lambda: number;
  mu: number;
  theta: number;
}

/** The hour's last check before this one: its staff then, and the level simulated with it. */
export interface CheckedBefore {
  staff: number;
  level: number;
}

/**
 * Members to add to an hour staffed with `staff` whose simulated service level `simulated` fell
 * short of the target. At least one, and at most twice the square root of the staff, the scale of
 * a queue's safety staffing: where customers give up, a level far below the formula's reads as
 * several times the load (with 897 agents, 30% answered within the hour read as 3.3 times), and
 * the hour's staff was doubled in one check.
 */
export function membersShort(
  queue: HourQueue,
  staff: number,
  simulated: number,
  target: { share: number; within: number },
  before?: CheckedBefore,
): number {
  const lacks = Math.max(
    formulaShort(queue, staff, simulated, target),
    secant(staff, simulated, target, before),
  );
  return Math.max(1, Math.min(Math.ceil(2 * Math.sqrt(staff)), lacks));
}

/** Where the line through the last check and this one reaches the target; 0 without both. */
function secant(staff: number, simulated: number, target: { share: number }, before?: CheckedBefore): number {
  if (!before || !(before.staff < staff && before.level < simulated)) return 0;
  const raised = staff - before.staff;
  // Less a hair: 0.2 x 20 / 0.2 came out 20.000000000000004 in floating point, 21 members.
  const step = Math.ceil(((target.share - simulated) * raised) / (simulated - before.level) - 1e-9);
  return Math.min(step, 2 * raised);
}

/** The formula's fewest members at the rate its queue would need to give `simulated`, less `staff`. */
function formulaShort(
  { lambda, mu, theta }: HourQueue,
  staff: number,
  simulated: number,
  target: { share: number; within: number },
): number {
  if (!(lambda > 0 && mu > 0) || staff <= 0) return 1;
  const level = (rate: number) => serviceLevel(rate, mu, staff, theta, target.within);
  let low = lambda;
  let high = lambda;
  if (level(lambda) > simulated) {
    // Without patience the level is 0 from staff x mu on; with it, it only tends to 0.
    high = theta > 0 ? lambda * 2 : staff * mu;
    for (let k = 0; k < DOUBLINGS && level(high) > simulated; k++) high *= 2;
    for (let k = 0; k < HALVINGS; k++) {
      const middle = (low + high) / 2;
      if (level(middle) > simulated) low = middle;
      else high = middle;
    }
  }
  return fewestAgents(high, mu, theta, target).agents - staff;
}
