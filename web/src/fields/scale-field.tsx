/** A value on a short scale (effort 1–5, severity minor–critical): a select of its steps. */
import type { Diagnostic } from '../api';
import { Field } from './field';

export interface ScaleChoice {
  value: number | string;
  label: string;
}

export function ScaleField(props: {
  label: string;
  value: unknown;
  choices: readonly ScaleChoice[];
  onCommit(value: number | string | undefined): void;
  /** The choice for "not set" (the key is removed). */
  none: string;
  problems?: Diagnostic[];
}) {
  const value = props.value === undefined || props.value === null ? '' : String(props.value);
  const known = value === '' || props.choices.some((c) => String(c.value) === value);
  return (
    <Field label={props.label} problems={props.problems}>
      <select
        value={value}
        aria-invalid={props.problems?.length ? 'true' : undefined}
        onChange={(e) => {
          const v = (e.target as HTMLSelectElement).value;
          props.onCommit(props.choices.find((c) => String(c.value) === v)?.value);
        }}
      >
        <option value="">{props.none}</option>
        {known ? null : <option value={value}>{value} (not on the scale)</option>}
        {props.choices.map((c) => (
          <option key={c.value} value={String(c.value)}>
            {c.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
