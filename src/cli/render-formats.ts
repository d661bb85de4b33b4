/** The files `linesight render` writes, here so that the command line's help needs no renderer. */
export const RENDER_FORMATS = ['svg', 'png', 'pdf'] as const;
export type RenderFormat = (typeof RENDER_FORMATS)[number];
