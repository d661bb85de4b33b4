/** What-ifs: scenarios against the baseline with intervals, the model as it is, and sweeps. */
import { useEffect, useState } from 'preact/hooks';
import { active, api, type Job, problemText, type RunWarning, type SimulationJob, waitingText } from './api';
import { follow } from './follow';
import { SweepPanel } from './sweep-panel';
import { WhatIfResults } from './what-if-results';

/** `scenario`: the one to run, chosen already (the model page's "save and run it"). */
export function WhatIfPage(props: { name: string; scenario?: string | undefined }) {
  const [scenarios, setScenarios] = useState<{ id: string; name: string }[]>([]);
  const [chosen, setChosen] = useState<string[]>([]);
  const [replications, setReplications] = useState(10);
  const [precision, setPrecision] = useState('');
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    api.models().then((list) => {
      const found = list.find((m) => m.name === props.name)?.scenarios ?? [];
      setScenarios(found);
      const asked = found.find((s) => s.id === props.scenario);
      setChosen((asked ? [asked] : found.slice(0, 1)).map((s) => s.id));
    });
  }, [props.name, props.scenario]);
  const [baseline, setBaseline] = useState<SimulationJob | null>(null);
  const settings = {
    replications,
    horizon: '14d',
    warmup: '2d',
    ...(precision.trim() ? { precision: precision.trim() } : {}),
  };
  const run = async () => {
    setError('');
    try {
      follow((await api.whatif(props.name, { scenarios: chosen, ...settings })).id, setJob);
    } catch (e) {
      setError(problemText(e));
    }
  };
  const simulateAsIs = async () => {
    setError('');
    try {
      follow((await api.simulate(props.name, settings)).id, setBaseline);
    } catch (e) {
      setError(problemText(e));
    }
  };
  return (
    <section>
      <h1>What-if: {props.name}</h1>
      <fieldset>
        <legend>Scenarios against the baseline (common random numbers)</legend>
        {scenarios.length === 0 ? (
          <p>
            This model has no scenarios yet: record one on the model page with "Edit as scenario…", or write
            it under <code>scenarios:</code>.
          </p>
        ) : null}
        {scenarios.map((s) => (
          <label key={s.id}>
            <input
              type="checkbox"
              checked={chosen.includes(s.id)}
              onChange={(e) =>
                setChosen(
                  (e.target as HTMLInputElement).checked
                    ? [...chosen, s.id]
                    : chosen.filter((c) => c !== s.id),
                )
              }
            />{' '}
            {s.name}
          </label>
        ))}
        <label>
          Replications{' '}
          <input
            type="number"
            min={2}
            max={200}
            value={replications}
            onInput={(e) => setReplications(Number((e.target as HTMLInputElement).value))}
          />
        </label>
        <label title="Run replications, 10 at a time, until the main KPIs' 95% intervals are within this share of their means (up to 200)">
          Precision{' '}
          <input
            type="text"
            size={5}
            placeholder="e.g. 5%"
            value={precision}
            onInput={(e) => setPrecision((e.target as HTMLInputElement).value)}
          />
        </label>
        <button type="button" class="run" onClick={run} disabled={chosen.length === 0 || active(job)}>
          Run
        </button>{' '}
        <button type="button" class="as-is" onClick={simulateAsIs} disabled={active(baseline)}>
          Simulate as it is
        </button>
        {job && active(job) ? (
          <button type="button" onClick={() => api.cancel(job.id)}>
            Cancel
          </button>
        ) : null}
      </fieldset>
      {error ? <p class="error">{error}</p> : null}
      {job ? <progress class="progress" max={job.total || 1} value={job.done} /> : null}
      {waitingText(job) || waitingText(baseline) ? (
        <p class="waiting">{waitingText(job) || waitingText(baseline)}</p>
      ) : null}
      {job?.state === 'failed' || job?.state === 'cancelled' ? <p class="error">{job.error}</p> : null}
      {active(baseline) && baseline ? (
        <progress class="progress" max={baseline.total || 1} value={baseline.done} />
      ) : null}
      {baseline?.result ? (
        <div class="as-is-results">
          <h2>As it is ({baseline.result.options.replications} replications of 14 days)</h2>
          <Warnings warnings={baseline.result.warnings} />
          <table class="list">
            <thead>
              <tr>
                <th>KPI</th>
                <th>Mean ± 95% CI</th>
              </tr>
            </thead>
            <tbody>
              {baseline.result.kpis.map((k) => (
                <tr key={k.key}>
                  <td>{k.label}</td>
                  <td>{baseline.result?.text[k.key]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {job?.result ? <Warnings warnings={job.result.warnings} /> : null}
      {job?.result ? <WhatIfResults result={job.result} /> : null}
      <SweepPanel name={props.name} />
    </section>
  );
}

/** What the run says about its own figures, each with what to run instead. */
export function Warnings(props: { warnings: RunWarning[] | undefined }) {
  if (!props.warnings || props.warnings.length === 0) return null;
  return (
    <div class="warnings" role="status">
      <strong>Before relying on these figures</strong>
      <ul>
        {props.warnings.map((w) => (
          <li key={`${w.side ?? ''}${w.kind}`}>
            {w.side ? <b>{w.side}: </b> : null}
            {w.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
