import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from '../../load.js';
import { applyEdits } from '../apply.js';
import type { Edit } from '../edit.js';
import { type ModelData, readModel } from './model-data.js';
import type { OrgKind } from './org-kinds.js';
import { addEdits, bpmnEdit, fieldEdit, removeEdit, renameEdit, typedNumber } from './organization.js';

const starter = readFileSync(new URL('../../../../templates/journey.yaml', import.meta.url), 'utf8');
const data = (text: string) => readModel(text) as ModelData;
const errors = (text: string) => {
  const result = parse(text);
  return result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
};
/** Lines the edits added or dropped, ignoring the unchanged ones. */
const diff = (before: string, after: string) => {
  const a = before.split('\n');
  const b = after.split('\n');
  return { added: b.filter((l) => !a.includes(l)), removed: a.filter((l) => !b.includes(l)) };
};

describe('adding an element', () => {
  const kinds: [OrgKind, string | undefined][] = [
    ['department', undefined],
    ['role', 'warehouse'],
    ['system', undefined],
    ['segment', undefined],
    ['resource', undefined],
    ['process', undefined],
    ['channel', undefined],
    ['end', undefined],
  ];
  it.each(kinds)('a %s gets a free id and the required fields: the starter still validates', (kind, dept) => {
    const { id, edits } = addEdits(data(starter), kind, 'Quality desk', dept);
    expect(id).toBe('quality-desk');
    const text = applyEdits(starter, edits).text;
    expect(errors(text)).toEqual([]);
    expect(diff(starter, text).removed).toEqual([]);
    expect(text).toContain('name: Quality desk');
  });

  it('takes a new id when the name is already an id, and a default name when none is typed', () => {
    expect(addEdits(data(starter), 'department', 'Warehouse').id).toBe('warehouse-2');
    const { id, edits } = addEdits(data(starter), 'end', '  ');
    expect(id).toBe('new-end');
    expect(applyEdits(starter, edits).text).toContain('name: New end');
  });

  it('gives a new segment a share of 0 while the others have shares, so they still sum to 1', () => {
    const { edits } = addEdits(data(starter), 'segment', 'Resellers');
    expect(edits[0]).toEqual({
      kind: 'insert-item',
      path: ['segments'],
      value: { id: 'resellers', name: 'Resellers', share: 0 },
    });
    const bare = 'name: x\nsegments:\n  - id: a\n    name: A\n';
    expect(addEdits(data(bare), 'segment', 'B').edits[0]).toMatchObject({ value: { id: 'b', name: 'B' } });
  });

  it("lets a new segment follow the first segment's paths where flows are per segment", () => {
    const text = applyEdits(starter, addEdits(data(starter), 'segment', 'Resellers').edits).text;
    expect(readModel(text)?.steps.find((s) => s.id === 'browse')?.next).toMatchObject({
      resellers: [
        { to: 'checkout', p: 0.6 },
        { to: 'left', p: 0.4 },
      ],
    });
  });

  it('writes an organization into a model that has none', () => {
    const text = 'name: x\nstages: []\n';
    const applied = applyEdits(text, addEdits(data(text), 'department', 'Sales').edits).text;
    expect(readModel(applied)?.departments).toEqual([
      { id: 'sales', name: 'Sales', visibility: 'backstage' },
    ]);
    const systems = applyEdits(text, addEdits(data(text), 'system', 'CRM').edits).text;
    expect(readModel(systems)?.systems.map((s) => s.id)).toEqual(['crm']);
  });

  it('adds a role under its department only', () => {
    const text = applyEdits(starter, addEdits(data(starter), 'role', 'Driver', 'warehouse').edits).text;
    expect(readModel(text)?.roles.map((r) => `${r.department}/${r.id}`)).toEqual([
      'customer-service/agent',
      'warehouse/picker',
      'warehouse/driver',
    ]);
  });
});

describe('changing a field', () => {
  it('changes only its line, and an emptied field removes its key', () => {
    const edit = fieldEdit(['organization', 'systems', { id: 'erp' }, 'name'], 'SAP S/4');
    const text = applyEdits(starter, [edit]).text;
    expect(diff(starter, text)).toEqual({ added: ['      name: SAP S/4'], removed: ['      name: ERP'] });
    const cleared = applyEdits(starter, [fieldEdit(['resources', { id: 'agents' }, 'cost'], ' ')]).text;
    expect(diff(starter, cleared)).toEqual({ added: [], removed: ['    cost: 32 EUR/h'] });
  });

  it('reads typed numbers as numbers, and keeps what is no number for the diagnostics to name', () => {
    expect(typedNumber('4')).toBe(4);
    expect(typedNumber(' ')).toBeUndefined();
    expect(typedNumber('four')).toBe('four');
  });
});

describe('renaming and deleting', () => {
  it('renames an id and every reference to it', () => {
    const text = applyEdits(starter, [renameEdit('resource', 'agents', 'service-desk')]).text;
    expect(text).toContain('pool: service-desk');
    expect(text).toContain('set: resources.service-desk.capacity');
    expect(errors(text)).toEqual([]);
  });

  it('deletes an element nothing names, and the library refuses one still named', () => {
    const added = applyEdits(starter, addEdits(data(starter), 'end', 'Returned').edits).text;
    expect(applyEdits(added, [removeEdit('end', 'returned')]).text).toBe(starter);
    expect(() => applyEdits(starter, [removeEdit('resource', 'agents')])).toThrow(
      /still named by steps.call.pool/,
    );
  });

  it('deletes a role from its department', () => {
    const edits: Edit[] = [...addEdits(data(starter), 'role', 'Driver', 'warehouse').edits];
    const added = applyEdits(starter, edits).text;
    expect(applyEdits(added, [removeEdit('role', 'driver', 'warehouse')]).text).toBe(starter);
  });
});

describe('a BPMN link typed part by part', () => {
  const path = ['processes', { id: 'p' }];
  const text = 'name: x\nprocesses:\n  - id: p\n    name: P\n';
  const at = (t: string) => readModel(t)?.processes[0]?.bpmn;
  it('writes the link with its first part, changes one part in place, and goes with its last', () => {
    const one = applyEdits(text, [bpmnEdit(path, undefined, 'file', 'o2c.bpmn')]).text;
    expect(at(one)).toEqual({ file: 'o2c.bpmn' });
    const two = applyEdits(one, [bpmnEdit(path, at(one), 'process', 'Process_1')]).text;
    expect(at(two)).toEqual({ file: 'o2c.bpmn', process: 'Process_1' });
    const less = applyEdits(two, [bpmnEdit(path, at(two), 'file', '')]).text;
    expect(at(less)).toEqual({ process: 'Process_1' });
    expect(applyEdits(less, [bpmnEdit(path, at(less), 'process', ' ')]).text).toBe(text);
  });
});
