/**
 * What conformance and calibration share: the model, the mapping of log activities to its steps
 * (`--mapping FILE`) and the log, each read or reported before the work begins.
 */
import { parse as parseYaml } from 'yaml';
import type { LogStore } from '../../mining/log-store.js';
import type { Model } from '../../model/model.js';
import { problemText, readRegularFile } from '../../model/read-file.js';
import { InputError, type Io } from '../io.js';
import { loadOrReport } from '../load-or-report.js';
import { logName } from './log.js';
import { type StoreOptions, withLogStore } from './log-store.js';

/** A mapping names activities, a line each: thousands of lines at the most. */
const MAX_MAPPING_BYTES = 16 * 2 ** 20;

function readMapping(file: string | undefined): Record<string, string> {
  if (!file) return {};
  const read = readRegularFile(file, MAX_MAPPING_BYTES);
  if ('problem' in read)
    throw new InputError(problemText(`the mapping ${file}`, read.problem), read.problem.hint);
  let data: unknown;
  try {
    data = parseYaml(read.bytes.toString('utf8'));
  } catch (error) {
    throw new InputError(
      `cannot read the mapping ${file}: ${(error as Error).message.split('\n')[0]}`,
      'a mapping is YAML, a line each: log activity (or "activity (channel)"): step id',
    );
  }
  if (!data || typeof data !== 'object' || Array.isArray(data))
    throw new InputError(
      `${file} is not a mapping`,
      'write one line per activity: "Log activity name: step-id"',
    );
  return Object.fromEntries(Object.entries(data as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
}

export interface AgainstModel {
  model: Model;
  mapping: Record<string, string>;
  store: LogStore;
  log: string;
}

/** Runs `work` with the model, the mapping and the log; exit code 1 when the model does not load. */
export async function withLogAgainstModel(
  o: StoreOptions & { model: string; mapping?: string },
  io: Io,
  work: (a: AgainstModel) => Promise<number>,
): Promise<number> {
  const model = loadOrReport(o.model, io, 'nothing was mined')?.model;
  if (!model) return 1;
  const mapping = readMapping(o.mapping);
  return withLogStore(o, 'read', async (store) =>
    work({ model, mapping, store, log: await logName(store, o) }),
  );
}
