/**
 * A variant's activities as one line a person reads. A case can hold a million events (a log whose
 * case column is constant), and a line of tens of megabytes helps no one: the line names the first
 * steps and how many there are; the full list stays in the data (--json, the API).
 */
import { grouped } from '../text/grouped.js';

/** Steps named before the line says how many more there are. */
export const SHOWN_STEPS = 30;

export function variantPath(activities: readonly string[], separator: string): string {
  if (activities.length <= SHOWN_STEPS) return activities.join(separator);
  const more = grouped(activities.length - SHOWN_STEPS);
  return `${activities.slice(0, SHOWN_STEPS).join(separator)}${separator}... ${more} more steps (${grouped(activities.length)} in all)`;
}
