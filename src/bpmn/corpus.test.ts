/**
 * The corpus of small BPMN files written the way Camunda Modeler, Signavio, Bizagi and Trisotech
 * write them (testdata/bpmn-corpus): each imports as the journey written beside it
 * (NAME.expected.yaml), and the same with its optional <incoming>/<outgoing> children taken out.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { parse as parseYaml, stringify } from 'yaml';
import { parse } from '../model/load.js';
import { importBpmn } from './import.js';
import type { Element } from './moddle.js';
import { createModdle } from './moddle.js';

const DIR = new URL('../../testdata/bpmn-corpus/', import.meta.url).pathname;
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.bpmn'))
  .sort();
const withoutFlowChildren = (xml: string) =>
  xml.replace(/\s*<([a-z]+:)?(incoming|outgoing)>[^<]*<\/([a-z]+:)?(incoming|outgoing)>/g, '');

const XSD = new URL('../../node_modules/bpmn-moddle/resources/bpmn/xsd/', import.meta.url).pathname;
const schemaFile = (fileName: string) => ({ fileName, contents: readFileSync(join(XSD, fileName), 'utf8') });

/** Every element a modeler draws: flow nodes, sequence and message flows, pools and lanes. */
const DRAWN = /(Task|Event|Gateway|SubProcess|SequenceFlow|MessageFlow|Participant|Lane)$/;
function drawable(definitions: Element): string[] {
  const ids: string[] = [];
  const visit = (e: Element) => {
    if (DRAWN.test(e.$type)) ids.push(String(e.id));
    for (const key of ['rootElements', 'flowElements', 'participants', 'messageFlows', 'laneSets', 'lanes'])
      for (const child of (e[key] as Element[] | undefined) ?? []) visit(child);
  };
  visit(definitions);
  return ids;
}

describe('the BPMN corpus', () => {
  it('holds a file for each construct', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
  });

  it.each(files)(
    '%s is valid BPMN 2.0 with a shape or edge for each element, as modelers write it',
    async (file) => {
      const xml = readFileSync(join(DIR, file), 'utf8');
      const result = await validateXML({
        xml: [{ fileName: file, contents: xml }],
        schema: [schemaFile('BPMN20.xsd')],
        preload: ['Semantic.xsd', 'BPMNDI.xsd', 'DC.xsd', 'DI.xsd'].map(schemaFile),
      });
      expect(result.errors.map((e) => e.rawMessage)).toEqual([]);
      const { rootElement, warnings } = await createModdle().fromXML(xml);
      expect(warnings).toEqual([]);
      const diagrams = (rootElement.diagrams as Element[] | undefined) ?? [];
      const drawn = new Set(
        diagrams.flatMap((d) =>
          (((d.plane as Element).planeElement as Element[] | undefined) ?? []).map((p) =>
            String((p.bpmnElement as Element).id),
          ),
        ),
      );
      expect(drawable(rootElement).filter((id) => !drawn.has(id))).toEqual([]);
    },
  );

  it.each(files)(
    '%s imports as the journey written beside it, with or without incoming/outgoing',
    async (file) => {
      const xml = readFileSync(join(DIR, file), 'utf8');
      const expected = parseYaml(readFileSync(join(DIR, file.replace(/\.bpmn$/, '.expected.yaml')), 'utf8'));
      const result = await importBpmn(xml);
      expect(result.error).toBeUndefined();
      expect(result.model).toEqual(expected.model);
      expect(result.warnings).toEqual(expected.warnings);
      const loaded = parse(stringify(result.model), { file: join(DIR, 'imported.yaml') });
      expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const bare = await importBpmn(withoutFlowChildren(xml));
      expect(bare.model).toEqual(expected.model);
    },
  );
});

describe('a file with two collaborations', () => {
  it("finds the pool the user names in either, and names the model for that pool's collaboration", async () => {
    const xml = readFileSync(join(DIR, 'delay-two-collaborations.camunda.bpmn'), 'utf8');
    const result = await importBpmn(xml, { customerPool: 'Claims team' });
    expect(result.error).toBeUndefined();
    expect(result.model?.name).toBe('Claims back office');
    const steps = result.model?.steps as { name: string; next: unknown }[];
    expect(steps.map((s) => [s.name, s.next])).toEqual([
      ['Check the flight log', 'approve-the-compensation'],
      ['Approve the compensation', 'claim-decided'],
    ]);
  });
});
