/** The views, by id: here so that what lists them (the command line's help) needs no view's code. */
export const VIEW_IDS = ['blueprint', 'entity', 'journey', 'role', 'e2e'] as const;
export type ViewId = (typeof VIEW_IDS)[number];
