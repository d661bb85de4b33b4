/**
 * The document the page's editors share: the model's data read from the YAML text, and `edit`,
 * which applies the library's model edits to the text in the browser (the same functions the CLI
 * and the API run) and hands the result to the YAML editor as one undoable step. While a scenario
 * is recorded, the editors show the model as that scenario makes it, and their edits go into the
 * scenario's changes instead of the model.
 */
import { useMemo, useRef } from 'preact/hooks';
import { applyEdits } from '../../src/model/edits/apply';
import type { Edit } from '../../src/model/edits/edit';
import { EditError } from '../../src/model/edits/error';
import { type ModelData, readModel } from '../../src/model/edits/plans/model-data';
import { nameEdits } from '../../src/model/edits/plans/name-edits';
import { type Recording, recordAsScenario } from '../../src/model/edits/scenario-record';
import type { Diagnostic } from './api';
import type { EditorControl } from './editor';
import { type Doc, problemsAt } from './model-doc';
import { keepFocusAcrossRename } from './rename-focus';

const EMPTY = readModel('{}') as ModelData;

/** A scenario being recorded, with the model as it makes it (YAML) and how to follow that. */
export interface ScenarioRecording {
  scenario: Recording;
  view: string;
  onView(view: string): void;
}

export function useDoc(
  text: string,
  diagnostics: Diagnostic[],
  control: { current: EditorControl | null },
  onRefused: (why: string) => void,
  recording?: ScenarioRecording | null,
  /** An element's id changed with its name (what is selected follows it). */
  onRenamed?: (from: string, to: string) => void,
): Doc {
  // While the YAML does not parse, the forms show the last model that did.
  const lastGood = useRef<ModelData>(EMPTY);
  const [base, readable] = useMemo(() => {
    const read = readModel(text);
    if (read) lastGood.current = read;
    const state: Doc['readable'] = read ? 'yes' : lastGood.current === EMPTY ? 'never' : 'stale';
    return [lastGood.current, state] as const;
  }, [text]);
  const view = recording?.view;
  const data = useMemo(() => (view ? (readModel(view) ?? base) : base), [base, view]);
  return useMemo((): Doc => {
    const doc: Doc = {
      data,
      readable,
      keepsIds: Boolean(recording),
      edit(edits: Edit[]) {
        const editor = control.current;
        if (!editor) return false;
        try {
          if (recording && !recording.view) {
            onRefused('The scenario is still loading: try again in a moment.');
            return false;
          }
          if (recording) {
            const recorded = recordAsScenario(editor.text(), recording.view, recording.scenario, edits);
            editor.replace(recorded.text);
            recording.onView(recorded.view);
          } else editor.replace(applyEdits(editor.text(), edits).text);
          return true;
        } catch (error) {
          if (!(error instanceof EditError)) throw error;
          // The message already ends with the hint in brackets.
          onRefused(error.message);
          return false;
        }
      },
      name(id: string, typed: string) {
        const plan = nameEdits(data, id, typed, { keepId: doc.keepsIds });
        if (!plan || !doc.edit(plan.edits)) return undefined;
        if (plan.id !== id) {
          keepFocusAcrossRename(id, plan.id);
          onRenamed?.(id, plan.id);
        }
        return plan.id;
      },
      // Diagnostics are the text's: their paths are the base model's.
      problems: (path) => problemsAt(diagnostics, base.raw, path),
    };
    return doc;
  }, [data, base, readable, diagnostics, recording, onRenamed]);
}
