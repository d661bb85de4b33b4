/**
 * JSON Schema of the file format, generated from the Zod schemas so that the format, the types
 * and what editors check can never drift apart. Fields whose value carries a unit declare what
 * may be written (`.meta({ input })`); that replaces the schema Zod would derive from a transform.
 */
import type { InputSchema } from './fields.js';
import { type FileKind, ModelSchema, PartSchema, ScenarioFileSchema } from './schema.js';
import * as z from './zod.js';

const SCHEMAS = {
  model: ModelSchema,
  competitor: ModelSchema,
  part: PartSchema,
  scenario: ScenarioFileSchema,
} as const;

export function jsonSchema(kind: FileKind = 'model'): Record<string, unknown> {
  const schema = z.toJSONSchema(SCHEMAS[kind], {
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => {
      const input = (z.globalRegistry.get(ctx.zodSchema) as { input?: InputSchema } | undefined)?.input;
      const target = ctx.jsonSchema as Record<string, unknown>;
      if (input) {
        for (const key of Object.keys(target)) delete target[key];
        Object.assign(target, input);
      }
      delete target.input;
    },
  }) as Record<string, unknown>;
  return { ...schema, $id: `https://linesight.dev/schema/${kind}.json` };
}
