/**
 * Text typed into a form is committed as one edit on Enter or when the field is left, never per
 * keystroke: one undo step per change, and the YAML is not rewritten while the user types.
 * Escape puts back the model's value.
 */
import { useRef, useState } from 'preact/hooks';
import type { Diagnostic } from '../api';
import { Field } from './field';
import { useReset } from './use-reset';

export function TextField(props: {
  label: string;
  value: string;
  onCommit(value: string): void;
  problems?: Diagnostic[];
  placeholder?: string;
  /** A number field: the keyboard's arrows step it, and the value is committed as a number. */
  type?: 'text' | 'number';
  min?: number;
  max?: number;
  step?: number;
  wide?: boolean;
}) {
  const [draft, setDraft] = useState(props.value);
  useReset(props.value, () => setDraft(props.value));
  // What Enter committed: a blur that follows (the field drawn anew, as when a name gave its
  // element a new id) does not commit it again to an element that is no longer there.
  const entered = useRef<string | null>(null);
  const commit = () => {
    if (draft !== props.value) props.onCommit(draft.trim());
  };
  return (
    <Field label={props.label} problems={props.problems} wide={props.wide}>
      <input
        type={props.type ?? 'text'}
        value={draft}
        min={props.min}
        max={props.max}
        step={props.step}
        placeholder={props.placeholder}
        aria-invalid={props.problems?.length ? 'true' : undefined}
        data-typing={draft !== props.value ? 'true' : undefined}
        onInput={(e) => setDraft((e.target as HTMLInputElement).value)}
        onBlur={() => {
          if (draft !== entered.current) commit();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            entered.current = draft;
            commit();
          }
          if (e.key === 'Escape') setDraft(props.value);
        }}
      />
    </Field>
  );
}
