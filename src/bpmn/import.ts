/**
 * BPMN 2.0 into a customer process model, read with bpmn-moddle:
 *
 * - a file linesight exported carries its model (`linesight:model`): that is read back whole;
 * - otherwise the customer's pool (named, or recognised by its name) becomes the journey: its
 *   tasks and sub-processes the steps, its lanes the customer segments, its start and end events
 *   the start and the ends, its gateways the branches (split evenly: BPMN has no probabilities
 *   without BPSim). The other pools become departments, their lanes roles. A message flow from a
 *   customer step to another pool's task makes that task's role serve the step; the tasks that
 *   follow it in that pool become the step's backstage activities.
 * - a file with one process and no customer pool is read as the customer's journey itself.
 *
 * Whatever does not map is named in a warning; the result is a model file's data.
 */
import { clip } from '../model/clip.js';
import { readJourney } from './import/journey.js';
import { createModdle, type Element } from './moddle.js';

export interface BpmnImport {
  /** The model file's data; absent when the file cannot be read as a journey. */
  model?: Record<string, unknown>;
  warnings: string[];
  /** Why nothing could be made of the file, with what to do. */
  error?: { message: string; hint: string };
  /** True when the file carried linesight's own model. */
  embedded: boolean;
}

/** Parser warnings listed one by one; the rest are counted. */
const MAX_PARSER_WARNINGS = 20;

export async function importBpmn(
  xml: string,
  options: { customerPool?: string; ignoreEmbedded?: boolean; name?: string } = {},
): Promise<BpmnImport> {
  const moddle = createModdle();
  let definitions: Element;
  const warnings: string[] = [];
  try {
    const parsed = await moddle.fromXML(xml);
    definitions = parsed.rootElement;
    // A damaged file can give a warning per attribute, tens of thousands: the first ones, and a count.
    for (const w of parsed.warnings.slice(0, MAX_PARSER_WARNINGS))
      warnings.push(`not read${parserProblem(w.message)}`);
    if (parsed.warnings.length > MAX_PARSER_WARNINGS)
      warnings.push(
        `${(parsed.warnings.length - MAX_PARSER_WARNINGS).toLocaleString('en-US')} more parts of the file were not read`,
      );
  } catch (error) {
    return {
      warnings,
      embedded: false,
      error: {
        message: `the file is not well-formed BPMN XML${parserProblem((error as Error).message)}`,
        hint: 'check that it is a BPMN 2.0 file saved by a modeler',
      },
    };
  }
  if (definitions?.$type !== 'bpmn:Definitions') {
    return {
      warnings,
      embedded: false,
      error: {
        message: `the file is XML but not BPMN 2.0 (its root is ${String(definitions?.$type ?? 'unknown')})`,
        hint: 'a BPMN file starts with <bpmn:definitions> in the namespace http://www.omg.org/spec/BPMN/20100524/MODEL',
      },
    };
  }
  const embedded = (
    (definitions.extensionElements as Element | undefined)?.values as Element[] | undefined
  )?.find((v) => v.$type === 'linesight:Model');
  if (embedded && !options.ignoreEmbedded) {
    try {
      return { model: JSON.parse(String(embedded.text)), warnings: [], embedded: true };
    } catch {
      warnings.push('the embedded linesight model is damaged; the diagram is read instead');
    }
  }
  return readJourney(definitions, options, warnings);
}

/**
 * The XML parser's message in a sentence: where (its line and column count from 0) and what, with
 * the offending text cut short; it quotes the text whole, which may be megabytes.
 */
function parserProblem(message: string): string {
  const field = (name: string) => new RegExp(`^\\s*${name}: (.*)$`, 'm').exec(message)?.[1];
  const line = Number(field('line'));
  const column = Number(field('column'));
  const where =
    Number.isInteger(line) && Number.isInteger(column) ? ` at line ${line + 1}, column ${column + 1}` : '';
  const content = /^unparsable content ([\s\S]*?) detected$/m.exec(message)?.[1];
  const what =
    field('nested error') ?? (content === undefined ? message.split('\n')[0] : 'unparsable content');
  return `${where}: ${clip(what ?? 'unreadable')}${content === undefined ? '' : ` (near "${clip(content)}")`}`;
}
