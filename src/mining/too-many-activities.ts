/**
 * The most activities `log discover`, `log journeys`, `log conformance` and `log calibrate` take.
 * Real logs have tens to a few thousand (the BPI Challenge logs up to some 400, a web log's pages
 * a few thousand). A log whose activity column holds ids has one per event, and every
 * per-activity figure then takes memory in proportion to the events: a million events of a
 * million activities took `log journeys` 27 s and 2.7 GB to list every one as its own topic,
 * `log discover` 8.5 s and 1.2 GB to print 400,000 rows of starts and ends, and `log conformance`
 * and `log calibrate` 17 to 18 s and 1.3 GB to read every activity before mapping none. All four
 * refuse a log past this bound after one count, on either engine, with what to do instead.
 */
import { grouped } from '../text/grouped.js';
export const MOST_ANALYSED_ACTIVITIES = 50_000;

/**
 * A log's activities are counted up to this many, one past the bound: all the refusals and the
 * import's note need, and a log of a hundred million ids then sends no hundred million names
 * (ClickHouse) nor counts them (DuckDB).
 */
export const ACTIVITIES_COUNTED_UP_TO = MOST_ANALYSED_ACTIVITIES + 1;

/**
 * The most activities `log model` discovers a model for: a step each. Real logs have tens to
 * hundreds; a log whose activity column holds ids (a million, one an event) took 230 s and 3.9 GB
 * to give a model of a million steps that no one could draw or read.
 */
export const MOST_DISCOVERED_STEPS = 5000;

/** What counts a log's activities, on either engine: read first, so that a log of ids is refused before it is read. */
export interface ActivityCount {
  /** The log's activities, counted up to ACTIVITIES_COUNTED_UP_TO. */
  activityCount(log: string): Promise<number>;
}

/** A log with more activities than an analysis takes: what is wrong and what to do. */
export class TooManyActivitiesError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

/**
 * Throws when `activities` (counted up to ACTIVITIES_COUNTED_UP_TO) passes the bound; `what` names
 * the analysis ("log discover"). The message gives the bound, not the count, which is no more
 * than the bound plus one on either engine.
 */
export function refuseTooManyActivities(log: string, activities: number, what: string): void {
  if (activities <= MOST_ANALYSED_ACTIVITIES) return;
  throw new TooManyActivitiesError(
    `the log '${log}' has more than ${grouped(MOST_ANALYSED_ACTIVITIES)} activities, more than ${what} takes`,
    'a column of ids (an event number, a case number, a timestamp) read as the activity makes nearly every event an activity of its own: import the log again with --activity naming the column that says what was done (a step, a page, a topic)',
  );
}
