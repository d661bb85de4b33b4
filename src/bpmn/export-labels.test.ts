import { describe, expect, it } from 'vitest';
import { examplesAndScenarios } from '../testing/example-models.js';
import { exportBpmn } from './export.js';
import { type Box, overlaps } from './label-place.js';
import { createModdle, type Element } from './moddle.js';

const cases = examplesAndScenarios();

const name = (e: Element) => String((e.bpmnElement as Element).name ?? (e.bpmnElement as Element).id);

describe('labels of an export', () => {
  it.each(cases)(
    "%s: on no shape but their own, on no other label, and not across their own flow's line",
    async (_f, model) => {
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
      // A flow's label across its own horizontal leg reads as struck through (bpmn-js draws labels
      // without a background): 66 of order-departments' did, before they were lifted above it.
      const struck = labelled.filter((p) =>
        ((p.waypoint as Element[] | undefined) ?? []).some((a, i, w) => {
          const b = w[i + 1];
          if (!b || a.y !== b.y) return false;
          const leg = {
            x: Math.min(Number(a.x), Number(b.x)),
            y: Number(a.y),
            width: Math.abs(Number(a.x) - Number(b.x)),
            height: 0,
          };
          return overlaps(boundsOf(p), leg);
        }),
      );
      expect(labelled.length).toBeGreaterThan(0);
      expect(onShapes).toEqual([]);
      expect(onLabels).toEqual([]);
      expect(struck.length, struck.map(name).join(', ')).toBeLessThanOrEqual(1);
    },
  );
});
