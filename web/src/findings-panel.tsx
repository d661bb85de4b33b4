/**
 * The analysis's findings under the diagram: choosing one lights up its steps there. The panel
 * folds to its heading (remembered), which gives the diagram the height on a small screen.
 */
import { useState } from 'preact/hooks';
import type { Finding } from './api';

export function FindingsPanel(props: {
  findings: Finding[];
  selected: Finding | null;
  onSelect(finding: Finding | null): void;
}) {
  const [open, setOpen] = useState(localStorage.getItem('linesight:findings') !== 'closed');
  const { selected } = props;
  return (
    <details
      class="findings-panel"
      open={open}
      onToggle={(e) => {
        const now = (e.currentTarget as HTMLDetailsElement).open;
        localStorage.setItem('linesight:findings', now ? 'open' : 'closed');
        setOpen(now);
      }}
    >
      <summary>
        <h2>Findings</h2> <span class="count">{props.findings.length}</span>
      </summary>
      <ol class="findings">
        {props.findings.map((f) => (
          <li key={f.id} class={`${f.severity}${selected?.id === f.id ? ' selected' : ''}`}>
            {/* A button, so that keyboard users can light up a finding's steps too. */}
            <button
              type="button"
              class="finding"
              onClick={() => props.onSelect(selected?.id === f.id ? null : f)}
            >
              <b>{f.title}</b>
              <br />
              {f.because}
            </button>
          </li>
        ))}
      </ol>
    </details>
  );
}
