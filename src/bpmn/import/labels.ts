/**
 * How the importer names BPMN elements: in messages by their name (their id when unnamed), in the
 * model by readable ids made from names, unique within the file.
 */
import { clip } from '../../model/clip.js';
import { idWords } from '../../model/id-words.js';
import type { Element } from '../moddle.js';

/** An element's name on one line, its id when it has none. */
export function label(e: Element | undefined): string {
  return String(e?.name ?? e?.id ?? '?')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The most characters of documentation a description keeps; past that it is cut, and said so. */
export const MOST_DOCUMENTED = 10_000;

/** An element's `<documentation>` texts, as one description; undefined when it has none. */
export function documentationOf(e: Element | undefined): string | undefined {
  const texts = ((e?.documentation as Element[] | undefined) ?? [])
    .map((d) => String(d.text ?? '').trim())
    .filter((t) => t !== '');
  if (texts.length === 0) return undefined;
  const text = texts.join('\n\n');
  return text.length > MOST_DOCUMENTED ? `${text.slice(0, MOST_DOCUMENTED - 1)}…` : text;
}

/** A name as messages quote it: cut short when it is long. */
export function shown(e: Element | undefined): string {
  return clip(label(e));
}

/** Readable, unique ids for elements, each made once. */
export function idMaker(): {
  of(e: Element, fallback: string, preferred?: string): string;
  taken(id: string): boolean;
} {
  const used = new Set<string>();
  const idOf = new Map<Element, string>();
  return {
    taken: (id) => used.has(id),
    of(e, fallback, preferred) {
      const cached = idOf.get(e);
      if (cached) return cached;
      const base =
        preferred ??
        (idWords(String(e.name ?? ''))
          .slice(0, 40)
          .replace(/-+$/, '') ||
          String(e.id ?? fallback)
            .replace(/[^A-Za-z0-9_-]+/g, '-')
            .replace(/^[^A-Za-z_]+/, ''));
      let id = /^[A-Za-z_]/.test(base) ? base : `x-${base}`;
      for (let n = 2; used.has(id); n++) id = `${base || fallback}-${n}`;
      used.add(id);
      idOf.set(e, id);
      return id;
    },
  };
}
