/**
 * Every export of every example and of each of its scenarios is what other tools accept: valid
 * against the OMG BPMN 2.0 schema, and without errors under bpmnlint's recommended rules (the
 * rules bpmn.io modelers run). The warnings are counted and printed.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { examplesAndScenarios } from '../testing/example-models.js';
import { exportBpmn } from './export.js';
import { createModdle } from './moddle.js';

const require = createRequire(import.meta.url);
const { Linter } = require('bpmnlint') as {
  Linter: new (
    o: object,
  ) => { lint(root: unknown): Promise<Record<string, { category: string; message: string; id?: string }[]>> };
};
const resolver = {
  resolveRule: (_pkg: string, name: string) => require(`bpmnlint/rules/${name}`),
  resolveConfig: (_pkg: string, name: string) => require(`bpmnlint/config/${name}`),
};

const XSD = new URL('../../node_modules/bpmn-moddle/resources/bpmn/xsd/', import.meta.url).pathname;
const schemaFile = (fileName: string) => ({ fileName, contents: readFileSync(join(XSD, fileName), 'utf8') });

const exportCases = examplesAndScenarios;

describe('exports other tools accept', () => {
  const cases = exportCases();

  it.each(cases)('%s: valid against the OMG BPMN 2.0 XSD', async (_name, model) => {
    const xml = await exportBpmn(model, '0.0.0');
    const result = await validateXML({
      xml: [{ fileName: 'export.bpmn', contents: xml }],
      schema: [schemaFile('BPMN20.xsd')],
      preload: ['Semantic.xsd', 'BPMNDI.xsd', 'DC.xsd', 'DI.xsd'].map(schemaFile),
    });
    expect(result.errors.map((e) => e.rawMessage)).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it.each(cases)('%s: no bpmnlint errors under the recommended rules', async (name, model) => {
    const xml = await exportBpmn(model, '0.0.0');
    const { rootElement, warnings } = await createModdle().fromXML(xml);
    expect(warnings).toEqual([]);
    const linter = new Linter({ config: { extends: 'bpmnlint:recommended' }, resolver });
    const reports = await linter.lint(rootElement);
    const all = Object.entries(reports).flatMap(([rule, list]) => list.map((r) => ({ rule, ...r })));
    const errors = all.filter((r) => r.category === 'error');
    const byRule: Record<string, number> = {};
    for (const r of all.filter((x) => x.category === 'warn')) byRule[r.rule] = (byRule[r.rule] ?? 0) + 1;
    console.log(`bpmnlint ${name}: ${errors.length} errors, warnings ${JSON.stringify(byRule)}`);
    expect(errors.map((e) => `${e.rule} ${e.id}: ${e.message}`)).toEqual([]);
  });

  it.each(cases)('%s: every id is unique', async (_name, model) => {
    const xml = await exportBpmn(model, '0.0.0');
    const ids = [...xml.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });
});
