import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type ModelData, readModel } from './model-data.js';
import { usesOf, usesText } from './uses.js';

const read = (path: string) => readModel(readFileSync(new URL(path, import.meta.url), 'utf8')) as ModelData;
const starter = read('../../../../templates/journey.yaml');
const example = read('../../../../examples/order-departments.yaml');
const by = (data: ModelData, kind: Parameters<typeof usesOf>[1], id: string) =>
  usesOf(data, kind, id).map((u) => u.by);

describe('usesOf', () => {
  it('names the steps, activities and scenarios that use a pool, role or system', () => {
    expect(by(starter, 'resource', 'agents')).toEqual([
      'step "Calls to ask and order"',
      'scenario "Two more agents"',
    ]);
    expect(by(starter, 'role', 'agent')).toEqual(['pool "Customer service agents"']);
    expect(by(starter, 'system', 'erp')).toEqual(['activity "Pick and pack the order"']);
  });

  it("counts a department's roles with it, since deleting it deletes them", () => {
    // The activity names both the department and its role.
    expect(by(starter, 'department', 'warehouse')).toEqual([
      'activity "Pick and pack the order"',
      'activity "Pick and pack the order"',
    ]);
    expect(usesOf(starter, 'department', 'warehouse').map((u) => u.path.at(-1))).toEqual([
      'department',
      'role',
    ]);
    expect(by(starter, 'department', 'customer-service')).toEqual(['pool "Customer service agents"']);
  });

  it('finds segments in per-segment flows and ends as flow targets', () => {
    expect(new Set(by(starter, 'segment', 'business'))).toEqual(
      new Set(['step "Looks at the product page"']),
    );
    expect(by(starter, 'end', 'received')).toEqual(['step "Waits for the parcel"']);
    expect(by(example, 'segment', 'business')).toContain('the start of the journey');
  });

  it('finds owners of systems and processes', () => {
    expect(by(example, 'department', 'web-team')).toEqual(
      expect.arrayContaining(['system "Web shop"', 'process "Product content management"']),
    );
  });

  it('is empty for an element nothing names', () => {
    expect(usesOf(starter, 'process', 'nothing')).toEqual([]);
  });
});

describe('usesText', () => {
  it('names each element once, the first few', () => {
    const uses = ['a', 'b', 'a', 'c', 'd', 'e'].map((by) => ({ path: [], by }));
    expect(usesText(uses, 3)).toBe('a, b, c, and 2 more');
  });
});
