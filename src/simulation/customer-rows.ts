/**
 * The customers in a replication's journey, as rows of typed arrays (one column per attribute),
 * reused through a free list: the run's hot path reads and writes columns by row and allocates
 * nothing per customer once the columns have grown to the most customers in the journey at once.
 */

/**
 * Rows at first. Few, so that the columns grow, through the one call that grows them, within the
 * first customers of every replication: grown for the first time later, once V8 had compiled the
 * simulator, they threw that code away (a call it had never seen, and columns it had taken for
 * constants), in journeys that hold more than a thousand customers at once.
 */
const FIRST_ROWS = 2;

export class CustomerRows {
  private rows = FIRST_ROWS;
  // The rows free, as a stack holding every row not in use (all of them at first): a new
  // customer always takes the top one, so the one way through `add` is the way every replication
  // takes. (Rows never used were taken by a second way, which only a replication's first
  // customers went; optimized after them, the code fell back to the interpreter at the next
  // replication's start.)
  private free = freeStack(this.rows, 0);
  private freeCount = this.rows;
  seg = new Int32Array(this.rows);
  /** The step the customer is at. */
  at = new Int32Array(this.rows);
  /** The pool member serving them (a dedicated owner), or -1: set when they are served. */
  member = new Int32Array(this.rows);
  /** 1 + the pool whose queue they wait in, or 0: back to 0 when they leave it (pools.ts, abandon). */
  queuedAt = new Int32Array(this.rows);
  ticket = new Int32Array(this.rows);
  /** Their key for their own random numbers. */
  key = new Int32Array(this.rows);
  // Their counts: contacts with staff, calls, failures met, queues given up, steps entered. One
  // column each, indexed by row alone: offsets into a shared column were imported constants,
  // which optimized code reads through a module cell (and checks) at every use.
  contacts = new Int32Array(this.rows);
  calls = new Int32Array(this.rows);
  failures = new Int32Array(this.rows);
  abandoned = new Int32Array(this.rows);
  steps = new Int32Array(this.rows);
  arrival = new Float64Array(this.rows);
  /** Their number in arrival order. */
  serial = new Int32Array(this.rows);
  /** When they were ready for their step: kept for a traced run's trace alone. */
  readyAt = new Float64Array(this.rows);
  queueEnter = new Float64Array(this.rows);
  queueHour = new Int32Array(this.rows);
  abandonAt = new Float64Array(this.rows);
  /** Queue and planned wait, two to a row. */
  waits = new Float64Array(this.rows * 2);
  /** Effort, emotion sum and emotion count, three to a row. */
  feel = new Float64Array(this.rows * 3);
  /**
   * Their owner (1 + member) at each dedicated pool, 0 for none yet: `pools` to a row (every pool,
   * or none in a model without dedicated pools).
   */
  owners: Int32Array;

  constructor(private readonly pools: number) {
    this.owners = new Int32Array(this.rows * pools);
  }

  /**
   * A row for a new customer, its counts, waits, feelings and owners zero. Its queue and member are
   * left as the last journey on the row left them: the queue 0 (no journey ends in a queue), the
   * member set when the new customer is served.
   */
  add(): number {
    if (this.freeCount === 0) this.grow();
    const c = this.free[--this.freeCount] as number;
    this.contacts[c] = 0;
    this.calls[c] = 0;
    this.failures[c] = 0;
    this.abandoned[c] = 0;
    this.steps[c] = 0;
    this.waits[c * 2] = 0;
    this.waits[c * 2 + 1] = 0;
    this.feel[c * 3] = 0;
    this.feel[c * 3 + 1] = 0;
    this.feel[c * 3 + 2] = 0;
    const pools = this.pools;
    if (pools !== 0) for (let p = c * pools; p < c * pools + pools; p++) this.owners[p] = 0;
    return c;
  }

  remove(c: number): void {
    this.free[this.freeCount++] = c;
  }

  /** The rows in use: the customers in the journey. */
  inUse(): number[] {
    const free = new Uint8Array(this.rows);
    for (let k = 0; k < this.freeCount; k++) free[this.free[k] as number] = 1;
    const used: number[] = [];
    for (let c = 0; c < this.rows; c++) if (!free[c]) used.push(c);
    return used;
  }

  private grow(): void {
    const n = this.rows * 2;
    const g32 = (a: Int32Array, w = 1) => {
      const b = new Int32Array(n * w);
      b.set(a);
      return b;
    };
    const g64 = (a: Float64Array, w = 1) => {
      const b = new Float64Array(n * w);
      b.set(a);
      return b;
    };
    this.seg = g32(this.seg);
    this.at = g32(this.at);
    this.member = g32(this.member);
    this.queuedAt = g32(this.queuedAt);
    this.ticket = g32(this.ticket);
    this.key = g32(this.key);
    this.contacts = g32(this.contacts);
    this.calls = g32(this.calls);
    this.failures = g32(this.failures);
    this.abandoned = g32(this.abandoned);
    this.steps = g32(this.steps);
    this.arrival = g64(this.arrival);
    this.serial = g32(this.serial);
    this.readyAt = g64(this.readyAt);
    this.queueEnter = g64(this.queueEnter);
    this.queueHour = g32(this.queueHour);
    this.abandonAt = g64(this.abandonAt);
    this.waits = g64(this.waits, 2);
    this.feel = g64(this.feel, 3);
    this.owners = g32(this.owners, this.pools);
    // Every row was in use: the new ones are the free ones.
    this.free = freeStack(n, this.rows);
    this.freeCount = n - this.rows;
    this.rows = n;
  }
}

/** A stack of room for `rows` rows holding rows `from` to rows - 1 as free, the lowest on top. */
function freeStack(rows: number, from: number): Int32Array {
  const stack = new Int32Array(rows);
  for (let k = 0; k < rows - from; k++) stack[k] = rows - 1 - k;
  return stack;
}
