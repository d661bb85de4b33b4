/** `rename-id`: a new id for an element, and every reference to it follows. */
import { isScalar } from 'yaml';
import { clip } from '../clip.js';
import { didYouMean } from '../suggest.js';
import { type Applied, ID_KINDS, type IdKind, type RenameIdEdit } from './edit.js';
import { EditError } from './error.js';
import { idsOf, requireNewId } from './ids.js';
import { splice } from './lines.js';
import { type Parsed, parseText } from './locate.js';
import { declarations, referencesTo, type Site } from './references.js';
import { renderScalar } from './render.js';

function kindOf(doc: Parsed, edit: RenameIdEdit): IdKind {
  if (edit.of !== undefined) return edit.of;
  const kinds = ID_KINDS.filter((kind) => declarations(doc, kind).some((d) => d.id === edit.from));
  const [only] = kinds;
  if (only !== undefined && kinds.length === 1) return only;
  if (kinds.length > 1) {
    throw new EditError(
      `'${clip(edit.from)}' names a ${kinds.join(' and a ')}`,
      [],
      `say which with of: '${kinds[0]}'`,
    );
  }
  const known = idsOf(doc, ID_KINDS);
  throw new EditError(`no element has the id '${clip(edit.from)}'`, [], didYouMean(edit.from, known, 'ids'));
}

/** Rewrites each site's scalar, last first so that earlier offsets stay valid. */
export function rewrite(text: string, sites: readonly Site[], to: string): string {
  const ordered = [...sites].sort((a, b) => (b.node.range?.[0] ?? 0) - (a.node.range?.[0] ?? 0));
  let out = text;
  for (const site of ordered) {
    const [start, end] = site.node.range ?? [0, 0];
    out = splice(out, start, end, renderScalar(site.rename(to)));
  }
  return out;
}

export function renameId(text: string, edit: RenameIdEdit): Applied {
  const doc = parseText(text);
  const kind = kindOf(doc, edit);
  requireNewId(doc, kind, edit.to, []);
  const declared = declarations(doc, kind)
    .filter((d) => d.id === edit.from)
    .map((d): Site => ({ node: d.node, path: [...d.path, 'id'], rename: (to) => to }));
  if (declared.length === 0 || !declared.every((d) => isScalar(d.node))) {
    throw new EditError(
      `no ${kind} has the id '${clip(edit.from)}'`,
      [],
      didYouMean(edit.from, idsOf(doc, [kind]), `${kind}s`),
    );
  }
  const sites = [...declared, ...referencesTo(doc, kind, edit.from)];
  return {
    text: rewrite(text, sites, edit.to),
    inverse: { kind: 'rename-id', from: edit.to, to: edit.from, of: kind },
  };
}
