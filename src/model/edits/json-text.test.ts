import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parse } from '../load.js';
import { applyEdit, applyEdits } from './apply.js';
import { type ModelData, readModel } from './plans/model-data.js';
import { addEdits } from './plans/organization.js';

const data = parseYaml(readFileSync(new URL('../../../examples/mmc.yaml', import.meta.url), 'utf8'));
const asJson = (indent: string | number) => `${JSON.stringify(data, null, indent)}\n`;

describe('a model written as JSON, edited', () => {
  it('stays JSON in its own indentation, with only the edited value changed, and Undo gives it back', () => {
    for (const indent of [2, 4, '\t']) {
      const text = asJson(indent);
      const edit = {
        kind: 'set',
        path: ['steps', { id: 'serve' }, 'name'],
        value: 'Served at once',
      } as const;
      const applied = applyEdit(text, edit);
      const expected = structuredClone(data);
      expected.steps.find((s: { id: string }) => s.id === 'serve').name = 'Served at once';
      expect(JSON.parse(applied.text)).toEqual(expected);
      expect(applied.text).toBe(`${JSON.stringify(expected, null, indent)}\n`);
      expect(applyEdit(applied.text, applied.inverse).text).toBe(text);
    }
  });

  it('adds an element as JSON, and the model still loads with it', () => {
    const text = asJson(2);
    const { edits } = addEdits(readModel(text) as ModelData, 'channel', 'Carrier pigeon');
    const added = applyEdits(text, edits).text;
    const channels = JSON.parse(added).channels as { id: string }[];
    expect(channels.map((c) => c.id)).toContain('carrier-pigeon');
    const read = parse(added, { file: 'mmc.json' });
    expect(read.ok).toBe(true);
    expect(read.diagnostics.filter((d) => d.code === 'not-strict-json')).toEqual([]);
  });

  it('leaves a YAML model to the YAML edits: only the edited line changes', () => {
    const text = readFileSync(new URL('../../../examples/mmc.yaml', import.meta.url), 'utf8');
    const edit = { kind: 'set', path: ['steps', { id: 'serve' }, 'name'], value: 'Served' } as const;
    const applied = applyEdit(text, edit).text;
    expect(applied.split('\n').filter((l, i) => l !== text.split('\n')[i])).toEqual(['    name: Served']);
  });
});
