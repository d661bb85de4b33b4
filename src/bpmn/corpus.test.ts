/**
 * The corpus of small BPMN files written the way Camunda Modeler, Signavio, Bizagi and Trisotech
 * write them (testdata/bpmn-corpus): each imports as the journey written beside it
 * (NAME.expected.yaml), and the same with its optional <incoming>/<outgoing> children taken out.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify } from 'yaml';
import { parse } from '../model/load.js';
import { importBpmn } from './import.js';

const DIR = new URL('../../testdata/bpmn-corpus/', import.meta.url).pathname;
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.bpmn'))
  .sort();
const withoutFlowChildren = (xml: string) =>
  xml.replace(/\s*<([a-z]+:)?(incoming|outgoing)>[^<]*<\/([a-z]+:)?(incoming|outgoing)>/g, '');

describe('the BPMN corpus', () => {
  it('holds a file for each construct', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
  });

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
