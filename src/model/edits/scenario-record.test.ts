/** The "edit as a scenario" switch: edits become a scenario that gives the edited model, the base untouched. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { applyScenario, parse } from '../load.js';
import type { Model } from '../model.js';
import { applyEdits } from './apply.js';
import type { Edit } from './edit.js';
import { recordAsScenario } from './scenario-record.js';
import { small } from './test-helpers.js';

const starter = readFileSync(new URL('../../../templates/journey.yaml', import.meta.url), 'utf8');
const recording = { id: 'what-if', name: 'What if' };

function loaded(text: string, scenario?: string): Model {
  const r = parse(text);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  if (!scenario) return r.model;
  const applied = applyScenario(r.document, scenario);
  if (!applied.ok) throw new Error(applied.diagnostics.map((d) => d.message).join('; '));
  return applied.model;
}

const changesOf = (text: string) =>
  (parseYaml(text).scenarios as { id: string; changes: unknown[] }[]).find((s) => s.id === 'what-if')
    ?.changes;

describe('recordAsScenario', () => {
  it('records a staffing change as a scenario and leaves the base as it was', () => {
    const edits: Edit[] = [{ kind: 'set', path: ['resources', { id: 'agents' }, 'capacity'], value: 9 }];
    const r = recordAsScenario(starter, starter, recording, edits);
    expect(loaded(r.text).resources[0]?.capacity).toBe(4);
    expect(loaded(r.text, 'what-if').resources[0]?.capacity).toBe(9);
    expect(changesOf(r.text)).toEqual([{ set: 'resources.agents.capacity', value: 9 }]);
    // Everything above the scenarios, comments included, is untouched.
    const head = starter.slice(0, starter.indexOf('scenarios:'));
    expect(r.text.startsWith(head)).toBe(true);
    expect(loaded(r.view).resources[0]?.capacity).toBe(9);
  });

  it('gives the same model as the edits made to the base', () => {
    const edits: Edit[] = [
      { kind: 'set', path: ['steps', { id: 'call' }, 'duration'], value: '9 min' },
      { kind: 'set-fail', step: 'checkout', fail: undefined },
      {
        kind: 'set-branches',
        step: 'call',
        branches: [
          { to: 'checkout', p: 0.6 },
          { to: 'abandoned', p: 0.4 },
        ],
      },
    ];
    const r = recordAsScenario(small, small, recording, edits);
    const direct = loaded(applyEdits(small, edits).text);
    const viaScenario = loaded(r.text, 'what-if');
    expect(viaScenario.steps).toEqual(direct.steps);
    expect(loaded(r.text).steps).toEqual(loaded(small).steps);
  });

  it('keeps one change per field: the latest value', () => {
    const set = (value: number): Edit[] => [
      { kind: 'set', path: ['resources', { id: 'agents' }, 'capacity'], value },
    ];
    const first = recordAsScenario(starter, starter, recording, set(6));
    const second = recordAsScenario(first.text, first.view, recording, set(8));
    expect(changesOf(second.text)).toEqual([{ set: 'resources.agents.capacity', value: 8 }]);
  });

  it('writes a field of a step the scenario adds into that step, and forgets a step it adds then deletes', () => {
    const add: Edit[] = [
      {
        kind: 'insert-step',
        after: 'call',
        step: { id: 'callback', name: 'Is called back', stage: 'order', next: 'pack' },
      },
      {
        kind: 'set-branches',
        step: 'call',
        branches: [
          { to: 'callback', p: 0.7 },
          { to: 'left', p: 0.3 },
        ],
      },
    ];
    const one = recordAsScenario(starter, starter, recording, add);
    const two = recordAsScenario(one.text, one.view, recording, [
      { kind: 'set', path: ['steps', { id: 'callback' }, 'effort'], value: 2 },
    ]);
    const added = (text: string) =>
      (changesOf(text) as { add?: string; value?: { id?: string; effort?: number } }[]).filter(
        (c) => c.add === 'steps',
      );
    expect(changesOf(two.text)).toHaveLength(changesOf(one.text)?.length ?? 0);
    expect(added(two.text)[0]?.value).toMatchObject({ id: 'callback', effort: 2 });
    expect(loaded(two.text, 'what-if').steps.find((s) => s.id === 'callback')?.effort).toBe(2);
    const three = recordAsScenario(two.text, two.view, recording, [
      { kind: 'delete-step', id: 'callback', repoint: 'pack' },
    ]);
    expect(added(three.text)).toEqual([]);
    const after = loaded(three.text, 'what-if');
    expect(after.steps.map((s) => s.id)).toEqual(loaded(starter).steps.map((s) => s.id));
    // Order is not part of a scenario: the same branches, with the same probabilities.
    const branches = (m: Model) =>
      Object.values(m.steps.find((s) => s.id === 'call')?.next ?? {}).map((list) =>
        [...(list as { to: string }[])].sort((a, b) => a.to.localeCompare(b.to)),
      );
    expect(branches(after)).toEqual(branches(loaded(starter)));
  });

  it('starts a scenarios list in a model that has none', () => {
    const bare = starter.slice(0, starter.indexOf('scenarios:'));
    const r = recordAsScenario(bare, bare, recording, [
      { kind: 'set', path: ['steps', { id: 'browse' }, 'emotion'], value: -1 },
    ]);
    expect(loaded(r.text, 'what-if').steps[0]?.emotion).toBe(-1);
    expect(loaded(r.text).steps[0]?.emotion).toBe(1);
  });

  it('records nothing for an edit that changes nothing', () => {
    const r = recordAsScenario(starter, starter, recording, [
      { kind: 'set', path: ['resources', { id: 'agents' }, 'capacity'], value: 4 },
    ]);
    expect(r.text).toBe(starter);
  });
});
