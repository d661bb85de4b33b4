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
/**
 * From this many edges on, the CLI says it is laying a graph out before it starts: ELK holds the
 * process for seconds (150 edges 2 s, 500 edges 10 s on a 2-core machine) and prints nothing.
 */
export const SLOW_LAYOUT_EDGES = 100;
