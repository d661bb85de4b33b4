/**
 * The one document every editor works on: the forms, the journey table and the canvas read the
 * model's data from it and change the model only through `edit`, which writes the library's model
 * edits (src/model/edits) into the YAML text as one undoable step.
 */
import type { Edit, EditPath } from '../../src/model/edits/edit';
import type { ModelData, Raw } from '../../src/model/edits/plans/model-data';
import type { Diagnostic } from './api';

export interface Doc {
  data: ModelData;
  /**
   * Whether the text reads as YAML now (`yes`); if not, whether the forms show the model as it
   * last did (`stale`) or there never was one (`never`: a file saved broken, opened again).
   */
  readable: 'yes' | 'stale' | 'never';
  /** Applies the edits as one step of the undo history; false (with the reason shown) when refused. */
  edit(edits: Edit[]): boolean;
  /** While a scenario is recorded its changes name the model's ids: a name typed then keeps its element's id. */
  keepsIds: boolean;
  /**
   * Writes a typed name for the element `id`, its id following a placeholder's (nameEdits); the
   * element's id after it, or undefined when refused.
   */
  name(id: string, typed: string): string | undefined;
  /** The diagnostics of the text at this path of the model or under it, for the field that shows it. */
  problems(path: EditPath): Diagnostic[];
}

/** The path as diagnostics write it ("steps[3].fail.p"): ids become the item's index in the data. */
export function diagnosticPath(raw: Raw, path: EditPath): string | undefined {
  let node: unknown = raw;
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'object') {
      if (!Array.isArray(node)) return undefined;
      const index = node.findIndex((i) => (i as Raw | null)?.id === segment.id);
      if (index < 0) return undefined;
      out += `[${index}]`;
      node = node[index];
    } else if (typeof segment === 'number') {
      out += `[${segment}]`;
      node = Array.isArray(node) ? node[segment] : undefined;
    } else {
      out += out === '' ? segment : `.${segment}`;
      node = node && typeof node === 'object' ? (node as Raw)[segment] : undefined;
    }
  }
  return out;
}

/** The diagnostics at `path` or under it. */
export function problemsAt(diagnostics: readonly Diagnostic[], raw: Raw, path: EditPath): Diagnostic[] {
  const at = diagnosticPath(raw, path);
  if (at === undefined) return [];
  return diagnostics.filter(
    (d) => d.path === at || d.path.startsWith(`${at}.`) || d.path.startsWith(`${at}[`),
  );
}
