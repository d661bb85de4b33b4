import { describe, expect, it } from 'vitest';
import { examplesAndScenarios } from '../testing/example-models.js';
import { exportBpmn } from './export.js';
import { type Box, overlaps } from './label-place.js';
import { createModdle, type Element } from './moddle.js';

const cases = examplesAndScenarios();

const name = (e: Element) => String((e.bpmnElement as Element).name ?? (e.bpmnElement as Element).id);

describe('labels of an export', () => {
  it.each(cases)('%s: on no shape but their own, and on no other label', async (_f, model) => {
    const { rootElement } = await createModdle().fromXML(await exportBpmn(model, '0.0.0'));
    const plane = ((rootElement.diagrams as Element[])[0] as Element).plane as Element;
    const parts = plane.planeElement as Element[];
    const shapes = parts.filter(
      (p) => p.$type === 'bpmndi:BPMNShape' && !/Participant|Lane/.test((p.bpmnElement as Element).$type),
    );
    const labelled = parts.filter((p) => (p.label as Element | undefined)?.bounds);
    const boundsOf = (p: Element) => (p.label as Element).bounds as unknown as Box;
    const onShapes = labelled.flatMap((p) =>
      shapes
        .filter((s) => s !== p && overlaps(boundsOf(p), s.bounds as unknown as Box))
        .map((s) => `'${name(p)}' on '${name(s)}'`),
    );
    const onLabels = labelled.flatMap((p, i) =>
      labelled
        .slice(i + 1)
        .filter((q) => overlaps(boundsOf(p), boundsOf(q)))
        .map((q) => `'${name(p)}' on '${name(q)}'`),
    );
    expect(labelled.length).toBeGreaterThan(0);
    expect(onShapes).toEqual([]);
    expect(onLabels).toEqual([]);
  });
});
