/**
 * An error thrown inside a sub-process the customer walks through leaves it by the boundary event
 * that catches it, not by the sub-process's normal way out; one nothing catches ends the journey
 * badly. The MIWG file C.2.0 ("Buying at Amazon") has the first: a refused payment not retried.
 */
import { describe, expect, it } from 'vitest';
import { importBpmn } from './import.js';

/** The model file's data an import gives, as these tests read it. */
interface Imported {
  steps: { id: string; next?: unknown; fail?: { p: number; cause?: string } }[];
  ends: unknown[];
}

async function imported(xml: string): Promise<{ model: Imported; warnings: string[] }> {
  const { model, warnings, error } = await importBpmn(xml);
  expect(error).toBeUndefined();
  return { model: model as unknown as Imported, warnings };
}

/** A customer's pool: Choose, then a Checkout sub-process (Pay; accepted? else an error end), then Receive. */
function checkout(options: { boundary: boolean; errorName?: string }): string {
  const error = options.errorName ? `<bpmn:error id="Err" name="${options.errorName}"/>` : '';
  const ref = options.errorName ? ' errorRef="Err"' : '';
  const boundary = options.boundary
    ? `<bpmn:boundaryEvent id="Caught" attachedToRef="Checkout"><bpmn:errorEventDefinition/></bpmn:boundaryEvent>
       <bpmn:sequenceFlow id="f6" sourceRef="Caught" targetRef="GaveUp"/>
       <bpmn:endEvent id="GaveUp"/>`
    : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
  ${error}
  <bpmn:process id="Customer" name="Customer">
    <bpmn:startEvent id="S"/>
    <bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="Choose"/>
    <bpmn:task id="Choose" name="Choose items"/>
    <bpmn:sequenceFlow id="f2" sourceRef="Choose" targetRef="Checkout"/>
    <bpmn:subProcess id="Checkout" name="Checkout">
      <bpmn:startEvent id="CS"/>
      <bpmn:sequenceFlow id="c1" sourceRef="CS" targetRef="Pay"/>
      <bpmn:task id="Pay" name="Pay order"/>
      <bpmn:sequenceFlow id="c2" sourceRef="Pay" targetRef="Accepted"/>
      <bpmn:exclusiveGateway id="Accepted" name="Payment accepted?"/>
      <bpmn:sequenceFlow id="c3" name="Yes" sourceRef="Accepted" targetRef="CE"/>
      <bpmn:sequenceFlow id="c4" name="No" sourceRef="Accepted" targetRef="Refused"/>
      <bpmn:endEvent id="CE"/>
      <bpmn:endEvent id="Refused"><bpmn:errorEventDefinition${ref}/></bpmn:endEvent>
    </bpmn:subProcess>
    ${boundary}
    <bpmn:sequenceFlow id="f3" sourceRef="Checkout" targetRef="Receive"/>
    <bpmn:task id="Receive" name="Receive items"/>
    <bpmn:sequenceFlow id="f4" sourceRef="Receive" targetRef="E"/>
    <bpmn:endEvent id="E" name="Received"/>
  </bpmn:process>
</bpmn:definitions>`;
}

describe('an error end inside a sub-process the customer walks through', () => {
  it('leads where the boundary event catching it leads, to an end that says what failed', async () => {
    const { model } = await imported(checkout({ boundary: true }));
    const pay = model.steps.find((s) => s.id === 'pay-order');
    expect(pay?.next).toEqual([
      { to: 'receive-items', p: 0.5, label: 'Yes' },
      { to: 'checkout-failed', p: 0.5, label: 'No' },
    ]);
    expect(model.ends).toContainEqual({ id: 'checkout-failed', name: 'Checkout failed', outcome: 'exit' });
  });

  it('ends the journey badly, named for its error, when nothing catches it', async () => {
    const { model } = await imported(checkout({ boundary: false, errorName: 'Payment refused' }));
    expect(model.steps.find((s) => s.id === 'pay-order')?.next).toEqual([
      { to: 'receive-items', p: 0.5, label: 'Yes' },
      { to: 'payment-refused', p: 0.5, label: 'No' },
    ]);
    expect(model.ends).toContainEqual({ id: 'payment-refused', name: 'Payment refused', outcome: 'exit' });
  });
});

/** One task with an error boundary event on it, unnamed, leading to a retry. */
function failing(errorName?: string): string {
  const error = errorName ? `<bpmn:error id="Err" name="${errorName}"/>` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
  ${error}
  <bpmn:process id="Customer" name="Customer">
    <bpmn:startEvent id="S"/>
    <bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="Pay"/>
    <bpmn:task id="Pay" name="Pay order"/>
    <bpmn:boundaryEvent id="_6db9a77f-189f" name="" attachedToRef="Pay">
      <bpmn:errorEventDefinition${errorName ? ' errorRef="Err"' : ''}/>
    </bpmn:boundaryEvent>
    <bpmn:sequenceFlow id="f2" sourceRef="_6db9a77f-189f" targetRef="Pay"/>
    <bpmn:sequenceFlow id="f3" sourceRef="Pay" targetRef="E"/>
    <bpmn:endEvent id="E" name="Paid"/>
  </bpmn:process>
</bpmn:definitions>`;
}

describe('an unnamed error boundary event on a step', () => {
  it('is a fail point with no cause, never its BPMN id, and is named by its step in warnings', async () => {
    const { model, warnings } = await imported(failing());
    const fail = model.steps.find((s) => s.id === 'pay-order')?.fail;
    expect(fail?.p).toBe(0.1);
    expect(fail?.cause).toBeUndefined();
    expect(warnings).toContain(
      "the fail point on 'Pay order' gives no probability: the step fails with p 0.1",
    );
  });

  it('takes the name of the error it catches as its cause', async () => {
    const { model } = await imported(failing('Card declined'));
    expect(model.steps.find((s) => s.id === 'pay-order')?.fail?.cause).toBe('Card declined');
  });
});
