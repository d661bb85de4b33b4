/**
 * The linesight web app: the models of the workspace; a model page with the YAML editor beside the
 * live diagram and the findings linked to it; what-if runs with progress and intervals; the
 * competitor comparison; a data page for event logs. Pages are chosen by the URL's hash.
 */
import { render } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  type ApiError,
  api,
  type Checked,
  type Choice,
  type Comparison,
  type Conformance,
  type Diagnostic,
  type Finding,
  type Job,
  type LogSlice,
  problemText,
  type SimulationJob,
  type SweepJob,
  sliceQuery,
} from './api';
import { Editor } from './editor';
import './style.css';

const VIEWS = ['blueprint', 'entity', 'journey', 'role', 'e2e'];

function useHash(): string {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const on = () => setHash(location.hash);
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return hash;
}

function App() {
  const hash = useHash();
  const [page, arg] = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  return (
    <>
      <header>
        <a href="#/" class="brand">
          linesight
        </a>
        <nav>
          <a href="#/">Models</a>
          <a href="#/compare">Compare</a>
          <a href="#/data">Data</a>
        </nav>
      </header>
      <main>
        {page === 'model' && arg ? (
          <ModelPage key={arg} name={arg} />
        ) : page === 'whatif' && arg ? (
          <WhatIfPage name={arg} />
        ) : page === 'compare' ? (
          <ComparePage />
        ) : page === 'data' ? (
          <DataPage />
        ) : (
          <ModelList />
        )}
      </main>
    </>
  );
}

function ModelList() {
  const [models, setModels] = useState<Awaited<ReturnType<typeof api.models>> | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    api.models().then(setModels, (e: Error) => setError(e.message));
  }, []);
  if (error) return <p class="error">{error}</p>;
  if (!models) return <p>Loading…</p>;
  return (
    <section>
      <h1>Models</h1>
      <table class="list">
        <thead>
          <tr>
            <th>File</th>
            <th>Model</th>
            <th>State</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {models.map((m) => (
            <tr key={m.name}>
              <td>
                <a href={`#/model/${encodeURIComponent(m.name)}`}>{m.name}</a>
              </td>
              <td>{m.title}</td>
              <td>
                {m.ok ? (
                  `${m.steps} step${m.steps === 1 ? '' : 's'}`
                ) : (
                  <span class="error">{m.errors} errors</span>
                )}
              </td>
              <td>
                {m.ok && (m.kind === 'model' || m.kind === 'scenario') ? (
                  <a href={`#/whatif/${encodeURIComponent(m.name)}`}>what-if</a>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function ModelPage(props: { name: string }) {
  const [text, setText] = useState<string | null>(null);
  const [etag, setEtag] = useState<string | undefined>();
  const [loaded, setLoaded] = useState(0);
  const [diagnostics, setDiagnostics] = useState<Diagnostic[]>([]);
  // The last valid model's segments, roles and scenarios: the pickers stay while you fix an error.
  const [outline, setOutline] = useState<NonNullable<Checked['outline']>>({
    segments: [],
    roles: [],
    scenarios: [],
  });
  const [segment, setSegment] = useState('');
  const [role, setRole] = useState('');
  const [scenario, setScenario] = useState('');
  const [view, setView] = useState('blueprint');
  const [svg, setSvg] = useState('');
  const [findings, setFindings] = useState<Finding[]>([]);
  const [selected, setSelected] = useState<Finding | null>(null);
  const [status, setStatus] = useState('');
  const [conflict, setConflict] = useState(false);
  const diagram = useRef<HTMLDivElement>(null);

  useEffect(() => {
    api.model(props.name).then(
      (m) => {
        setText(m.text);
        setEtag(m.etag);
        setLoaded((n) => n + 1);
      },
      (e: Error) => setStatus(e.message),
    );
  }, [props.name]);

  // The diagram and the findings follow the editor, a moment after typing stops.
  useEffect(() => {
    if (text === null) return;
    const timer = setTimeout(() => {
      api
        .render(props.name, text, view, {
          segment,
          role: view === 'role' ? role || outline.roles[0]?.id : '',
          scenario,
        })
        .then(setSvg, (e: ApiError) =>
          setStatus(
            e.status === 422
              ? 'The diagram shows the last valid model: fix the errors to update it.'
              : e.message,
          ),
        );
      api.analyze(props.name, text).then(
        (a) => setFindings(a.findings.slice(0, 15)),
        () => undefined,
      );
    }, 500);
    return () => clearTimeout(timer);
  }, [text, view, segment, role, scenario]);

  // Selecting a finding lights up its steps on the diagram.
  useEffect(() => {
    const host = diagram.current;
    if (!host) return;
    for (const el of host.querySelectorAll('.lit')) el.classList.remove('lit');
    for (const step of selected?.steps ?? [])
      for (const el of host.querySelectorAll(`[data-ref="${CSS.escape(step)}"]`)) el.classList.add('lit');
  }, [selected, svg]);

  const save = async () => {
    if (text === null) return;
    try {
      const r = await api.save(props.name, text, etag);
      setEtag(r.etag);
      setConflict(false);
      setStatus(r.ok ? 'Saved.' : 'Saved, with errors.');
    } catch (e) {
      const error = e as ApiError;
      if (error.status === 409) {
        setConflict(true);
        setStatus('');
      } else setStatus(error.message);
    }
  };
  const reload = async () => {
    const m = await api.model(props.name);
    setText(m.text);
    setEtag(m.etag);
    setLoaded((n) => n + 1);
    setConflict(false);
    setStatus('Reloaded the saved version.');
  };

  if (text === null) return <p>{status || 'Loading…'}</p>;
  const errors = diagnostics.filter((d) => d.severity === 'error');
  return (
    <section class="model">
      <div class="toolbar">
        <h1>{props.name}</h1>
        <button type="button" onClick={save} class="save">
          Save
        </button>
        <a href={`#/whatif/${encodeURIComponent(props.name)}`}>What-if</a>
        <span class={errors.length ? 'error status' : 'status'}>
          {errors.length ? `${errors.length} error(s)` : 'valid'}
        </span>
        <span class="status">{status}</span>
      </div>
      {conflict ? (
        <p class="conflict" role="alert">
          Someone saved this model after you opened it. Your text is still here, nothing is lost: copy what
          you need, then{' '}
          <button type="button" onClick={reload}>
            load their version
          </button>{' '}
          and save again.
        </p>
      ) : null}
      <div class="panes">
        <Editor
          name={props.name}
          text={text}
          loaded={loaded}
          onChange={setText}
          onChecked={(c) => {
            setDiagnostics(c.diagnostics);
            if (c.outline) setOutline(c.outline);
          }}
        />
        <div class="right">
          <div class="views">
            {VIEWS.map((v) => (
              <button type="button" key={v} class={v === view ? 'on' : ''} onClick={() => setView(v)}>
                {v}
              </button>
            ))}
            {view === 'role' ? (
              <Picker
                label="Role"
                value={role || outline.roles[0]?.id || ''}
                set={setRole}
                choices={outline.roles}
              />
            ) : null}
            <Picker
              label="Segment"
              value={segment}
              set={setSegment}
              choices={outline.segments}
              all="all segments"
            />
            <Picker
              label="Scenario"
              value={scenario}
              set={setScenario}
              choices={outline.scenarios}
              all="as is"
            />
          </div>
          {/* The SVG is linesight's own output, rendered from the model by the server. */}
          <div class="diagram" ref={diagram} dangerouslySetInnerHTML={{ __html: svg }} />
          <h2>Findings</h2>
          <ol class="findings">
            {findings.map((f) => (
              <li key={f.id} class={`${f.severity}${selected?.id === f.id ? ' selected' : ''}`}>
                {/* A button, so that keyboard users can light up a finding's steps too. */}
                <button
                  type="button"
                  class="finding"
                  onClick={() => setSelected(selected?.id === f.id ? null : f)}
                >
                  <b>{f.title}</b>
                  <br />
                  {f.because}
                </button>
              </li>
            ))}
          </ol>
        </div>
      </div>
    </section>
  );
}

function Picker(props: {
  label: string;
  value: string;
  set(v: string): void;
  choices: Choice[];
  all?: string;
}) {
  if (!props.choices.length) return null;
  return (
    <label class="picker">
      {props.label}{' '}
      <select value={props.value} onChange={(e) => props.set((e.target as HTMLSelectElement).value)}>
        {props.all ? <option value="">{props.all}</option> : null}
        {props.choices.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </label>
  );
}

function WhatIfPage(props: { name: string }) {
  const [scenarios, setScenarios] = useState<{ id: string; name: string }[]>([]);
  const [chosen, setChosen] = useState<string[]>([]);
  const [replications, setReplications] = useState(10);
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    api.models().then((list) => {
      const found = list.find((m) => m.name === props.name)?.scenarios ?? [];
      setScenarios(found);
      setChosen(found.slice(0, 1).map((s) => s.id));
    });
  }, [props.name]);
  const [baseline, setBaseline] = useState<SimulationJob | null>(null);
  const settings = { replications, horizon: '14d', warmup: '2d' };
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
        {scenarios.length === 0 ? <p>This model has no scenarios yet: add some under `scenarios:`.</p> : null}
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
        <button
          type="button"
          class="run"
          onClick={run}
          disabled={chosen.length === 0 || job?.state === 'running'}
        >
          Run
        </button>{' '}
        <button type="button" class="as-is" onClick={simulateAsIs} disabled={baseline?.state === 'running'}>
          Simulate as it is
        </button>
        {job?.state === 'running' ? (
          <button type="button" onClick={() => api.cancel(job.id)}>
            Cancel
          </button>
        ) : null}
      </fieldset>
      {error ? <p class="error">{error}</p> : null}
      {job ? <progress class="progress" max={job.total || 1} value={job.done} /> : null}
      {job?.state === 'failed' || job?.state === 'cancelled' ? <p class="error">{job.error}</p> : null}
      {baseline?.state === 'running' ? (
        <progress class="progress" max={baseline.total || 1} value={baseline.done} />
      ) : null}
      {baseline?.result ? (
        <div class="as-is-results">
          <h2>As it is ({replications} replications of 14 days)</h2>
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
      {job?.result?.scenarios.map((s) => (
        <div key={s.id} class="results">
          <h2>{s.name}</h2>
          <table class="list">
            <thead>
              <tr>
                <th>KPI</th>
                <th>Baseline</th>
                <th>Scenario</th>
                <th>Difference (95% CI)</th>
                <th>Verdict</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {s.differences
                .filter((d) => d.key !== 'customers' && Number.isFinite(d.baseline.mean))
                .map((d) => (
                  <tr key={d.key}>
                    <td>{d.label}</td>
                    <td>{d.baselineText}</td>
                    <td>{d.scenarioText}</td>
                    <td>{d.differenceText}</td>
                    <td class={d.verdict}>
                      {d.significant ? (d.verdict === 'none' ? 'significant' : d.verdict) : 'not significant'}
                    </td>
                    <td>
                      <Interval baseline={d.baseline.mean} low={d.difference.low} high={d.difference.high} />
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      ))}
      <SweepPanel name={props.name} />
    </section>
  );
}

/** Follows a job's server-sent events until it ends. */
function follow<T>(id: string, set: (job: T) => void): void {
  const events = new EventSource(`/api/jobs/${id}/events`);
  const update = (e: MessageEvent) => set(JSON.parse(e.data));
  for (const type of ['progress', 'done', 'failed', 'cancelled']) events.addEventListener(type, update);
  for (const type of ['done', 'failed', 'cancelled']) events.addEventListener(type, () => events.close());
}

/** "How many agents keep the queue under 30 s?": a parameter swept over a range, against a target. */
function SweepPanel(props: { name: string }) {
  const [path, setPath] = useState('resources.agents.capacity');
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
  const number = (set: (n: number) => void) => (e: Event) =>
    set(Number((e.target as HTMLInputElement).value));
  return (
    <fieldset class="sweep">
      <legend>Find the smallest value that meets a target</legend>
      <label>
        Parameter{' '}
        <input class="path" value={path} onInput={(e) => setPath((e.target as HTMLInputElement).value)} />
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
      <button type="button" class="run" onClick={run} disabled={job?.state === 'running'}>
        Sweep
      </button>
      {error ? <p class="error">{error}</p> : null}
      {job?.state === 'running' ? <progress class="progress" max={job.total || 1} value={job.done} /> : null}
      {job?.state === 'failed' || job?.state === 'cancelled' ? <p class="error">{job.error}</p> : null}
      {r ? (
        <>
          <p class="answer">
            {r.target
              ? r.answer === undefined
                ? `No value from ${r.range.from} to ${r.range.to} meets ${r.target.text} (judged on the 95% interval).`
                : `The smallest value that meets ${r.target.text}: ${r.range.path} = ${r.answer} (judged on the 95% interval).`
              : ''}
          </p>
          <table class="list">
            <thead>
              <tr>
                <th>{r.range.path}</th>
                <th>{r.labels.queueWait}</th>
                <th>{r.labels.abandonment}</th>
                <th>{r.labels.costPerOrder}</th>
                {r.target ? <th>{r.labels[r.target.key] ?? r.target.key}</th> : null}
                {r.target ? <th>Meets</th> : null}
              </tr>
            </thead>
            <tbody>
              {r.points.map((p) => (
                <tr key={p.value} class={p.value === r.answer ? 'on' : ''}>
                  <td>{p.value}</td>
                  {p.overloaded ? (
                    <td colSpan={r.target ? 5 : 3}>overloaded: more work than the pool can do</td>
                  ) : (
                    <>
                      <td>{p.text?.queueWait}</td>
                      <td>{p.text?.abandonment}</td>
                      <td>{p.text?.costPerOrder}</td>
                      {r.target ? <td>{p.text?.[r.target.key]}</td> : null}
                      {r.target ? <td>{p.meets ? 'yes' : 'no'}</td> : null}
                    </>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </fieldset>
  );
}

/** The difference's interval as a bar around zero, relative to the baseline. */
function Interval(props: { baseline: number; low: number; high: number }) {
  const scale = Math.max(Math.abs(props.baseline), Math.abs(props.low), Math.abs(props.high), 1e-9);
  const x = (v: number) => 60 + (v / scale) * 55;
  return (
    <svg width="120" height="14" role="img" aria-label="difference with its 95% interval">
      <line x1="60" y1="0" x2="60" y2="14" stroke="#9aa0a6" />
      <rect
        x={Math.min(x(props.low), x(props.high))}
        y="4"
        width={Math.max(1, Math.abs(x(props.high) - x(props.low)))}
        height="6"
        fill="#1a73e8"
      />
    </svg>
  );
}

function ComparePage() {
  const [models, setModels] = useState<string[]>([]);
  const [ours, setOurs] = useState('');
  const [theirs, setTheirs] = useState('');
  const [result, setResult] = useState<Comparison | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    api.models().then((list) => {
      setModels(list.filter((m) => m.ok).map((m) => m.name));
      // Ours by default is the model that shares the most stages with the competitor's journey.
      const competitor = list.find((m) => m.kind === 'competitor');
      const shared = (m: (typeof list)[number]) =>
        m.stages.filter((s) => competitor?.stages.includes(s)).length;
      const candidates = list.filter((m) => m.kind === 'model' && m.ok);
      const best = candidates.reduce<(typeof list)[number] | undefined>(
        (a, m) => (!a || shared(m) > shared(a) ? m : a),
        undefined,
      );
      setOurs(best?.name ?? '');
      setTheirs(competitor?.name ?? '');
    });
  }, []);
  const run = () => api.compare(ours, theirs).then(setResult, (e: Error) => setError(e.message));
  const pick = (value: string, set: (v: string) => void) => (
    <select value={value} onChange={(e) => set((e.target as HTMLSelectElement).value)}>
      {models.map((m) => (
        <option key={m}>{m}</option>
      ))}
    </select>
  );
  return (
    <section>
      <h1>Us against a competitor</h1>
      <p>
        {pick(ours, setOurs)} against {pick(theirs, setTheirs)}{' '}
        <button type="button" onClick={run}>
          Compare
        </button>
      </p>
      {error ? <p class="error">{error}</p> : null}
      {result ? (
        <>
          <p>
            We lead in {result.stagesWeLead.join(', ') || 'no stage'};{' '}
            {result.theirs.competitor ?? result.theirs.name} leads in{' '}
            {result.stagesTheyLead.join(', ') || 'no stage'}.
            {result.onlyOurs.length > 0 ? ` Only in our journey: ${result.onlyOurs.join(', ')}.` : ''}
            {result.onlyTheirs.length > 0 ? ` Not in our journey: ${result.onlyTheirs.join(', ')}.` : ''}
          </p>
          <table class="list">
            <thead>
              <tr>
                <th>Stage</th>
                <th>Metric</th>
                <th>Us</th>
                <th>Them</th>
                <th>Ahead</th>
              </tr>
            </thead>
            <tbody>
              {result.stages.flatMap((s) =>
                s.metrics.map((m) => (
                  <tr key={`${s.stage}-${m.key}`}>
                    <td>{s.name}</td>
                    <td>{m.label}</td>
                    <td>{m.oursText}</td>
                    <td>{m.theirsText}</td>
                    <td class={m.ahead === 'us' ? 'better' : m.ahead === 'them' ? 'worse' : ''}>{m.ahead}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}

function DataPage() {
  const [logs, setLogs] = useState<{ log: string; events: number; cases: number }[]>([]);
  const [log, setLog] = useState('');
  const [details, setDetails] = useState<{
    d: Awaited<ReturnType<typeof api.discover>>;
    j: Awaited<ReturnType<typeof api.journeys>>;
  } | null>(null);
  const [models, setModels] = useState<string[]>([]);
  const [message, setMessage] = useState('');
  const [mapping, setMapping] = useState('');
  const [caseType, setCaseType] = useState('');
  // Shown under the buttons, where the user is looking when they click.
  const [calibration, setCalibration] = useState<
    { file: string; notes: string[] } | { error: string } | null
  >(null);
  const [against, setAgainst] = useState('');
  const [fit, setFit] = useState<Conformance | null>(null);
  const [problems, setProblems] = useState<{ line: number; field: string; message: string }[]>([]);
  const refresh = () => api.logs().then(setLogs, () => undefined);
  useEffect(() => {
    refresh();
    api.models().then((l) => {
      const names = l.filter((m) => m.kind === 'model' && m.ok).map((m) => m.name);
      setModels(names);
      setAgainst(names[0] ?? '');
    });
  }, []);
  const [only, setOnly] = useState<LogSlice>({});
  useEffect(() => {
    setFit(null);
    setCalibration(null);
    setOnly({});
  }, [log]);
  useEffect(() => {
    if (log)
      Promise.all([api.discover(log, only), api.journeys(log)]).then(
        ([d, j]) => setDetails({ d, j }),
        (e: Error) => setMessage(e.message),
      );
  }, [log, only]);
  const upload = async (e: Event) => {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (!file) return;
    const name = file.name.replace(/\.(csv|xes|jsonocel)(\.gz)?$/i, '').replace(/[^A-Za-z0-9._-]/g, '-');
    const format = /\.xes(\.gz)?$/i.test(file.name)
      ? 'xes'
      : /\.jsonocel$/i.test(file.name)
        ? 'jsonocel'
        : 'csv';
    try {
      const r = await api.upload(name, format, file, caseType);
      setMessage(
        `Imported ${r.events} events of ${r.cases} cases; ${r.skipped} row(s) skipped; ${r.duplicates} duplicate event(s) already there, not added.`,
      );
      setProblems(r.problems);
      await refresh();
      setLog(r.log);
    } catch (error) {
      setMessage(problemText(error));
      setProblems([]);
    }
  };
  const [measure, setMeasure] = useState<'frequency' | 'time'>('frequency');
  const dfg = useMemo(
    () => (log ? `/api/logs/${encodeURIComponent(log)}/dfg.svg?measure=${measure}${sliceQuery(only)}` : ''),
    [log, measure, only],
  );
  return (
    <section>
      <h1>Evidence from data</h1>
      <p>
        Upload an event log (CSV, XES or OCEL 2.0 JSON):{' '}
        <input type="file" accept=".csv,.xes,.gz,.jsonocel" onChange={upload} />{' '}
        <label>
          OCEL case type{' '}
          <input
            class="case-type"
            value={caseType}
            placeholder="e.g. Customer"
            onInput={(e) => setCaseType((e.target as HTMLInputElement).value)}
          />
        </label>
      </p>
      {message ? <p class="status">{message}</p> : null}
      {problems.length > 0 ? (
        <ul class="problems">
          {problems.slice(0, 10).map((p) => (
            <li key={`${p.line}-${p.field}`}>
              {p.line ? `line ${p.line}, ` : ''}
              {p.field}: {p.message}
            </li>
          ))}
          {problems.length > 10 ? <li>... and {problems.length - 10} more</li> : null}
        </ul>
      ) : null}
      <p>
        {logs.map((l) => (
          <button type="button" key={l.log} class={l.log === log ? 'on' : ''} onClick={() => setLog(l.log)}>
            {l.log} ({l.cases} cases)
          </button>
        ))}
        {log ? (
          <button
            type="button"
            class="remove"
            onClick={async () => {
              if (!window.confirm(`Remove the log '${log}' and all its events?`)) return;
              try {
                const r = await api.removeLog(log);
                setLog('');
                setDetails(null);
                await refresh();
                setMessage(`Removed the log '${r.log}' (${r.events} events).`);
              } catch (e) {
                setMessage(problemText(e));
              }
            }}
          >
            Remove {log}
          </button>
        ) : null}
      </p>
      {details ? (
        <>
          <h2>Directly-follows graph</h2>
          <p>
            {(['segment', 'channel'] as const).map((key) => {
              const values = key === 'segment' ? details.d.segments : details.d.channels;
              return values.length > 1 ? (
                <label key={key}>
                  {key === 'segment' ? 'Segment' : 'Channel'}{' '}
                  <select
                    class={`only-${key}`}
                    value={only[key] ?? ''}
                    onChange={(e) => {
                      const v = (e.target as HTMLSelectElement).value;
                      setOnly(v ? { [key]: v } : {});
                    }}
                  >
                    <option value="">all</option>
                    {values.map((v) => (
                      <option key={v} value={v}>
                        {v}
                      </option>
                    ))}
                  </select>{' '}
                </label>
              ) : null;
            })}
            {(['frequency', 'time'] as const).map((m) => (
              <button
                type="button"
                key={m}
                class={`measure ${m === measure ? 'on' : ''}`}
                onClick={() => setMeasure(m)}
              >
                {m === 'frequency' ? 'How often' : 'How long (median)'}
              </button>
            ))}
          </p>
          {/* A big log's graph is wide: the picture opens on its own, full size, to zoom and pan. */}
          <a href={dfg} target="_blank" rel="noreferrer" title="open the graph full size">
            <img src={dfg} alt="directly-follows graph" class="dfg" />
          </a>
          <h2>Variants</h2>
          <table class="list">
            <tbody>
              {details.d.variants.map((v) => (
                <tr key={v.activities.join('>')}>
                  <td>{v.count}</td>
                  <td>{(v.share * 100).toFixed(1)}%</td>
                  <td>{v.activities.join(' › ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>Call drivers</h2>
          {/* A driver makes a contact more likely soon after (lift above 1); the rest are not drivers. */}
          {details.j.drivers.some((d) => d.lift > 1) ? (
            <table class="list">
              <tbody>
                {details.j.drivers
                  .filter((d) => d.lift > 1)
                  .slice(0, 10)
                  .map((d) => (
                    <tr key={`${d.driver}>${d.contact}`}>
                      <td>{d.driver}</td>
                      <td>→ {d.contact}</td>
                      <td>lift {d.lift.toFixed(2)}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          ) : (
            <p class="status">No touchpoint in this log makes a contact more likely soon after it.</p>
          )}
          <h2>Channel switching</h2>
          {details.j.switches.length === 0 ? (
            <p class="status">No customer changes channel (or the log names no channels).</p>
          ) : (
            <>
              <p class="switching">
                {(details.j.switchingCustomers * 100).toFixed(1)}% of customers change channel at least once.
              </p>
              <table class="list switches">
                <tbody>
                  {details.j.switches.slice(0, 10).map((x) => (
                    <tr key={`${x.from}>${x.to}`}>
                      <td>{x.from}</td>
                      <td>→ {x.to}</td>
                      <td>{x.count} times</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          <h2>Repeat contacts</h2>
          {details.j.repeats.some((r) => r.repeats > 0) ? (
            <table class="list repeats">
              <thead>
                <tr>
                  <th>Topic</th>
                  <th>Contacts</th>
                  <th>Repeats within 7 days</th>
                  <th>First-contact resolution</th>
                </tr>
              </thead>
              <tbody>
                {details.j.repeats
                  .filter((r) => r.repeats > 0)
                  .slice(0, 10)
                  .map((r) => (
                    <tr key={r.topic}>
                      <td>{r.topic}</td>
                      <td>{r.contacts}</td>
                      <td>{r.repeats}</td>
                      <td>{(r.firstContactResolution * 100).toFixed(1)}%</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          ) : (
            <p class="status">No customer comes back about the same topic within 7 days.</p>
          )}
          <h2>The log against a model</h2>
          <p>
            Activities whose names are not a step's id or name need a line each,{' '}
            <code>activity: step id</code>:
          </p>
          <textarea
            class="mapping"
            rows={4}
            placeholder="check ticket: serve"
            value={mapping}
            onInput={(e) => setMapping((e.target as HTMLTextAreaElement).value)}
          />
          <p>
            <label>
              Model{' '}
              <select
                class="against"
                value={against}
                onChange={(e) => setAgainst((e.target as HTMLSelectElement).value)}
              >
                {models.map((m) => (
                  <option key={m} value={m}>
                    {m}
                  </option>
                ))}
              </select>
            </label>{' '}
            <button
              type="button"
              class="check"
              onClick={() =>
                api.conformance(log, against, parseMapping(mapping)).then(
                  (r) => {
                    setFit(r);
                    setCalibration(null);
                  },
                  (e: unknown) => setCalibration({ error: problemText(e) }),
                )
              }
            >
              Check conformance
            </button>{' '}
            <button
              type="button"
              class="calibrate"
              onClick={() =>
                api.calibrate(log, against, parseMapping(mapping)).then(
                  (r) => setCalibration(r),
                  (e: unknown) => setCalibration({ error: problemText(e) }),
                )
              }
            >
              Write a calibrated scenario
            </button>
          </p>
          {calibration && 'error' in calibration ? (
            <p class="status" role="status">
              {calibration.error}
            </p>
          ) : null}
          {calibration && 'file' in calibration ? (
            <div class="calibration" role="status">
              <p>
                Wrote {calibration.file}: the model as the log shows it.{' '}
                <a href={`#/whatif/${encodeURIComponent(calibration.file)}`}>What-ifs from it</a>
              </p>
              <ul>
                {calibration.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {fit ? <ConformanceView fit={fit} /> : null}
        </>
      ) : null}
    </section>
  );
}

/** How the actual journeys fit the model: fitness, what customers do that it lacks, what nobody does. */
function ConformanceView(props: { fit: Conformance }) {
  const f = props.fit;
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const perSegment = f.branches.some((b) => b.segment !== undefined);
  return (
    <div class="conformance">
      <p class="fitness">
        Fitness {pct(f.fitness)}: {f.allowed} of {f.moves} moves are ones the model allows;{' '}
        {pct(f.fittingCases)} of {f.cases} cases fit entirely.{' '}
        {f.unmappedActivities.length > 0 ? `Not mapped to a step: ${f.unmappedActivities.join(', ')}.` : ''}
      </p>
      <h3>What customers do that the model lacks</h3>
      {f.notInModel.length === 0 ? (
        <p>Nothing: every move is in the model.</p>
      ) : (
        <table class="list">
          <tbody>
            {f.notInModel.slice(0, 10).map((d) => (
              <tr key={`${d.from}>${d.to}`}>
                <td>{d.from}</td>
                <td>→ {d.to}</td>
                <td>{d.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Ways on the model has that nobody takes</h3>
      {f.neverTaken.length === 0 ? (
        <p>None: customers take every way on the model has.</p>
      ) : (
        <ul class="never-taken">
          {f.neverTaken.slice(0, 15).map((d) => (
            <li key={`${d.from}>${d.to}`}>
              {d.from} → {d.to}
            </li>
          ))}
          {f.neverTaken.length > 15 ? <li>... and {f.neverTaken.length - 15} more</li> : null}
        </ul>
      )}
      <h3>Branches: observed against modelled</h3>
      <table class="list branches">
        <thead>
          <tr>
            {perSegment ? <th>Segment</th> : null}
            <th>Step</th>
            <th>To</th>
            <th>Observed</th>
            <th>Modelled</th>
            <th>Moves</th>
          </tr>
        </thead>
        <tbody>
          {[...f.branches]
            .sort((a, b) => b.moves - a.moves)
            .slice(0, 15)
            .map((b) => (
              <tr key={`${b.segment ?? ''}:${b.step}>${b.to}`}>
                {perSegment ? <td>{b.segment}</td> : null}
                <td>{b.step}</td>
                <td>{b.to}</td>
                <td>{pct(b.observed)}</td>
                <td>{pct(b.modelled)}</td>
                <td>{b.moves}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </div>
  );
}

/** `activity: step id` per line; the last colon splits, as activity names may hold one. */
function parseMapping(text: string): Record<string, string> {
  const mapping: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const at = line.lastIndexOf(':');
    if (at > 0) mapping[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return mapping;
}

render(<App />, document.getElementById('app') as HTMLElement);
