/**
 * The SVG that svg.ts writes, read back as a flat list of shapes with their paint, in drawing
 * order. The PDF writer draws these, so a PDF has the SVG's very positions and colours: there is
 * one drawing of a diagram, not two kept in step by hand. Only the elements and attributes svg.ts
 * uses are read; anything else is refused by name, so a change there fails loudly here.
 */
import { SaxesParser } from 'saxes';

export interface Paint {
  /** A colour, or undefined for none. SVG fills shapes black unless told otherwise. */
  fill: string | undefined;
  fillOpacity: number;
  stroke: string | undefined;
  strokeOpacity: number;
  strokeWidth: number;
  dash: number[] | undefined;
}

interface Common {
  paint: Paint;
  /** The class of the outermost group it is drawn in ('lanes', 'boxes', …), or 'root'. */
  layer: string;
  /** Its horizontal extent, stroke included: what decides the pages it is drawn on. */
  left: number;
  right: number;
}

export type Shape = Common &
  (
    | { kind: 'rect'; x: number; y: number; width: number; height: number; rx: number }
    | { kind: 'polyline'; points: [number, number][]; closed: boolean }
    | { kind: 'path'; d: string }
    | { kind: 'circle'; cx: number; cy: number; r: number }
    | {
        kind: 'text';
        x: number;
        y: number;
        text: string;
        size: number;
        bold: boolean;
        italic: boolean;
        anchor: 'start' | 'middle' | 'end';
      }
  );

export interface SvgDrawing {
  width: number;
  height: number;
  shapes: Shape[];
}

const CONTAINERS = new Set(['svg', 'g', 'title', 'desc']);

export function readSvg(svg: string): SvgDrawing {
  const parser = new SaxesParser();
  const shapes: Shape[] = [];
  const stack: { name: string; attributes: Record<string, string> }[] = [];
  let size = { width: 0, height: 0 };
  let text: { attributes: Record<string, string>; layer: string; content: string } | null = null;
  parser.on('opentag', (tag) => {
    const attributes = tag.attributes as Record<string, string>;
    const layer = stack.find((t) => t.name === 'g')?.attributes.class?.split(' ')[0] ?? 'root';
    stack.push({ name: tag.name, attributes });
    if (tag.name === 'svg') size = { width: num(attributes, 'width'), height: num(attributes, 'height') };
    else if (tag.name === 'text') text = { attributes, layer, content: '' };
    else if (!CONTAINERS.has(tag.name)) shapes.push(shape(tag.name, attributes, layer));
  });
  parser.on('text', (t) => {
    if (text) text.content += t;
  });
  parser.on('closetag', (tag) => {
    stack.pop();
    if (tag.name === 'text' && text) {
      shapes.push(textShape(text.attributes, text.layer, text.content));
      text = null;
    }
  });
  parser.write(svg).close();
  return { ...size, shapes };
}

const num = (a: Record<string, string>, key: string, fallback?: number): number => {
  const value = a[key] === undefined ? fallback : Number(a[key]);
  if (value === undefined || !Number.isFinite(value))
    throw new Error(`the PDF writer cannot read ${key}="${a[key]}" in the diagram's SVG`);
  return value;
};

function paint(a: Record<string, string>, defaultFill: string | undefined): Paint {
  const colour = (v: string | undefined, fallback: string | undefined) =>
    v === undefined ? fallback : v === 'none' ? undefined : v;
  return {
    fill: colour(a.fill, defaultFill),
    // opacity applies to the fill and the stroke alike (the journey map's shaded emotion area).
    fillOpacity: num(a, 'fill-opacity', 1) * num(a, 'opacity', 1),
    strokeOpacity: num(a, 'stroke-opacity', 1) * num(a, 'opacity', 1),
    stroke: colour(a.stroke, undefined),
    strokeWidth: a.stroke && a.stroke !== 'none' ? num(a, 'stroke-width', 1) : 0,
    dash: a['stroke-dasharray']?.split(/[\s,]+/).map(Number),
  };
}

function shape(name: string, a: Record<string, string>, layer: string): Shape {
  const p = paint(a, '#000000');
  const half = p.strokeWidth / 2;
  const common = (left: number, right: number) => ({
    paint: p,
    layer,
    left: left - half,
    right: right + half,
  });
  switch (name) {
    case 'rect': {
      const [x, width] = [num(a, 'x', 0), num(a, 'width')];
      const [y, height] = [num(a, 'y', 0), num(a, 'height')];
      return { kind: 'rect', x, y, width, height, rx: num(a, 'rx', 0), ...common(x, x + width) };
    }
    case 'line':
    case 'polyline':
    case 'polygon': {
      const points: [number, number][] =
        name === 'line'
          ? [
              [num(a, 'x1'), num(a, 'y1')],
              [num(a, 'x2'), num(a, 'y2')],
            ]
          : pairs(
              (a.points ?? '')
                .split(/[\s,]+/)
                .filter(Boolean)
                .map(Number),
            );
      const xs = points.map(([x]) => x);
      const shown = name === 'line' ? { ...p, fill: undefined } : p;
      return {
        kind: 'polyline',
        points,
        closed: name === 'polygon',
        ...common(Math.min(...xs), Math.max(...xs)),
        paint: shown,
      };
    }
    case 'path': {
      // svg.ts writes paths of absolute moves and lines only (the arrowheads): x,y pairs.
      const d = a.d ?? '';
      if (/[^MLZ\d\s,.-]/.test(d))
        throw new Error(`the PDF writer draws paths of M, L and Z only, not '${d}'`);
      const xs = pairs((d.match(/-?[\d.]+/g) ?? []).map(Number)).map(([x]) => x);
      return { kind: 'path', d, ...common(Math.min(...xs), Math.max(...xs)) };
    }
    case 'circle': {
      const [cx, r] = [num(a, 'cx'), num(a, 'r')];
      return { kind: 'circle', cx, cy: num(a, 'cy'), r, ...common(cx - r, cx + r) };
    }
    default:
      throw new Error(`the PDF writer does not draw <${name}>, which the diagram's SVG has`);
  }
}

function textShape(a: Record<string, string>, layer: string, content: string): Shape {
  const x = num(a, 'x', 0);
  return {
    kind: 'text',
    x,
    y: num(a, 'y', 0),
    text: content,
    size: num(a, 'font-size'),
    bold: a['font-weight'] === 'bold',
    italic: a['font-style'] === 'italic',
    anchor: a['text-anchor'] === 'middle' ? 'middle' : a['text-anchor'] === 'end' ? 'end' : 'start',
    paint: paint(a, '#000000'),
    layer,
    // Text goes where its anchor is: a label is on the page of the column it names.
    left: x,
    right: x,
  };
}

function pairs(values: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < values.length; i += 2) out.push([values[i] as number, values[i + 1] as number]);
  return out;
}
