/** The JSON Schema editors use must agree with the validator: what loads passes it, and it catches what editors can. */
import { readdirSync, readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import jsyaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { randomModel } from '../testing/random-model.js';
import { fixture } from './fixtures/locate.js';
import { jsonSchema } from './json-schema.js';
import { load } from './load.js';

const examples = new URL('../../examples/', import.meta.url);
const read = (file: string | URL) => jsyaml.load(readFileSync(file, 'utf8'), { schema: jsyaml.CORE_SCHEMA });

const ajv = new Ajv2020({ allErrors: true, strict: false });
const checkModel = ajv.compile(jsonSchema('model'));
const checkPart = ajv.compile(jsonSchema('part'));
const checkScenario = ajv.compile(jsonSchema('scenario'));

describe('the JSON Schema', () => {
  it('accepts every example model', () => {
    const files = readdirSync(examples).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(1);
    for (const file of files) {
      expect(load(new URL(file, examples).pathname).ok, file).toBe(true);
      expect(checkModel(read(new URL(file, examples))), `${file}: ${JSON.stringify(checkModel.errors)}`).toBe(
        true,
      );
    }
  });

  it('accepts valid fixtures of every kind and random valid models', () => {
    expect(checkModel(read(fixture('valid-small.yaml')))).toBe(true);
    expect(checkPart(read(fixture('shared-org.yaml')))).toBe(true);
    expect(checkScenario(read(fixture('raise-rate.scenario.yaml')))).toBe(true);
    for (const seed of [1, 2, 3, 4, 5]) expect(checkModel(randomModel({ steps: 30, seed }))).toBe(true);
  });

  it('rejects a misspelt field and a missing one, as the validator does', () => {
    expect(checkModel(read(fixture('unknown-field.yaml')))).toBe(false);
    expect(checkModel.errors?.some((e) => e.keyword === 'additionalProperties')).toBe(true);
    expect(checkModel(read(fixture('missing-field.yaml')))).toBe(false);
  });
});
