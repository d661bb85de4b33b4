/** A model written inline in a test, parsed; its diagnostics thrown when it does not load. */
import { parse } from '../model/load.js';
import type { Model } from '../model/model.js';

export function parsedModel(text: string, file = 'test.yaml'): Model {
  const result = parse(text, { file });
  if (!result.model) throw new Error(JSON.stringify(result.diagnostics));
  return result.model;
}
