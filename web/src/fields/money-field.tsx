/**
 * An amount of money per hour and its currency, side by side: committed together on Enter or
 * when the field is left, Escape puts back the model's value.
 */
import { useState } from 'preact/hooks';
import type { Diagnostic } from '../api';
import { Field } from './field';
import { useReset } from './use-reset';

export function MoneyField(props: {
  label: string;
  amount: string;
  currency: string;
  onCommit(amount: string, currency: string): void;
  problems?: Diagnostic[];
}) {
  const [amount, setAmount] = useState(props.amount);
  const [currency, setCurrency] = useState(props.currency);
  useReset(`${props.amount} ${props.currency}`, () => {
    setAmount(props.amount);
    setCurrency(props.currency);
  });
  const commit = () => {
    if (amount !== props.amount || currency !== props.currency) props.onCommit(amount, currency);
  };
  const keys = (e: KeyboardEvent) => {
    if (e.key === 'Enter') commit();
    if (e.key === 'Escape') {
      setAmount(props.amount);
      setCurrency(props.currency);
    }
  };
  return (
    <Field label={props.label} problems={props.problems}>
      <span class="money">
        <input
          type="number"
          min={0}
          step="any"
          value={amount}
          aria-label={`${props.label}: amount`}
          aria-invalid={props.problems?.length ? 'true' : undefined}
          onInput={(e) => setAmount((e.target as HTMLInputElement).value)}
          onBlur={commit}
          onKeyDown={keys}
        />
        <input
          class="currency"
          value={currency}
          maxLength={3}
          aria-label={`${props.label}: currency`}
          onInput={(e) => setCurrency((e.target as HTMLInputElement).value.toUpperCase())}
          onBlur={commit}
          onKeyDown={keys}
        />
        <span class="unit">/h</span>
      </span>
    </Field>
  );
}
