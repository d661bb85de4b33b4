/**
 * The model-level data an export carries in its collaboration's `linesight:properties`: what no
 * element of the diagram shows (channels, organization, segments with shares and arrivals,
 * stages, processes, resources), as model-file data.
 */
import type { Model } from '../../model/model.js';
import { serializeModel } from '../../model/serialize.js';

const MODEL_KEYS = [
  'kind',
  'id',
  'name',
  'description',
  'competitor',
  'baseline',
  'currency',
  'arrivals',
  'organization',
  'segments',
  'stages',
  'processes',
  'resources',
];

export function modelProperties(model: Model): Record<string, unknown> {
  const raw = serializeModel(model);
  const data: Record<string, unknown> = Object.fromEntries(
    MODEL_KEYS.filter((k) => k in raw).map((k) => [k, raw[k]]),
  );
  // The full list, built-in channels included: a reader should not need linesight's defaults.
  data.channels = model.channels.map((c) => ({
    id: c.id,
    name: c.name,
    mode: c.mode,
    ...(c.description ? { description: c.description } : {}),
  }));
  if (model.scenario) data.scenario = model.scenario;
  return data;
}
