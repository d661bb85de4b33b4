import { useEffect, useState } from 'preact/hooks';
import { readModel } from '../../src/model/edits/plans/model-data';
import { sweepColumns } from '../../src/simulation/sweep-columns';
import { active, api, problemText, type SweepJob, waitingText } from './api';
import { follow } from './follow';

/** "How many agents keep the queue under 30 s?": a parameter swept over a range, against a target. */
export function SweepPanel(props: { name: string }) {
  const [path, setPath] = useState('');
  // The model's own first pool: a parameter it does not have is only an error to run.
  useEffect(() => {
    api.model(props.name).then(
      (m) => {
        const pool = readModel(m.text)?.resources.find((r) => typeof r.id === 'string')?.id;
        setPath((p) => p || (pool ? `resources.${pool}.capacity` : ''));
      },
      () => undefined,
    );
  }, [props.name]);
  const [from, setFrom] = useState(8);
  const [to, setTo] = useState(14);
  const [target, setTarget] = useState('queueWait<=30s');
  const [job, setJob] = useState<SweepJob | null>(null);
  const [error, setError] = useState('');
  const run = async () => {
    setError('');
    setJob(null);
    try {
      const started = await api.sweep(props.name, {
        sweep: `${path}=${from}..${to}`,
        ...(target.trim() ? { target } : {}),
        replications: 5,
        horizon: '7d',
        warmup: '1d',
      });
      follow(started.id, setJob);
    } catch (e) {
      setError(problemText(e));
    }
  };
  const r = job?.result;
  // One column each: the target's KPI is not shown twice.
  const columns = r ? sweepColumns(r.target?.key) : [];
  const number = (set: (n: number) => void) => (e: Event) =>
    set(Number((e.target as HTMLInputElement).value));
  return (
    <fieldset class="sweep">
      <legend>Find the smallest value that meets a target</legend>
      <label>
        Parameter{' '}
        <input
          class="path"
          value={path}
          placeholder="resources.POOL.capacity"
          onInput={(e) => setPath((e.target as HTMLInputElement).value)}
        />
      </label>{' '}
      <label>
        from <input type="number" class="from" value={from} onInput={number(setFrom)} />
      </label>{' '}
      <label>
        to <input type="number" class="to" value={to} onInput={number(setTo)} />
      </label>{' '}
      <label>
        Target{' '}
        <input
          class="target"
          value={target}
          onInput={(e) => setTarget((e.target as HTMLInputElement).value)}
        />
      </label>{' '}
      <button type="button" class="run" onClick={run} disabled={active(job)}>
        Sweep
      </button>
      {error ? <p class="error">{error}</p> : null}
      {job && active(job) ? <progress class="progress" max={job.total || 1} value={job.done} /> : null}
      {waitingText(job) ? <p class="waiting">{waitingText(job)}</p> : null}
      {job?.state === 'failed' || job?.state === 'cancelled' ? <p class="error">{job.error}</p> : null}
      {r ? (
        <>
          <p class="answer">
            {r.target
              ? r.answer === null
                ? `No value from ${r.points[0]?.value} to ${r.points.at(-1)?.value} meets ${r.target.text} (judged on the 95% interval).`
                : `The smallest value that meets ${r.target.text}: ${r.path} = ${r.answer} (judged on the 95% interval).`
              : ''}
          </p>
          <table class="list">
            <thead>
              <tr>
                <th>{r.path}</th>
                {columns.map((key) => (
                  <th key={key}>{r.labels[key] ?? key}</th>
                ))}
                {r.target ? <th>Meets</th> : null}
              </tr>
            </thead>
            <tbody>
              {r.points.map((p) => (
                <tr key={p.value} class={p.value === r.answer ? 'on' : ''}>
                  <td>{p.value}</td>
                  {p.overloaded ? (
                    <td colSpan={columns.length}>overloaded: more work than the pool can do</td>
                  ) : (
                    columns.map((key) => <td key={key}>{p.text?.[key]}</td>)
                  )}
                  {r.target ? <td>{p.meets ? 'yes' : 'no'}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </fieldset>
  );
}
