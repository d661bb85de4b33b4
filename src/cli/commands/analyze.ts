/** `linesight analyze FILE` and `linesight compare OURS THEIRS`: findings with numbers, as a terminal report, JSON, Markdown or HTML. */
import { resolve } from 'node:path';
import { analyze } from '../../analysis/analyze.js';
import { compareJourneys } from '../../analysis/compare.js';
import { diffAnalyses } from '../../analysis/diff.js';
import {
  REPORT_FORMATS,
  type ReportFormat,
  writeAnalysis,
  writeComparison,
  writeDiff,
} from '../../analysis/report/write.js';
import { writeAtomic } from '../../fs/write-atomic.js';
import type { Model } from '../../model/model.js';
import { didYouMeanAmong } from '../../model/suggest.js';
import { type Io, UsageError } from '../io.js';
import { loadOrReport } from '../load-or-report.js';
import { refuseOutputOverInput } from '../output-file.js';

export interface AnalyzeOptions {
  scenario?: string;
  segment?: string;
  diff?: string;
  format?: string;
  output?: string;
  top?: string;
  json?: boolean;
}

function formatOf(options: { format?: string; output?: string; json?: boolean }): ReportFormat {
  const fromFile = options.output
    ?.match(/\.(json|md|html?)$/i)?.[1]
    ?.toLowerCase()
    .replace('htm', 'html')
    .replace('htmll', 'html');
  const format = options.json ? 'json' : (options.format ?? fromFile ?? 'text');
  // A report under another kind's name opens as a broken one: Markdown in report.html.
  if (fromFile && fromFile !== format)
    throw new UsageError(
      `${options.json ? '--json' : `--format ${format}`} and the output ${options.output} disagree: name the file .${format === 'text' ? 'txt' : format}, or leave out ${options.json ? '--json' : '--format'}`,
    );
  if (!(REPORT_FORMATS as readonly string[]).includes(format))
    throw new UsageError(`unknown format '${format}': use one of ${REPORT_FORMATS.join(', ')}`);
  return format as ReportFormat;
}

/** Loads a model for analysis: a loop with no way out is reported by the analysis, not refused. */
const loadForAnalysis = (file: string, scenario: string | undefined, io: Io): Model | undefined =>
  loadOrReport(file, io, 'nothing was analysed', {
    ...(scenario !== undefined ? { scenario } : {}),
    tolerate: ['no-path-to-end'],
  })?.model;

function emit(text: string, output: string | undefined, io: Io) {
  if (output) {
    writeAtomic(output, text);
    io.err(`wrote ${output}\n`);
  } else io.out(text);
}

export async function analyzeCommand(file: string, options: AnalyzeOptions, io: Io): Promise<number> {
  refuseOutputOverInput(options.output, [file]);
  const format = formatOf(options);
  const top = options.top === undefined ? 20 : Number(options.top);
  if (!Number.isInteger(top) || top < 0)
    throw new UsageError(`--top takes a whole number of at least 0, not '${options.top}'`);
  // A scenario applies to the model as written, one at a time: with both, the diff compared the
  // --scenario model with --diff's applied to the bare one, and called the gap --diff's effect.
  if (options.diff !== undefined && options.scenario !== undefined)
    throw new UsageError(
      `--diff ${options.diff} compares that scenario with the model as written, and scenarios apply one at a time: leave out --scenario ${options.scenario}, or run analyze --scenario ${options.scenario} alone`,
    );
  const model = loadForAnalysis(file, options.scenario, io);
  if (!model) return 1;
  const segments = model.segments.map((s) => s.id);
  if (options.segment !== undefined && !segments.includes(options.segment)) {
    throw new UsageError(
      `the model has no segment '${options.segment}': ${didYouMeanAmong(options.segment, segments, 'segments')}`,
    );
  }
  const segment = options.segment !== undefined ? { segment: options.segment } : {};
  if (options.diff !== undefined) {
    const scenarios = model.scenarios.map((s) => s.id);
    if (!scenarios.includes(options.diff)) {
      throw new UsageError(
        `the model has no scenario '${options.diff}': ${didYouMeanAmong(options.diff, scenarios, 'scenarios')}`,
      );
    }
    const patched = loadForAnalysis(file, options.diff, io);
    if (!patched) return 1;
    const diff = diffAnalyses(
      model,
      analyze(model, segment),
      analyze(patched, segment),
      patched.scenario ?? { id: options.diff, name: options.diff },
    );
    emit(writeDiff(model, diff, format), options.output, io);
    return 0;
  }
  emit(await writeAnalysis(model, analyze(model, segment), format, top), options.output, io);
  return 0;
}

export function compareCommand(
  ours: string,
  theirs: string,
  options: { format?: string; output?: string; json?: boolean },
  io: Io,
): number {
  refuseOutputOverInput(options.output, [ours, theirs]);
  const format = formatOf(options);
  if (resolve(ours) === resolve(theirs))
    throw new UsageError(
      `both sides are the same model (${ours}): compare our journey with another, e.g. a competitor's model (kind: competitor)`,
    );
  const a = loadForAnalysis(ours, undefined, io);
  const b = loadForAnalysis(theirs, undefined, io);
  if (!a || !b) return 1;
  emit(writeComparison(compareJourneys(a, b), format), options.output, io);
  return 0;
}
