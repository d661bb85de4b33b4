/**
 * `linesight log import FILE...`: each file into the store in one transaction, its outcome
 * reported on its own (imported with its counts, or failed with what to fix, leaving nothing
 * behind); exit code 1 when any failed. A store the command made stays only if a file went in.
 */
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { SingleBar } from 'cli-progress';
import { type CsvColumns, columnsFrom } from '../../mining/import-csv.js';
import type { LogImport } from '../../mining/import-log.js';
import { type LogFormat, logNameOf } from '../../mining/log-format.js';
import { LogImportError } from '../../mining/log-import-error.js';
import type { LogStore } from '../../mining/log-store.js';
import { plural } from '../../text/plural.js';
import { type Io, UsageError } from '../io.js';
import { progressBarOn } from '../progress-bar.js';
import { openedLogStore, type StoreOptions } from './log-store.js';

/** The CSV column options, plus what XES and OCEL take. */
export interface ImportCommandOptions extends StoreOptions, CsvColumns {
  onError?: string;
  caseType?: string;
  /** The format of every file, when their names do not say it (commander checks it is one of LOG_FORMATS). */
  format?: LogFormat;
}

/** What became of one file: imported, with its counts, or failed, leaving nothing in the store. */
export type ImportOutcome =
  | ({ file: string; status: 'imported' } & LogImport)
  | { file: string; log: string; status: 'failed'; error: string; hint: string };

export async function logImportCommand(files: string[], o: ImportCommandOptions, io: Io): Promise<number> {
  const onError = (o.onError ?? 'skip') as 'skip' | 'fail';
  if (onError !== 'skip' && onError !== 'fail')
    throw new UsageError(`--on-error is skip or fail, not '${o.onError}'`);
  if (o.log !== undefined && files.length > 1)
    throw new UsageError(
      '--log names one log: import one file at a time with it, or leave it out to name each log after its file',
    );
  const store = await openedLogStore(o, 'create');
  const outcomes: ImportOutcome[] = [];
  try {
    for (const file of files) {
      const outcome = await importOne(store, file, { ...o, onError }, io);
      outcomes.push(outcome);
      if (!o.json) printOutcome(outcome, io);
    }
  } finally {
    // A store this command made stays only if a file went into it.
    await store.close({ keepEmpty: false });
  }
  const failed = outcomes.filter((r) => r.status === 'failed').length;
  if (o.json) io.out(`${JSON.stringify(outcomes, null, 2)}\n`);
  else if (failed > 0 && files.length > 1)
    io.err(
      `linesight: error: ${files.length - failed} of ${files.length} files imported; the ${failed} that failed added nothing to the store\n`,
    );
  return failed > 0 ? 1 : 0;
}

async function importOne(
  store: LogStore,
  file: string,
  o: ImportCommandOptions & { onError: 'skip' | 'fail' },
  io: Io,
): Promise<ImportOutcome> {
  const log = o.log ?? logNameOf(file);
  const bar = progressBar(file, io);
  bar?.start(100, 0);
  try {
    const report = await store.importLog(file, {
      log,
      onError: o.onError,
      ...(o.format ? { format: o.format } : {}),
      columns: columnsFrom(o),
      ...(o.lifecycle ? { lifecycle: o.lifecycle.split(',').map((s) => s.trim().toLowerCase()) } : {}),
      ...(o.caseType ? { caseType: o.caseType } : {}),
      ...(bar ? { onProgress: (fraction: number) => bar.update(Math.round(fraction * 100)) } : {}),
    });
    return { file, status: 'imported', ...report };
  } catch (error) {
    if (error instanceof LogImportError)
      return { file, log, status: 'failed', error: error.message, hint: error.hint };
    throw error;
  } finally {
    bar?.stop();
  }
}

/** A bar for a file over 1 MiB, when a person watches. */
function progressBar(file: string, io: Io): SingleBar | undefined {
  let size = 0;
  try {
    size = statSync(file).size;
  } catch {
    // A file that is not there: importLog says so.
  }
  if (!io.color || size <= 1 << 20) return undefined;
  return progressBarOn({
    format: `importing ${basename(file)} [{bar}] {percentage}%`,
    stream: process.stderr,
  });
}

function printOutcome(r: ImportOutcome, io: Io): void {
  if (r.status === 'failed') {
    io.err(`linesight: error: ${r.error}\n      hint: ${r.hint}\n`);
    return;
  }
  io.out(
    `${r.file} -> log '${r.log}': ${plural(r.events, 'event')}, ${plural(r.cases, 'case')}; ${plural(r.skipped, 'row')} skipped; ${plural(r.duplicates, 'duplicate event')} already in the store, not added\n`,
  );
  for (const p of r.problems.slice(0, 10))
    io.out(`  ${p.line ? `line ${p.line}, ` : ''}${p.field}: ${p.message}\n`);
  if (r.skipped > 10)
    io.out(
      `  ... ${r.skipped - 10} more (--json lists ${r.problems.length < r.skipped ? `the first ${r.problems.length}` : 'them all'})\n`,
    );
  for (const note of r.notes ?? []) io.out(`  note: ${note}\n`);
}
