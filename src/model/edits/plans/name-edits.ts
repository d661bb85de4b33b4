/**
 * A name typed for an element. An element added in the web app gets a placeholder name and the id
 * made from it ("New step", new-step-3); the first name a person gives it gives it its id too, so
 * that the YAML under review reads `check-order`, not `new-step-3`. An id made from any other
 * name stays: other files and models may name it (a competitor's stages are matched by id, a log's
 * mapping names steps), and renaming it would quietly break them.
 */
import type { Edit } from '../edit.js';
import { elementOf } from './element.js';
import { allIds, labelOf, type ModelData, newId } from './model-data.js';
import { NOUNS } from './org-kinds.js';
import { NEW_ACTIVITY_NAME } from './points.js';
import { NEW_STAGE_NAME } from './stages.js';
import { NEW_STEP_NAME } from './steps.js';

const PLACEHOLDERS = new Set([
  NEW_STEP_NAME,
  NEW_STAGE_NAME,
  NEW_ACTIVITY_NAME,
  ...Object.values(NOUNS).map((noun) => `New ${noun}`),
]);

/** The id is the one a placeholder name gave it: the name's id, or it with a number after. */
function placeholderId(id: string, name: string): boolean {
  if (!PLACEHOLDERS.has(name)) return false;
  const made = newId(name, []);
  return id === made || new RegExp(`^${made}-\\d+$`).test(id);
}

/**
 * The edits that write `typed` as the name of element `id`, and the id it has after them (a new
 * one when its id was still its placeholder's); undefined when there is no such element.
 */
export function nameEdits(
  data: ModelData,
  id: string,
  typed: string,
  /** Keep the id whatever it is (while a scenario is recorded, its changes name the model's ids). */
  options: { keepId?: boolean } = {},
): { edits: Edit[]; id: string } | undefined {
  const element = elementOf(data, id);
  if (!element) return undefined;
  const name = typed.trim();
  const edits: Edit[] = [{ kind: 'set', path: [...element.path, 'name'], value: name || undefined }];
  if (!name || options.keepId || !placeholderId(id, labelOf(element.item))) return { edits, id };
  const to = newId(
    name,
    allIds(data).filter((other) => other !== id),
  );
  if (to === id) return { edits, id };
  return { edits: [...edits, { kind: 'rename-id', from: id, to, of: element.kind }], id: to };
}
