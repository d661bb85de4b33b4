/**
 * A customer's own random numbers in a replication: every draw but the arrivals is keyed by the
 * customer, the place (a step's service, wait, failure or branch, a pool's patience or reopening,
 * the journey's start) and the number of the step they are on (see KeyedUniform). The same customer
 * at the same point of the journey draws the same numbers in every scenario, which keeps scenario
 * comparisons sharp customer by customer.
 */
import { type CompiledModel, type FlowTable, ONE_OF_MANY } from './compile.js';
import { hash, KeyedUniform, mix32 } from './random.js';
import { type Sampler, sample } from './sampler.js';

// Imported constants are read through a module cell, checked, at every use in optimized code;
// a local copy is folded in.
const MANY = ONE_OF_MANY;

export class CustomerDraws {
  private readonly keyed = new KeyedUniform();
  private readonly servicePlace: Uint32Array;
  private readonly waitPlace: Uint32Array;
  private readonly branchPlace: Uint32Array;
  private readonly failPlace: Uint32Array;
  private readonly patiencePlace: Uint32Array;
  private readonly reopenPlace: Uint32Array;
  private readonly segmentPlace: Uint32Array;
  private readonly startPlace: number;

  constructor(
    private readonly m: CompiledModel,
    seed: number,
  ) {
    const place = (kind: string, ids: string[]) =>
      Uint32Array.from(ids.map((id) => hash(`${kind}:${id}`, seed)));
    this.servicePlace = place('service', m.stepIds);
    this.waitPlace = place('wait', m.stepIds);
    this.branchPlace = place('branch', m.stepIds);
    this.failPlace = place('fail', m.stepIds);
    this.patiencePlace = place('patience', m.poolIds);
    this.reopenPlace = place('reopen', m.poolIds);
    this.segmentPlace = place('segment', m.segmentIds);
    this.startPlace = hash('start', seed);
  }

  /** The key of the `number`th customer (from 0) of segment s. */
  customerKey(s: number, number: number): number {
    return mix32((this.segmentPlace[s] as number) ^ mix32(number));
  }

  /** Where a customer of segment s starts. */
  start(key: number, s: number): number {
    return this.choose(this.m.start, s, key, this.startPlace, 0);
  }

  /** The planned wait before `step`, which has one, on the customer's `visit`th step. */
  wait(key: number, step: number, visit: number): number {
    return sample(this.m.wait[step] as Sampler, this.keyed.at(key, this.waitPlace[step] as number, visit));
  }

  /** How long `step` takes. */
  duration(key: number, step: number, visit: number): number {
    return sample(
      this.m.duration[step] as Sampler,
      this.keyed.at(key, this.servicePlace[step] as number, visit),
    );
  }

  /** Whether the customer fails `step`. */
  fails(key: number, step: number, visit: number): boolean {
    const p = this.m.failP[step] as number;
    return p > 0 && this.keyed.at(key, this.failPlace[step] as number, visit).uniform() < p;
  }

  /** Where the customer goes after `step`: a branch of `table`'s row (the flow on, or the failure's). */
  next(table: FlowTable, row: number, key: number, step: number, visit: number): number {
    return this.choose(table, row, key, this.branchPlace[step] as number, visit);
  }

  /** How long the customer waits in pool p's queue before giving up. */
  patience(patience: Sampler, key: number, p: number, visit: number): number {
    return sample(patience, this.keyed.at(key, this.patiencePlace[p] as number, visit));
  }

  /** When in the quarter of an hour after a closed line opens the customer calls back, from 0 to 1. */
  callBack(key: number, p: number, visit: number): number {
    return this.keyed.at(key, this.reopenPlace[p] as number, visit).uniform();
  }

  /** A branch of a row; a row of one branch draws nothing (the draw is the decision's own). */
  private choose(table: FlowTable, row: number, key: number, place: number, visit: number): number {
    const only = table.only[row] as number;
    if (only !== MANY) return only;
    const from = table.offset[row] as number;
    const to = table.offset[row + 1] as number;
    const u = this.keyed.at(key, place, visit).uniform();
    for (let k = from; k < to; k++) if (u < (table.cumulative[k] as number)) return table.target[k] as number;
    return table.target[to - 1] as number;
  }
}
