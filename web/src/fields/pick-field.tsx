/** A pick list of the model's elements (stages, roles, systems, pools, ...) for a reference. */

import { type Item, labelOf } from '../../../src/model/edits/plans/model-data';
import type { Diagnostic } from '../api';
import { Field } from './field';

export function PickField(props: {
  label: string;
  value: string | undefined;
  choices: Item[];
  onCommit(value: string | undefined): void;
  /** The choice for "none" (the key is removed); absent: a value is required. */
  none?: string;
  problems?: Diagnostic[];
}) {
  const value = props.value ?? '';
  // A reference to nothing the model declares is still shown, so the user sees what to fix.
  const unknown = value && !props.choices.some((c) => c.id === value);
  return (
    <Field label={props.label} problems={props.problems}>
      <select
        value={value}
        aria-invalid={props.problems?.length ? 'true' : undefined}
        onChange={(e) => {
          const v = (e.target as HTMLSelectElement).value;
          props.onCommit(v === '' ? undefined : v);
        }}
      >
        {props.none !== undefined || !value ? <option value="">{props.none ?? '—'}</option> : null}
        {unknown ? <option value={value}>{value} (unknown)</option> : null}
        {props.choices.map((c) => (
          <option key={c.id} value={c.id}>
            {labelOf(c)}
          </option>
        ))}
      </select>
    </Field>
  );
}
