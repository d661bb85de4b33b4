/**
 * The diagram is the truth, the embedded model fills in: a modeler's rename, deletion and
 * addition show in the imported journey and in the report, and what BPMN cannot say survives.
 */
import { describe, expect, it } from 'vitest';
import { mergeEmbedded } from './embedded.js';

const embedded = {
  linesight: 1,
  name: 'Orders',
  description: 'How customers order',
  currency: 'EUR',
  segments: [{ id: 'consumer', name: 'Consumers', share: 1, description: 'people' }],
  stages: [{ id: 'buy', name: 'Buy' }],
  steps: [
    {
      id: 'browse',
      name: 'Browses',
      stage: 'buy',
      apqc: '3.5.1',
      description: 'looks around',
      fail: { p: 0.1, severity: 4, cause: 'page broken', next: 'browse' },
      next: 'order',
    },
    { id: 'order', name: 'Orders', stage: 'buy', wait: { duration: '2 d', reason: 'stock' }, next: 'pay' },
    { id: 'pay', name: 'Pays', stage: 'buy', next: 'done' },
  ],
  ends: [{ id: 'done', name: 'Done', outcome: 'success' }],
  start: 'browse',
  scenarios: [{ id: 'faster', name: 'Faster', changes: [] }],
};

describe('a linesight export edited in a modeler', () => {
  it('gives the journey the diagram shows, filled in from the embedded model, and says what changed', () => {
    const diagram = {
      linesight: 1,
      name: 'Imported',
      stages: [{ id: 'buy', name: 'Buy' }],
      steps: [
        // Renamed; its fail point still drawn, with a new probability.
        { id: 'browse', name: 'Looks around', stage: 'buy', fail: { p: 0.2, next: 'browse' }, next: 'order' },
        // Its wait point was deleted in the modeler, and "Pays" with it: it now leads to a new task.
        { id: 'order', name: 'Orders', stage: 'buy', next: 'confirm' },
        { id: 'confirm', name: 'Confirms by e-mail', stage: 'buy', next: 'done' },
      ],
      ends: [{ id: 'done', name: 'Done', outcome: 'success' }],
      start: 'browse',
    };
    const { model, changes } = mergeEmbedded(diagram, embedded);
    const steps = model.steps as Record<string, unknown>[];
    expect(steps.map((s) => s.name)).toEqual(['Looks around', 'Orders', 'Confirms by e-mail']);
    // What BPMN cannot say is filled in for the steps still there.
    expect(steps[0]).toMatchObject({ apqc: '3.5.1', description: 'looks around' });
    expect(steps[0]?.fail).toEqual({ p: 0.2, severity: 4, cause: 'page broken', next: 'browse' });
    // Taken away in the diagram: not brought back.
    expect(steps[1]?.wait).toBeUndefined();
    expect(model).toMatchObject({ name: 'Orders', description: 'How customers order', currency: 'EUR' });
    expect(model.scenarios).toEqual(embedded.scenarios);
    expect(model.segments).toEqual(embedded.segments);
    expect(changes).toEqual([
      "step 'Browses' was renamed 'Looks around'",
      "step 'Orders' now leads to 'confirm' (was 'pay')",
      "step 'Confirms by e-mail' is new in the diagram",
      "step 'Pays' was removed in the diagram",
    ]);
  });

  it('reports nothing when the diagram says what the model says', () => {
    const { model, changes } = mergeEmbedded(
      { ...embedded, name: 'Imported', description: undefined, scenarios: undefined },
      embedded,
    );
    expect(changes).toEqual([]);
    expect(model).toEqual(embedded);
  });
});

describe('a task added in a modeler with no flow to it', () => {
  it('is said to be left out, though the merge sees no change (it never reached the journey)', async () => {
    const { exportBpmn } = await import('./export.js');
    const { importBpmn } = await import('./import.js');
    const { load } = await import('../model/load.js');
    const mmc = load(new URL('../../examples/mmc.yaml', import.meta.url).pathname).model;
    if (!mmc) throw new Error('examples/mmc.yaml must load');
    const xml = await exportBpmn(mmc, 'test');
    const plain = await importBpmn(xml);
    expect(plain.warnings).toEqual([]);
    // A task dropped into the customer's process, as a modeler's palette does, connected to nothing.
    const process = /<bpmn:process id="([^"]+)"[^>]*>/.exec(xml);
    expect(process).not.toBeNull();
    const edited = xml.replace(
      process?.[0] ?? '',
      `${process?.[0]}<bpmn:task id="Task_orphan" name="Brand new orphan task" />`,
    );
    const imported = await importBpmn(edited);
    expect(imported.embedded).toBe(true);
    expect(imported.warnings).toContain(
      "task 'Brand new orphan task' cannot be reached from a start; left out",
    );
  });
});
