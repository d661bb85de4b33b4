/**
 * Every command that reads a model builds its schemas first, cold, at tens of microseconds a Zod
 * instance: the fields of a kind (ids, durations, money, ...) share one instance each.
 */
import { describe, expect, it, vi } from 'vitest';

/** The parts of a JSON Schema node these tests read. */
interface SchemaNode {
  description?: string;
  anyOf?: unknown[];
  items: SchemaNode;
  properties: Record<string, SchemaNode>;
}

interface ZodConfig {
  postProcessor?: (instance: unknown) => void;
}

/** The Zod instances built by importing the model's schemas afresh. */
async function instancesBuilt(): Promise<number> {
  const global = globalThis as { __zod_globalConfig?: ZodConfig };
  const config = global.__zod_globalConfig ?? {};
  global.__zod_globalConfig = config;
  let built = 0;
  config.postProcessor = () => {
    built++;
  };
  try {
    vi.resetModules();
    await import('./schema.js');
  } finally {
    delete config.postProcessor;
  }
  return built;
}

describe('the model schemas', () => {
  it('are built from shared fields: under 400 Zod instances (702 when each field built its own)', async () => {
    const built = await instancesBuilt();
    expect(built).toBeGreaterThan(100);
    expect(built).toBeLessThan(400);
  });

  it('keep each field its own description where fields share a schema', async () => {
    const { jsonSchema } = await import('./json-schema.js');
    const { properties } = jsonSchema('model') as unknown as SchemaNode;
    const item = (list: string) => (properties[list] as SchemaNode).items.properties;
    const system = (properties.organization as SchemaNode).properties.systems?.items.properties ?? {};
    expect(system.owner?.description).toBe('The department that runs the system.');
    expect(item('processes').owner?.description).toBe('The department that owns the process.');
    expect(item('resources').role?.description).toBe('The role whose people staff this pool.');
    expect(item('steps').role?.description).toBe('The frontstage role that serves the step.');
    // A unit field keeps what may be written, beside its own description.
    expect(item('resources').patience?.description).toBe(
      'How long customers wait in this queue before giving up.',
    );
    expect(item('steps').duration?.anyOf).toHaveLength(2);
  });
});
