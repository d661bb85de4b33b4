/**
 * The options of `simulate` and `whatif` read and checked before anything runs: the run's
 * settings, the report's format (from --json, --format and the output's name, which must agree),
 * the --set changes and the scenario, each wrong one a usage error that says what to give.
 */
import type { ModelDocument } from '../../model/document.js';
import type { Model } from '../../model/model.js';
import { applyOverrides, type Override, parseOverride } from '../../model/overrides.js';
import { didYouMeanAmong } from '../../model/suggest.js';
import { parseDuration } from '../../model/units.js';
import { defaultWarmup } from '../../simulation/default-warmup.js';
import {
  defaultWorkers,
  modelKpis,
  parsePrecision,
  precisionKpis,
  preflight,
  type SimulationOptions,
  UnknownKpiError,
} from '../../simulation/index.js';
import { InputError, UsageError } from '../io.js';
import { wholeOption } from '../whole-option.js';

export interface SimulateCommandOptions {
  scenario?: string;
  scenarios?: string;
  replications?: string;
  horizon?: string;
  warmup?: string;
  seed?: string;
  precision?: string;
  precisionKpis?: string;
  maxReplications?: string;
  workers?: string;
  set?: string[];
  sweep?: string;
  target?: string;
  format?: string;
  output?: string;
  json?: boolean;
  progress?: boolean;
  eventLog?: string;
}

/** Past these a run is a mistake, not a plan: a month of CPU, or threads by the thousand. */
const MAX_REPLICATIONS = 10_000;
const MAX_WORKERS = 64;

export function runOptions(o: SimulateCommandOptions): Omit<SimulationOptions, 'onProgress'> {
  const time = (name: string, text: string | undefined, fallback: number) => {
    if (text === undefined) return fallback;
    const d = parseDuration(text);
    if (!d.ok) throw new UsageError(`--${name}: ${d.message} (${d.hint ?? 'e.g. 30d'})`);
    return d.value;
  };
  const precision = o.precision === undefined ? undefined : parsePrecision(o.precision);
  if (precision && !precision.ok) throw new UsageError(`--precision ${precision.message}`);
  if (!precision && (o.precisionKpis !== undefined || o.maxReplications !== undefined))
    throw new UsageError(
      `--${o.precisionKpis !== undefined ? 'precision-kpis' : 'max-replications'} goes with --precision, e.g. --precision 2%`,
    );
  const kpis = o.precisionKpis
    ?.split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  const horizon = time('horizon', o.horizon, 30 * 86400);
  return {
    replications: wholeOption('replications', o.replications, 20, 1, MAX_REPLICATIONS),
    horizon,
    warmup: time('warmup', o.warmup, defaultWarmup(horizon)),
    // Seeds are 32-bit: a larger one would silently repeat a smaller one's runs.
    seed: wholeOption('seed', o.seed, 1, 0, 2 ** 32 - 1),
    workers: wholeOption('workers', o.workers, defaultWorkers(), 1, MAX_WORKERS),
    ...(precision?.ok
      ? {
          precision: precision.value,
          ...(kpis && kpis.length > 0 ? { precisionKpis: kpis } : {}),
          maxReplications: wholeOption('max-replications', o.maxReplications, 200, 2, MAX_REPLICATIONS),
        }
      : {}),
  };
}

/** Formats a report file's name says it holds, and the names that say it cannot be one. */
const NAMED: Record<string, 'text' | 'md' | 'json' | undefined> = {
  txt: 'text',
  text: 'text',
  md: 'md',
  markdown: 'md',
  json: 'json',
  html: undefined,
  htm: undefined,
  csv: undefined,
  yaml: undefined,
  yml: undefined,
};

/**
 * The report's format from --json, --format and the output's name, which must agree: `-o
 * report.html` wrote plain text under a page's name, and `--json -f text` wrote JSON unsaid.
 */
export function withReportFormat(o: SimulateCommandOptions): SimulateCommandOptions {
  const ext = o.output?.match(/\.([A-Za-z]+)$/)?.[1]?.toLowerCase();
  const named = ext !== undefined && ext in NAMED ? { format: NAMED[ext] } : undefined;
  if (named && named.format === undefined)
    throw new UsageError(
      `-o ${o.output}: a run's report is text, md or json, not .${ext}; name the file .txt, .md or .json`,
    );
  if (o.json && o.format !== undefined && o.format !== 'json')
    throw new UsageError(`--json and --format ${o.format} disagree: give one of them`);
  const format = o.json ? 'json' : (o.format ?? named?.format ?? 'text');
  if (named?.format !== undefined && named.format !== format)
    throw new UsageError(
      `the output ${o.output} and the ${format} report disagree: name the file .${format === 'text' ? 'txt' : format}, or leave out ${o.json ? '--json' : '--format'}`,
    );
  return { ...o, format, json: format === 'json' };
}

/** The model with a scenario and --set overrides applied; usage errors for what names nothing. */
export function variant(
  document: ModelDocument,
  base: Model,
  scenario: string | undefined,
  overrides: Override[],
): Model {
  if (scenario !== undefined && !base.scenarios.some((s) => s.id === scenario)) {
    const ids = base.scenarios.map((s) => s.id);
    throw new UsageError(
      `the model has no scenario '${scenario}': ${didYouMeanAmong(scenario, ids, 'scenarios')}`,
    );
  }
  if (scenario === undefined && overrides.length === 0) return base;
  const result = applyOverrides(document, overrides, scenario);
  const first = result.diagnostics.find((d) => d.severity === 'error');
  if (!result.model || first) {
    throw new UsageError(
      `${first?.message.replace(/^scenario '[^']*'(, )?:? ?/, '') ?? 'the change does not apply'}${first?.hint ? ` (${first.hint})` : ''}`,
    );
  }
  return result.model as Model;
}

export function overridesOf(o: SimulateCommandOptions): Override[] {
  return (o.set ?? []).map((text) => {
    const parsed = parseOverride(text);
    if (!parsed)
      throw new UsageError(`--set takes PATH=VALUE, e.g. resources.agents.capacity=14, not '${text}'`);
    return parsed;
  });
}

/** The KPIs of --precision-kpis, each one the model reports. */
export function checkPrecisionKpis(model: Model, options: Omit<SimulationOptions, 'onProgress'>) {
  if (options.precision !== undefined) {
    try {
      precisionKpis(modelKpis(model), options.precisionKpis);
    } catch (error) {
      if (!(error instanceof UnknownKpiError)) throw error;
      throw new UsageError(`--precision-kpis names unknown KPI '${error.key}': ${error.hint}`);
    }
  }
}

export function checkParameters(model: Model, options: Omit<SimulationOptions, 'onProgress'>) {
  checkPrecisionKpis(model, options);
  const problems = preflight(model, options);
  // Settings that cannot be are a usage error (exit 2), as every other bad option is.
  const settings = problems.filter((p) => p.setting);
  if (settings.length > 0)
    throw new UsageError(
      `${settings.map((p) => p.message).join('; ')} (${settings.map((p) => p.hint).join('; ')})`,
    );
  if (problems.length > 0) {
    throw new InputError(problems.map((p) => p.message).join('\n  '), problems.map((p) => p.hint).join('; '));
  }
}
