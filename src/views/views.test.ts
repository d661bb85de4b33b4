/**
 * Every view of every example, measured: lanes in blueprint order, every step drawn once in its
 * lane and stage column, every flow drawn, no overlapping boxes, no line through a box, every
 * fail point badged, labels that fit, and the same bytes every time.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { load, parse } from '../model/load.js';
import type { Model } from '../model/model.js';
import { randomModel } from '../testing/random-model.js';
import { reachBySegment, stepBox } from './customer-lanes.js';
import type { Box, Diagram } from './diagram.js';
import { measureDiagram } from './measure.js';
import { toPng } from './png.js';
import { VIEW_IDS, VIEWS } from './registry.js';
import { layout, RenderOptionError, type RenderOptions, renderSvg } from './render.js';
import { canvasWidth } from './svg.js';
import { BOX } from './swimlane-metrics.js';
import { textWidth } from './text.js';

const examplesDir = fileURLToPath(new URL('../../examples/', import.meta.url));
const examples = readdirSync(examplesDir)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => {
    const result = load(`${examplesDir}${f}`);
    if (!result.model) throw new Error(`${f} must be valid`);
    return [f, result.model] as const;
  });

const GROUP_ORDER = ['evidence', 'customer', 'frontstage', 'backstage', 'support'];

/** True when two rectangles share interior area. */
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** True when an axis-parallel segment runs through a box's interior (touching its border is fine). */
function crosses(box: Box, [x1, y1]: [number, number], [x2, y2]: [number, number]): boolean {
  const [left, right, top, bottom] = [
    box.x + 0.5,
    box.x + box.width - 0.5,
    box.y + 0.5,
    box.y + box.height - 0.5,
  ];
  if (y1 === y2) return y1 > top && y1 < bottom && Math.max(x1, x2) > left && Math.min(x1, x2) < right;
  if (x1 === x2) return x1 > left && x1 < right && Math.max(y1, y2) > top && Math.min(y1, y2) < bottom;
  throw new Error(`edge segment (${x1},${y1})-(${x2},${y2}) is not orthogonal`);
}

function checkGeometry(model: Model, d: Diagram) {
  // Lanes stack top to bottom without gaps or overlaps.
  for (let i = 1; i < d.lanes.length; i++) {
    const prev = d.lanes[i - 1] as Diagram['lanes'][number];
    expect(d.lanes[i]?.y).toBeCloseTo(prev.y + prev.height, 6);
  }
  // Every box sits inside its lane and its stage column.
  const lanes = new Map(d.lanes.map((l) => [l.id, l]));
  const columns = new Map(d.columns.map((c) => [c.id, c]));
  for (const box of d.boxes) {
    const lane = lanes.get(box.lane);
    expect(lane, `lane of ${box.id}`).toBeDefined();
    expect(box.y).toBeGreaterThanOrEqual(lane?.y ?? 0);
    expect(box.y + box.height).toBeLessThanOrEqual((lane?.y ?? 0) + (lane?.height ?? 0));
    const column = columns.get(box.column);
    expect(column, `column of ${box.id}`).toBeDefined();
    expect(box.x).toBeGreaterThanOrEqual(column?.x ?? 0);
    expect(box.x + box.width).toBeLessThanOrEqual((column?.x ?? 0) + (column?.width ?? 0));
  }
  // No two boxes overlap; no line runs through a box other than the two it joins. Collected, then
  // asserted once: a 300-step model has millions of pairs.
  const overlapping: string[] = [];
  for (let i = 0; i < d.boxes.length; i++)
    for (let j = i + 1; j < d.boxes.length; j++) {
      const [a, b] = [d.boxes[i] as Box, d.boxes[j] as Box];
      if (overlap(a, b)) overlapping.push(`${a.id} overlaps ${b.id}`);
    }
  expect(overlapping).toEqual([]);
  const through: string[] = [];
  for (const edge of d.edges)
    for (let k = 1; k < edge.points.length; k++)
      for (const box of d.boxes) {
        if (box.id === edge.from || box.id === edge.to) continue;
        if (crosses(box, edge.points[k - 1] as [number, number], edge.points[k] as [number, number]))
          through.push(`${edge.id} runs through ${box.id}`);
      }
  expect(through).toEqual([]);
  // Every label fits its box.
  for (const box of d.boxes)
    for (const line of box.lines)
      expect(textWidth(line, BOX.font)).toBeLessThanOrEqual(box.width - 2 * BOX.padding + 0.01);
  // Every fail point is badged with its probability.
  for (const box of d.boxes.filter((b) => b.kind === 'step')) {
    const step = model.steps.find((s) => s.id === box.ref);
    if (step?.fail)
      expect(box.badges.find((b) => b.kind === 'fail')?.text).toBe(
        `F ${Number((step.fail.p * 100).toFixed(1))}%`,
      );
  }
}

function checkSteps(model: Model, d: Diagram) {
  const reach = reachBySegment(
    model,
    model.segments.map((s) => s.id),
  );
  const shown = model.steps.filter((s) => reach.has(s.id));
  const stepBoxes = d.boxes.filter((b) => b.kind === 'step');
  expect(stepBoxes.map((b) => b.ref).sort()).toEqual(shown.map((s) => s.id).sort());
  for (const step of shown) expect(stepBoxes.find((b) => b.ref === step.id)?.column).toBe(step.stage);
}

function checkFlows(model: Model, d: Diagram) {
  const boxes = new Map(d.boxes.map((b) => [b.id, b]));
  for (const step of model.steps) {
    if (!boxes.has(stepBox(step.id))) continue;
    const targets = new Set<string>();
    for (const segment of model.segments) {
      if ((step.fail?.p ?? 0) < 1)
        for (const b of step.next[segment.id] ?? []) if (b.p > 0) targets.add(b.to);
      if (step.fail) for (const b of step.fail.next[segment.id] ?? []) if (b.p > 0) targets.add(b.to);
    }
    for (const to of targets) {
      const drawn = d.edges.some(
        (e) => e.from === stepBox(step.id) && boxes.get(e.to)?.ref === to && e.kind !== 'interaction',
      );
      expect(drawn, `flow ${step.id} -> ${to}`).toBe(true);
    }
  }
}

describe('the views', () => {
  it('are listed (for the help and the web app) exactly as the registry draws them', () => {
    expect(VIEWS.map((v) => v.id)).toEqual([...VIEW_IDS]);
  });
});

it('blueprint of a model with no frontstage lane: one line of interaction and visibility, one name on it', async () => {
  const text = readFileSync(`${examplesDir}mmc.yaml`, 'utf8').replace(
    'visibility: frontstage',
    'visibility: backstage',
  );
  const model = parse(text, { file: 'mmc.yaml' }).model as Model;
  const d = await layout(model, { view: 'blueprint' });
  expect(d.lanes.some((l) => l.group === 'frontstage')).toBe(false);
  // Two labels at one height were drawn over each other ("line of ɪnvisibility").
  expect(d.lines.map((l) => [l.kind, l.label])).toEqual([
    ['interaction', 'lines of interaction and visibility'],
  ]);
  expect(d.lines[0]?.y).toBe(d.lanes.find((l) => l.group === 'backstage')?.y);
});

describe.each(examples)('%s', (_file, model) => {
  it('blueprint: LOVEM lane order, lines in place, every step and flow, clean geometry', async () => {
    const d = await layout(model, { view: 'blueprint' });
    const groups = d.lanes.map((l) => GROUP_ORDER.indexOf(l.group));
    expect(groups).toEqual([...groups].sort((a, b) => a - b));
    const visibility = d.lines.find((l) => l.kind === 'visibility');
    for (const lane of d.lanes) {
      if (!visibility) break;
      if (lane.group === 'customer' || lane.group === 'frontstage' || lane.group === 'evidence')
        expect(lane.y + lane.height).toBeLessThanOrEqual(visibility.y);
      else expect(lane.y).toBeGreaterThanOrEqual(visibility.y);
    }
    const interaction = d.lines.find((l) => l.kind === 'interaction');
    if (interaction)
      for (const lane of d.lanes.filter((l) => l.group === 'customer'))
        expect(lane.y + lane.height).toBeLessThanOrEqual(interaction.y);
    checkSteps(model, d);
    checkFlows(model, d);
    checkGeometry(model, d);
    // Each touchpoint sits straight under its step, across the line of interaction.
    for (const tp of d.boxes.filter((b) => b.kind === 'touchpoint')) {
      const step = d.boxes.find((b) => b.id === stepBox(tp.ref));
      expect(tp.x).toBe(step?.x);
      expect(tp.y).toBeGreaterThan(interaction?.y ?? 0);
    }
  });

  it('blueprint, entity and e2e: a step that repeats itself loops at least 20 px out of its box, not as a stub', async () => {
    for (const view of ['blueprint', 'entity', 'e2e']) {
      const d = await layout(model, { view });
      for (const e of d.edges.filter((x) => x.from === x.to)) {
        const [start, turn] = e.points as [[number, number], [number, number]];
        expect(turn[0] - start[0], `${view} ${e.id}`).toBeGreaterThanOrEqual(20);
      }
    }
  });

  it('entity and e2e: every step once, clean geometry', async () => {
    for (const view of ['entity', 'e2e']) {
      const d = await layout(model, { view });
      checkSteps(model, d);
      checkFlows(model, d);
      checkGeometry(model, d);
    }
  });

  it("journey: each segment's path, clean geometry", async () => {
    for (const segment of model.segments)
      checkGeometry(model, await layout(model, { view: 'journey', segment: segment.id }));
  });

  it('role: every department view shows exactly the steps it serves or works behind', async () => {
    for (const department of model.organization.departments) {
      const d = await layout(model, { view: 'role', role: department.id });
      const involved = model.steps.filter(
        (s) =>
          department.roles.some((r) => r.id === s.role) ||
          s.backstage.some((a) => a.department === department.id),
      );
      const reach = reachBySegment(
        model,
        model.segments.map((s) => s.id),
      );
      expect(
        d.boxes
          .filter((b) => b.kind === 'step')
          .map((b) => b.ref)
          .sort(),
      ).toEqual(
        involved
          .filter((s) => reach.has(s.id))
          .map((s) => s.id)
          .sort(),
      );
      checkGeometry(model, d);
    }
  });

  it('names each line at the foot of a lane header, clear of the lane names and of every box', async () => {
    const { toSvg } = await import('./svg.js');
    for (const view of ['blueprint', 'entity'] as const) {
      const d = await layout(model, { view });
      const svg = toSvg(d);
      const texts = (group: string) =>
        [
          ...(svg.split(`<g class="${group}">`)[1]?.split('</g><g class=')[0] ?? '').matchAll(
            /<text x="([\d.]+)" y="([\d.]+)" font-size="(\d+)"[^>]*>([^<]*)<\/text>/g,
          ),
        ].map((m) => ({ x: Number(m[1]), y: Number(m[2]), size: Number(m[3]), text: m[4] as string }));
      const names = texts('lines');
      expect(names.map((t) => t.text)).toEqual(d.lines.map((l) => l.label));
      const laneNames = texts('lanes');
      for (const t of names) {
        const width = textWidth(t.text, t.size);
        const area = { x: t.x, y: t.y - t.size, width, height: t.size + 2 } as Box;
        // Inside the lane header (16..186), so never under a box.
        expect(t.x + width).toBeLessThan(186);
        for (const b of d.boxes) expect(overlap(area, b), `${t.text} under ${b.id}`).toBe(false);
        for (const l of laneNames)
          expect(
            Math.abs(l.y - t.y) >= 12 || l.x + textWidth(l.text, l.size) < t.x,
            `${t.text} on ${l.text}`,
          ).toBe(true);
      }
    }
  });

  it('renders the same bytes every time, with a title and a description', async () => {
    for (const view of VIEW_IDS.filter((v) => v !== 'role')) {
      const first = await renderSvg(model, { view });
      expect(await renderSvg(model, { view })).toBe(first);
      expect(first).toMatch(/<title id="title">.+<\/title>/);
      expect(first).toMatch(/<desc id="desc">.+<\/desc>/);
      expect(first).toContain('sans-serif');
      // The heading is never cut off, however long the model's name.
      const d = await layout(model, { view });
      const width = Number(/<svg [^>]*width="([\d.]+)"/.exec(first)?.[1]);
      expect(width).toBeGreaterThanOrEqual(textWidth(d.title, 17, 'bold') + 16);
      expect(width).toBeGreaterThanOrEqual(Math.round(d.width * 10) / 10);
    }
  });
});

describe('random models', () => {
  it.each([
    [40, 11],
    [40, 12],
    [120, 13],
    [300, 14],
  ])('lay out cleanly (%i steps, seed %i)', async (steps, seed) => {
    const result = parse(stringify(randomModel({ steps, seed, segments: 3 })), { file: 'random.yaml' });
    const model = result.model as Model;
    for (const view of ['blueprint', 'entity', 'e2e']) {
      const d = await layout(model, { view });
      if (view === 'blueprint') checkSteps(model, d);
      checkFlows(model, d);
      checkGeometry(model, d);
      const measures = measureDiagram(d);
      expect(measures.cutLabels, view).toEqual([]);
      expect(measures.labelOverlaps, view).toEqual([]);
    }
  });
});

/** Every view an example has: the swimlane views, each segment's journey map, each department's role view. */
function everyView(model: Model): { name: string; options: RenderOptions }[] {
  return [
    ...['blueprint', 'entity', 'e2e'].map((view) => ({ name: view, options: { view } })),
    ...model.segments.map((s) => ({
      name: `journey of ${s.id}`,
      options: { view: 'journey', segment: s.id },
    })),
    ...model.organization.departments.map((d) => ({
      name: `role ${d.id}`,
      options: { view: 'role', role: d.id },
    })),
  ];
}

describe('readable diagrams, as measured', () => {
  it.each(examples)(
    '%s: no text cut, no edge label on a box, a line or a label, in any view',
    async (_f, model) => {
      for (const { name, options } of everyView(model)) {
        const measures = measureDiagram(await layout(model, options));
        expect(measures.cutLabels, name).toEqual([]);
        expect(measures.labelOverlaps, name).toEqual([]);
      }
    },
  );

  it.each(['blueprint', 'entity', 'e2e'])(
    'order-departments %s: at most 80 crossings, at most 3,600 px wide (it was 645 and 8,475)',
    async (view) => {
      const model = examples.find(([f]) => f === 'order-departments.yaml')?.[1] as Model;
      const d = await layout(model, { view });
      const measures = measureDiagram(d);
      expect(measures.crossings).toBeLessThanOrEqual(80);
      expect(canvasWidth(d)).toBeLessThanOrEqual(3600);
    },
  );
});

describe('options and output', () => {
  const model = examples.find(([f]) => f === 'order-departments.yaml')?.[1] as Model;

  it('name the valid choices when a view, role or segment names nothing', async () => {
    await expect(layout(model, { view: 'bluprint' })).rejects.toThrow(RenderOptionError);
    await expect(layout(model, { view: 'bluprint' })).rejects.toMatchObject({
      hint: expect.stringContaining("did you mean 'blueprint'?"),
    });
    await expect(layout(model, { view: 'role', role: 'call-centre' })).rejects.toMatchObject({
      hint: expect.stringContaining("did you mean 'call-center'?"),
    });
    await expect(layout(model, { view: 'journey', segment: 'consumers' })).rejects.toMatchObject({
      hint: expect.stringContaining('consumer, business'),
    });
    await expect(layout(model, { view: 'role' })).rejects.toMatchObject({
      message: expect.stringContaining('needs a role'),
    });
  });

  it("draws one segment's journey, or all segments in one lane", async () => {
    const business = await layout(model, { view: 'blueprint', segment: 'business' });
    expect(business.lanes.filter((l) => l.group === 'customer')).toHaveLength(1);
    const reach = reachBySegment(model, ['business']);
    expect(business.boxes.filter((b) => b.kind === 'step').every((b) => reach.has(b.ref))).toBe(true);
    const merged = await layout(model, { view: 'blueprint', mergeSegments: true });
    expect(merged.lanes.filter((l) => l.group === 'customer').map((l) => l.label)).toEqual(['Customer']);
  });

  it('writes a PNG twice the diagram size', async () => {
    const d = await layout(model, { view: 'journey' });
    const { canvasWidth, toSvg } = await import('./svg.js');
    const png = toPng(toSvg(d), d.width, d.height);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(Math.round(canvasWidth(d) * 2));
  });
});
