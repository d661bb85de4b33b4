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

describe('shapes of an export', () => {
  it.each(cases)('%s: none lies on another, but a boundary event on its task', async (_f, model) => {
    const { rootElement } = await createModdle().fromXML(await exportBpmn(model, '0.0.0'));
    const plane = ((rootElement.diagrams as Element[])[0] as Element).plane as Element;
    const shapes = (plane.planeElement as Element[]).filter(
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
});
