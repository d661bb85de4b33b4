/**
 * A model: the YAML editor beside the live diagram and the findings linked to it. A finding lights
 * up its steps on the diagram; a click on a box shows its form beside the diagram (and its YAML).
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { allIds } from '../../src/model/edits/plans/model-data';
import { missingGlyphsNote } from '../../src/views/missing-glyphs-note';
import { useAddressPart } from './address-part';
import {
  type ApiError,
  api,
  type Checked,
  type Choice,
  type Diagnostic,
  type Finding,
  problemText,
  type Queues,
} from './api';
import { DiagramEditor } from './diagram-editor';
import { download } from './download';
import { EditPane, useTab } from './edit-pane';
import { Editor, type EditorControl } from './editor';
import { ExportButtons, type ExportFormat } from './export-buttons';
import { type FindingsBasis, FindingsPanel } from './findings-panel';
import { useLeaveGuard } from './leave-guard';
import { NewModelDialog } from './new-model-dialog';
import { ProblemList } from './problem-list';
import { useSaveKey } from './save-key';
import { ScenarioSwitch } from './scenario-switch';
import { Splitter, splitColumns, useSplit } from './splitter';
import { useUndoKeys } from './undo-keys';
import { useDoc } from './use-doc';
import { useRecording } from './use-recording';

const VIEWS = ['blueprint', 'entity', 'journey', 'role', 'e2e'];

export function ModelPage(props: { name: string }) {
  const [text, setText] = useState<string | null>(null);
  // The text as last loaded or saved: anything else is unsaved.
  const [saved, setSaved] = useState<string | null>(null);
  const control = useRef<EditorControl | null>(null);
  const [tab, setTab] = useTab();
  const [split, setSplit] = useSplit();
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
  // The view is kept in the address: a reload or a shared link shows the same diagram.
  const [view, setView] = useAddressPart(2, 'blueprint', (v) => VIEWS.includes(v));
  // The diagram with the choice it was drawn for: another view or role is shown fitted anew.
  const [drawn, setDrawn] = useState({ svg: '', key: '' });
  const [picked, setPicked] = useState<{ id: string; n: number } | null>(null);
  const [findings, setFindings] = useState<Finding[]>([]);
  const [findingsBasis, setFindingsBasis] = useState<FindingsBasis>('pending');
  const [queues, setQueues] = useState<Queues | null>(null);
  const [selected, setSelected] = useState<Finding | null>(null);
  const [status, setStatus] = useState('');
  // What the last drawing that failed put in the status line.
  const renderSaid = useRef('');
  // Whether there is a last valid model's diagram to show while the text has errors.
  const drewOnce = useRef(false);
  const [conflict, setConflict] = useState(false);
  const [missing, setMissing] = useState(false);
  const [creating, setCreating] = useState(false);
  // What the BPMN importer warned about when this model was made from a BPMN file just now.
  const [imported, setImported] = useState<string[]>([]);

  // The text the diagram and findings were last asked for: only a change to it waits for typing
  // to stop.
  const askedFor = useRef<string | null>(null);

  useEffect(() => {
    api.model(props.name).then(
      (m) => {
        askedFor.current = null;
        setText(m.text);
        setSaved(m.text);
        setEtag(m.etag);
        setLoaded((n) => n + 1);
        const warnings = sessionStorage.getItem(`warnings:${props.name}`);
        sessionStorage.removeItem(`warnings:${props.name}`);
        if (warnings) setImported(warnings.split('\n'));
      },
      (e: ApiError) => {
        setStatus(e.message);
        setMissing(e.status === 404);
      },
    );
  }, [props.name]);

  /** Asks for the diagram and the findings of `text`, as the page shows them now. */
  const drawAndAnalyse = (text: string) => {
    askedFor.current = text;
    const shown = drawOptions();
    api.render(props.name, text, view, shown).then(
      (svg) => {
        setDrawn({ svg, key: `${view}|${shown.role}|${segment}` });
        drewOnce.current = true;
        // A drawing's own complaint goes once it draws again; a save's message stays.
        const said = renderSaid.current;
        renderSaid.current = '';
        if (said) setStatus((s) => (s === said ? '' : s));
      },
      (e: ApiError) => {
        renderSaid.current =
          e.status !== 422
            ? e.message
            : drewOnce.current
              ? 'The diagram shows the last valid model: fix the errors to update it.'
              : 'The model has errors, so there is no diagram yet: fix them to draw it.';
        setStatus(renderSaid.current);
      },
    );
    api.analyze(props.name, text, scenario).then(
      (a) => {
        setFindings(a.findings.slice(0, 15));
        setQueues(a.queues ?? null);
        setFindingsBasis('exact');
      },
      // A model that does not analyse keeps the last findings, said to be the last valid model's.
      () => setFindingsBasis((b) => (b === 'pending' || b === 'none' ? 'none' : 'stale')),
    );
  };

  // The diagram and the findings follow the editor, a moment after typing stops; a model just
  // opened, or another view, segment, role or scenario, is drawn at once (the moment's wait, half
  // a second, came before every diagram the page showed).
  useEffect(() => {
    if (text === null) return;
    const typed = askedFor.current !== null && askedFor.current !== text;
    const timer = setTimeout(() => drawAndAnalyse(text), typed ? 500 : 0);
    return () => clearTimeout(timer);
  }, [text, view, segment, role, scenario]);

  function drawOptions() {
    return { segment, role: view === 'role' ? role || outline.roles[0]?.id || '' : '', scenario };
  }

  const exportAs = async (format: ExportFormat) => {
    if (text === null) return;
    try {
      const { blob, file, missing } = await api.renderFile(props.name, text, view, drawOptions(), format);
      download(blob, file);
      if (missing.length > 0) setStatus(`Exported ${file}, but ${missingGlyphsNote(missing)}.`);
    } catch (e) {
      setStatus(`Could not export: ${problemText(e)}`);
    }
  };

  const save = async (): Promise<boolean> => {
    if (text === null) return false;
    try {
      const r = await api.save(props.name, text, etag);
      setEtag(r.etag);
      setSaved(text);
      setConflict(false);
      setStatus(r.ok ? 'Saved.' : 'Saved, with errors.');
      return true;
    } catch (e) {
      const error = e as ApiError;
      if (error.status === 409) {
        setConflict(true);
        setStatus('');
      } else setStatus(error.message);
      return false;
    }
  };
  const reload = async () => {
    const m = await api.model(props.name);
    setText(m.text);
    setSaved(m.text);
    setEtag(m.etag);
    setLoaded((n) => n + 1);
    setConflict(false);
    setStatus('Reloaded the saved version.');
  };

  const dirty = text !== null && text !== saved;
  useLeaveGuard(dirty, `${props.name} has unsaved changes. Leave without saving them?`);
  useUndoKeys(control);
  useSaveKey(save);
  const rec = useRecording(props.name, text);
  // An element whose id followed its new name stays selected.
  const followRename = useCallback(
    (from: string, to: string) => setPicked((p) => (p?.id === from ? { ...p, id: to } : p)),
    [],
  );
  const doc = useDoc(text ?? '', diagnostics, control, setStatus, rec.recording, followRename);
  const recorded = rec.recording?.scenario.id;
  // The diagram shows the scenario being recorded as soon as the text has it.
  useEffect(() => {
    if (recorded && outline.scenarios.some((s) => s.id === recorded)) setScenario(recorded);
  }, [recorded, outline]);
  // Where to go once the save has gone through (after the leave guard is lifted).
  const [goTo, setGoTo] = useState('');
  useEffect(() => {
    if (goTo && !dirty) location.hash = goTo;
  }, [goTo, dirty]);

  if (text === null)
    return (
      <div class="missing">
        {status || 'Loading…'}{' '}
        {missing ? (
          <button type="button" class="save" onClick={() => setCreating(true)}>
            Create {props.name}
          </button>
        ) : null}
        {creating ? <NewModelDialog name={props.name} onClose={() => setCreating(false)} /> : null}
      </div>
    );
  return (
    <section class="model">
      <div class="toolbar">
        <h1>{props.name}</h1>
        <button type="button" onClick={save} class="save" title="Save (Ctrl+S)">
          Save{dirty ? ' *' : ''}
        </button>
        <button type="button" onClick={() => control.current?.undo()} title="Undo (Ctrl+Z)">
          Undo
        </button>
        <button type="button" onClick={() => control.current?.redo()} title="Redo (Ctrl+Shift+Z)">
          Redo
        </button>
        <a href={`#/whatif/${encodeURIComponent(props.name)}`}>What-if</a>
        <a href={`#/staff/${encodeURIComponent(props.name)}`}>Staffing</a>
        <ScenarioSwitch
          scenarios={doc.data.scenarios}
          taken={allIds(doc.data)}
          recording={rec.recording?.scenario ?? null}
          onStart={rec.start}
          onStop={() => {
            rec.stop();
            setScenario('');
          }}
          onRun={async () => {
            if (recorded && (await save()))
              setGoTo(`#/whatif/${encodeURIComponent(props.name)}/${encodeURIComponent(recorded)}`);
          }}
        />
        <ProblemList diagnostics={diagnostics} />
        <span class="status model-status" role="status">
          {status}
        </span>
      </div>
      {imported.length ? (
        <details class="warnings">
          <summary>
            Imported from BPMN with {imported.length} warning{imported.length === 1 ? '' : 's'}
          </summary>
          <ul>
            {imported.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </details>
      ) : null}
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
      <div class="panes split" style={{ gridTemplateColumns: splitColumns(split) }}>
        <EditPane
          doc={doc}
          tab={tab}
          onTab={setTab}
          yaml={
            <Editor
              name={props.name}
              text={text}
              loaded={loaded}
              control={control}
              onChange={setText}
              onChecked={(c) => {
                setDiagnostics(c.diagnostics);
                if (c.outline) setOutline(c.outline);
              }}
              reveal={tab === 'yaml' ? picked : null}
            />
          }
        />
        <Splitter share={split} onShare={setSplit} />
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
            {/* A journey map is one persona's: it draws the first segment unless told, and says so. */}
            <Picker
              label="Segment"
              value={view === 'journey' ? segment || outline.segments[0]?.id || '' : segment}
              set={setSegment}
              choices={outline.segments}
              {...(view === 'journey' ? {} : { all: 'all segments' })}
            />
            <Picker
              label="Scenario"
              value={scenario}
              set={setScenario}
              choices={outline.scenarios}
              all="as is"
            />
          </div>
          <DiagramEditor
            doc={doc}
            svg={drawn.svg}
            fitKey={drawn.key}
            lit={selected?.steps ?? []}
            picked={picked?.id ?? null}
            onPick={(id) => setPicked((p) => (id ? { id, n: (p?.n ?? 0) + 1 } : null))}
          >
            <ExportButtons onExport={exportAs} />
          </DiagramEditor>
          <FindingsPanel
            findings={findings}
            basis={findingsBasis}
            queues={queues}
            selected={selected}
            onSelect={setSelected}
          />
        </div>
      </div>
    </section>
  );
}

export function Picker(props: {
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
