/**
 * The room a swimlane layout leaves between its parts: along a box's side for each flow, in
 * gutters and channels for each track, round lanes and the title, and where lines of interaction
 * and rails run.
 */
import { BOX, labelSize } from './swimlane-metrics.js';

/** Room along a box's side for a flow without a label; one with a label takes its label's height too. */
export const PORT_GAP = 10;
export const ENTRY_GAP = 8;

/** The room a flow takes along its box's side, on the way out. */
export const portRoom = (label: string | undefined) => (label ? labelSize(label).height + 4 : PORT_GAP);
export const GUTTER = { base: 10, track: 4 };
/** How far a loop back into its own box reaches out, at least. */
export const LOOP_REACH = 20;
export const CHANNEL = { base: 10, track: 5 };
export const LANE_PADDING = 8;
/** Lines of interaction in a column of one step run down its boxes this far from their left edge. */
export const INTERACTION_X = 24;
/**
 * Starts, ends and stubs are narrower than steps and stand at the right of their column, clear of
 * the line of interaction that runs down past them.
 */
export const END_WIDTH = BOX.width - INTERACTION_X - 8;
/** In a column of several steps, each step's boxes are joined along a rail left of them. */
export const RAIL = { pad: 3, gap: 4, tick: 5 };
export const TITLE_HEIGHT = 44;
export const MARGIN = 16;
