/** Evidence from data: an event log's journeys, their conformance to a model, and calibration. */
import { useEffect, useState } from 'preact/hooks';
import { variantPath } from '../../src/mining/variant-path';
import { plural } from '../../src/text/plural';
import { useAddressPart } from './address-part';
import {
  type ApiError,
  api,
  type Conformance,
  type JourneyAnalytics,
  type LogSlice,
  problemText,
} from './api';
import { ConformanceView } from './conformance-view';
import { type CsvChoice, CsvColumns, lackingRoles, unfound } from './csv-columns';
import { fileCsvHeader } from './csv-header';
import { DfgPanel } from './dfg-panel';
import { Dialog } from './dialog';
import { DiscoverModel } from './discover-model';
import { JourneyPanels } from './journey-panels';

export function DataPage() {
  const [logs, setLogs] = useState<{ log: string; events: number; cases: number }[]>([]);
  // The log looked at is kept in the address: a reload or a shared link shows it again.
  const [log, setLog] = useAddressPart(1, '');
  // The log whose removal is being asked about.
  const [removing, setRemoving] = useState('');
  const [details, setDetails] = useState<{
    d: Awaited<ReturnType<typeof api.discover>>;
    j: JourneyAnalytics;
  } | null>(null);
  const [models, setModels] = useState<string[]>([]);
  const [message, setMessage] = useState('');
  // A refusal reads as one: in red, and announced at once to screen readers.
  const [messageIsError, setMessageIsError] = useState(false);
  const say = (text: string, error = false) => {
    setMessage(text);
    setMessageIsError(error);
  };
  const [mapping, setMapping] = useState('');
  const [caseType, setCaseType] = useState('');
  // Shown under the buttons, where the user is looking when they click.
  const [calibration, setCalibration] = useState<
    { file: string; notes: string[] } | { error: string } | null
  >(null);
  const [against, setAgainst] = useState('');
  const [fit, setFit] = useState<Conformance | null>(null);
  const [problems, setProblems] = useState<{ line: number; field: string; message: string }[]>([]);
  const [notes, setNotes] = useState<string[]>([]);
  // The file chosen last, and for a CSV its columns and the ones picked for each role.
  const [chosenFile, setChosenFile] = useState<File | null>(null);
  const [csvColumns, setCsvColumns] = useState<string[]>([]);
  const [picked, setPicked] = useState<CsvChoice>({});
  const [missingRole, setMissingRole] = useState('');
  const refresh = () => api.logs().then(setLogs, () => undefined);
  // The models a log can be checked against; read again when one is discovered from a log.
  const readModels = () =>
    api.models().then((l) => {
      const names = l.filter((m) => m.kind === 'model' && m.ok).map((m) => m.name);
      setModels(names);
      setAgainst((chosen) => (chosen && names.includes(chosen) ? chosen : (names[0] ?? '')));
    });
  useEffect(() => {
    refresh();
    readModels();
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
        (e: Error) => say(e.message, true),
      );
  }, [log, only]);
  const choose = async (e: Event) => {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (!file) return;
    setChosenFile(file);
    setPicked({});
    setMissingRole('');
    // The header only: a CSV of gigabytes is not read into the page.
    const columns = /\.csv$/i.test(file.name) ? await fileCsvHeader(file) : [];
    setCsvColumns(columns);
    // A CSV whose header names no usual column for a role is not sent to fail on it: the pickers
    // mark each such role, and the first takes the focus.
    const lacking = columns.length > 0 ? lackingRoles(columns, {}) : [];
    if (lacking.length > 0) {
      setMissingRole(lacking[0] as string);
      say(`Pick the columns of ${unfound(lacking)} under Columns, then Import with these columns.`);
      return;
    }
    await upload(file, {});
  };
  const upload = async (file: File, columns: CsvChoice) => {
    const name = file.name
      .replace(/\.(csv|xes|jsonocel|xmlocel|sqlite|db)(\.gz)?$/i, '')
      .replace(/[^A-Za-z0-9._-]/g, '-');
    const format = /\.xes(\.gz)?$/i.test(file.name)
      ? 'xes'
      : /\.jsonocel$/i.test(file.name)
        ? 'ocel-json'
        : /\.xmlocel$/i.test(file.name)
          ? 'ocel-xml'
          : /\.(sqlite|db)$/i.test(file.name)
            ? 'ocel-sqlite'
            : 'csv';
    // Said at once: a file of tens of megabytes takes seconds to send and import.
    say(`Importing ${file.name}…`);
    setProblems([]);
    setNotes([]);
    try {
      const r = await api.upload(name, format, file, caseType, columns);
      setMissingRole('');
      say(
        `Imported ${plural(r.events, 'event')} of ${plural(r.cases, 'case')}; ${plural(r.skipped, 'row')} skipped; ${plural(r.duplicates, 'duplicate event')} already there, not added.`,
      );
      setProblems(r.problems);
      setNotes(r.notes ?? []);
      await refresh();
      setLog(r.log);
    } catch (error) {
      say(problemText(error), true);
      setProblems([]);
      setNotes([]);
      // A CSV column the import could not find, or that is not there: its picker is marked.
      const role = ((error as ApiError).details as { role?: unknown } | undefined)?.role;
      setMissingRole(typeof role === 'string' ? role : '');
    }
  };
  return (
    <section>
      <h1>Evidence from data</h1>
      <p>
        Upload an event log (CSV, XES, or OCEL 2.0 JSON, XML or SQLite):{' '}
        <input type="file" accept=".csv,.xes,.gz,.jsonocel,.xmlocel,.sqlite,.db" onChange={choose} />{' '}
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
      {chosenFile && csvColumns.length > 0 ? (
        <CsvColumns
          file={chosenFile.name}
          columns={csvColumns}
          chosen={picked}
          missing={missingRole}
          onChange={(chosen) => {
            setPicked(chosen);
            // The role the import missed is marked until the user picks its column.
            if (chosen[missingRole as keyof CsvChoice]) setMissingRole('');
          }}
          onImport={() => upload(chosenFile, picked)}
        />
      ) : null}
      {message ? (
        <p class={messageIsError ? 'status error' : 'status'} role={messageIsError ? 'alert' : 'status'}>
          {message}
        </p>
      ) : null}
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
      {notes.length > 0 ? (
        <ul class="notes">
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
      <p>
        {logs.map((l) => (
          <button type="button" key={l.log} class={l.log === log ? 'on' : ''} onClick={() => setLog(l.log)}>
            {l.log} ({l.cases} cases)
          </button>
        ))}
        {log ? (
          <button type="button" class="remove" onClick={() => setRemoving(log)}>
            Remove {log}
          </button>
        ) : null}
        {removing ? (
          <Dialog
            title={`Remove the log '${removing}'?`}
            submit="Remove"
            danger
            onClose={() => setRemoving('')}
            onSubmit={async () => {
              // A refusal is shown in the dialog, which stays open.
              const r = await api.removeLog(removing);
              setRemoving('');
              setLog('');
              setDetails(null);
              await refresh();
              say(`Removed the log '${r.log}' (${r.events} events).`);
            }}
          >
            <p>
              All its events leave the event store; this cannot be undone (import the file again to have them
              back).
            </p>
          </Dialog>
        ) : null}
      </p>
      {details ? (
        <>
          <h2>Directly-follows graph</h2>
          <DfgPanel
            log={log}
            only={only}
            edges={details.d.dfg.length + details.d.moreEdges}
            activities={Object.keys(details.d.activities).length}
            controls={(['segment', 'channel'] as const).map((key) => {
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
          />
          <h2>Variants</h2>
          <table class="list">
            <tbody>
              {details.d.variants.map((v) => (
                <tr key={v.activities.join('>')}>
                  <td>{v.count}</td>
                  <td>{(v.share * 100).toFixed(1)}%</td>
                  <td>{variantPath(v.activities, ' › ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <JourneyPanels j={details.j} />
          <DiscoverModel log={log} onWritten={readModels} />
          <h2>The log against a model</h2>
          <p>
            Activities whose names are not a step's id or name need a line each,{' '}
            <code>activity: step id</code>, or <code>activity (channel): step id</code> for one channel's
            events:
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
          {fit ? <ConformanceView fit={fit} logCases={logs.find((l) => l.log === log)?.cases} /> : null}
        </>
      ) : null}
    </section>
  );
}

/** `activity: step id` per line; the last colon splits, as activity names may hold one. */
export function parseMapping(text: string): Record<string, string> {
  const mapping: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const at = line.lastIndexOf(':');
    if (at > 0) mapping[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return mapping;
}
