/**
 * The shapes of an export keep apart as they do in bpmn.io: no event, gateway or task lies on
 * another, but a boundary event on the edge of its own task. An error boundary event at its
 * task's corner covered the "Abandoned" end drawn under the task, or the top of the task below.
 */
import { describe, expect, it } from 'vitest';
import { examplesAndScenarios } from '../testing/example-models.js';
import { exportBpmn } from './export.js';
import { type Box, overlaps } from './label-place.js';
import { createModdle, type Element } from './moddle.js';

const cases = examplesAndScenarios();

async function plane(model: Parameters<typeof exportBpmn>[0]) {
  const { rootElement } = await createModdle().fromXML(await exportBpmn(model, '0.0.0'));
  const diagram = ((rootElement.diagrams as Element[])[0] as Element).plane as Element;
  return { parts: diagram.planeElement as Element[] };
}

describe('shapes of an export', () => {
  it.each(cases)('%s: none lies on another, but a boundary event on its task', async (_f, model) => {
    const { parts } = await plane(model);
    const shapes = parts.filter(
      (p) => p.$type === 'bpmndi:BPMNShape' && !/Participant|Lane/.test((p.bpmnElement as Element).$type),
    );
    const element = (s: Element) => s.bpmnElement as Element;
    const onItsTask = (a: Element, b: Element) =>
      element(a).attachedToRef === element(b) || element(b).attachedToRef === element(a);
    const clashes = shapes.flatMap((a, i) =>
      shapes
        .slice(i + 1)
        .filter((b) => !onItsTask(a, b) && overlaps(a.bounds as unknown as Box, b.bounds as unknown as Box))
        .map((b) => `${element(a).id} on ${element(b).id}`),
    );
    expect(
      shapes.some((s) => element(s).$type === 'bpmn:BoundaryEvent') || model.steps.every((s) => !s.fail),
    ).toBe(true);
    expect(clashes).toEqual([]);
  });

  it.each(cases)(
    '%s: no sequence or message flow runs through a task it does not join',
    async (_f, model) => {
      const { parts } = await plane(model);
      const flows = new Set(['bpmn:SequenceFlow', 'bpmn:MessageFlow']);
      const tasks = parts.filter((p) => (p.bpmnElement as Element).$type === 'bpmn:Task');
      const through = parts
        .filter((p) => flows.has((p.bpmnElement as Element).$type))
        .flatMap((edge) => {
          const flow = edge.bpmnElement as Element;
          const points = (edge.waypoint as Element[]).map((w) => [Number(w.x), Number(w.y)]);
          const crossed = tasks.filter((t) => {
            const task = t.bpmnElement as Element;
            if (task === flow.sourceRef || task === flow.targetRef) return false;
            const b = t.bounds as unknown as Box;
            return points.slice(1).some((p, i) => {
              const q = points[i] as number[];
              const [x0, x1] = [
                Math.min(p[0] as number, q[0] as number),
                Math.max(p[0] as number, q[0] as number),
              ];
              const [y0, y1] = [
                Math.min(p[1] as number, q[1] as number),
                Math.max(p[1] as number, q[1] as number),
              ];
              return x1 > b.x + 2 && x0 < b.x + b.width - 2 && y1 > b.y + 2 && y0 < b.y + b.height - 2;
            });
          });
          return crossed.map((t) => `${flow.id} through ${(t.bpmnElement as Element).id}`);
        });
      expect(through).toEqual([]);
    },
  );
});
