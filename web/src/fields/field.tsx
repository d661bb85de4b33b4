/**
 * A labelled form field with the diagnostics that concern it underneath: the same messages the
 * YAML editor shows at that line, so an error is seen where it is fixed.
 */
import type { ComponentChildren } from 'preact';
import type { Diagnostic } from '../api';

export function Field(props: {
  label: string;
  problems?: Diagnostic[];
  children: ComponentChildren;
  wide?: boolean;
}) {
  const problems = props.problems ?? [];
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is the field's child
    <label class={`form-field${problems.length ? ' invalid' : ''}${props.wide ? ' wide' : ''}`}>
      <span class="field-label">{props.label}</span>
      {props.children}
      {problems.map((p) => (
        <span key={`${p.path}|${p.message}`} class={`field-problem ${p.severity}`} role="alert">
          {p.message}
          {p.hint ? <em> ({p.hint})</em> : null}
        </span>
      ))}
    </label>
  );
}
