/** The counts the layout is held to, on drawings small enough to count by hand. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Box, Diagram, Edge } from './diagram.js';
import { countCrossings, measureDiagram } from './measure.js';

const edge = (id: string, points: [number, number][], extra: Partial<Edge> = {}): Edge => ({
  id,
  kind: 'flow',
  from: 'a',
  to: 'b',
  points,
  ...extra,
});

const box = (id: string, x: number, y: number, extra: Partial<Box> = {}): Box => ({
  id,
  kind: 'step',
  ref: id,
  lane: 'l',
  column: 'c',
  x,
  y,
  width: 100,
  height: 40,
  lines: [id],
  title: id,
  badges: [],
  tags: [],
  ...extra,
});

const diagram = (parts: Partial<Diagram>): Diagram => ({
  view: 'blueprint',
  title: 't',
  description: 'd',
  width: 1000,
  height: 500,
  lanes: [],
  columns: [],
  lines: [],
  boxes: [],
  edges: [],
  curves: [],
  guides: [],
  ...parts,
});

describe('crossings', () => {
  it('counts each point where two edges cross, and not where they only meet or run beside each other', () => {
    const across = edge('h', [
      [0, 50],
      [200, 50],
    ]);
    const down = edge('v', [
      [100, 0],
      [100, 100],
    ]);
    expect(countCrossings([across, down])).toBe(1);
    // An S-shaped edge crossing the same vertical twice.
    const twice = edge('s', [
      [50, 20],
      [150, 20],
      [150, 80],
      [50, 80],
    ]);
    expect(countCrossings([twice, down])).toBe(2);
    // Ending on another edge is meeting it, not crossing it.
    const meets = edge('m', [
      [0, 100],
      [100, 100],
    ]);
    expect(countCrossings([meets, down])).toBe(0);
    // Lines of interaction do not count: they are drawn under the flow, dotted.
    expect(countCrossings([across, { ...down, kind: 'interaction' }])).toBe(0);
  });
});

/** Every pair of segments of two different flows, one horizontal and one vertical, crossing inside both. */
function pairwiseCrossings(edges: Edge[]): number {
  const flows = edges.filter((e) => e.kind !== 'interaction');
  const segments = (e: Edge) =>
    e.points.slice(1).map((b, i) => [e.points[i] as [number, number], b] as const);
  const inside = (v: number, p: number, q: number) => v > Math.min(p, q) && v < Math.max(p, q);
  let n = 0;
  for (const [i, f] of flows.entries())
    for (const g of flows.slice(i + 1))
      for (const [a, b] of segments(f))
        for (const [c, d] of segments(g)) {
          const fh = a[1] === b[1];
          if (fh === (c[1] === d[1])) continue;
          const [[h0, h1], [v0, v1]] = fh
            ? [
                [a, b],
                [c, d],
              ]
            : [
                [c, d],
                [a, b],
              ];
          if (inside(v0[0], h0[0], h1[0]) && inside(h0[1], v0[1], v1[1])) n++;
        }
  return n;
}

describe('crossings', () => {
  it('are every crossing pair of segments of two flows, on random orthogonal drawings', () => {
    // Few coordinates, so that segments often meet, overlap, touch at their ends or have no length.
    const coordinate = fc.integer({ min: 0, max: 6 });
    const path = fc
      .tuple(fc.tuple(coordinate, coordinate), fc.array(fc.tuple(fc.boolean(), coordinate), { maxLength: 6 }))
      .map(([start, moves]) => {
        const points: [number, number][] = [start];
        for (const [horizontal, to] of moves) {
          const [x, y] = points[points.length - 1] as [number, number];
          points.push(horizontal ? [to, y] : [x, to]);
        }
        return points;
      });
    const drawing = fc
      .array(fc.tuple(path, fc.boolean()), { maxLength: 8 })
      .map((paths) =>
        paths.map(([points, interaction], i) =>
          edge(`e${i}`, points, interaction ? { kind: 'interaction' } : {}),
        ),
      );
    fc.assert(
      fc.property(drawing, (edges) => {
        expect(countCrossings(edges)).toBe(pairwiseCrossings(edges));
      }),
      { numRuns: 500 },
    );
  });
});

describe('cut labels', () => {
  it('finds a box whose text lost words or ends in an ellipsis, and a lane whose name lost words', () => {
    const d = diagram({
      boxes: [
        box('whole', 0, 0, { title: 'Reads the product page', lines: ['Reads the', 'product page'] }),
        box('hyphenated', 200, 0, { title: 'Unbelievably long', lines: ['Unbeliev-', 'ably long'] }),
        box('ellipsis', 400, 0, { title: 'Calls the hotline', lines: ['Calls the…'] }),
        box('lost', 600, 0, { title: 'Calls the hotline', lines: ['Calls the'] }),
        box('caption', 800, 0, { title: 'Pays', lines: ['Pays'], caption: 'with the card…' }),
      ],
      lanes: [
        {
          id: 'ok',
          label: 'Contact center agents',
          group: 'frontstage',
          y: 0,
          height: 50,
          lines: ['Contact center', 'agents'],
        },
        {
          id: 'cut',
          label: 'Contact center agents',
          group: 'frontstage',
          y: 50,
          height: 50,
          lines: ['Contact center'],
        },
      ],
    });
    expect(measureDiagram(d).cutLabels).toEqual(['box ellipsis', 'box lost', 'box caption', 'lane cut']);
  });
});

describe('label overlaps', () => {
  it('finds an edge label on a box, on another line and on another label', () => {
    const labelled = edge(
      'e1',
      [
        [0, 10],
        [300, 10],
      ],
      { label: '40%', labelBox: { x: 10, y: 4, width: 20, height: 12 } },
    );
    const clear = measureDiagram(diagram({ edges: [labelled], boxes: [box('far', 500, 300)] }));
    expect(clear.labelOverlaps).toEqual([]);
    const d = diagram({
      boxes: [box('under', 25, 0)],
      edges: [
        labelled,
        edge('e2', [
          [15, 0],
          [15, 100],
        ]),
        edge(
          'e3',
          [
            [0, 12],
            [5, 12],
          ],
          { label: '60%', labelBox: { x: 20, y: 8, width: 20, height: 12 } },
        ),
      ],
    });
    expect(measureDiagram(d).labelOverlaps).toEqual([
      'label of e1 on box under',
      'label of e1 on the line of e2',
      'label of e1 on the label of e3',
      'label of e3 on box under',
      'label of e3 on the line of e1',
    ]);
  });
});
