/** What a directly-follows graph's edges can say: here so that the server's routes need no drawing code. */
export type DfgMeasure = 'frequency' | 'time';
export const DFG_MEASURES: readonly DfgMeasure[] = ['frequency', 'time'];
/** The most frequent edges a graph draws unless told: the CLI's --edges, the API's edges=, the data page's slider. */
export const DFG_EDGES = 60;
