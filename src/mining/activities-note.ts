/**
 * A note for an import that leaves its log with more activities than the analyses take, so that
 * a column of ids read as the activity is found when the log goes in, not first when `log model`
 * or `log discover` refuses it.
 */

import { grouped } from '../text/grouped.js';
import { plural } from '../text/plural.js';
import { MOST_ANALYSED_ACTIVITIES, MOST_DISCOVERED_STEPS } from './too-many-activities.js';

/** The note for a log with `activities` (counted up to ACTIVITIES_COUNTED_UP_TO), or undefined when the analyses take it. */
export function manyActivitiesNote(log: string, activities: number): string | undefined {
  if (activities <= MOST_DISCOVERED_STEPS) return undefined;
  const refused =
    activities > MOST_ANALYSED_ACTIVITIES
      ? `more than ${grouped(MOST_ANALYSED_ACTIVITIES)} activities: more than log discover, journeys, conformance and calibrate take (${grouped(MOST_ANALYSED_ACTIVITIES)}) and log model (${grouped(MOST_DISCOVERED_STEPS)})`
      : `${plural(activities, 'activity', 'activities')}: more than log model discovers a model for (a step each, at most ${grouped(MOST_DISCOVERED_STEPS)})`;
  return `the log '${log}' now has ${refused}. A column of ids (an event number, a case number, a timestamp) read as the activity makes nearly every event an activity of its own: if so, import the log again naming the column that says what was done (a step, a page, a topic): --activity COLUMN, or Activity under Columns on the data page`;
}

/** The import's report with the note added, when its log has too many activities. */
export function withActivitiesNote<R extends { log: string; notes?: string[] }>(
  report: R,
  activities: number,
): R {
  const note = manyActivitiesNote(report.log, activities);
  return note ? { ...report, notes: [...(report.notes ?? []), note] } : report;
}
