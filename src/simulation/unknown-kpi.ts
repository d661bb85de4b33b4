/** A KPI named (in a sweep's target, a precision rule) that the model's simulation does not report. */
import { didYouMean } from '../model/suggest.js';

export class UnknownKpiError extends Error {
  constructor(
    readonly key: string,
    readonly known: string[],
  ) {
    super(`unknown KPI '${key}'`);
  }

  /** How to name one it reports; a pool's service level needs the pool's target first. */
  get hint(): string {
    const pool = /^serviceLevel:(.+)$/.exec(this.key)?.[1];
    if (pool !== undefined && this.known.includes(`speedOfAnswer:${pool}`))
      return `the pool '${pool}' has no service level target to judge it by: give it one, e.g. serviceLevel: 80% in 20 s (or --set 'resources.${pool}.serviceLevel=80% in 20 s')`;
    return `${didYouMean(this.key, this.known, 'KPIs')} (the keys are listed in docs/runs.md)`;
  }
}
