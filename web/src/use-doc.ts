/**
 * The document the page's editors share: the model's data read from the YAML text, and `edit`,
 * which applies the library's model edits to the text in the browser (the same functions the CLI
 * and the API run) and hands the result to the YAML editor as one undoable step.
 */
import { useMemo, useRef } from 'preact/hooks';
import { applyEdits } from '../../src/model/edits/apply';
import type { Edit } from '../../src/model/edits/edit';
import { EditError } from '../../src/model/edits/error';
import type { Diagnostic } from './api';
import type { EditorControl } from './editor';
import { type ModelData, readModel } from './model-data';
import { type Doc, problemsAt } from './model-doc';

const EMPTY = readModel('{}') as ModelData;

export function useDoc(
  text: string,
  diagnostics: Diagnostic[],
  control: { current: EditorControl | null },
  onRefused: (why: string) => void,
): Doc {
  // While the YAML does not parse, the forms show the last model that did.
  const lastGood = useRef<ModelData>(EMPTY);
  const data = useMemo(() => {
    const read = readModel(text);
    if (read) lastGood.current = read;
    return lastGood.current;
  }, [text]);
  return useMemo(
    (): Doc => ({
      data,
      edit(edits: Edit[]) {
        const editor = control.current;
        if (!editor) return false;
        try {
          editor.replace(applyEdits(editor.text(), edits).text);
          return true;
        } catch (error) {
          if (!(error instanceof EditError)) throw error;
          // The message already ends with the hint in brackets.
          onRefused(error.message);
          return false;
        }
      },
      problems: (path) => problemsAt(diagnostics, data.raw, path),
    }),
    [data, diagnostics],
  );
}
