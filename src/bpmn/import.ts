/**
 * BPMN 2.0 into a customer process model, read with bpmn-moddle:
 *
 * - the customer's pool (named, or chosen by evidence of the customer's role) becomes the journey:
 *   its tasks (and the tasks inside its sub-processes, each sub-process a stage) the steps, its
 *   lanes the customer segments, its start and end events the start and the ends, its gateways the
 *   branches with the probabilities BPSim, linesight's properties or the flows' names give (else
 *   even shares, said so), its timers wait points, its error boundary events fail points. The
 *   other pools become departments, their lanes roles. A message flow between a customer step and
 *   another pool's task makes that task's role serve the step; the tasks that follow it in that
 *   pool become the step's backstage activities;
 * - a file with one process and no customer pool is read as the customer's journey itself;
 * - a file linesight exported carries its model (`linesight:model`): the diagram is still the
 *   truth (it may have been edited in a modeler), the model fills in what BPMN cannot say, and
 *   every difference is reported.
 *
 * Whatever does not map is named in a warning; the result is a model file's data.
 */
import { clip } from '../model/clip.js';
import { grouped } from '../text/grouped.js';
import { mergeEmbedded } from './embedded.js';
import type { BpmnImport } from './import/bpmn-import.js';
import { readJourney } from './import/journey.js';
import { createModdle, type Element } from './moddle.js';
import { dropStaleScenarios } from './stale-scenarios.js';
import { xmlShapeProblem } from './xml-shape.js';

export type { BpmnImport };

/** Parser warnings listed one by one; the rest are counted. */
const MAX_PARSER_WARNINGS = 20;

export async function importBpmn(
  xml: string,
  options: { customerPool?: string; ignoreEmbedded?: boolean; name?: string } = {},
): Promise<BpmnImport> {
  const moddle = createModdle();
  let definitions: Element;
  const warnings: string[] = [];
  if (xml.trim() === '')
    return {
      warnings,
      embedded: false,
      error: {
        message: 'the file is empty',
        hint: 'export the diagram from the modeler again as BPMN 2.0 XML',
      },
    };
  const shape = xmlShapeProblem(xml);
  if (shape) return { warnings, embedded: false, error: shape };
  try {
    const parsed = await moddle.fromXML(xml);
    definitions = parsed.rootElement;
    // The text was decoded from its bytes by the encoding the file declares (decodeXml) before
    // the parser saw it: its doubt about that encoding is about a decoding already done.
    const read = parsed.warnings.filter((w) => !/unsupported document encoding/i.test(w.message));
    // A damaged file can give a warning per attribute, tens of thousands: the first ones, and a count.
    for (const w of read.slice(0, MAX_PARSER_WARNINGS)) warnings.push(`not read${parserProblem(w.message)}`);
    if (read.length > MAX_PARSER_WARNINGS)
      warnings.push(`${grouped(read.length - MAX_PARSER_WARNINGS)} more parts of the file were not read`);
  } catch (error) {
    const message = (error as Error).message;
    const root = /failed to parse document as <bpmn:Definitions>/.test(message) ? rootName(xml) : undefined;
    return {
      warnings,
      embedded: false,
      error: root
        ? {
            message: `the file is XML but not BPMN 2.0: its root is <${root}>`,
            hint: 'a BPMN file starts with <bpmn:definitions> in the namespace http://www.omg.org/spec/BPMN/20100524/MODEL',
          }
        : {
            message: `the file is not well-formed BPMN XML${parserProblem(message)}`,
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
  const embedded = [
    ...((definitions.rootElements as Element[] | undefined) ?? []).filter(
      (r) => r.$type === 'bpmn:Collaboration',
    ),
    definitions,
  ]
    .flatMap((e) => ((e.extensionElements as Element | undefined)?.values as Element[] | undefined) ?? [])
    .find((v) => v.$type === 'linesight:Model');
  if (embedded && !options.ignoreEmbedded) {
    let data: Record<string, unknown> | undefined;
    try {
      data = JSON.parse(String(embedded.text));
    } catch {
      warnings.push('the embedded linesight model is damaged; the diagram is read instead');
    }
    if (data) return fromEdited(definitions, data, options, warnings);
  }
  return readJourney(definitions, options, warnings);
}

/**
 * A linesight export, maybe edited in a modeler since: the journey the diagram shows, filled in
 * from the model it carries, with what changed said.
 */
function fromEdited(
  definitions: Element,
  embedded: Record<string, unknown>,
  options: { customerPool?: string; name?: string },
  warnings: string[],
): BpmnImport {
  const drawn = readJourney(definitions, options, []);
  if (!drawn.model) {
    warnings.push(
      `the diagram could not be read as a journey (${drawn.error?.message}); the model it carries is used as it was exported`,
    );
    return { model: embedded, warnings, embedded: true };
  }
  const { model, changes } = mergeEmbedded(drawn.model, embedded);
  warnings.push(...changes.map((c) => `changed in the diagram: ${c}`));
  // How the diagram was read matters only where it differs from the model it carries, and where
  // the reading left out something drawn (a task added with no flow to it is no change the
  // merge can see: it never reached the journey).
  if (changes.length > 0) warnings.push(...drawn.warnings);
  else warnings.push(...drawn.warnings.filter((w) => w.endsWith('; left out')));
  return { model: dropStaleScenarios(model, warnings), warnings, embedded: true };
}

/** The name of an XML text's first element, past its declaration, comments and doctype. */
function rootName(xml: string): string | undefined {
  return /<([A-Za-z_][\w.:-]*)/.exec(xml.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<![^>]*>/g, ''))?.[1];
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
