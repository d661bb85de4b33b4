/**
 * Diagrams a board can read: names, never ids, in the text of every view of every example (ids
 * stay in data-* attributes); customer lanes named in words; the start column headed; and in the
 * role view every flow out of a step drawn, to the role's steps, to an end or to a stub.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readBpmnNames } from '../bpmn/names.js';
import { load } from '../model/load.js';
import type { Model } from '../model/model.js';
import { reachBySegment, START_COLUMN, segmentCodes, segmentsShown, stepBox } from './customer-lanes.js';
import type { Diagram } from './diagram.js';
import { e2eSpec } from './e2e.js';
import { layout } from './render.js';
import { laneName } from './segment-lanes.js';
import { toSvg } from './svg.js';

const examplesDir = fileURLToPath(new URL('../../examples/', import.meta.url));
const examples = readdirSync(examplesDir)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => [f, load(`${examplesDir}${f}`).model as Model] as const);
const departments = examples.find(([f]) => f === 'order-departments.yaml')?.[1] as Model;

/** Every id the examples' BPMN files give an element: none may be read in a drawing. */
const bpmnIds = readdirSync(`${examplesDir}bpmn`).flatMap((f) =>
  [...readFileSync(`${examplesDir}bpmn/${f}`, 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] as string),
);
const BPMN_ID = /\b(Activity|Process|Lane|Gateway|StartEvent|EndEvent|Flow|Task|Participant)_\w/;

/** The text a reader sees: every <text> of the SVG (box lines, captions, lanes, columns, edge labels). */
const visibleText = (d: Diagram) =>
  [...toSvg(d).matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) =>
    (m[1] as string).replace(/&amp;/g, '&').replace(/&quot;/g, '"'),
  );

/** Every view of a model: the swimlane views, each segment's journey, each department's and role's work. */
function views(model: Model) {
  return [
    ...['blueprint', 'entity', 'e2e'].map((view) => ({ view })),
    ...model.segments.map((s) => ({ view: 'journey', segment: s.id })),
    ...model.organization.departments.flatMap((d) => [
      { view: 'role', role: d.id },
      ...d.roles.map((r) => ({ view: 'role', role: r.id })),
    ]),
  ];
}

describe.each(examples)('%s', (_file, model) => {
  it('shows names, never BPMN ids, in the text of every view', async () => {
    for (const options of views(model)) {
      const text = visibleText(await layout(model, options));
      const joined = text.join(' ');
      const where = `${options.view} ${'role' in options ? options.role : ''}`;
      expect(
        text.filter((t) => BPMN_ID.test(t)),
        where,
      ).toEqual([]);
      for (const id of bpmnIds) expect(joined.includes(id), `${id} in ${where}`).toBe(false);
    }
  });

  it('heads the start column "Start" wherever a journey starts', async () => {
    for (const view of ['blueprint', 'entity', 'e2e']) {
      const d = await layout(model, { view });
      const starts = d.boxes.filter((b) => b.kind === 'start');
      expect(starts.length).toBeGreaterThan(0);
      for (const b of starts) expect(b.column).toBe(START_COLUMN);
      expect(d.columns.find((c) => c.id === START_COLUMN)?.lines).toEqual(['Start']);
    }
  });

  it('names no lane by joining ids or names with "&"', async () => {
    const d = await layout(model, { view: 'blueprint' });
    for (const lane of d.lanes) expect(lane.label).not.toContain('&');
  });
});

describe('customer lanes', () => {
  it('are named in words, in their old order: one segment, all of them, or a list', async () => {
    const d = await layout(departments, { view: 'blueprint' });
    expect(d.lanes.filter((l) => l.group === 'customer').map((l) => l.label)).toEqual([
      'Consumers and small home offices',
      'All customers',
      'Business buyers',
    ]);
    expect(laneName(['Consumers and small home offices', 'Business buyers'], 3)).toBe(
      'Consumers and small home offices, and business buyers',
    );
    expect(laneName(['Retail', 'Trade', 'SMB buyers'], 4)).toBe('Retail, trade and SMB buyers');
    expect(laneName(['Retail', 'Trade'], 2)).toBe('All customers');
  });
});

describe('the end-to-end view', () => {
  it('names processes and activities, with the BPMN name where it differs from the model', async () => {
    const d = await layout(departments, { view: 'e2e' });
    const processes = d.lanes.filter((l) => l.group === 'process').map((l) => l.label);
    expect(processes).toContain('Order to cash');
    expect(processes).toContain('Return to refund (APQC 6.3)');
    const caption = (ref: string) => d.boxes.find((b) => b.ref === ref)?.caption;
    expect(caption('price-quote')).toBe('Sales · APQC 3.5.3');
    expect(caption('key-phone-order')).toBe('Sales · BPMN: Keys the purchase order against the quote');
    // The ids stay in the data, for tools.
    expect(toSvg(d)).toContain('data-ref="price-quote"');
  });

  it('shows no BPMN id when the linked files are not read', () => {
    const spec = e2eSpec(departments);
    const texts = [
      ...spec.lanes.map((l) => l.label),
      ...spec.nodes.flatMap((n) => [n.text, n.caption ?? '']),
    ];
    expect(texts.filter((t) => BPMN_ID.test(t))).toEqual([]);
  });

  it('reads the names of the linked elements from their files', async () => {
    const names = await readBpmnNames(departments);
    const process = departments.processes.find((p) => p.id === 'order-to-cash');
    expect(process && names.process(process)).toBe('Order to cash');
    const keyed = departments.steps.flatMap((s) => s.backstage).find((a) => a.id === 'key-phone-order');
    expect(keyed && names.activity(keyed)).toBe('Keys the purchase order against the quote');
  });
});

/** The segments a customer lane holds, from its id ("customer:consumer+business"). */
const laneSegments = (lane: string, model: Model) =>
  lane.startsWith('customer:') ? lane.slice('customer:'.length).split('+') : model.segments.map((s) => s.id);

/**
 * What a reader takes a flow's label to say, per segment: a line per segment's code with its
 * figure, or one figure (none: certain) for every segment both lanes it joins hold.
 */
function readLabel(d: Diagram, edge: Diagram['edges'][number], model: Model): Map<string, number> {
  const lane = (id: string) => d.boxes.find((b) => b.id === id)?.lane ?? '';
  if (edge.label && !/^[\d.]+%$/.test(edge.label)) {
    const byCode = new Map([...segmentCodes(model)].map(([s, c]) => [c, s]));
    // "C 30%" on a line per segment.
    return new Map(
      edge.label.split('\n').map((line) => {
        const [code, p] = line.split(' ');
        return [byCode.get(code ?? '') ?? '', Number(p?.slice(0, -1)) / 100];
      }),
    );
  }
  const p = edge.label ? Number(edge.label.slice(0, -1)) / 100 : 1;
  const to = laneSegments(lane(edge.to), model);
  return new Map(
    laneSegments(lane(edge.from), model)
      .filter((s) => to.includes(s))
      .map((s) => [s, p]),
  );
}

describe('the role view', () => {
  it.each(departments.organization.departments.map((d) => d.id))(
    'of %s draws every branch out of each of its steps, and they add up',
    async (role) => {
      const d = await layout(departments, { view: 'role', role });
      const boxes = new Map(d.boxes.map((b) => [b.id, b]));
      const reach = reachBySegment(departments, segmentsShown(departments, {}));
      for (const step of departments.steps.filter((s) => boxes.has(stepBox(s.id)))) {
        const out = d.edges.filter((e) => e.from === stepBox(step.id) && e.kind !== 'later');
        const flows = [
          { kind: 'flow', flow: step.next, p: 1 - (step.fail?.p ?? 0) },
          { kind: 'failure', flow: step.fail?.next ?? {}, p: step.fail?.p ?? 0 },
        ];
        for (const { kind, flow } of flows.filter((f) => f.p > 0)) {
          const drawn = out
            .filter((e) => e.kind === kind)
            .map((e) => ({ e, read: readLabel(d, e, departments) }));
          for (const segment of reach.get(step.id) ?? []) {
            for (const b of (flow[segment] ?? []).filter((x) => x.p > 0)) {
              const edge = drawn.find(({ e }) => boxes.get(e.to)?.ref === b.to);
              expect(edge, `${kind} ${step.id} -> ${b.to}`).toBeDefined();
              expect(edge?.read.get(segment), `${kind} ${step.id} -> ${b.to} (${segment})`).toBeCloseTo(
                b.p,
                3,
              );
            }
            const total = drawn.reduce((sum, { read }) => sum + (read.get(segment) ?? 0), 0);
            expect(total, `${kind} out of ${step.id} (${segment})`).toBeCloseTo(1, 3);
          }
        }
      }
    },
  );

  it('names the step a flow leaves for, and says what a dotted arrow means', async () => {
    const d = await layout(departments, { view: 'role', role: 'sales' });
    const stub = d.boxes.find((b) => b.id === 'stub:web-checkout@sales-call');
    expect(stub?.lines.join(' ')).toBe('→ Checks out on the website');
    expect(stub?.caption).toBe('Web shop');
    const edge = d.edges.find((e) => e.from === stepBox('sales-call') && e.to === stub?.id);
    expect(edge?.label).toBe('C 30%\nB 10%');
    expect(d.edges.some((e) => e.kind === 'later' && e.label === undefined)).toBe(true);
    expect(d.subtitle).toContain('dotted: the customer comes back');
    expect(d.subtitle).toContain('→ box: others take over');
  });
});
