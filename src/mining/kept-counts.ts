/**
 * How many of a log's most frequent edges and activities a discovery keeps: here, apart from
 * discover.ts, so that the CLI's options need no database code to load, and so that both
 * engines read an option alike.
 *
 * The edges a discovery gives unless asked for more: a log of a few thousand activities can have
 * hundreds of thousands of edges, which no graph draws and which would otherwise all be read into
 * memory and sent; real processes have tens to a few thousand.
 */
export const MOST_EDGES = 10_000;

/** The most frequent variants `log discover` lists unless told (`--top`, the API's `top=`). */
export const TOP_VARIANTS = 10;

/** A count to keep, at least one, from an option that may be fractional or below one. */
const atLeastOne = (n: number) => Math.max(1, Math.floor(n));

/** The edges to keep: MOST_EDGES unless given. */
export const edgesKept = (edges: number | undefined) =>
  edges === undefined ? MOST_EDGES : atLeastOne(edges);

/** The activities whose events to keep: all (undefined) unless given. */
export const activitiesKept = (activities: number | undefined) =>
  activities === undefined ? undefined : atLeastOne(activities);
