/**
 * The bounds an external label (an event's, a gateway's, a flow's) needs for bpmn-js to draw its
 * text whole. bpmn-js (BpmnRenderer's renderExternalLabel, 18.x) wraps the text at the bounds'
 * own width, in 11 px Arial, lines 1.2 high, from the bounds' top; a word wider than the bounds
 * it breaks inside ("Abandone|d", "3|5%"). So the text is wrapped here at 90 px (bpmn-js's own
 * label width, and a readable one), measured in the bundled DejaVu Sans, which is wider than
 * Arial character for character: bounds as wide as the widest line hold every line bpmn-js makes
 * of it, and no more lines than counted. Counted at 6 px a character, "Abandoned" (56 px in
 * Arial) got 54 and broke.
 */
import { textWidth, wrap } from '../views/text.js';
import type { Box } from './box-grid.js';

const SIZE = 11;
const LINE = SIZE * 1.2;
const WRAP = 90;

/** Sizes `bounds` to hold `text`, centred where it was; a label of no text is left as it is. */
export function fitText(bounds: Box, text: unknown): void {
  if (typeof text !== 'string' || text.trim() === '') return;
  const paragraphs = text
    .trim()
    .split('\n')
    .map((p) => p.trim());
  // A word wider than the wrap widens the label rather than being broken.
  const longest = Math.max(...paragraphs.flatMap((p) => p.split(/\s+/).map((w) => textWidth(w, SIZE))));
  const lines = paragraphs.flatMap((p) =>
    p === '' ? [''] : wrap(p, Math.max(WRAP, longest), SIZE, Infinity),
  );
  const width = Math.ceil(Math.max(...lines.map((l) => textWidth(l, SIZE))));
  const centre = bounds.x + bounds.width / 2;
  bounds.width = width;
  bounds.x = Math.round((centre - width / 2) * 10) / 10;
  bounds.height = Math.ceil(lines.length * LINE);
}
