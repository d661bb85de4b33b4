/**
 * The fields of a customer's row that every step reads or changes (steps, effort and emotion,
 * contacts, calls, failures, planned wait), held here while the customer walks the steps they do
 * alone (customer-walk.ts, enter) and put back in the row where the walk stops. Read and written
 * in the row's typed arrays at every step, each one cost a bounds check and a load or a store:
 * about a tenth of a step's instructions. The sums are added in the same order as in the row, so
 * the results are the same to the bit.
 */
import type { CompiledModel } from './compile.js';
import type { CustomerRows } from './customer-rows.js';

export class RowInHand {
  steps = 0;
  effort = 0;
  emotion = 0;
  emotions = 0;
  contacts = 0;
  calls = 0;
  failures = 0;
  /** The planned waits so far (the row's second wait). */
  planned = 0;

  /** Takes customer c's fields from their row. */
  take(rows: CustomerRows, c: number): void {
    this.steps = rows.steps[c] as number;
    this.effort = rows.feel[c * 3] as number;
    this.emotion = rows.feel[c * 3 + 1] as number;
    this.emotions = rows.feel[c * 3 + 2] as number;
    this.contacts = rows.contacts[c] as number;
    this.calls = rows.calls[c] as number;
    this.failures = rows.failures[c] as number;
    this.planned = rows.waits[c * 2 + 1] as number;
  }

  /** Puts them back in customer c's row. */
  put(rows: CustomerRows, c: number): void {
    rows.steps[c] = this.steps;
    rows.feel[c * 3] = this.effort;
    rows.feel[c * 3 + 1] = this.emotion;
    rows.feel[c * 3 + 2] = this.emotions;
    rows.contacts[c] = this.contacts;
    rows.calls[c] = this.calls;
    rows.failures[c] = this.failures;
    rows.waits[c * 2 + 1] = this.planned;
  }

  /** The customer reaches `step`: one step more, and the step's effort and emotion. */
  reach(m: CompiledModel, step: number): void {
    this.steps++;
    this.effort += m.effort[step] as number;
    if (m.hasEmotion[step]) {
      this.emotion += m.emotion[step] as number;
      this.emotions++;
    }
  }

  /** The customer does `step`: a contact with staff, a call, or neither. */
  count(m: CompiledModel, step: number): void {
    if (m.contact[step]) this.contacts++;
    if (m.call[step]) this.calls++;
  }
}
