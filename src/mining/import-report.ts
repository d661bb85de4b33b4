/**
 * What an import of any format answers: the events stored, the customers, and the rows or events
 * left out with the first of their problems. Apart from the readers, so that a command that only
 * reads a store loads none of them.
 */
export interface ImportProblem {
  /** Line in the file (1-based); 0 in JSON, where `field` is the path. */
  line: number;
  field: string;
  message: string;
}

export interface ImportReport {
  events: number;
  cases: number;
  /** Every row or event left out. */
  skipped: number;
  /** The first LISTED_PROBLEMS of them, each with its line and field. */
  problems: ImportProblem[];
  /** What the file holds that was read and not used, in words (e.g. OCEL object-to-object relations). */
  notes?: string[];
}

/** Problems listed one by one, the first so many; all of them are counted in `skipped`. */
export const LISTED_PROBLEMS = 1000;
