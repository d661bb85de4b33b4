/**
 * The warm-up when none is given, the same from the CLI and the API: 2 days of the default 30,
 * and the same fifteenth of a shorter horizon (a horizon of a day was refused for the 2 days of
 * warm-up nobody asked for).
 */
export const defaultWarmup = (horizon: number) => Math.min(2 * 86400, horizon / 15);
