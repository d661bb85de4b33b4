/**
 * A message flow's name is what passes between the customer and the company: a channel
 * ("E-Mail"), what the customer hands over (a claim form: the step's `asks`) or what they are sent
 * and keep (an invoice: its `evidence`). An import that dropped these names lost what the modeler wrote.
 */
import { describe, expect, it } from 'vitest';
import { importBpmn } from '../import.js';

interface Step {
  id: string;
  channel?: string;
  asks?: string[];
  evidence?: string;
}

/** A customer who sends a claim and receives a decision, each message flow named as given. */
function claim(toInsurer: string, toCustomer: string[]): string {
  const back = toCustomer
    .map(
      (name, i) => `<bpmn:messageFlow id="back${i}" name="${name}" sourceRef="Decide" targetRef="Receive"/>`,
    )
    .join('\n    ');
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
  <bpmn:collaboration id="c">
    <bpmn:participant id="P1" name="Policyholder" processRef="Customer"/>
    <bpmn:participant id="P2" name="Insurer" processRef="Company"/>
    <bpmn:messageFlow id="send" name="${toInsurer}" sourceRef="Send" targetRef="Check"/>
    ${back}
  </bpmn:collaboration>
  <bpmn:process id="Customer">
    <bpmn:startEvent id="S"/>
    <bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="Send"/>
    <bpmn:task id="Send" name="Send claim"/>
    <bpmn:sequenceFlow id="f2" sourceRef="Send" targetRef="Receive"/>
    <bpmn:task id="Receive" name="Receive decision"/>
    <bpmn:sequenceFlow id="f3" sourceRef="Receive" targetRef="E"/>
    <bpmn:endEvent id="E"/>
  </bpmn:process>
  <bpmn:process id="Company">
    <bpmn:startEvent id="CS"/>
    <bpmn:sequenceFlow id="g1" sourceRef="CS" targetRef="Check"/>
    <bpmn:task id="Check" name="Check claim"/>
    <bpmn:sequenceFlow id="g2" sourceRef="Check" targetRef="Decide"/>
    <bpmn:task id="Decide" name="Decide claim"/>
    <bpmn:sequenceFlow id="g3" sourceRef="Decide" targetRef="CE"/>
    <bpmn:endEvent id="CE"/>
  </bpmn:process>
</bpmn:definitions>`;
}

async function steps(xml: string): Promise<Record<string, Step>> {
  const { model, error } = await importBpmn(xml);
  expect(error).toBeUndefined();
  const list = (model as unknown as { steps: Step[] }).steps;
  return Object.fromEntries(list.map((s) => [s.id, s]));
}

describe("a message flow's name", () => {
  it('is the step’s channel when it names one, whatever its case and hyphens', async () => {
    const s = await steps(claim('E-Mail', ['phone']));
    expect(s['send-claim']?.channel).toBe('email');
    expect(s['receive-decision']?.channel).toBe('phone');
    expect(s['send-claim']?.asks).toBeUndefined();
  });

  it('is what the customer gives, or what they are sent and keep, otherwise', async () => {
    const s = await steps(claim('Claim form', ['Decision letter', 'Payment']));
    expect(s['send-claim']?.asks).toEqual(['Claim form']);
    expect(s['receive-decision']?.evidence).toBe('Decision letter, Payment');
    expect(s['send-claim']?.channel).toBeUndefined();
  });
});
