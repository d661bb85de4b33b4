/**
 * `linesight log model`: a journey model discovered from a log, written (atomically) as a model
 * file that validates, draws and simulates; what was discovered and what could not be used are
 * said on stderr, and the file's header says the same.
 */
import { parse as parseYaml } from 'yaml';
import { writeAtomic } from '../../fs/write-atomic.js';
import { GroupListError, parseGroupList } from '../../mining/group-list-text.js';
import { discoverLogModel } from '../../mining/log-model.js';
import { LogModelError } from '../../mining/log-model-error.js';
import { problemText, readRegularFile } from '../../model/read-file.js';
import { InputError, type Io, UsageError } from '../io.js';
import { logName } from './log.js';
import { type StoreOptions, withLogStore } from './log-store.js';

export interface LogModelCommandOptions extends StoreOptions {
  output?: string;
  stages?: string;
  ends?: string;
  roles?: string;
}

/** A YAML file of groups (`group: [activity, ...]`), for activity names with commas or semicolons. */
function groupFile(file: string, option: string): Map<string, string> {
  const read = readRegularFile(file, MAX_GROUP_FILE_BYTES);
  if ('problem' in read)
    throw new InputError(problemText(`${option} ${file}`, read.problem), read.problem.hint);
  let data: unknown;
  try {
    data = parseYaml(read.bytes.toString('utf8'));
  } catch (error) {
    throw new InputError(`cannot read ${file} (${option}): ${(error as Error).message.split('\n')[0]}`);
  }
  const hint = 'write one line per group: "group: [activity, activity]"';
  if (!data || typeof data !== 'object' || Array.isArray(data))
    throw new InputError(`${file} (${option}) is not a mapping`, hint);
  const out = new Map<string, string>();
  for (const [group, list] of Object.entries(data as Record<string, unknown>)) {
    if (!Array.isArray(list))
      throw new InputError(`${file} (${option}): '${group}' is not a list of activities`, hint);
    for (const activity of list) out.set(String(activity), group);
  }
  return out;
}

const MAX_GROUP_FILE_BYTES = 16 * 2 ** 20;

function groups(text: string | undefined, option: string): Map<string, string> | undefined {
  if (text === undefined) return undefined;
  if (/\.ya?ml$/i.test(text)) return groupFile(text, option);
  try {
    return parseGroupList(text, option);
  } catch (error) {
    if (error instanceof GroupListError) throw new UsageError(error.message);
    throw error;
  }
}

export async function logModelCommand(o: LogModelCommandOptions, io: Io): Promise<number> {
  const stages = groups(o.stages, '--stages');
  const ends = groups(o.ends, '--ends');
  const roles = groups(o.roles, '--roles');
  for (const [activity, outcome] of ends ?? [])
    if (outcome !== 'success' && outcome !== 'exit')
      throw new UsageError(
        `--ends: "${outcome}" (for ${activity}) is neither success nor exit; write success=...;exit=...`,
      );
  return withLogStore(o, 'read', async (store) => {
    const log = await logName(store, o);
    const output = o.output ?? `discovered-${log}.yaml`.replace(/[^A-Za-z0-9._-]/g, '-');
    const found = await discoverLogModel(store, log, {
      ...(stages ? { stages } : {}),
      ...(ends ? { ends } : {}),
      ...(roles ? { roles } : {}),
    }).catch((error: unknown) => {
      throw error instanceof LogModelError ? new InputError(error.message, error.hint) : error;
    });
    if (found.errors.length > 0)
      throw new InputError(
        `the model discovered from '${log}' does not validate: ${found.errors.join('; ')}`,
        'this is a linesight defect: please report it with the log',
      );
    writeAtomic(output, found.text);
    for (const w of found.warnings) io.err(`warning: ${w}\n`);
    for (const n of found.notes) io.err(`${n}\n`);
    const steps = (found.document.steps as unknown[]).length;
    io.err(
      `wrote ${output} (${steps} steps); check it by hand as its header says, then: linesight validate ${output}\n`,
    );
    if (o.json)
      io.out(`${JSON.stringify({ output, notes: found.notes, warnings: found.warnings }, null, 2)}\n`);
    return 0;
  });
}
