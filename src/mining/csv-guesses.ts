/**
 * The usual names of a CSV's columns for each role, in the order they are tried: what an import
 * takes when no column is named for a role, and what the data page shows it will take before the
 * import (here, with no database code, so that the web app can import it).
 */
export const CSV_GUESSES = {
  case: [
    'case:concept:name',
    'case_id',
    'caseid',
    'case id',
    'case',
    'customerid',
    'customer_id',
    'customer id',
    'customer',
  ],
  activity: ['concept:name', 'activity', 'activity_name', 'activity name', 'event', 'action', 'task'],
  timestamp: [
    'time:timestamp',
    'timestamp',
    'time',
    'datetime',
    'date',
    'start_time',
    'contactdate',
    'event_time',
  ],
  channel: ['channel', 'case:channel', 'contact_channel'],
  resource: ['org:resource', 'resource', 'agent', 'user'],
  segment: ['segment', 'case:segment'],
  lifecycle: ['lifecycle:transition', 'lifecycle'],
} as const;

export type GuessedRole = keyof typeof CSV_GUESSES;

/** The column an import takes for `role` when none is named: the first usual name found, in any case. */
export const guessedColumn = (role: GuessedRole, columns: readonly string[]): string | undefined =>
  CSV_GUESSES[role].map((g) => columns.find((col) => col.toLowerCase() === g)).find(Boolean);
