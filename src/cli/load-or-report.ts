/**
 * The model a command works on: loaded, or, when it has errors, those errors printed with what the
 * command did not do, so that every command reports an invalid model the same way.
 */
import { type Loaded, type LoadOptions, load } from '../model/load.js';
import type { Io } from './io.js';
import { printDiagnostics } from './print-diagnostics.js';

export function loadOrReport(
  file: string,
  io: Io,
  notDone: string,
  options: LoadOptions = {},
): Loaded | undefined {
  const loaded = load(file, options);
  if (loaded.ok) return loaded;
  io.err(
    printDiagnostics(
      loaded.diagnostics.filter((d) => d.severity === 'error'),
      io.color,
    ),
  );
  io.err(`linesight: error: ${file} is not a valid model; ${notDone}\n`);
  return undefined;
}
