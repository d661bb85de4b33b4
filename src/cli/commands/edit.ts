/**
 * `linesight edit FILE EDITS`: the model edits the web app makes, from the command line. The edits
 * are JSON (a list of the library's Edit objects, or one), given inline or as a file; the model's
 * comments and layout are kept, and a result with errors is not written unless asked.
 */
import { existsSync } from 'node:fs';
import { writeAtomic } from '../../fs/write-atomic.js';
import { applyEdits } from '../../model/edits/apply.js';
import type { Edit } from '../../model/edits/edit.js';
import { checkEdits, EditShapeError } from '../../model/edits/edit-shape.js';
import { EditError } from '../../model/edits/error.js';
import { checkText } from '../../model/load.js';
import { problemText, readRegularFile } from '../../model/read-file.js';
import { MAX_FILE_BYTES } from '../../model/source-limits.js';
import { type LineChanges, lineChanges } from '../../text/line-changes.js';
import { InputError, type Io, UsageError } from '../io.js';
import { printDiagnostics } from '../print-diagnostics.js';

export interface EditOptions {
  force?: boolean;
  dryRun?: boolean;
  json?: boolean;
}

/** Edits from inline JSON, or from a .json file named instead. */
function editsOf(given: string): Edit[] {
  const inline = given.trimStart().startsWith('[') || given.trimStart().startsWith('{');
  let text = given;
  const file = !inline && existsSync(given);
  if (!inline && !file && /\.json$/i.test(given))
    throw new InputError(
      `${given} does not exist`,
      'give the edits as JSON, inline or in a file that is there',
    );
  if (file) {
    const read = readRegularFile(given, MAX_FILE_BYTES);
    if ('problem' in read) throw new InputError(problemText(given, read.problem), read.problem.hint);
    text = read.bytes.toString('utf8');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UsageError(
      `the edits are not JSON (${(error as Error).message}): give e.g. '[{"kind": "set", "path": ["name"], "value": "New name"}]' or a .json file`,
    );
  }
  try {
    return checkEdits(Array.isArray(parsed) ? parsed : [parsed]);
  } catch (error) {
    if (error instanceof EditShapeError) throw new UsageError(`${error.message}: ${error.hint}`);
    throw error;
  }
}

export async function editCommand(
  file: string,
  given: string,
  options: EditOptions,
  io: Io,
): Promise<number> {
  const edits = editsOf(given);
  const read = readRegularFile(file, MAX_FILE_BYTES);
  if ('problem' in read) throw new InputError(problemText(file, read.problem), read.problem.hint);
  const before = Buffer.from(read.bytes).toString('utf8');
  let applied: ReturnType<typeof applyEdits>;
  try {
    applied = applyEdits(before, edits);
  } catch (error) {
    if (error instanceof EditError)
      throw new InputError(error.message.replace(` (${error.hint})`, ''), error.hint);
    throw error;
  }
  const checked = checkText(applied.text, { file });
  const errors = checked.diagnostics.filter((d) => d.severity === 'error');
  const lines = lineChanges(before, applied.text);
  const written = !options.dryRun && (errors.length === 0 || options.force === true);
  if (written) writeAtomic(file, applied.text);
  if (options.json)
    io.out(
      `${JSON.stringify({ file, written, edits: edits.length, changedLines: Math.max(lines.added, lines.removed), linesAdded: lines.added, linesRemoved: lines.removed, inverse: applied.inverse, diagnostics: checked.diagnostics }, null, 2)}\n`,
    );
  else {
    // The lines shown are the edited text's, written or not.
    if (checked.diagnostics.length)
      io.err(printDiagnostics(checked.diagnostics, io.color, new Map([[file, applied.text]])));
    io.err(
      `${written ? 'edited' : 'did not write'} ${file}: ${edits.length} edit${edits.length === 1 ? '' : 's'}, ${linesText(lines)}${!written && !options.dryRun ? ` (the result has ${errors.length} error${errors.length === 1 ? '' : 's'}; fix the edits, or add --force to write it anyway)` : ''}\n`,
    );
  }
  return errors.length > 0 && !options.force ? 1 : 0;
}

/** "1 line changed", "8 lines removed", "3 lines added, 1 removed": what a line diff of the edit counts. */
function linesText({ added, removed }: LineChanges): string {
  const lines = (n: number) => `${n} line${n === 1 ? '' : 's'}`;
  if (added === removed) return `${lines(added)} changed`;
  if (added === 0) return `${lines(removed)} removed`;
  if (removed === 0) return `${lines(added)} added`;
  return `${lines(added)} added, ${removed} removed`;
}
