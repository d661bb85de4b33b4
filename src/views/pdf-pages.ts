/**
 * How a diagram goes on paper: one landscape page when the whole of it is readable there, else
 * one page per group of stage columns (a stage group), each repeating the lane headers on its
 * left. Readable means the smallest text prints at 6 pt or more. The paper is A3 unless the lanes
 * or the widest stage are too tall or too wide to read on it: then the smallest ISO A size that
 * fits (a 20-lane service blueprint goes on A1, as wall posters of blueprints are printed).
 */

export interface Paper {
  name: string;
  /** Landscape, in points (1/72 inch). */
  width: number;
  height: number;
}

const mm = (x: number) => (x * 72) / 25.4;
export const PAPERS: readonly Paper[] = [
  { name: 'A3', width: mm(420), height: mm(297) },
  { name: 'A2', width: mm(594), height: mm(420) },
  { name: 'A1', width: mm(841), height: mm(594) },
  { name: 'A0', width: mm(1189), height: mm(841) },
];
export const MARGIN = mm(10);
export const MIN_TEXT_PT = 6;
/** Points per SVG pixel when a diagram is printed at its own size (a pixel is 1/96 inch). */
export const FULL_SIZE = 0.75;
/** The drawing's margin right of the last stage, as svg.ts leaves it. */
const RIGHT = 16;

export interface PageWindow {
  /** The stretch of the diagram, in its pixels, that this page shows beside the lane headers. */
  x0: number;
  x1: number;
  /** The names of the stages it shows. */
  stages: string[];
}

export interface PagePlan {
  paper: Paper;
  /** Points per diagram pixel, the same on every page. */
  scale: number;
  /** Where the stage columns start: left of it are the lane headers, on every page. */
  strip: number;
  pages: PageWindow[];
  /** The drawing's size in pixels on each page: the whole canvas, or strip and window. */
  contentWidth: number[];
}

export interface Sheet {
  width: number;
  height: number;
  columns: readonly { label: string; x: number; width: number }[];
  /** The smallest font size used, in pixels. */
  smallestText: number;
}

export function planPages(sheet: Sheet): PagePlan {
  const readable = MIN_TEXT_PT / sheet.smallestText;
  const strip = sheet.columns[0]?.x ?? 0;
  const widest = Math.max(0, ...sheet.columns.map((c) => c.width));
  const splittable = sheet.columns.length > 1;
  let last: PagePlan | undefined;
  for (const paper of PAPERS) {
    const [w, h] = [paper.width - 2 * MARGIN, paper.height - 2 * MARGIN];
    const whole = Math.min(FULL_SIZE, w / sheet.width, h / sheet.height);
    if (whole >= readable || !splittable) last = onePage(sheet, paper, whole, strip);
    if (whole >= readable) return last as PagePlan;
    if (!splittable) continue;
    const split = Math.min(FULL_SIZE, h / sheet.height, w / (strip + widest + RIGHT));
    last = stageGroups(sheet, paper, split, strip);
    if (split >= readable) return last;
  }
  // Lanes too tall even for A0: the largest paper, at the size that fits it.
  return last as PagePlan;
}

function onePage(sheet: Sheet, paper: Paper, scale: number, strip: number): PagePlan {
  const stages = sheet.columns.map((c) => c.label).filter(Boolean);
  return {
    paper,
    scale,
    strip,
    pages: [{ x0: strip, x1: sheet.width, stages }],
    contentWidth: [sheet.width],
  };
}

/** Stages in order, as many on a page as fit beside the lane headers. */
function stageGroups(sheet: Sheet, paper: Paper, scale: number, strip: number): PagePlan {
  const room = (paper.width - 2 * MARGIN) / scale - strip - RIGHT;
  const pages: PageWindow[] = [];
  for (const column of sheet.columns) {
    const page = pages[pages.length - 1];
    const end = column.x + column.width;
    // A thousandth of a pixel of slack: a group that fits exactly is not split by rounding.
    if (page && end - page.x0 <= room + 1e-3) {
      page.x1 = end;
      if (column.label) page.stages.push(column.label);
    } else pages.push({ x0: column.x, x1: end, stages: column.label ? [column.label] : [] });
  }
  return {
    paper,
    scale,
    strip,
    pages,
    contentWidth: pages.map((p) => strip + (p.x1 - p.x0) + RIGHT),
  };
}
