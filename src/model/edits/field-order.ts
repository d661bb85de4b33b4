/** Where a new key goes in its map: in the schema's field order, as people write models. */
import {
  ActivitySchema,
  DepartmentSchema,
  EndSchema,
  FailSchema,
  ModelSchema,
  ResourceSchema,
  RoleSchema,
  SegmentSchema,
  StageSchema,
  StepSchema,
} from '../schema.js';
import type { EditPath } from './edit.js';

const ORDERS: Record<string, readonly string[]> = {
  '': Object.keys(ModelSchema.shape),
  'steps.*': Object.keys(StepSchema.shape),
  'steps.*.fail': Object.keys(FailSchema.shape),
  'steps.*.backstage.*': Object.keys(ActivitySchema.shape),
  'organization.departments.*': Object.keys(DepartmentSchema.shape),
  'organization.departments.*.roles.*': Object.keys(RoleSchema.shape),
  'stages.*': Object.keys(StageSchema.shape),
  'ends.*': Object.keys(EndSchema.shape),
  'segments.*': Object.keys(SegmentSchema.shape),
  'resources.*': Object.keys(ResourceSchema.shape),
};

/** The field order of the map at `mapPath`, or none when the schema gives none. */
export function fieldOrder(mapPath: EditPath): readonly string[] {
  const pattern = mapPath.map((s) => (typeof s === 'string' ? s : '*')).join('.');
  return ORDERS[pattern] ?? [];
}

/**
 * The key a new `key` goes before: the one after the last present key that the schema puts
 * earlier, so that the new key lands next to its neighbours even in a map written in another order.
 * Undefined: at the end.
 */
export function keyBefore(
  key: string,
  order: readonly string[],
  present: readonly string[],
): string | undefined {
  const rank = order.indexOf(key);
  if (rank === -1) return undefined;
  let last = -1;
  present.forEach((k, i) => {
    const other = order.indexOf(k);
    if (other !== -1 && other < rank) last = i;
  });
  return present[last + 1];
}
