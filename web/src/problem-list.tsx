/**
 * The model's errors and warnings as a list anyone can read without opening the YAML: each with its
 * place (line and field path) and hint. The forms show the same messages under the fields they concern.
 */
import { useState } from 'preact/hooks';
import type { Diagnostic } from './api';

export function ProblemList(props: { diagnostics: Diagnostic[] }) {
  const [open, setOpen] = useState(false);
  const errors = props.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = props.diagnostics.length - errors;
  if (!props.diagnostics.length) return <span class="status">valid</span>;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const summary = [errors ? plural(errors, 'error') : '', warnings ? plural(warnings, 'warning') : '']
    .filter(Boolean)
    .join(', ');
  return (
    <span class="problems">
      <button
        type="button"
        class={errors ? 'problems-toggle error' : 'problems-toggle'}
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        {summary}
      </button>
      {open ? (
        <ul class="problem-list">
          {props.diagnostics.map((d) => (
            <li key={`${d.line}:${d.column}:${d.message}`} class={d.severity}>
              <b>{d.message}</b>
              {d.hint ? <span> ({d.hint})</span> : null}
              <small>
                {' '}
                line {d.line}
                {d.path ? `, ${d.path}` : ''}
              </small>
            </li>
          ))}
        </ul>
      ) : null}
    </span>
  );
}
