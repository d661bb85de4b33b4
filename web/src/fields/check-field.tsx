/** A yes/no field (a moment of truth, a wait that adds value). */
import type { Diagnostic } from '../api';

export function CheckField(props: {
  label: string;
  checked: boolean;
  onCommit(checked: boolean): void;
  problems?: Diagnostic[];
}) {
  return (
    <label class="form-field check">
      <input
        type="checkbox"
        checked={props.checked}
        onChange={(e) => props.onCommit((e.target as HTMLInputElement).checked)}
      />{' '}
      {props.label}
      {(props.problems ?? []).map((p) => (
        <span key={p.message} class={`field-problem ${p.severity}`} role="alert">
          {p.message}
        </span>
      ))}
    </label>
  );
}
