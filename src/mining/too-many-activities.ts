/**
 * The most activities `log discover` and `log journeys` take. Real logs have tens to a few
 * thousand (the BPI Challenge logs up to some 400, a web log's pages a few thousand). A log whose
 * activity column holds ids has one per event, and every per-activity figure then takes memory in
 * proportion to the events: a million events of a million activities took `log journeys` 27 s and
 * 2.7 GB to list every one of them as its own topic, and `log discover` 8.5 s and 1.2 GB to print
 * 400,000 rows of starts and ends. Both are refused past this bound, after one count, on either
 * engine, with what to do instead.
 */
export const MOST_ANALYSED_ACTIVITIES = 50_000;

/** A log with more activities than an analysis takes: what is wrong and what to do. */
export class TooManyActivitiesError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

/** Throws when `activities` passes the bound; `what` names the analysis ("log discover"). */
export function refuseTooManyActivities(log: string, activities: number, what: string): void {
  if (activities <= MOST_ANALYSED_ACTIVITIES) return;
  throw new TooManyActivitiesError(
    `the log '${log}' has ${activities.toLocaleString('en-US')} activities, more than ${what} takes (at most ${MOST_ANALYSED_ACTIVITIES.toLocaleString('en-US')})`,
    'a column of ids (an event number, a case number, a timestamp) read as the activity makes nearly every event an activity of its own: import the log again with --activity naming the column that says what was done (a step, a page, a topic)',
  );
}
