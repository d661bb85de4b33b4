/**
 * Callers who find a line closed come back within the quarter hour after it opens (as the
 * simulator has them do): their arrivals join that quarter hour, and the time until the opening is
 * counted as a wait of its own. The SIPP analysis (sipp.ts) works on the rates this gives.
 */
import { WEEK_MINUTES } from '../model/week.js';

const REOPEN_MINUTES = 15;

/** The arrival rates of a pool's classes, per second in each minute of the week, and who is on shift then. */
export interface WeeklyArrivals {
  capacity: Int32Array;
  classes: { rate: Float64Array }[];
}

/**
 * Arrival rates with the closed minutes' arrivals moved to the quarter hour after the next
 * opening, and per class the total seconds those callers wait for it.
 */
export function deferClosedArrivals(q: WeeklyArrivals): { rates: Float64Array[]; closedWait: Float64Array } {
  const open = nextOpenMinute(q.capacity);
  const closedWait = new Float64Array(q.classes.length);
  const block: Block = {
    opening: -1,
    minutes: new Int32Array(WEEK_MINUTES),
    shares: new Float64Array(WEEK_MINUTES),
    count: 0,
  };
  const rates = q.classes.map((k, i) => {
    const deferred = deferClass(k.rate, q.capacity, open, block);
    closedWait[i] = deferred.waited;
    return deferred.rate;
  });
  return { rates, closedWait };
}

/**
 * One class's rates deferred: each closed minute's callers (its rate to 0) spread over the quarter
 * hour after its opening, in minute order. Each minute of that quarter hour gets the shares of the
 * closed minutes before the opening added one by one, and most of those minutes start from the same
 * rate, so the sum is made once for each starting rate and copied: the same bits as adding every
 * share to every minute (closed-line.test.ts holds it to that), a fifteenth of the additions. The
 * analysis runs this for each pool and segment in every round of its fixed point.
 */
function deferClass(
  source: Float64Array,
  capacity: Int32Array,
  open: Int32Array,
  block: Block,
): { rate: Float64Array; waited: number } {
  const rate = new Float64Array(source);
  block.opening = -1;
  block.count = 0;
  let waited = 0;
  for (let m = 0; m < WEEK_MINUTES; m++) {
    const arriving = source[m] as number;
    if ((capacity[m] as number) > 0 || arriving <= 0) continue;
    const o = open[m] as number;
    // The block before is spread first: this minute may be in its quarter hour, and is cleared after.
    if (o !== block.opening && o >= 0) {
      spread(rate, block);
      block.opening = o;
      block.count = 0;
    }
    rate[m] = 0;
    if (o < 0) continue;
    const customers = arriving * 60;
    const until = ((o - m + WEEK_MINUTES) % WEEK_MINUTES) * 60 - 30 + (REOPEN_MINUTES * 60) / 2;
    waited += customers * until;
    block.minutes[block.count] = m;
    block.shares[block.count++] = customers / (REOPEN_MINUTES * 60);
  }
  spread(rate, block);
  return { rate, waited };
}

/** The closed minutes since the opening they wait for last changed, and their callers' shares. */
interface Block {
  opening: number;
  minutes: Int32Array;
  shares: Float64Array;
  count: number;
}

/**
 * Adds the block's shares, in minute order, to each minute of the quarter hour from its opening. A
 * line open less than a quarter hour a week can have that quarter hour reach back into the block:
 * such a minute was set to 0 when its own turn came, so it keeps only the shares from its own on.
 */
function spread(rate: Float64Array, { opening, minutes, shares, count }: Block): void {
  if (count === 0) return;
  const first = minutes[0] as number;
  const last = minutes[count - 1] as number;
  let from = Number.NaN;
  let to = 0;
  for (let r = 0; r < REOPEN_MINUTES; r++) {
    const at = (opening + r) % WEEK_MINUTES;
    const own = at >= first && at <= last ? minutes.subarray(0, count).indexOf(at) : -1;
    if (own >= 0) {
      let sum = 0;
      for (let j = own; j < count; j++) sum += shares[j] as number;
      rate[at] = sum;
      continue;
    }
    const start = rate[at] as number;
    if (start !== from) {
      from = start;
      to = start;
      for (let j = 0; j < count; j++) to += shares[j] as number;
    }
    rate[at] = to;
  }
}

/** For each minute, the next minute (cyclically, after it) with someone on shift; -1 if none ever is. */
function nextOpenMinute(capacity: Int32Array): Int32Array {
  const next = new Int32Array(WEEK_MINUTES).fill(-1);
  let upcoming = -1;
  // Two passes backwards round the week find the next opening across Sunday midnight too.
  for (let pass = 0; pass < 2; pass++) {
    for (let m = WEEK_MINUTES - 1; m >= 0; m--) {
      next[m] = upcoming;
      if ((capacity[m] as number) > 0) upcoming = m;
    }
  }
  return next;
}
