/**
 * A section of the Organization tab: a heading that folds it, with how many elements it holds,
 * the elements, and a field to add one.
 */
import type { ComponentChildren } from 'preact';
import { AddField } from '../fields/add-field';

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
  return (
    <details class="org-section" open={props.open}>
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
