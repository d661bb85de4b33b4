/**
 * A BPMN file's `<documentation>` is what a consultant wrote about the process: the process's and
 * each task's become the model's and the step's descriptions, and the rest is counted in a
 * warning, not dropped without a word.
 */
import { describe, expect, it } from 'vitest';
import { importBpmn } from './import.js';

const FILE = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
  <bpmn:process id="Customer" name="Customer">
    <bpmn:documentation>From browsing to delivery.</bpmn:documentation>
    <bpmn:startEvent id="S"/>
    <bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="Browse"/>
    <bpmn:task id="Browse" name="Browses the catalogue">
      <bpmn:documentation>Where customers spend most of their time.</bpmn:documentation>
    </bpmn:task>
    <bpmn:sequenceFlow id="f2" sourceRef="Browse" targetRef="E"><bpmn:documentation>After comparing</bpmn:documentation></bpmn:sequenceFlow>
    <bpmn:endEvent id="E" name="Bought"/>
  </bpmn:process>
</bpmn:definitions>`;

describe('documentation in a BPMN file', () => {
  it("becomes the model's and the steps' descriptions, and what has no place is counted in a warning", async () => {
    const { model, warnings } = await importBpmn(FILE);
    const data = model as { description?: string; steps: { description?: string }[] };
    expect(data.description).toBe('From browsing to delivery.');
    expect(data.steps[0]?.description).toBe('Where customers spend most of their time.');
    expect(warnings).toContain(
      'the documentation of 1 element is not read (on flows, gateways, events, pools, lanes, touchpoints or tasks left out): a model keeps the documentation of the process, its steps and their backstage activities',
    );
  });
});
