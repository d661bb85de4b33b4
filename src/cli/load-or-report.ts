/**
 * The model a command works on: loaded, or, when it has errors, those errors printed with what the
 * command did not do, so that every command reports an invalid model the same way.
 */
import { type LoadOptions, type LoadResult, load } from '../model/load.js';
import type { Model } from '../model/model.js';
import type { Io } from './io.js';
import { printDiagnostics } from './print-diagnostics.js';

export function loadOrReport(
  file: string,
  io: Io,
  notDone: string,
  options: LoadOptions = {},
): (LoadResult & { model: Model }) | undefined {
  const loaded = load(file, options);
  if (loaded.model) return loaded as LoadResult & { model: Model };
  io.err(
    printDiagnostics(
      loaded.diagnostics.filter((d) => d.severity === 'error'),
      io.color,
    ),
  );
  io.err(`linesight: error: ${file} is not a valid model; ${notDone}\n`);
  return undefined;
}
