/** What a directly-follows graph's edges can say: here so that the server's routes need no drawing code. */
export type DfgMeasure = 'frequency' | 'time';
export const DFG_MEASURES: readonly DfgMeasure[] = ['frequency', 'time'];
/** The most frequent edges a graph draws unless told: the CLI's --edges, the API's edges=, the data page's slider. */
export const DFG_EDGES = 60;
/**
 * The most edges a graph draws: ELK's layered layout grows faster than the edges (600 edges in
 * 6 s, 1,500 in 22 s on a 2-core machine), and a graph of more is read by nobody.
 */
export const MOST_DRAWN_EDGES = 500;
