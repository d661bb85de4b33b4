/**
 * The directly-follows edges a discovery gives unless asked for more. A log of a few thousand
 * activities can have hundreds of thousands of edges, which no graph draws and which would
 * otherwise all be read into memory and sent; real processes have tens to a few thousand. Here,
 * apart from discover.ts, so that the CLI's options need no database code to load.
 */
export const MOST_EDGES = 10_000;

/** The edges to keep, at least one, from an option that may be absent, fractional or below one. */
export const edgesKept = (edges: number | undefined) =>
  edges === undefined ? MOST_EDGES : Math.max(1, Math.floor(edges));
