/**
 * readInterchange over linesight's own exports gives back, field by field, what a round trip
 * without the embedded model needs: steps, flows per segment, fail and wait points, ends,
 * backstage activities, lanes, pools, and the model-level data; and BPSim's figures agree.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { load } from '../model/load.js';
import type { Model } from '../model/model.js';
import { distributionText, serializeModel } from '../model/serialize.js';
import { exportBpmn } from './export.js';
import { readInterchange } from './interchange/read.js';
import { createModdle, type Element } from './moddle.js';

const EXAMPLES = new URL('../../examples/', import.meta.url).pathname;
const examples = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => [f, load(join(EXAMPLES, f)).model as Model] as const);

async function exported(model: Model) {
  const { rootElement } = await createModdle().fromXML(await exportBpmn(model, '0.0.0'));
  const all: Element[] = [];
  const walk = (e: Element) => {
    all.push(e);
    for (const key of ['rootElements', 'flowElements', 'participants', 'messageFlows', 'laneSets', 'lanes'])
      for (const child of (e[key] as Element[] | undefined) ?? []) walk(child);
  };
  walk(rootElement);
  return { interchange: readInterchange(rootElement), all };
}

describe('readInterchange over an export', () => {
  it.each(examples)('%s: model, steps, flows, failures, waits, ends, lanes', async (_f, model) => {
    const { interchange: x, all } = await exported(model);
    const raw = serializeModel(model);
    expect(x.fromLinesight).toBe(true);
    const m = x.model();
    expect(m.id).toBe(model.id);
    expect(m.segments).toEqual(raw.segments);
    expect(m.resources).toEqual(raw.resources);
    expect(m.organization).toEqual(raw.organization);
    expect((m.channels as { id: string }[]).map((c) => c.id)).toEqual(model.channels.map((c) => c.id));
    const byId = (id: string) => all.find((e) => e.id === id) as Element;
    for (const step of model.steps) {
      const task = all.find((e) => e.$type === 'bpmn:Task' && x.step(String(e.id)).id === step.id);
      expect(task?.name, step.id).toBe(step.name);
      const data = x.step(String(task?.id));
      expect(data.stage).toBe(step.stage);
      expect(data.channel).toBe(step.channel);
      if (step.duration) expect(x.duration(String(task?.id))).toEqual(distributionText(step.duration));
      const outgoing = (task?.outgoing as Element[] | undefined) ?? [];
      // Each segment's probabilities of the way on, from the flows (through the gateway when several).
      const ways = outgoing.flatMap((f) =>
        (f.targetRef as Element).$type === 'bpmn:ExclusiveGateway'
          ? ((f.targetRef as Element).outgoing as Element[])
          : [f],
      );
      for (const segment of model.segments) {
        const reached = ways.filter((f) => x.shares(String(f.id))?.[segment.id] !== undefined);
        if (!reached.length) continue;
        const sum = reached.reduce((a, f) => a + (x.shares(String(f.id))?.[segment.id] ?? 0), 0);
        expect(sum, `${step.id} ${segment.id}`).toBeCloseTo(1, 9);
      }
      const boundary = all.find((e) => e.$type === 'bpmn:BoundaryEvent' && e.attachedToRef === task);
      if (step.fail) {
        expect(x.probability(String(boundary?.id))).toBeCloseTo(step.fail.p, 12);
        expect(x.element(String(boundary?.id)).cause).toBe(step.fail.cause);
      } else expect(boundary).toBeUndefined();
      const timer = all.find(
        (e) => e.$type === 'bpmn:IntermediateCatchEvent' && x.element(String(e.id)).step === step.id,
      );
      if (step.wait) expect(x.duration(String(timer?.id))).toEqual(distributionText(step.wait.duration));
      else expect(timer).toBeUndefined();
      for (const activity of step.backstage) {
        const t = all.find(
          (e) => x.element(String(e.id)).step === step.id && x.element(String(e.id)).id === activity.id,
        );
        expect(x.element(String(t?.id)).department, activity.id).toBe(activity.department);
        expect(t?.name).toBe(activity.name);
      }
    }
    // Gateways' flows carry BPSim probabilities that sum to 1.
    for (const g of all.filter((e) => e.$type === 'bpmn:ExclusiveGateway')) {
      const sum = ((g.outgoing as Element[]) ?? []).reduce(
        (a, f) => a + (x.probability(String(f.id)) ?? 0),
        0,
      );
      expect(sum, String(g.id)).toBeCloseTo(1, 9);
    }
    for (const end of all.filter((e) => e.$type === 'bpmn:EndEvent' && x.element(String(e.id)).end))
      expect(x.element(String(end.id)).outcome).toBe(
        model.ends.find((e) => e.id === x.element(String(end.id)).end)?.outcome,
      );
    const lanes = all.filter((e) => e.$type === 'bpmn:Lane').map((l) => x.element(String(l.id)));
    for (const d of model.organization.departments)
      expect(
        lanes.some((l) => l.department === d.id) ||
          !model.steps.some((s) => s.backstage.some((a) => a.department === d.id)),
      ).toBe(true);
    expect(byId(`Participant_customer`)).toBeDefined();
    if (model.arrivals) {
      const starts = all.filter((e) => e.$type === 'bpmn:StartEvent' && x.arrivals(String(e.id)));
      const rate = starts.reduce((a, s) => a + Number.parseFloat(String(x.arrivals(String(s.id))?.rate)), 0);
      expect(rate).toBeCloseTo(model.arrivals.rate * 3600, 6);
    }
    for (const r of model.resources) {
      const resource = all.find((e) => e.$type === 'bpmn:Resource' && e.name === (r.name ?? r.id));
      expect(x.quantity?.(String(resource?.id))).toBe(r.capacity);
    }
  });

  it("reads another tool's BPSim: a processing time in hours, a percentage probability, what it cannot map named", async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpsim="http://www.bpsim.org/schemas/2.0" id="D" targetNamespace="x">
  <bpmn:process id="P"><bpmn:task id="T" name="Work"/><bpmn:sequenceFlow id="F" sourceRef="T" targetRef="T"/></bpmn:process>
  <bpmn:relationship type="BPSimData"><bpmn:extensionElements><bpsim:BPSimData>
    <bpsim:Scenario id="s" name="Other"><bpsim:ScenarioParameters baseTimeUnit="hour"/>
      <bpsim:ElementParameters elementRef="T"><bpsim:TimeParameters><bpsim:ProcessingTime><bpsim:TriangularDistribution min="1" mode="2" max="4"/></bpsim:ProcessingTime><bpsim:WaitTime><bpsim:FloatingParameter value="1"/></bpsim:WaitTime></bpsim:TimeParameters></bpsim:ElementParameters>
      <bpsim:ElementParameters elementRef="F"><bpsim:ControlParameters><bpsim:Probability><bpsim:FloatingParameter value="30"/></bpsim:Probability></bpsim:ControlParameters></bpsim:ElementParameters>
    </bpsim:Scenario></bpsim:BPSimData></bpmn:extensionElements><bpmn:source>D</bpmn:source><bpmn:target>D</bpmn:target></bpmn:relationship>
</bpmn:definitions>`;
    const { rootElement } = await createModdle().fromXML(xml);
    const x = readInterchange(rootElement);
    expect(x.fromLinesight).toBe(false);
    expect(x.duration('T')).toBe('triangular(1 h, 2 h, 4 h)');
    expect(x.step('T').duration).toBe('triangular(1 h, 2 h, 4 h)');
    expect(x.probability('F')).toBeCloseTo(0.3, 12);
    expect(x.unmapped).toEqual(["BPSim parameters of 'T': WaitTime is not read"]);
    expect(x.shares('F')).toBeUndefined();
  });
});
