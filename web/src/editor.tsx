/**
 * The YAML editor: CodeMirror 6 with the server's diagnostics shown inline as you type (the
 * same validation as `linesight validate`), by line and column.
 */

import { isolateHistory, redo, undo } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { type Diagnostic as CmDiagnostic, linter, lintGutter } from '@codemirror/lint';
import { EditorSelection, Transaction } from '@codemirror/state';
import { basicSetup, EditorView } from 'codemirror';
import { useEffect, useRef } from 'preact/hooks';
import { api, type Checked } from './api';
import { idLine } from './step-line';
import { textChange } from './text-change';

/**
 * What the forms and the canvas do to the text: an edit goes in as one step of the editor's own
 * history, so Ctrl+Z takes back a form's edit, a canvas's edit and typing alike, in order.
 */
export interface EditorControl {
  /** The text as it is now (newer than any render's copy). */
  text(): string;
  replace(text: string): void;
  undo(): boolean;
  redo(): boolean;
}

/**
 * `text` is read only when `loaded` changes (a load or reload from the server): echoing every
 * keystroke back into the editor would race the typing and undo it.
 */
export function Editor(props: {
  name: string;
  text: string;
  loaded: number;
  onChange(text: string): void;
  onChecked(checked: Checked): void;
  /** A model element to show: its `id:` line is selected and scrolled to (n: a new request). */
  reveal?: { id: string; n: number } | null;
  control?: { current: EditorControl | null };
}) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    const lint = linter(
      async (v) => {
        const text = v.state.doc.toString();
        const checked = await api
          .validate(latest.current.name, text)
          .catch((): Checked => ({ ok: false, diagnostics: [] }));
        // The text changed while this check was out: a newer check is on its way, and this older
        // answer, arriving after it, would put back a stale outline (a new scenario missing from
        // the picker for good).
        if (v.state.doc.toString() !== text) return [];
        latest.current.onChecked(checked);
        const { diagnostics } = checked;
        return diagnostics
          .filter((d) => d.line > 0)
          .map((d): CmDiagnostic => {
            const line = v.state.doc.line(Math.min(d.line, v.state.doc.lines));
            const from = Math.min(line.to, line.from + Math.max(0, d.column - 1));
            const word = /^[^\s,}\]]+/.exec(v.state.doc.sliceString(from, line.to))?.[0].length ?? 1;
            return {
              from,
              to: Math.min(line.to, from + Math.max(1, word)),
              severity: d.severity,
              message: d.hint ? `${d.message}\nhint: ${d.hint}` : d.message,
            };
          });
      },
      { delay: 400 },
    );
    view.current = new EditorView({
      doc: props.text,
      parent: host.current as HTMLDivElement,
      extensions: [
        basicSetup,
        yaml(),
        lint,
        lintGutter(),
        EditorView.updateListener.of((u) => u.docChanged && latest.current.onChange(u.state.doc.toString())),
      ],
    });
    if (props.control)
      props.control.current = {
        text: () => view.current?.state.doc.toString() ?? '',
        replace(text) {
          const v = view.current;
          if (!v || v.state.doc.toString() === text) return;
          v.dispatch({
            changes: textChange(v.state.doc.toString(), text),
            annotations: [isolateHistory.of('full'), Transaction.userEvent.of('input.form')],
            scrollIntoView: false,
          });
        },
        undo: () => (view.current ? undo(view.current) : false),
        redo: () => (view.current ? redo(view.current) : false),
      };
    return () => view.current?.destroy();
  }, [props.name]);

  useEffect(() => {
    const v = view.current;
    if (v && v.state.doc.toString() !== props.text)
      v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: props.text } });
  }, [props.loaded]);

  useEffect(() => {
    const v = view.current;
    const found = v && props.reveal ? idLine(v.state.doc.toString(), props.reveal.id) : null;
    if (!v || !found) return;
    v.dispatch({
      selection: EditorSelection.single(found.from, found.to),
      effects: EditorView.scrollIntoView(found.from, { y: 'center' }),
    });
  }, [props.reveal?.n]);

  return <div class="editor" ref={host} />;
}
