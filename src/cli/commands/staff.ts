/**
 * `linesight staff MODEL`: the cheapest hourly staffing that meets each pool's service level,
 * written into the model as a scenario of shift schedules (its comments kept), with its cost.
 */
import { writeAtomic } from '../../fs/write-atomic.js';
import { clip } from '../../model/clip.js';
import { applyEdit } from '../../model/edits/apply.js';
import { checkText } from '../../model/load.js';
import { problemText, readRegularFile } from '../../model/read-file.js';
import { MAX_FILE_BYTES } from '../../model/source-limits.js';
import { defaultWorkers, preflight } from '../../simulation/index.js';
import { ScenarioTaken, scenarioEdit } from '../../simulation/staffing/scenario-edit.js';
import { DEFAULT_ROUNDS, MOST_ROUNDS, StaffingError, staffModel } from '../../simulation/staffing/staff.js';
import { staffingScenario } from '../../simulation/staffing/staffing-scenario.js';
import { InputError, type Io, UsageError } from '../io.js';
import { loadOrReport } from '../load-or-report.js';
import { printDiagnostics } from '../print-diagnostics.js';
import { wholeOption } from '../whole-option.js';
import { staffingText } from './staff-text.js';

export interface StaffCommandOptions {
  pools?: string;
  scenarioId?: string;
  dryRun?: boolean;
  json?: boolean;
  seed?: string;
  replications?: string;
  days?: string;
  rounds?: string;
  workers?: string;
}

export async function staffCommand(file: string, o: StaffCommandOptions, io: Io): Promise<number> {
  const options = {
    replications: wholeOption('replications', o.replications, 10, 2, 1000),
    days: wholeOption('days', o.days, 14, 7, 365),
    seed: wholeOption('seed', o.seed, 1, 0, 2 ** 32 - 1),
    rounds: wholeOption('rounds', o.rounds, DEFAULT_ROUNDS, 2, MOST_ROUNDS),
    workers: wholeOption('workers', o.workers, defaultWorkers(), 1, 64),
  };
  const id = o.scenarioId ?? 'least-cost-staffing';
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(id))
    throw new UsageError(`--scenario-id takes an id (letters, digits, - and _), not '${clip(id)}'`);
  const loaded = loadOrReport(file, io, 'nothing was staffed');
  if (!loaded?.model) return 1;
  const problems = preflight(loaded.model, {
    horizon: 86400 * (options.days + 1),
    warmup: 86400,
    replications: 2,
  });
  // An overloaded pool is what staffing fixes; only a model without arrivals cannot be staffed.
  const blocking = problems.filter((p) => !p.message.includes('overloaded'));
  if (blocking.length)
    throw new InputError(blocking.map((p) => p.message).join('\n  '), blocking.map((p) => p.hint).join('; '));
  const pools = o.pools
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  let result: Awaited<ReturnType<typeof staffModel>>;
  try {
    result = await staffModel(loaded.model, {
      ...options,
      ...(pools ? { pools } : {}),
      onProgress: (round, rounds, what) => {
        if (!o.json) io.err(`round ${round} of at most ${rounds}: ${what}\n`);
      },
    });
  } catch (error) {
    if (error instanceof StaffingError) throw new UsageError(`--pools: ${error.message} (${error.hint})`);
    throw error;
  }
  // Asked to staff and staffing nothing is a failure a script must see, not a report of nothing.
  if (result.pools.length === 0)
    throw new InputError(
      result.skipped.length
        ? `no pool of ${file} could be staffed: ${result.skipped.map((s) => `'${s.id}', because ${s.reason}`).join('; ')}`
        : `${file} has no pool to staff`,
      "staffing meets each pool's serviceLevel target: give one (e.g. serviceLevel: 80% in 20 s) to a pool customers queue for, or name the pools that have one with --pools",
    );
  const scenario = staffingScenario(result, id);
  let written = false;
  if (!o.dryRun) {
    const read = readRegularFile(file, MAX_FILE_BYTES);
    if ('problem' in read) throw new InputError(problemText(file, read.problem), read.problem.hint);
    const before = read.bytes.toString('utf8');
    let edit: ReturnType<typeof scenarioEdit>;
    try {
      edit = scenarioEdit(before, scenario);
    } catch (error) {
      if (error instanceof ScenarioTaken)
        throw new InputError(
          error.message,
          'give the staffing scenario another id with --scenario-id, or rename that scenario first',
        );
      throw error;
    }
    const text = applyEdit(before, edit).text;
    const errors = checkText(text, { file, scenario: id }).diagnostics.filter((d) => d.severity === 'error');
    if (errors.length) {
      io.err(printDiagnostics(errors, io.color, new Map([[file, text]])));
      throw new InputError(
        `the staffing scenario would make ${file} invalid, so it was not written`,
        'run with --dry-run --json to see the scenario, and report this as a bug',
      );
    }
    writeAtomic(file, text);
    written = true;
  }
  if (o.json) {
    io.out(`${JSON.stringify({ ...result, scenario, written, file }, null, 2)}\n`);
    return 0;
  }
  const after = written
    ? `Wrote scenario '${id}' (${scenario.name}) into ${file}; compare it with today: linesight whatif ${file} --scenarios ${id}`
    : `Nothing was written (--dry-run); without it the scenario '${id}' goes into ${file}.`;
  io.out(`${staffingText(result)}\n\n${after}\n`);
  return 0;
}
