/** The exact analysis of a model, what a scenario changes in it, and two journeys compared. */
import { analyze, compareJourneys, diffAnalyses } from '../../analysis/index.js';
import { writeAnalysis } from '../../analysis/report/write.js';
import { HttpError } from '../http-error.js';
import type { TaskContext } from './context.js';
import { loadSaved, loadText, type TextSource } from './load.js';

export async function analysis(
  input: { name: string; scenario?: string | undefined; segment?: string | undefined; format?: string },
  ctx: TaskContext,
) {
  const { model } = loadSaved(ctx, input.name, { scenario: input.scenario, tolerate: true });
  if (input.segment && !model.segments.some((s) => s.id === input.segment))
    throw new HttpError(
      400,
      `the model has no segment '${input.segment}'`,
      `segments: ${model.segments.map((s) => s.id).join(', ')}`,
    );
  const result = analyze(model, input.segment ? { segment: input.segment } : {});
  if (input.format === 'html' || input.format === 'md')
    return { text: await writeAnalysis(model, result, input.format) };
  return { json: JSON.parse(JSON.stringify(result)) as unknown };
}

/** Findings for text the editor holds, with `scenario` applied when one is named (the diagram's). */
export const analyzeText = (input: TextSource & { scenario?: string | undefined }, ctx: TaskContext) =>
  JSON.parse(JSON.stringify(analyze(loadText(ctx, input, input.scenario)))) as unknown;

export function diff(input: { name: string; scenario: string }, ctx: TaskContext) {
  const base = loadSaved(ctx, input.name, { tolerate: true }).model;
  const patched = loadSaved(ctx, input.name, { scenario: input.scenario, tolerate: true }).model;
  return JSON.parse(
    JSON.stringify(
      diffAnalyses(
        base,
        analyze(base),
        analyze(patched),
        patched.scenario ?? { id: input.scenario, name: input.scenario },
      ),
    ),
  ) as unknown;
}

export const compare = (input: { ours: string; theirs: string }, ctx: TaskContext) =>
  JSON.parse(
    JSON.stringify(
      compareJourneys(
        loadSaved(ctx, input.ours, { tolerate: true }).model,
        loadSaved(ctx, input.theirs, { tolerate: true }).model,
      ),
    ),
  ) as unknown;
