/**
 * A duration or a distribution of durations: a number and a unit for a plain duration, a text
 * box for a distribution ("lognormal(4 min, 2 min)", "exp(6 min)"), which the validator checks
 * and whose diagnostics show underneath. "~" switches a plain duration to the text box.
 */
import { useState } from 'preact/hooks';
import {
  durationText,
  plainDuration,
  showsPlain,
  UNITS,
  type Unit,
} from '../../../src/model/edits/plans/duration';
import type { Diagnostic } from '../api';
import { Field } from './field';
import { useReset } from './use-reset';

const shownText = (value: unknown) =>
  value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);

export function DurationField(props: {
  label: string;
  value: unknown;
  onCommit(value: string | undefined): void;
  problems?: Diagnostic[];
}) {
  const plain = plainDuration(props.value);
  const amount = plain ? String(plain.amount) : '';
  const [asText, setAsText] = useState(false);
  const [draft, setDraft] = useState(amount);
  const [unit, setUnit] = useState<Unit>(plain?.unit ?? 'min');
  const [text, setText] = useState(shownText(props.value));
  useReset(JSON.stringify(props.value) ?? '', () => {
    setAsText(false);
    setDraft(amount);
    if (plain) setUnit(plain.unit);
    setText(shownText(props.value));
  });
  const commit = (value: string | undefined) => {
    if (value !== (props.value ?? undefined)) props.onCommit(value);
  };
  const invalid = props.problems?.length ? 'true' : undefined;
  if (asText || !showsPlain(props.value)) {
    return (
      <Field label={props.label} problems={props.problems}>
        <input
          value={text}
          placeholder="lognormal(4 min, 2 min)"
          aria-label={props.label}
          aria-invalid={invalid}
          onInput={(e) => setText((e.target as HTMLInputElement).value)}
          onBlur={() => commit(text.trim() || undefined)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit(text.trim() || undefined);
            if (e.key === 'Escape') setText(shownText(props.value));
          }}
        />
      </Field>
    );
  }
  return (
    <Field label={props.label} problems={props.problems}>
      <span class="duration">
        <input
          type="number"
          min={0}
          step="any"
          value={draft}
          aria-label={props.label}
          aria-invalid={invalid}
          onInput={(e) => setDraft((e.target as HTMLInputElement).value)}
          onBlur={() => commit(durationText(draft, unit))}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit(durationText(draft, unit));
            if (e.key === 'Escape') setDraft(amount);
          }}
        />
        <select
          aria-label={`${props.label}: unit`}
          value={unit}
          onChange={(e) => {
            const u = (e.target as HTMLSelectElement).value as Unit;
            setUnit(u);
            commit(durationText(draft, u));
          }}
        >
          {UNITS.map((u) => (
            <option key={u} value={u}>
              {u}
            </option>
          ))}
        </select>
        <button
          type="button"
          class="mini"
          aria-label={`${props.label}: write a distribution`}
          title="Write a distribution, e.g. lognormal(4 min, 2 min) or exp(6 min)"
          onClick={(e) => {
            e.preventDefault();
            setAsText(true);
          }}
        >
          ~
        </button>
      </span>
    </Field>
  );
}
