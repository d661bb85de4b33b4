/** The KPI columns of a sweep's table, the CLI's and the web app's alike (a pure file: the web app imports it). */

/** The KPIs every sweep's table shows. */
const SWEEP_COLUMNS = ['queueWait', 'abandonment', 'costPerOrder'];

/** The usual columns, and the target's KPI when it is another: none shown twice. */
export const sweepColumns = (targetKey?: string): string[] =>
  targetKey === undefined || SWEEP_COLUMNS.includes(targetKey)
    ? SWEEP_COLUMNS
    : [...SWEEP_COLUMNS, targetKey];
