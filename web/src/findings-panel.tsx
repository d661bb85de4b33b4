/**
 * The analysis's findings under the diagram: choosing one lights up its steps there. The panel
 * folds to its heading (remembered), which gives the diagram the height on a small screen. Below
 * the findings (exact), the pools' queues (approximate: queueing formulas), said as such.
 */
import { useState } from 'preact/hooks';
import { formatDuration } from '../../src/model/units';
import type { Finding, Queues } from './api';

/**
 * What the findings are of: the model as it reads now, the last model that read, none yet (the
 * model has errors since it opened), or still to come.
 */
export type FindingsBasis = 'exact' | 'stale' | 'none' | 'pending';

const BASIS_TEXT: Record<FindingsBasis, (n: number) => string> = {
  pending: () => '…',
  exact: (n) => `${n}, exact`,
  stale: (n) => `${n}, of the last valid model: fix the errors to update them`,
  none: () => 'none yet: the model has errors',
};

export function FindingsPanel(props: {
  findings: Finding[];
  basis: FindingsBasis;
  queues?: Queues | null;
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
        <h2>Findings</h2> <span class="count">{BASIS_TEXT[props.basis](props.findings.length)}</span>
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
      {props.queues && <QueueTable queues={props.queues} />}
    </details>
  );
}

const pct = (x: number) => `${Number((x * 100).toFixed(1))}%`;

function QueueTable(props: { queues: Queues }) {
  const { pools, warnings } = props.queues;
  if (pools.length === 0 && warnings.length === 0) return null;
  return (
    <section class="queues">
      <h3>Queues at the pools (approximate)</h3>
      <p class="basis">
        From queueing formulas (Erlang A or C, period by period over the week), not exact: simulate for firm
        figures.
      </p>
      {warnings.map((w) => (
        <p key={w} class="warning">
          {w}
        </p>
      ))}
      {pools.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>Pool</th>
              <th>Utilisation</th>
              <th>P(wait)</th>
              <th>Mean wait</th>
              <th>Abandonment</th>
              <th>Service level</th>
            </tr>
          </thead>
          <tbody>
            {pools.map((p) => (
              <tr key={p.pool}>
                <td>{p.name}</td>
                <td>{p.utilisation === null ? 'never on shift' : pct(p.utilisation)}</td>
                <td>{pct(p.waitProbability)}</td>
                <td>{p.meanWait === null ? 'without bound (overloaded)' : formatDuration(p.meanWait)}</td>
                <td>{pct(p.abandonment)}</td>
                <td>
                  {p.serviceLevel
                    ? `${pct(p.serviceLevel.achieved)} in ${formatDuration(p.serviceLevel.within)} (target ${pct(p.serviceLevel.share)})`
                    : '-'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
