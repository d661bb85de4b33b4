/**
 * The journey map as a board reads it: one path per segment, the most likely one, each step
 * leading to the next; stages in path order; reach per 1,000 as the analysis computes it; the
 * emotion curve in path order, coloured by sign; findings under the steps they concern; full
 * text in names; and paths asked for, checked link by link.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { analyze } from '../analysis/analyze.js';
import { hitProbability, journeyChain } from '../analysis/journey-chain.js';
import { happyPath, linksFrom, mostLikelyPath } from '../analysis/likely-path.js';
import { load, parse } from '../model/load.js';
import type { Model } from '../model/model.js';
import { randomModel } from '../testing/random-model.js';
import type { Box, Diagram, Mark } from './diagram.js';
import { EMOTION_COLORS } from './journey-emotion.js';
import { OPPORTUNITIES_PER_STEP } from './journey-notes.js';
import { layout, RenderOptionError, renderSvg } from './render.js';
import { BOX } from './swimlane-metrics.js';
import { textWidth } from './text.js';

const examplesDir = fileURLToPath(new URL('../../examples/', import.meta.url));
const examples = readdirSync(examplesDir)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => [f, load(`${examplesDir}${f}`).model as Model] as const);
const bySegment = examples.flatMap(([file, model]) =>
  model.segments.map((s) => [file, s.id, model] as const),
);
const departments = examples.find(([f]) => f === 'order-departments.yaml')?.[1] as Model;

const journey = (model: Model, options: { segment?: string; path?: string[] } = {}) =>
  layout(model, { view: 'journey', ...options });
/** The boxes of a lane, left to right. */
const row = (d: Diagram, lane: string) => d.boxes.filter((b) => b.lane === lane).sort((a, b) => a.x - b.x);
const marksOf = (d: Diagram, role: string) => (d.marks ?? []).filter((m) => m.role === role);
const texts = (svg: string) => [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1] as string);

describe.each(bySegment)('%s, segment %s', (_file, segment, model) => {
  it('follows the most likely path, each step leading to the next, into its end', async () => {
    const d = await journey(model, { segment });
    const path = happyPath(model, segment);
    const actions = row(d, 'actions');
    expect(actions.filter((b) => b.kind === 'step').map((b) => b.ref)).toEqual(path?.steps);
    expect(actions[actions.length - 1]).toMatchObject({ kind: 'end', ref: path?.end });
    const links = linksFrom(model, segment);
    const steps = path?.steps ?? [];
    for (let i = 1; i < steps.length; i++)
      expect(links.get(steps[i - 1] as string)?.some((l) => l.to === steps[i])).toBe(true);
    expect(d.title).toContain(model.segments.find((s) => s.id === segment)?.name);
  });

  it('groups the steps by stage in path order, one column per run of a stage', async () => {
    const d = await journey(model, { segment });
    const columns = [...d.columns].sort((a, b) => a.x - b.x);
    const steps = row(d, 'actions').filter((b) => b.kind === 'step');
    const runs = steps
      .map((b) => model.steps.find((s) => s.id === b.ref)?.stage)
      .filter((stage, i, all) => stage !== all[i - 1]);
    expect(columns.map((c) => c.id.split('@')[0])).toEqual([...runs, '(outcome)']);
    for (const b of steps)
      expect(b.column.split('@')[0]).toBe(model.steps.find((s) => s.id === b.ref)?.stage);
  });

  it('counts customers per 1,000 arrivals of the segment as the exact analysis does', async () => {
    const d = await journey(model, { segment });
    const jc = journeyChain(model, segment);
    for (const box of row(d, 'reach').filter((b) => model.steps.some((s) => s.id === b.ref))) {
      const exact = hitProbability(jc, new Set([box.ref])) * 1000;
      const stated = Number(
        /^([\d.]+) of every 1,000 customers of the segment who arrive/.exec(box.title)?.[1],
      );
      expect(stated, box.ref).toBeCloseTo(exact, 1);
      const shown = Number(box.lines[0]?.split(' of ')[0]?.replace(/,/g, ''));
      expect(Math.abs(shown - exact), box.ref).toBeLessThanOrEqual(exact < 10 ? 0.05 : 0.5);
    }
  });

  it('draws the emotion curve through the path in order, coloured by sign', async () => {
    const d = await journey(model, { segment });
    const path = happyPath(model, segment)?.steps ?? [];
    const emotion = (id: string) => model.steps.find((s) => s.id === id)?.emotion;
    const points = marksOf(d, 'emotion-point') as Extract<Mark, { kind: 'circle' }>[];
    expect(points.map((p) => p.ref)).toEqual(path.filter((id) => emotion(id) !== undefined));
    for (let i = 1; i < points.length; i++)
      expect(points[i]?.x).toBeGreaterThan((points[i - 1] as Extract<Mark, { kind: 'circle' }>).x);
    const sign = (e: number) =>
      e > 0 ? EMOTION_COLORS.positive : e < 0 ? EMOTION_COLORS.negative : EMOTION_COLORS.neutral;
    for (const p of points) expect(p.color).toBe(sign(emotion(p.ref ?? '') as number));
    const note = marksOf(d, 'emotion-missing') as Extract<Mark, { kind: 'text' }>[];
    if (points.length === 0) {
      // No score on the path: its note alone, in the lane's middle, with no scale or zero line
      // to run through its words.
      expect(d.guides).toEqual([]);
      expect(marksOf(d, 'emotion-zero')).toEqual([]);
      const lane = d.lanes.find((l) => l.id === 'emotion') as Diagram['lanes'][number];
      const top = Math.min(...note.map((m) => m.y - (m.size ?? 11)));
      const bottom = Math.max(...note.map((m) => m.y));
      expect(top).toBeGreaterThan(lane.y);
      expect(bottom).toBeLessThan(lane.y + lane.height);
      expect(Math.abs((top + bottom) / 2 - (lane.y + lane.height / 2))).toBeLessThan(12);
      return;
    }
    expect(note).toEqual([]);
    expect(d.guides).toHaveLength(4);
    // Each piece of the line keeps to one side of the zero line, in that side's colour.
    const zero = (marksOf(d, 'emotion-zero')[0] as Extract<Mark, { kind: 'poly' }>).points[0]?.[1] as number;
    for (const line of marksOf(d, 'emotion-line') as Extract<Mark, { kind: 'poly' }>[]) {
      const ys = line.points.map(([, y]) => zero - y);
      const side = Math.sign(ys[0] ?? 0) || Math.sign(ys[1] ?? 0);
      for (const y of ys) expect(Math.sign(y) === side || Math.abs(y) < 1e-9).toBe(true);
      expect(line.color).toBe(sign(side));
    }
  });

  it('puts each finding about these steps under the first step it concerns, ranked as the analysis ranks them', async () => {
    const d = await journey(model, { segment });
    const path = happyPath(model, segment)?.steps ?? [];
    const findings = analyze(model, { segment }).findings;
    const concerning = findings.filter((f) => f.steps.some((id) => path.includes(id)));
    const behind = (marksOf(d, 'behind') as Extract<Mark, { kind: 'text' }>[]).map((m) => m.text);
    const listedBehind = behind.flatMap((t) =>
      /^(\d+)\. /.exec(t) ? [Number(/^(\d+)\. /.exec(t)?.[1])] : [],
    );
    let counted = listedBehind.length;
    for (const [k, id] of path.entries()) {
      const boxes = row(d, 'opportunities').filter(
        (b) => b.id === `opportunities:${k + 1}` || b.id.startsWith(`opportunities:${k + 1}:`),
      );
      const ranks = boxes.flatMap((b) => {
        const rank = /^(\d+)\. /.exec(b.lines[0] ?? '')?.[1];
        return rank ? [Number(rank)] : [];
      });
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      expect(ranks.length).toBeLessThanOrEqual(OPPORTUNITIES_PER_STEP);
      for (const rank of ranks) {
        const f = findings[rank - 1];
        expect(f?.steps).toContain(id);
        expect(path.findIndex((p) => f?.steps.includes(p))).toBe(k);
      }
      const more = Number(/^(\d+) more finding/.exec(boxes[boxes.length - 1]?.lines[0] ?? '')?.[1] ?? 0);
      counted += ranks.length + more;
    }
    expect(counted).toBe(concerning.length);
  });

  it('writes full text in names: nothing cut, no ids, every line within its box', async () => {
    const d = await journey(model, { segment });
    const svg = await renderSvg(model, { view: 'journey', segment });
    expect(svg).not.toContain('…');
    const ids = [
      ...model.steps.map((s) => s.id),
      ...model.ends.map((e) => e.id),
      ...model.resources.map((r) => r.id),
      ...model.organization.systems.map((s) => s.id),
      ...model.organization.departments.flatMap((dep) => [dep.id, ...dep.roles.map((r) => r.id)]),
    ].filter((id) => id.includes('-'));
    const visible = texts(svg).filter((t) => !t.startsWith('How to read it') && !t.includes('--segment'));
    for (const t of visible)
      for (const id of ids)
        expect(t, `'${id}' in '${t}'`).not.toMatch(new RegExp(`(^|[^\\w-])${id}([^\\w-]|$)`));
    for (const box of d.boxes)
      for (const line of box.lines)
        expect(textWidth(line, BOX.font)).toBeLessThanOrEqual(box.width - 2 * BOX.padding + 0.01);
    const card = marksOf(d, 'persona')[0] as Extract<Mark, { kind: 'rect' }>;
    for (const m of (d.marks ?? []).filter((m): m is Extract<Mark, { kind: 'text' }> => m.kind === 'text'))
      if (m.role.startsWith('persona') || m.role === 'key' || m.role === 'behind')
        expect(m.x + textWidth(m.text, m.size, m.bold ? 'bold' : 'regular'), m.text).toBeLessThanOrEqual(
          card.x + card.width,
        );
  });

  it('heads the map with the persona: name, share of arrivals, description', async () => {
    const d = await journey(model, { segment });
    const s = model.segments.find((x) => x.id === segment);
    const card = (d.marks ?? [])
      .filter((m): m is Extract<Mark, { kind: 'text' }> => m.kind === 'text' && m.role.startsWith('persona'))
      .map((m) => m.text)
      .join(' ');
    expect(card).toContain(`Persona: ${s?.name}, ${Number(((s?.share ?? 0) * 100).toFixed(1))}% of arrivals`);
    if (s?.description) expect(card).toContain(s.description.split(' ').slice(0, 4).join(' '));
  });
});

describe('a path asked for', () => {
  const askedFor = [
    'ivr-presales',
    'sales-call',
    'request-quote',
    'request-quote',
    'po-order',
    'order-confirmation',
  ];

  it('draws the steps given, a step met twice twice, and the failure the path goes through', async () => {
    const d = await journey(departments, { segment: 'business', path: askedFor });
    const actions = row(d, 'actions');
    expect(actions.map((b) => b.ref)).toEqual(askedFor);
    expect(new Set(d.boxes.map((b) => b.id)).size).toBe(d.boxes.length);
    // request-quote -> request-quote is the step's fail branch (asks again).
    const pain = row(d, 'pain').find((b) => b.id.startsWith('pain:3'));
    expect(pain?.title).toContain('On this path the customer meets this failure');
    expect(d.title).toContain('Business buyers');
    expect(actions.some((b) => b.kind === 'end')).toBe(false);
  });

  it('may close with an end, and is the most likely path into an end when it names only that end', async () => {
    const closed = await journey(departments, {
      segment: 'business',
      path: [...askedFor, 'delivery', 'order-received'],
    }).catch((e: RenderOptionError) => e);
    expect(closed).toBeInstanceOf(RenderOptionError);
    expect((closed as RenderOptionError).message).toBe(
      "the path breaks at 'delivery' -> 'order-received': for segment 'business', 'delivery' does not lead to 'order-received'",
    );
    const into = await journey(departments, { segment: 'consumer', path: ['order-received'] });
    const expected = mostLikelyPath(departments, 'consumer', new Set(['order-received']));
    expect(row(into, 'actions').map((b) => b.ref)).toEqual([...(expected?.steps ?? []), 'order-received']);
    expect(mostLikelyPath(departments, 'consumer')?.end).toBe('abandoned');
  });

  it('names the first broken link and where the step leads', async () => {
    const broken = ['browse-catalogue', 'product-page', 'phone-order', 'order-confirmation'];
    await expect(journey(departments, { segment: 'consumer', path: broken })).rejects.toMatchObject({
      message:
        "the path breaks at 'product-page' -> 'phone-order': for segment 'consumer', 'product-page' does not lead to 'phone-order'",
      hint: "'product-page' leads to compare-options, web-checkout, abandoned (an end), chat-question (after a failure), ivr-presales (after a failure)",
    });
  });

  it('names a misspelt step, an end in the middle and an empty list', async () => {
    await expect(journey(departments, { path: ['browse-catalog'] })).rejects.toMatchObject({
      hint: "did you mean 'browse-catalogue'?",
    });
    await expect(
      journey(departments, { path: ['browse-catalogue', 'abandoned', 'product-page'] }),
    ).rejects.toMatchObject({
      message: "the path goes on after the end 'abandoned'",
    });
    await expect(journey(departments, { path: [] })).rejects.toMatchObject({
      message: 'the path names no steps',
    });
  });

  it('is for the journey view only, and the journey view takes no focus', async () => {
    await expect(
      layout(departments, { view: 'blueprint', path: ['browse-catalogue'] }),
    ).rejects.toMatchObject({
      message: 'a path is for the journey view, not the blueprint view',
    });
    await expect(layout(departments, { view: 'journey', focus: { happyPath: true } })).rejects.toMatchObject({
      message: 'the journey view follows one path and takes no focus',
    });
    // A role given to another view was drawn without it, unsaid.
    await expect(layout(departments, { view: 'blueprint', role: 'agent' })).rejects.toMatchObject({
      message: 'a role is for the role view, not the blueprint view',
    });
  });
});

describe('stages met again', () => {
  it('open a new column group in path order', async () => {
    const m = parse(
      `name: Back and forth
stages: [{ id: ask, name: Ask }, { id: buy, name: Buy }]
steps:
  - { id: a, name: Asks, stage: ask, emotion: -1, next: b }
  - { id: b, name: Buys, stage: buy, emotion: 1, next: [{ to: c, p: 0.6 }, { to: done, p: 0.4 }] }
  - { id: c, name: Asks again, stage: ask, emotion: 0, next: done }
ends: [{ id: done, name: Done, outcome: success }]
start: a
`,
      { file: 'hand.yaml' },
    ).model as Model;
    const d = await journey(m);
    expect([...d.columns].sort((a, b) => a.x - b.x).map((c) => [c.id, c.label])).toEqual([
      ['ask', 'Ask'],
      ['buy', 'Buy'],
      ['ask@2', 'Ask'],
      ['(outcome)', 'Outcome'],
    ]);
    // -1 to +1 crosses zero: two pieces, red then green; +1 to 0 stays green.
    expect((marksOf(d, 'emotion-line') as Extract<Mark, { kind: 'poly' }>[]).map((l) => l.color)).toEqual([
      EMOTION_COLORS.negative,
      EMOTION_COLORS.positive,
      EMOTION_COLORS.positive,
    ]);
  });
});

describe('random models', () => {
  it.each([21, 22, 23])('lay out each segment without overlaps (seed %i)', async (seed) => {
    const m = parse(stringify(randomModel({ steps: 30, seed, segments: 2 })), { file: 'random.yaml' })
      .model as Model;
    for (const s of m.segments) {
      const d = await journey(m, { segment: s.id });
      const boxes = d.boxes;
      const overlap = (a: Box, b: Box) =>
        a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++)
          expect(overlap(boxes[i] as Box, boxes[j] as Box)).toBe(false);
      expect(
        row(d, 'actions')
          .filter((b) => b.kind === 'step')
          .map((b) => b.ref),
      ).toEqual(happyPath(m, s.id)?.steps);
    }
  });
});
