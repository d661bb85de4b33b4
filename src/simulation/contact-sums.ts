/** The layout of a run's contact sums: what each pool's hour of the week holds. */

/** Per pool and hour of the week, what the contact-center KPIs are made of (see contact-center.ts). */
export const CONTACT_SUMS = [
  'entries',
  'answered',
  'answeredOnTime',
  'answerWait',
  'waited',
  'abandoned',
  'busy',
  'staffed',
] as const;
export const HOURS_PER_WEEK = 168;
/** Where a pool's queue entries are among an hour's sums: what its abandonment rate divides by. */
export const ENTRIES = CONTACT_SUMS.indexOf('entries');
