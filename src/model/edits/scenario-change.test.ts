/** An edit written as a scenario instead: applying that scenario gives the edited model. */
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { applyScenario, parse } from '../load.js';
import type { Model } from '../model.js';
import { applyEdit } from './apply.js';
import type { Edit } from './edit.js';
import { asScenarioChanges } from './scenario-change.js';
import { small, split } from './test-helpers.js';

/** The small model with the changes as its one scenario, loaded with that scenario applied. */
function withScenario(changes: unknown[]): Model {
  const text = `${small}\nscenarios:\n${stringify([{ id: 'what-if', name: 'What if', changes }])}`;
  const loaded = parse(text);
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join('; '));
  const applied = applyScenario(loaded.document, 'what-if');
  if (!applied.ok) throw new Error(applied.diagnostics.map((d) => d.message).join('; '));
  return applied.model;
}

function edited(edit: Edit): Model {
  const loaded = parse(applyEdit(small, edit).text);
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join('; '));
  return loaded.model;
}

const cases: [string, Edit, unknown[]][] = [
  [
    'set',
    { kind: 'set', path: ['steps', { id: 'call' }, 'duration'], value: '8 min' },
    [{ set: 'steps.call.duration', value: '8 min' }],
  ],
  [
    'set-fail removed',
    { kind: 'set-fail', step: 'checkout', fail: undefined },
    [{ remove: 'steps.checkout.fail' }],
  ],
  [
    'set-branches',
    {
      kind: 'set-branches',
      step: 'browse',
      branches: split(['checkout', 0.7], ['call', 0.2], ['abandoned', 0.1]),
    },
    [
      { set: 'steps.browse.next.checkout.p', value: 0.7 },
      { set: 'steps.browse.next.call.p', value: 0.2 },
    ],
  ],
  [
    'add-role',
    { kind: 'add-role', department: 'warehouse', role: { id: 'driver', name: 'Driver' } },
    [{ add: 'organization.departments.warehouse.roles', value: { id: 'driver', name: 'Driver' } }],
  ],
];

describe('an edit as scenario changes', () => {
  it.each(cases)('%s: gives the changes, and the scenario gives the edited model', (_, edit, changes) => {
    expect(asScenarioChanges(small, edit)).toEqual(changes);
    const scenario = withScenario(changes);
    expect(scenario.steps).toEqual(edited(edit).steps);
    expect(scenario.organization).toEqual(edited(edit).organization);
  });

  it('writes a deleted, re-pointed step as a removal and the re-pointed references', () => {
    const edit: Edit = { kind: 'delete-step', id: 'call', repoint: 'checkout' };
    const changes = asScenarioChanges(small, edit);
    expect(changes).toContainEqual({ remove: 'steps.call' });
    expect(withScenario(changes).steps.map((s) => s.id)).toEqual(edited(edit).steps.map((s) => s.id));
  });

  it('has nothing to say about moving a step: order is not part of a scenario', () => {
    expect(asScenarioChanges(small, { kind: 'move-step', id: 'call', after: 'checkout' })).toEqual([]);
  });
});
