/**
 * `linesight simulate FILE` and `linesight whatif FILE`: replications with confidence intervals,
 * scenarios compared with common random numbers, quick `--set` what-ifs and `--sweep` searches.
 */
import { markdownTable, textTable } from '../../analysis/report/table.js';
import { writeAtomic } from '../../fs/write-atomic.js';
import type { ModelDocument } from '../../model/document.js';
import type { Model } from '../../model/model.js';
import { type Override, type WhatIfSide, whatIfSides } from '../../model/overrides.js';
import { formatDuration } from '../../model/units.js';
import {
  type Estimate,
  estimateWork,
  eventLogCsv,
  isPoolKpi,
  type KpiDefinition,
  parseSweep,
  parseTarget,
  readoutInput,
  type SimulationOptions,
  type SimulationResult,
  type SweepResult,
  simulate,
  simulateEventLog,
  sweep,
  sweepColumns,
  sweptValue,
  totalWork,
  UnknownKpiError,
  whatIf,
} from '../../simulation/index.js';
import { estimateFigures, estimatesUnit } from '../../simulation/readout/kpi-unit.js';
import { simulationJson, sweepJson, whatIfJson } from '../../simulation/readout/run-json.js';
import { whatIfText } from '../../simulation/readout/whatif-text.js';
import { grouped } from '../../text/grouped.js';
import { plural } from '../../text/plural.js';
import { type Io, UsageError } from '../io.js';
import { loadOrReport } from '../load-or-report.js';
import { refuseOutputOverInput } from '../output-file.js';
import { contactCenterTable } from './contact-center-table.js';
import { warningsText } from './run-warnings-text.js';
import {
  checkParameters,
  checkPrecisionKpis,
  overridesOf,
  runOptions,
  type SimulateCommandOptions,
  variant,
  withReportFormat,
} from './simulate-options.js';
import { announceWork, progressBar } from './simulate-progress.js';
import { valueText } from './value-text.js';

export type { SimulateCommandOptions } from './simulate-options.js';

/** The horizon's warm-up, which it includes: 28 of "30 d including 2 d of warm-up" are counted. */
const warmupText = (warmup: number) =>
  warmup > 0 ? `including ${formatDuration(warmup)} of warm-up` : 'with no warm-up';

/** "20 replications", or with a precision rule what it asked and where it stopped. */
function replicationsText(result: SimulationResult): string {
  const p = result.precision;
  if (!p) return plural(result.options.replications, 'replication');
  const share = `${Number((p.share * 100).toPrecision(3))}%`;
  return `${p.replications} replications (${p.reached ? 'stopped when' : 'the most allowed; not'} every judged KPI within ± ${share} of its mean)`;
}

/** A KPI's row: its label, its unit (one for the row, from its figures), then each figure. */
function kpiRow(k: KpiDefinition, estimates: (Estimate | undefined)[], currency: string): string[] {
  const unit = estimatesUnit(
    k.kind,
    estimates.filter((e) => e !== undefined),
    currency,
  );
  return [k.label, unit.symbol, ...estimates.map((e) => (e ? estimateFigures(e, unit) : '—'))];
}

function emit(text: string, output: string | undefined, io: Io) {
  if (output) {
    writeAtomic(output, text);
    io.err(`wrote ${output}\n`);
  } else io.out(text);
}

export async function simulateCommand(file: string, given: SimulateCommandOptions, io: Io): Promise<number> {
  refuseOutputOverInput(given.output, [file]);
  const o = withReportFormat(given);
  refuseOutputOverInput(o.eventLog, [file], '--event-log');
  // Each option has its run: without these checks --event-log was dropped by a sweep and
  // --target ran a plain simulation, without a word.
  if (o.sweep !== undefined && o.eventLog !== undefined)
    throw new UsageError(
      '--event-log writes the events of one simulation, not of a sweep: run simulate --event-log without --sweep',
    );
  if (o.target !== undefined && o.sweep === undefined)
    throw new UsageError(
      `--target goes with --sweep: it picks the smallest swept value that meets it, e.g. --sweep resources.agents.capacity=8..14 --target '${o.target}'`,
    );
  const options = runOptions(o);
  const loaded = loadOrReport(file, io, 'nothing was simulated');
  if (!loaded?.model || !loaded.document) return 1;
  const model = variant(loaded.document, loaded.model, o.scenario, overridesOf(o));
  if (o.sweep !== undefined) return sweepCommand(loaded.document, model, o, options, io);
  checkParameters(model, options);
  announceWork(estimateWork(model, options), options.workers ?? 1, io);
  if (o.eventLog !== undefined) {
    const events = simulateEventLog(model, { horizon: options.horizon, seed: options.seed });
    writeAtomic(o.eventLog, eventLogCsv(events));
    io.err(
      `wrote ${grouped(events.length)} events of ${grouped(new Set(events.map((e) => e.customer)).size)} customers to ${o.eventLog}\n`,
    );
  }
  const bar = progressBar(Boolean(o.progress) && !o.json, 'simulating');
  const started = performance.now();
  const result = await simulate(model, {
    ...options,
    ...(bar.onProgress ? { onProgress: bar.onProgress } : {}),
  });
  bar.stop();
  const seconds = (performance.now() - started) / 1000;
  if (o.json || o.format === 'json') {
    emit(`${JSON.stringify(simulationJson(result), null, 2)}\n`, o.output, io);
    return 0;
  }
  const segments = Object.keys(result.segments).filter(() => model.segments.length > 1);
  const segmentNames = new Map(model.segments.map((g) => [g.id, g.name]));
  // One replication gives no interval (its KPIs show none): the heading says so.
  const single = result.options.replications === 1;
  const headers = [
    single ? 'KPI (one replication: no CI)' : 'KPI (mean ± 95% CI)',
    'Unit',
    'All customers',
    ...segments.map((s) => segmentNames.get(s) ?? s),
  ];
  const contact = contactCenterTable(result.contactCenter, o.format === 'md', single);
  // The contact-center table gives each pool's figures; the KPI table leaves them to it.
  const shown = contact ? result.kpis.filter((k) => !isPoolKpi(k.key)) : result.kpis;
  const rows = shown.map((k) =>
    kpiRow(k, [result.overall[k.key], ...segments.map((s) => result.segments[s]?.[k.key])], model.currency),
  );
  const title = `${model.name}${model.scenario ? `, scenario '${model.scenario.name}'` : ''}: ${replicationsText(result)} of ${formatDuration(options.horizon)} ${warmupText(options.warmup)}, seed ${options.seed}`;
  const table = o.format === 'md' ? markdownTable(headers, rows) : textTable(headers, rows);
  const { inSystem, lambdaTimesTime } = result.little;
  // With no customer counted there is no time in the journey to multiply.
  const little = `Little's law: ${inSystem.toFixed(2)} customers in the journey on average; arrival rate x time = ${Number.isFinite(lambdaTimesTime) ? lambdaTimesTime.toFixed(2) : '— (no customer counted)'}.`;
  const warnings = warningsText(result.warnings.map((warning) => ({ warning })));
  emit(`${title}\n\n${table}\n\n${contact ? `${contact}\n\n` : ''}${little}\n${warnings}`, o.output, io);
  io.err(
    `simulated ${grouped(result.work.customers)} customers and ${grouped(result.work.events)} events in ${seconds.toFixed(2)} s\n`,
  );
  return 0;
}

export async function whatifCommand(file: string, given: SimulateCommandOptions, io: Io): Promise<number> {
  refuseOutputOverInput(given.output, [file]);
  const o = withReportFormat(given);
  const options = runOptions(o);
  const loaded = loadOrReport(file, io, 'nothing was simulated');
  if (!loaded?.model || !loaded.document) return 1;
  const named = o.scenarios
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  // --scenarios "$S" with nothing in it compared nothing and said the model had no scenarios.
  if (named?.length === 0)
    throw new UsageError(
      `--scenarios names none: give their ids, comma-separated (the model's: ${loaded.model.scenarios.map((s) => s.id).join(', ') || 'none yet'}), or leave it out to compare them all`,
    );
  const sides = whatIfSides(
    loaded.model.scenarios.map((s) => s.id),
    named,
    overridesOf(o),
  );
  const build = (side: WhatIfSide<Override>) =>
    variant(loaded.document as ModelDocument, loaded.model as Model, side.scenario, side.changes);
  const base = build(sides.baseline);
  const variants = sides.variants.map(build);
  if (variants.length === 0) {
    // The example change names the model's own first pool, as the web app's sweep does.
    const pool = (loaded.model as Model).resources[0];
    const example = pool ? ` (e.g. --set resources.${pool.id}.capacity=${pool.capacity + 1})` : '';
    throw new UsageError(
      `there is nothing to compare: the model has no scenarios; write one under scenarios: in the model, or try a change at once with --set PATH=VALUE${example}`,
    );
  }
  for (const m of [base, ...variants]) checkParameters(m, options);
  announceWork(totalWork([base, ...variants].map((m) => estimateWork(m, options))), options.workers ?? 1, io);
  const bar = progressBar(Boolean(o.progress) && !o.json, 'what-if');
  const result = await whatIf(base, variants, {
    ...options,
    ...(bar.onProgress ? { onProgress: bar.onProgress } : {}),
  });
  bar.stop();
  const warnings = [
    ...result.baseline.warnings.map((warning) => ({ side: 'Baseline', warning })),
    ...result.scenarios.flatMap((s) => s.result.warnings.map((warning) => ({ side: s.name, warning }))),
  ];
  if (o.json || o.format === 'json') {
    emit(`${JSON.stringify(whatIfJson(result), null, 2)}\n`, o.output, io);
    return 0;
  }
  // A scenario file's model is a baseline with a scenario applied (e.g. calibrated from a log): say so.
  const from = loaded.model.scenario ? `, from scenario '${loaded.model.scenario.name}'` : '';
  const title = `${loaded.model.name}${from}: what-if, ${replicationsText(result.baseline)} of ${formatDuration(options.horizon)} each ${warmupText(options.warmup)}, common random numbers (seed ${options.seed})`;
  const report = whatIfText(readoutInput(result, loaded.model.currency), o.format === 'md' ? 'md' : 'text');
  // Below the table, for a scenario with a money figure: its parts, assumptions and sensitivity.
  const value = result.scenarios.flatMap((s) =>
    s.value ? [valueText(s.name, s.value, o.format === 'md')] : [],
  );
  emit(`${title}\n\n${[report, ...value].join('\n\n')}\n${warningsText(warnings)}`, o.output, io);
  return 0;
}

/** `--sweep PATH=A..B [--target KPI<=VALUE]`: the KPIs for each value, and the smallest that meets the target. */
async function sweepCommand(
  document: ModelDocument,
  model: Model,
  o: SimulateCommandOptions,
  options: Omit<SimulationOptions, 'onProgress'>,
  io: Io,
): Promise<number> {
  const range = parseSweep(o.sweep ?? '');
  if (!range.ok) throw new UsageError(`--sweep ${range.message}`);
  const target = o.target === undefined ? undefined : parseTarget(o.target);
  if (target && !target.ok) throw new UsageError(`--target ${target.message}`);
  const { path, from, to } = range.value;
  checkPrecisionKpis(model, options);
  // Each value is a full run; a swept value rarely changes the arrivals, so the model's own stands for all.
  const one = estimateWork(model, options);
  announceWork(totalWork(Array.from({ length: to - from + 1 }, () => one)), options.workers ?? 1, io);
  const bar = progressBar(Boolean(o.progress) && !o.json, `sweeping ${path}`);
  let swept: SweepResult;
  try {
    swept = await sweep(
      (v) =>
        variant(document, model, model.scenario?.id, [
          ...overridesOf(o),
          { path, value: sweptValue(range.value, v) },
        ]),
      range.value,
      target?.value,
      { ...options, ...(bar.onProgress ? { onProgress: bar.onProgress } : {}) },
    );
  } catch (error) {
    if (error instanceof UnknownKpiError)
      throw new UsageError(`--target names unknown KPI '${error.key}': ${error.hint}`);
    throw error;
  } finally {
    bar.stop();
  }
  if (o.json || o.format === 'json') {
    emit(`${JSON.stringify(sweepJson(swept), null, 2)}\n`, o.output, io);
    return 0;
  }
  const t = target?.value;
  const columns = sweepColumns(t?.key);
  const labelOf = (key: string) =>
    swept.points.find((p) => p.result)?.result?.kpis.find((k) => k.key === key)?.label ?? key;
  const written = (v: number) => String(sweptValue(range.value, v));
  const rows = swept.points.map((p) => {
    const r = p.result;
    const kpi = (key: string) => {
      const e = r?.overall[key];
      return e ? (r?.kpis.find((k) => k.key === key)?.text(e) ?? '—') : '—';
    };
    // An overloaded value meets no target.
    const meets = t ? [p.result && p.meets ? 'yes' : 'no'] : [];
    if (!r) return [written(p.value), 'overloaded', ...columns.slice(1).map(() => ''), ...meets];
    return [written(p.value), ...columns.map(kpi), ...meets];
  });
  const headers = [path, ...columns.map(labelOf), ...(t ? [`meets ${t.text}`] : [])];
  const conclusion = t
    ? swept.answer === undefined
      ? `No value from ${from} to ${to} meets ${t.text} (judged on the 95% interval).`
      : `The smallest value that meets ${t.text} (judged on the 95% interval): ${path}=${written(swept.answer)}.`
    : '';
  emit(`${textTable(headers, rows)}\n${conclusion ? `\n${conclusion}\n` : ''}`, o.output, io);
  return 0;
}
