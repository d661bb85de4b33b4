/** What-ifs: scenarios against the baseline with intervals, the model as it is, and sweeps. */
import { useEffect, useState } from 'preact/hooks';
import {
  active,
  api,
  type Job,
  problemText,
  type RunRemedy,
  type RunWarning,
  type SimulationJob,
  waitingText,
} from './api';
import { follow } from './follow';
import { MOST_REPLICATIONS, ReplicationsField } from './replications-field';
import { RunSetting } from './run-setting';
import { SweepPanel } from './sweep-panel';
import { WhatIfResults } from './what-if-results';

/** `scenario`: the one to run, chosen already (the model page's "save and run it"). */
export function WhatIfPage(props: { name: string; scenario?: string | undefined }) {
  const [scenarios, setScenarios] = useState<{ id: string; name: string }[]>([]);
  const [chosen, setChosen] = useState<string[]>([]);
  const [replications, setReplications] = useState(10);
  const [precision, setPrecision] = useState('');
  const [horizon, setHorizon] = useState('14d');
  const [warmup, setWarmup] = useState('2d');
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
    horizon: horizon.trim(),
    warmup: warmup.trim(),
    ...(precision.trim() ? { precision: precision.trim() } : {}),
  };
  // A warning's remedy fills in the settings it names; the next run uses them.
  const useRemedy = (r: RunRemedy) => {
    if (r.horizon !== undefined) setHorizon(r.horizon);
    if (r.warmup !== undefined) setWarmup(r.warmup);
    if (r.replications !== undefined) {
      setReplications(r.replications);
      setPrecision('');
    }
    if (r.precision !== undefined) setPrecision(r.precision);
  };
  // A new run's results replace the last run's, which no longer match the settings: a refused
  // run left them on the page under its error.
  const run = async () => {
    setError('');
    setJob(null);
    try {
      follow((await api.whatif(props.name, { scenarios: chosen, ...settings })).id, setJob);
    } catch (e) {
      setError(problemText(e));
    }
  };
  const simulateAsIs = async () => {
    setError('');
    setBaseline(null);
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
        <ReplicationsField value={replications} onChange={setReplications} />
        <RunSetting
          label="Horizon"
          help="How long arrivals run in each replication, the warm-up included: 14d, 8h, 90min"
          value={horizon}
          onChange={setHorizon}
        />
        <RunSetting
          label="Warm-up"
          help="Simulated before the figures are counted, so that queues start full as they would be"
          value={warmup}
          onChange={setWarmup}
        />
        <RunSetting
          label="Precision"
          help="Run replications, 10 at a time, until the main KPIs' 95% intervals are within this share of their means (up to 200)"
          placeholder="e.g. 5%"
          value={precision}
          onChange={setPrecision}
        />
        <button
          type="button"
          class="run"
          onClick={run}
          disabled={chosen.length === 0 || active(job)}
          title={
            chosen.length === 0 ? 'Pick a scenario above to run it against the model as it is' : undefined
          }
        >
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
      {active(job) && job ? <progress class="progress" max={job.total || 1} value={job.done} /> : null}
      {waitingText(job) || waitingText(baseline) ? (
        <p class="waiting">{waitingText(job) || waitingText(baseline)}</p>
      ) : null}
      {job?.state === 'failed' || job?.state === 'cancelled' ? <p class="error">{job.error}</p> : null}
      {active(baseline) && baseline ? (
        <progress class="progress" max={baseline.total || 1} value={baseline.done} />
      ) : null}
      {baseline?.result ? (
        <div class="as-is-results">
          <h2>
            As it is ({baseline.result.options.replications}{' '}
            {baseline.result.options.replications === 1 ? 'replication' : 'replications'})
          </h2>
          <Warnings warnings={baseline.result.warnings} onRemedy={useRemedy} />
          <table class="list">
            <thead>
              <tr>
                <th>KPI</th>
                <th>
                  {baseline.result.options.replications === 1
                    ? 'Mean (one replication: no CI)'
                    : 'Mean ± 95% CI'}
                </th>
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
      {job?.result ? <Warnings warnings={job.result.warnings} onRemedy={useRemedy} /> : null}
      {job?.result ? <WhatIfResults result={job.result} /> : null}
      <SweepPanel name={props.name} />
    </section>
  );
}

const REMEDY_WORDS: Record<keyof RunRemedy, string> = {
  horizon: 'horizon',
  warmup: 'warm-up',
  replications: 'replications',
  precision: 'precision',
  maxReplications: 'at most replications',
};

/** "horizon 8d, warm-up 2d" */
const remedyText = (r: RunRemedy) =>
  Object.entries(r)
    .map(([key, value]) => `${REMEDY_WORDS[key as keyof RunRemedy]} ${value}`)
    .join(', ');

/**
 * The settings this page has: a remedy naming others, or more replications than its field offers
 * (thousands, past what a server runs at once: the button filled in a run the server refused), is
 * said, not offered as a button; the precision beside it is.
 */
const applicable = (r: RunRemedy) =>
  r.maxReplications === undefined && (r.replications === undefined || r.replications <= MOST_REPLICATIONS);

/** What the run says about its own figures, each with what to run instead, ready to use. */
export function Warnings(props: { warnings: RunWarning[] | undefined; onRemedy?: (r: RunRemedy) => void }) {
  if (!props.warnings || props.warnings.length === 0) return null;
  return (
    <div class="warnings" role="status">
      <strong>Before relying on these figures</strong>
      <ul>
        {props.warnings.map((w) => (
          <li key={`${w.side ?? ''}${w.kind}`}>
            {w.side ? <b>{w.side}: </b> : null}
            {w.message}
            {w.remedies.map((r) =>
              props.onRemedy && applicable(r) ? (
                <button key={remedyText(r)} type="button" class="remedy" onClick={() => props.onRemedy?.(r)}>
                  Use {remedyText(r)}
                </button>
              ) : (
                <span key={remedyText(r)} class="remedy">
                  {' '}
                  ({remedyText(r)})
                </span>
              ),
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
