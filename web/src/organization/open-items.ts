/**
 * Which elements of a section are unfolded: the user's choice, kept while the text changes under
 * it, following a renamed id, and a new element unfolded with the focus in its first field.
 */
import { useState } from 'preact/hooks';

export interface OpenItems {
  has(id: string): boolean;
  set(id: string, open: boolean): void;
  /** A renamed element stays open. */
  renamed(from: string, to: string): void;
  /** Opens a new element and asks for the focus in it. */
  added(id: string): void;
  /** The element that should take the focus once shown; taking it clears the wish. */
  focus: string | undefined;
  focused(): void;
}

export function useOpenItems(): OpenItems {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const [focus, setFocus] = useState<string | undefined>();
  const change = (f: (s: Set<string>) => void) =>
    setOpen((old) => {
      const next = new Set(old);
      f(next);
      return next;
    });
  return {
    has: (id) => open.has(id),
    set: (id, on) => {
      if (on !== open.has(id)) change((s) => (on ? s.add(id) : s.delete(id)));
    },
    renamed: (from, to) =>
      change((s) => {
        if (s.delete(from)) s.add(to);
      }),
    added: (id) => {
      change((s) => s.add(id));
      setFocus(id);
    },
    focus,
    focused: () => setFocus(undefined),
  };
}
