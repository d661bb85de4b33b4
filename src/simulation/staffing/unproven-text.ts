/**
 * The savings staffing left untaken, said the same way by the CLI, the API and the web app: the
 * hours where one member fewer met the target on the mean of the replications but not beyond
 * doubt for all the week's hours at once, so the member was kept.
 */

import { percent } from '../../text/percent.js';
import { hourName } from '../../text/week-hour.js';
import { FEWEST_TO_JUDGE, type PoolStaffing } from './staff.js';

const LISTED = 6;
/** Four times the replications halve an interval; and at least as many as the caution on too few asks for. */
const moreReplications = (replications: number) => Math.max(4 * replications, 2 * FEWEST_TO_JUDGE);

export function unprovenText(pool: PoolStaffing, replications: number): string | undefined {
  const hours = pool.unproven;
  if (hours.length === 0) return undefined;
  const shown = hours.slice(0, LISTED).map((u) => `${hourName(u.hour)} (${percent(u.serviceLevel)})`);
  const more = hours.length > LISTED ? ` and ${hours.length - LISTED} more` : '';
  const n = hours.length === 1 ? 'one hour' : `${hours.length} hours`;
  return `In ${n} one member fewer met the target on average but not beyond doubt, so the member was kept: ${shown.join(', ')}${more}. More replications (e.g. ${moreReplications(replications)}) may show the saving.`;
}
