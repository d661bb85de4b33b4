/**
 * The customer's emotion on the journey-map scale, -2 to +2: a slider with a face and the number,
 * so the feeling reads at a glance. Unset until the slider is moved; "×" unsets it again.
 */
import type { Diagnostic } from '../api';
import { Field } from './field';

const WORDS: Record<string, string> = {
  '-2': 'very negative',
  '-1': 'negative',
  '0': 'neutral',
  '1': 'positive',
  '2': 'very positive',
};

/** A face whose mouth bends with the emotion (drawn, so it looks the same on every system). */
function Face(props: { value: number | undefined }) {
  const v = props.value ?? 0;
  const hue = props.value === undefined ? '#9aa0a6' : v > 0 ? '#188038' : v < 0 ? '#d93025' : '#b06000';
  // The mouth's middle point moves down for a smile, up for a frown.
  const mid = 12 + v * 2.2;
  return (
    <svg class="face" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
      <circle cx="12" cy="12" r="10.5" fill="none" stroke={hue} stroke-width="1.8" />
      <circle cx="8.5" cy="9.5" r="1.3" fill={hue} />
      <circle cx="15.5" cy="9.5" r="1.3" fill={hue} />
      <path
        d={`M7.5 ${15 - v * 0.4} Q12 ${mid + 4} 16.5 ${15 - v * 0.4}`}
        fill="none"
        stroke={hue}
        stroke-width="1.8"
      />
    </svg>
  );
}

export function EmotionField(props: {
  label: string;
  value: unknown;
  onCommit(value: number | undefined): void;
  problems?: Diagnostic[];
}) {
  const value = typeof props.value === 'number' ? props.value : undefined;
  const shown = value === undefined ? 'not set' : `${value > 0 ? '+' : ''}${value}`;
  return (
    <Field label={props.label} problems={props.problems}>
      <span class={`emotion${value === undefined ? ' unset' : ''}`}>
        <input
          type="range"
          min={-2}
          max={2}
          step={1}
          value={value ?? 0}
          aria-valuetext={value === undefined ? 'not set' : `${shown}, ${WORDS[String(value)] ?? ''}`}
          onChange={(e) => props.onCommit(Number((e.target as HTMLInputElement).value))}
        />
        <Face value={value} />
        <output>{shown}</output>
        {value !== undefined ? (
          <button
            type="button"
            class="mini"
            aria-label={`Clear ${props.label.toLowerCase()}`}
            title="Clear"
            onClick={(e) => {
              e.preventDefault();
              props.onCommit(undefined);
            }}
          >
            ×
          </button>
        ) : null}
      </span>
    </Field>
  );
}
