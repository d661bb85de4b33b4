/**
 * How customers came out of a replication, counted in cells of (failures met, gave up in a queue
 * or not, experience score rounded to a point): enough to work out afterwards, exactly up to the
 * rounding, how many leave under any belief about leaving, without running again.
 */

/** Failures are counted 0, 1, ... up to this many; more fall in the last cell. */
export const FAILURE_CELLS = 11;
export const SCORE_CELLS = 101;
/** Cells per segment. */
export const OUTCOME_CELLS = FAILURE_CELLS * 2 * SCORE_CELLS;

/** The cell of a customer within their segment's block. */
export function outcomeCell(failures: number, abandoned: boolean, score: number): number {
  const f = failures < FAILURE_CELLS - 1 ? failures : FAILURE_CELLS - 1;
  const s = Math.round(score < 0 ? 0 : score > 100 ? 100 : score);
  return (f * 2 + (abandoned ? 1 : 0)) * SCORE_CELLS + s;
}

/** Calls `visit` for every non-empty cell of one segment's block. */
export function forEachOutcome(
  outcomes: Float64Array,
  segment: number,
  visit: (count: number, failures: number, abandoned: boolean, score: number) => void,
): void {
  const base = segment * OUTCOME_CELLS;
  for (let f = 0; f < FAILURE_CELLS; f++)
    for (let a = 0; a < 2; a++)
      for (let s = 0; s < SCORE_CELLS; s++) {
        const count = outcomes[base + (f * 2 + a) * SCORE_CELLS + s] as number;
        if (count > 0) visit(count, f, a === 1, s);
      }
}
