/**
 * The BPMNDI side of an export: shapes, edges and their labels (in the export's coordinates),
 * lane membership, ids kept unique, and `linesight:properties` blocks. bpmn-js draws pools before
 * what is in them, so the plane lists pools and lanes first.
 */
import { listIn } from '../collections/list-in.js';
import { writeProperties } from './interchange/properties.js';
import { aboveOwnLine, placeLabels } from './label-place.js';
import { fitText } from './label-text.js';
import type { LaneFit } from './lane-fit.js';
import type { Element, Moddle } from './moddle.js';

export type Point = [number, number];
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DiagramWriter {
  fit: LaneFit;
  shape(
    element: Element,
    x: number,
    y: number,
    width: number,
    height: number,
    extra?: Record<string, unknown>,
  ): void;
  edge(element: Element, points: Point[], label?: Rect): void;
  label(rect: Rect): { label: Element };
  /** The id, or the id with a number added when an element already has it. */
  unique(id: string): string;
  addToLane(laneId: string, element: Element): void;
  members(laneId: string): Element[];
  extension(data: object): Element | undefined;
  values(data: object): Element[];
  planeElements(): Element[];
}

const round = (x: number) => Math.round(x * 10) / 10;

/** A label made, sized to its text as bpmn-js will wrap it. */
function sized(made: { label: Element }, text: unknown): { label: Element } {
  fitText(made.label.bounds as unknown as Rect, text);
  return made;
}

export function diagramWriter(moddle: Moddle, fit: LaneFit): DiagramWriter {
  const shapes: Element[] = [];
  const edges: Element[] = [];
  const used = new Set<string>();
  const lanes = new Map<string, Element[]>();
  const bounds = (r: Rect) =>
    moddle.create('dc:Bounds', {
      x: round(r.x),
      y: round(r.y),
      width: round(r.width),
      height: round(r.height),
    });
  /** Every label's bounds, and its own shape's or flow's lines: placed clear of the rest at the end. */
  const labels: { bounds: Element; owner?: Element; lines?: Rect[] }[] = [];
  /** Each flow's legs, as boxes without width or height. */
  const lines: Rect[] = [];
  // Each label by its bounds, for the shape it is given to (a search of them all per shape took
  // 4.9 s of a 3,000-step export).
  const labelOf = new Map<Element, { bounds: Element; owner?: Element; lines?: Rect[] }>();
  const label = (r: Rect) => {
    const made = moddle.create('bpmndi:BPMNLabel', { bounds: bounds(r) });
    const entry = { bounds: made.bounds as Element };
    labels.push(entry);
    labelOf.set(entry.bounds, entry);
    return { label: made };
  };
  const rectOf = (b: Element) => b as unknown as Rect;
  const placeAll = () => {
    const isPool = (s: Element) => /Participant|Lane/.test(String((s.bpmnElement as Element).$type));
    const obstacles = shapes.filter((s) => !isPool(s)).map((s) => s.bounds as Element);
    // Pools and lanes are no obstacles, but a label across their borders reads as in neither.
    const borders = shapes.filter(isPool).flatMap((s) => {
      const { x, y, width, height } = rectOf(s.bounds as Element);
      return [
        { x, y, width, height: 0 },
        { x, y: y + height, width, height: 0 },
      ];
    });
    const places = placeLabels(
      labels.map((l) => rectOf(l.bounds)),
      labels.map((l) => (l.owner ? rectOf(l.owner) : undefined)),
      obstacles.map(rectOf),
      [...lines, ...borders],
      labels.map((l) => l.lines),
    );
    labels.forEach((l, i) => {
      const place = places[i] as Rect;
      l.bounds.x = round(place.x);
      l.bounds.y = round(place.y);
    });
  };
  const values = (data: object) => {
    const p = writeProperties(moddle, data as Record<string, unknown>);
    return p ? [p] : [];
  };
  return {
    fit,
    label,
    shape(element, x, y, width, height, extra = {}) {
      const made = moddle.create('bpmndi:BPMNShape', {
        id: `${element.id}_di`,
        bpmnElement: element,
        bounds: bounds({ x, y, width, height }),
        ...extra,
      });
      const given = (extra.label as Element | undefined)?.bounds as Element | undefined;
      const own = given && labelOf.get(given);
      if (own) {
        own.owner = made.bounds as Element;
        fitText(rectOf(own.bounds), element.name);
      }
      shapes.push(made);
    },
    edge(element, points, rect) {
      const kept = points.filter(
        (p, i) => i === 0 || p[0] !== points[i - 1]?.[0] || p[1] !== points[i - 1]?.[1],
      );
      const legs = kept.slice(1).map(([x, y], i) => {
        const [px, py] = kept[i] as Point;
        return { x: Math.min(x, px), y: Math.min(y, py), width: Math.abs(x - px), height: Math.abs(y - py) };
      });
      lines.push(...legs);
      const made = rect ? sized(label(rect), element.name) : undefined;
      const own = made && labelOf.get(made.label.bounds as Element);
      if (own) {
        own.lines = legs;
        aboveOwnLine(rectOf(own.bounds), legs);
      }
      edges.push(
        moddle.create('bpmndi:BPMNEdge', {
          id: `${element.id}_di`,
          bpmnElement: element,
          waypoint: kept.map(([x, y]) => moddle.create('dc:Point', { x: round(x), y: round(y) })),
          ...(made ?? {}),
        }),
      );
    },
    unique(id) {
      let candidate = id;
      for (let n = 2; used.has(candidate); n++) candidate = `${id}_${n}`;
      used.add(candidate);
      return candidate;
    },
    addToLane(laneId, element) {
      listIn(lanes, laneId).push(element);
    },
    members: (laneId) => lanes.get(laneId) ?? [],
    extension(data) {
      const v = values(data);
      return v.length ? moddle.create('bpmn:ExtensionElements', { values: v }) : undefined;
    },
    values,
    planeElements() {
      placeAll();
      const order = (s: Element) =>
        /Participant|Lane/.test(String((s.bpmnElement as Element).$type)) ? 0 : 1;
      return [...shapes.sort((a, b) => order(a) - order(b)), ...edges];
    },
  };
}
