/**
 * What a fuzz case runs, by name, inside a bounded child process (see bounded-run.ts): each
 * target feeds one input to one way into linesight and checks the contract users rely on. Bad
 * input must come back as diagnostics or as the importer's own clear error, whole and readable;
 * anything else (another exception, a malformed diagnostic, a message that quotes megabytes) is
 * thrown and so counts as a crash.
 */
import { join } from 'node:path';
import { analyze } from '../analysis/analyze.js';
import { bpmnImportCommand } from '../cli/commands/bpmn.js';
import { validateCommand } from '../cli/commands/validate.js';
import { InputError } from '../cli/io.js';
import type { LogFormat } from '../mining/log-format.js';
import type { EventStore } from '../mining/store.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { load } from '../model/load.js';
import { estimateWork, preflight, simulate } from '../simulation/index.js';

/** No message a user sees needs more than this; longer ones quote what they should only name. */
export const MAX_MESSAGE = 2000;
/** Step visits a brief simulation may take: a few seconds' work. */
const BRIEF_STEP_VISITS = 5_000_000;

export class ContractError extends Error {}

const SEVERITIES = new Set(['error', 'warning']);

function checkDiagnostics(diagnostics: unknown): Diagnostic[] {
  if (!Array.isArray(diagnostics)) throw new ContractError('diagnostics is not a list');
  for (const d of diagnostics as Diagnostic[]) {
    const where = `diagnostic ${JSON.stringify(d).slice(0, 300)}`;
    if (typeof d.code !== 'string' || !SEVERITIES.has(d.severity))
      throw new ContractError(`${where} has no code or severity`);
    if (typeof d.message !== 'string' || d.message.trim() === '')
      throw new ContractError(`${where} has no message`);
    if (d.message.length > MAX_MESSAGE || (d.hint?.length ?? 0) > MAX_MESSAGE)
      throw new ContractError(
        `${d.code} message of ${d.message.length} and hint of ${d.hint?.length ?? 0} characters: ${d.message.slice(0, 200)}`,
      );
    if (typeof d.file !== 'string' || typeof d.path !== 'string')
      throw new ContractError(`${where} has no file or path`);
    if (d.path.length > MAX_MESSAGE) throw new ContractError(`a path of ${d.path.length} characters`);
    if (!Number.isInteger(d.line) || !Number.isInteger(d.column) || d.line < 0 || d.column < 0)
      throw new ContractError(`${where} has no line and column`);
  }
  return diagnostics as Diagnostic[];
}

const codes = (diagnostics: Diagnostic[]) => [...new Set(diagnostics.map((d) => d.code))].sort();

function loadChecked(file: string, options: Parameters<typeof load>[1] = {}) {
  const result = load(file, options);
  const diagnostics = checkDiagnostics(result.diagnostics);
  // Parts, and scenario files without a base, are checked alone and make no model.
  const modelless = result.document?.kind === 'part' || result.document?.kind === 'scenario';
  if (result.model && !result.ok) throw new ContractError('a model despite ok: false');
  if (result.ok && !result.model && !modelless) throw new ContractError('ok: true but no model');
  if (result.ok && diagnostics.some((d) => d.severity === 'error'))
    throw new ContractError('a model loaded despite an error');
  if (!result.ok && !diagnostics.some((d) => d.severity === 'error'))
    throw new ContractError('no model, and no error to say why');
  return result;
}

interface ModelInput {
  file: string;
  root?: string;
}

interface LogInput {
  file: string;
  format?: LogFormat;
  caseType?: string;
  /** Where the process keeps its event store. */
  dir: string;
}

let store: Promise<EventStore> | undefined;

export const targets = {
  /** The pipeline every command starts from. */
  load({ file, root }: ModelInput) {
    const result = loadChecked(file, root === undefined ? {} : { root });
    // The first few are enough to check a case by; thousands of cases keep their summaries.
    return { ok: result.ok, codes: codes(result.diagnostics), diagnostics: result.diagnostics.slice(0, 20) };
  },

  /** `linesight validate FILE --json`, BPMN links included. */
  async validate({ file }: ModelInput) {
    const printed: string[] = [];
    const io = { out: (t: string) => printed.push(t), err: (t: string) => printed.push(t), color: false };
    const code = await validateCommand([file], { json: true }, io);
    const [report] = JSON.parse(printed.join('')) as {
      ok: boolean;
      errors: Diagnostic[];
      warnings: Diagnostic[];
    }[];
    if (!report) throw new ContractError('validate printed no report');
    checkDiagnostics([...report.errors, ...report.warnings]);
    if ((code === 0) !== report.ok) throw new ContractError(`exit code ${code} but ok is ${report.ok}`);
    return { code, codes: codes(report.errors) };
  },

  /** The exact analysis of a model that loads (a loop with no way out is the analysis's to report). */
  analyze({ file }: ModelInput) {
    const result = loadChecked(file, { tolerate: ['no-path-to-end'] });
    if (!result.model) return { analysed: false };
    const analysis = analyze(result.model);
    return { analysed: true, findings: analysis.findings.length };
  },

  /** A short simulation (about 2,000 arrivals) of a model that loads and passes the preflight checks. */
  async simulate({ file }: ModelInput) {
    const result = loadChecked(file);
    if (!result.model) return { simulated: false };
    const rate = result.model.segments.reduce((sum, s) => sum + (s.arrivals?.rate ?? 0), 0);
    const horizon = Math.min(86400, Math.max(60, rate > 0 ? 2000 / rate : 86400));
    const options = { replications: 2, horizon, warmup: 0, seed: 7, workers: 1 };
    const problems = preflight(result.model, options);
    if (problems.length > 0) return { simulated: false, problems: problems.length };
    // A loop taken again almost surely makes a brief run of 2,000 customers hours of work: the
    // server refuses such a request (--max-step-visits), and so does a brief simulation.
    const work = estimateWork(result.model, options);
    if (!(work.stepVisits <= BRIEF_STEP_VISITS)) return { simulated: false, stepVisits: work.stepVisits };
    const run = await simulate(result.model, options);
    return { simulated: true, customers: run.work.customers };
  },

  /** `linesight bpmn import FILE --json`: a journey that validates, or an InputError that says what to fix. */
  async bpmn({ file }: { file: string }) {
    const printed: string[] = [];
    const io = { out: (t: string) => printed.push(t), err: (t: string) => printed.push(t), color: false };
    try {
      const code = await bpmnImportCommand(file, { json: true }, io);
      return { imported: code === 0 };
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      if (!error.message || error.message.length > MAX_MESSAGE)
        throw new ContractError(`an error of ${error.message.length} characters`);
      return { imported: false, error: error.message.slice(0, 200) };
    }
  },

  /** `log import`: events, or a LogImportError that says what to fix. */
  async importLog({ file, format, caseType, dir }: LogInput) {
    // DuckDB is loaded only by the processes that import logs.
    const { importLog } = await import('../mining/import-log.js');
    const { LogImportError } = await import('../mining/log-import-error.js');
    const { openStore } = await import('../mining/store.js');
    store ??= openStore(join(dir, `events-${process.pid}.duckdb`)).then(async (s) => {
      await s.connection.run("set memory_limit = '512MB'; set threads = 1");
      return s;
    });
    const opened = await store;
    try {
      const result = await importLog(opened, file, {
        log: 'fuzz',
        onError: 'skip',
        ...(format ? { format } : {}),
        ...(caseType ? { caseType } : {}),
      });
      return { events: result.events, skipped: result.skipped };
    } catch (error) {
      if (!(error instanceof LogImportError)) throw error;
      if (!error.message || !error.hint) throw new ContractError('a LogImportError without words');
      if (error.message.length > MAX_MESSAGE) throw new ContractError('a LogImportError of megabytes');
      return { error: error.message.slice(0, 300) };
    }
  },
};

export type TargetName = keyof typeof targets;
