/**
 * Boxes filed by the square cells of a grid they lie on, to ask which boxes might overlap a given
 * one without testing them all: two boxes that share a point share a cell. Label placement asked
 * every candidate place against every shape and every label placed, which took 135 s of the BPMN
 * export of a 3,000-step model. A box over very many cells (or not finite) is kept aside and
 * tested every time, and such a box is asked about against every box.
 */
import { listIn } from '../collections/list-in.js';

/** A rectangle in diagram coordinates: a shape's or a label's bounds. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const CELL = 256;
const MOST_CELLS = 4096;
/** Cell columns and rows as one number: exact for any coordinate within ±2^20 cells. */
const key = (column: number, row: number) => (column + 2 ** 20) * 2 ** 21 + (row + 2 ** 20);

export class BoxGrid {
  private readonly cells = new Map<number, Box[]>();
  private readonly aside: Box[] = [];
  private readonly all: Box[] = [];

  add(box: Box): void {
    this.all.push(box);
    const span = spanOf(box);
    if (!span) {
      this.aside.push(box);
      return;
    }
    forEachCell(span, (k) => listIn(this.cells, k).push(box));
  }

  /** Whether any box filed here but `except` that could share a point with `box` passes `test`. */
  some(box: Box, test: (filed: Box) => boolean, except?: Box): boolean {
    const passes = (filed: Box) => filed !== except && test(filed);
    const span = spanOf(box);
    if (!span) return this.all.some(passes);
    if (this.aside.some(passes)) return true;
    let found = false;
    forEachCell(span, (k) => {
      if (!found) found = (this.cells.get(k) ?? []).some(passes);
    });
    return found;
  }
}

interface Span {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** The cells a box lies on, or none when they are too many or not finite. */
function spanOf(box: Box): Span | undefined {
  const span = {
    x0: Math.floor(box.x / CELL),
    x1: Math.floor((box.x + box.width) / CELL),
    y0: Math.floor(box.y / CELL),
    y1: Math.floor((box.y + box.height) / CELL),
  };
  const cells = (span.x1 - span.x0 + 1) * (span.y1 - span.y0 + 1);
  return Number.isFinite(cells) && cells >= 1 && cells <= MOST_CELLS ? span : undefined;
}

function forEachCell(span: Span, visit: (key: number) => void): void {
  for (let column = span.x0; column <= span.x1; column++)
    for (let row = span.y0; row <= span.y1; row++) visit(key(column, row));
}
