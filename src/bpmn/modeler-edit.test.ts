/// <reference lib="dom" />
// Its callbacks run in the browser (page.evaluate): the DOM's types.
/**
 * A round trip through a modeler: an export opened in bpmn-js's Modeler (headless Chromium), a task
 * renamed, one deleted (its neighbours joined), one added before an end; the file imported again
 * gives the edited journey, fills in what BPMN cannot say from the embedded model, and says what
 * changed against it.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { load, parse } from '../model/load.js';
import type { Model } from '../model/model.js';
import { hasChromium, launchChromium } from '../testing/browser.js';
import { exportBpmn } from './export.js';
import { importBpmn } from './import.js';

const EXAMPLES = new URL('../../examples/', import.meta.url).pathname;
const ASSETS = new URL('../../node_modules/bpmn-js/dist/', import.meta.url).pathname;

interface Edited {
  xml: string;
  renamed: string;
  deleted: string;
  added: string;
  warnings: string[];
}

/** The edits, as a person makes them with bpmn-js's modeling commands. */
async function editInModeler(xml: string): Promise<Edited> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await page.setContent(
      '<html><body><div id="canvas" style="width:1600px;height:900px"></div></body></html>',
    );
    await page.addStyleTag({ path: `${ASSETS}assets/diagram-js.css` });
    await page.addScriptTag({ path: `${ASSETS}bpmn-modeler.production.min.js` });
    return await page.evaluate(async (text) => {
      type Shape = {
        id: string;
        type: string;
        businessObject: { name?: string; $parent?: { id: string } };
        incoming: { source: Shape; type: string }[];
        outgoing: { target: Shape; type: string; id: string }[];
        attachers?: Shape[];
      };
      // biome-ignore lint/suspicious/noExplicitAny: bpmn-js's services, untyped in the page
      const w = window as unknown as { BpmnJS: new (o: object) => any };
      const modeler = new w.BpmnJS({ container: document.getElementById('canvas') });
      const { warnings } = await modeler.importXML(text);
      const registry = modeler.get('elementRegistry');
      const modeling = modeler.get('modeling');
      const flows = <T extends { type: string }>(list: T[]): T[] =>
        list.filter((c) => c.type === 'bpmn:SequenceFlow');
      const tasks: Shape[] = registry.filter((e: Shape) => e.type === 'bpmn:Task');
      // The customer's tasks: those in the process of the first pool.
      const customerProcess = tasks[0]?.businessObject.$parent?.id;
      const customer = tasks.filter((t) => t.businessObject.$parent?.id === customerProcess);
      // Deleted: a task with one way in and one way on to another task, nothing on its border.
      const middle = customer.find(
        (t) =>
          flows(t.incoming).length === 1 &&
          flows(t.outgoing).length === 1 &&
          !t.attachers?.length &&
          flows(t.outgoing)[0]?.target.type === 'bpmn:Task',
      ) as Shape;
      const before = (flows(middle.incoming)[0] as Shape['incoming'][number]).source;
      const after = (flows(middle.outgoing)[0] as Shape['outgoing'][number]).target;
      const deleted = middle.businessObject.name as string;
      modeling.removeElements([middle]);
      modeling.connect(before, after);
      // Renamed: another task.
      const renamedTask = customer.find((t) => t !== middle && t !== before && t !== after) as Shape;
      const renamed = `${renamedTask.businessObject.name} (renamed)`;
      modeling.updateLabel(renamedTask, renamed);
      // Added: a task on the way to an end event.
      const toEnd = customer.find(
        (t) =>
          t !== middle &&
          flows(t.outgoing).length === 1 &&
          flows(t.outgoing)[0]?.target.type === 'bpmn:EndEvent',
      ) as Shape;
      const flow = flows(toEnd.outgoing)[0] as Shape['outgoing'][number];
      const end = flow.target;
      modeling.removeElements([flow]);
      const added = 'Rates the delivery';
      const task = modeling.appendShape(toEnd, { type: 'bpmn:Task' });
      modeling.updateLabel(task, added);
      modeling.connect(task, end);
      const saved = await modeler.saveXML({ format: true });
      return {
        xml: saved.xml as string,
        renamed,
        deleted,
        added,
        warnings: warnings.map((x: { message: string }) => x.message),
      };
    }, xml);
  } finally {
    await browser.close();
  }
}

describe('an export edited in bpmn-js', () => {
  it('imports as the edited journey and says what changed against the embedded model', async () => {
    expect(hasChromium(), 'Chromium is needed: apt-get install -y chromium').toBe(true);
    const model = load(join(EXAMPLES, 'order-single-entity.yaml')).model as Model;
    const edited = await editInModeler(await exportBpmn(model, '0.0.0'));
    expect(edited.warnings).toEqual([]);
    const result = await importBpmn(edited.xml);
    expect(result.error).toBeUndefined();
    const back = parse(stringify(result.model), { file: join(EXAMPLES, 'imported.yaml') });
    expect(back.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const names = (back.model as Model).steps.map((s) => s.name);
    expect(names).toContain(edited.renamed);
    expect(names).toContain(edited.added);
    expect(names).not.toContain(edited.deleted);
    expect(names).toHaveLength(model.steps.length);
    // What BPMN cannot say survives: the model's own description, and each remaining step's data.
    expect((back.model as Model).description).toBe(model.description);
    const kept = (back.model as Model).steps.find((s) => s.id === model.steps[0]?.id);
    expect(kept?.asks).toEqual(model.steps[0]?.asks);
    const said = result.warnings.join('\n');
    expect(said).toContain(`renamed '${edited.renamed}'`);
    expect(said).toContain(`'${edited.deleted}' was removed in the diagram`);
    expect(said).toContain(`'${edited.added}' is new in the diagram`);
  });
});
