import { describe, expect, it } from 'vitest';
import { allIds, newId, readModel } from './model-data.js';

const text = `linesight: 1
name: Test
organization:
  departments:
    - id: sales
      name: Sales
      roles: [{ id: rep, name: Rep }]
stages: [{ id: s1, name: One }]
steps:
  - { id: a, name: A, stage: s1, next: done, backstage: [{ id: act, name: Act, department: sales }] }
ends: [{ id: done, name: Done, outcome: success }]
channels: [{ id: web, name: Our site }]
`;

describe('readModel', () => {
  it('reads the lists the forms pick from, roles with their department', () => {
    const data = readModel(text);
    expect(data?.steps.map((s) => s.id)).toEqual(['a']);
    expect(data?.roles).toEqual([{ id: 'rep', name: 'Rep', department: 'sales' }]);
    // The model's own channel replaces the built-in one of the same id.
    expect(data?.channels.filter((c) => c.id === 'web')).toEqual([{ id: 'web', name: 'Our site' }]);
    expect(data?.channels.some((c) => c.id === 'phone')).toBe(true);
  });

  it('is undefined while the YAML does not parse', () => {
    expect(readModel('steps: [')).toBeUndefined();
    expect(readModel('- a list')).toBeUndefined();
  });
});

describe('newId', () => {
  it('makes an id from a name that no element has', () => {
    const data = readModel(text);
    if (!data) throw new Error('the model does not read');
    expect(newId('Calls the bank!', [])).toBe('calls-the-bank');
    expect(newId('Act', allIds(data))).toBe('act-2');
    expect(newId('2nd call', [])).toBe('x-2nd-call');
    expect(newId('???', [])).toBe('item');
  });
});
