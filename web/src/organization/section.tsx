/**
 * A section of the Organization tab: a heading that folds it, with how many elements it holds,
 * the elements, and a field to add one.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { AddField } from '../fields/add-field';

const ASKED = 'linesight:open-section';

/** Opens section `title` when the model page shows next (a link from another page that points at it). */
export const openSectionNext = (title: string) => sessionStorage.setItem(ASKED, title);

/** Whether this section was asked to open: once, the first time it shows after the ask. */
function useAsked(title: string): boolean {
  const [asked] = useState(() => {
    if (sessionStorage.getItem(ASKED) !== title) return false;
    sessionStorage.removeItem(ASKED);
    return true;
  });
  return asked;
}

export function Section(props: {
  title: string;
  count: number;
  noun: string;
  onAdd(name: string): void;
  /** A line under the heading: what the section is for, or a check over all its elements. */
  note?: ComponentChildren;
  open?: boolean;
  children: ComponentChildren;
}) {
  const asked = useAsked(props.title);
  return (
    <details class="org-section" open={props.open || asked}>
      <summary>
        <h3>{props.title}</h3>
        <span class="org-count">{props.count}</span>
      </summary>
      {props.note ? <div class="org-note">{props.note}</div> : null}
      {props.children}
      <AddField noun={props.noun} onAdd={props.onAdd} />
    </details>
  );
}
