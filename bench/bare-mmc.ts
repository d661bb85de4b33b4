/**
 * The yardstick for the simulator's speed: a bare FIFO M/M/c loop, exponential arrivals and
 * services, an event heap on typed arrays and the simulator's own generator (sfc32, random.ts).
 * It does what any event-driven simulation of the queue must do and nothing more (no journey, no
 * KPIs beyond the mean wait), so the simulator's customers per second over this loop's, measured
 * in the same run, says how far the engine is from what the machine can do.
 */
import { Stream } from '../src/simulation/random.js';

export interface BareResult {
  customers: number;
  events: number;
  /** Mean wait in queue, in the time unit of the rates: a check that the loop simulates the queue. */
  meanWait: number;
}

const ARRIVAL = 0;
const DEPARTURE = 1;

/** A binary min-heap of (time, type) on typed arrays; ties are left to the heap (no order needed here). */
class Heap {
  times = new Float64Array(64);
  types = new Int32Array(64);
  size = 0;

  push(time: number, type: number): void {
    if (this.size === this.times.length) {
      const times = new Float64Array(this.size * 2);
      const types = new Int32Array(this.size * 2);
      times.set(this.times);
      types.set(this.types);
      this.times = times;
      this.types = types;
    }
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((this.times[parent] as number) <= time) break;
      this.times[i] = this.times[parent] as number;
      this.types[i] = this.types[parent] as number;
      i = parent;
    }
    this.times[i] = time;
    this.types[i] = type;
  }

  /** Removes the root; the caller read it from times[0] and types[0]. */
  pop(): void {
    const last = --this.size;
    const time = this.times[last] as number;
    const type = this.types[last] as number;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      if (child + 1 < last && (this.times[child + 1] as number) < (this.times[child] as number)) child++;
      if (time <= (this.times[child] as number)) break;
      this.times[i] = this.times[child] as number;
      this.types[i] = this.types[child] as number;
      i = child;
    }
    this.times[i] = time;
    this.types[i] = type;
  }
}

/** `customers` arrivals at rate lambda to c servers of rate mu; FIFO queue of arrival times. */
export function bareMmc(lambda: number, mu: number, c: number, customers: number, seed = 1): BareResult {
  const arrivals = new Stream(seed, 'arrivals');
  const services = new Stream(seed, 'services');
  const heap = new Heap();
  let queue = new Float64Array(1024);
  let head = 0;
  let length = 0;
  let busy = 0;
  let arrived = 0;
  let served = 0;
  let waited = 0;
  let events = 0;
  heap.push(-Math.log(1 - arrivals.uniform()) / lambda, ARRIVAL);
  while (heap.size > 0) {
    const now = heap.times[0] as number;
    const type = heap.types[0] as number;
    heap.pop();
    events++;
    if (type === ARRIVAL) {
      arrived++;
      if (arrived < customers) heap.push(now - Math.log(1 - arrivals.uniform()) / lambda, ARRIVAL);
      if (busy < c) {
        busy++;
        served++;
        heap.push(now - Math.log(1 - services.uniform()) / mu, DEPARTURE);
      } else {
        if (length === queue.length) {
          const bigger = new Float64Array(queue.length * 2);
          for (let k = 0; k < length; k++) bigger[k] = queue[(head + k) % queue.length] as number;
          queue = bigger;
          head = 0;
        }
        queue[(head + length) % queue.length] = now;
        length++;
      }
    } else if (length > 0) {
      waited += now - (queue[head] as number);
      head = (head + 1) % queue.length;
      length--;
      served++;
      heap.push(now - Math.log(1 - services.uniform()) / mu, DEPARTURE);
    } else {
      busy--;
    }
  }
  return { customers: served, events, meanWait: waited / served };
}
