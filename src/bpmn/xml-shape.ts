/**
 * What a BPMN file must not be before bpmn-moddle reads it: a file declaring a DOCTYPE (BPMN has
 * none; its entities are how XML reads other files or grows without bound, and bpmn-moddle's
 * parser took the entity's name for text and gave a baffling error), or elements nested deeper
 * than any modeler writes (2,000 nested sub-processes overflowed the stack: "internal error").
 * Nor a file so broken that bpmn-moddle's parser would take minutes over it: for each problem it
 * reads its line again from the start, so tens of thousands of broken attributes on one long
 * line (a damaged export, a fuzzed file) took 10 s and more; such a file is refused with its first
 * problem. One pass of saxes, which stops at the first problem, with its line and column.
 */
import { SaxesParser } from 'saxes';
import { grouped } from '../text/grouped.js';

/** Elements nested deeper than this are refused: modelers write a few dozen levels at most. */
export const MOST_NESTED = 400;

/**
 * The characters bpmn-moddle's parser may read again for the file's XML problems (each problem's
 * line, whole): about a second's work. A few problems on ordinary lines stay far below it.
 */
export const MOST_REREAD = 50_000_000;

export interface XmlShapeProblem {
  message: string;
  hint: string;
}

export function xmlShapeProblem(xml: string): XmlShapeProblem | undefined {
  const parser = new SaxesParser({ position: true });
  let problem: XmlShapeProblem | undefined;
  let depth = 0;
  const at = () => `line ${parser.line}, column ${parser.column}`;
  parser.on('doctype', () => {
    problem ??= {
      message: `the file declares a DOCTYPE (${at()}), which BPMN files have none of`,
      hint: 'remove the <!DOCTYPE ...> declaration and the entities it defines: linesight reads no entity and no file a BPMN file names',
    };
  });
  parser.on('opentag', (tag) => {
    if (!tag.isSelfClosing && ++depth > MOST_NESTED)
      problem ??= {
        message: `the file nests elements more than ${MOST_NESTED} deep (${at()})`,
        hint: 'a BPMN file from a modeler nests a few dozen levels at most: check how the file was made',
      };
  });
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) depth--;
  });
  // Not well-formed XML is bpmn-moddle's to report, as before, unless reporting it would take minutes.
  let errors = 0;
  let first = '';
  let reread = 0;
  let lineStarts: number[] | undefined;
  parser.on('error', (error) => {
    if (errors++ === 0)
      first = `${at()}: ${error.message.replace(/^(?:[^:]*:)?\d+:\d+: /, '').replace(/\.$/, '')}`;
    lineStarts ??= startsOfLines(xml);
    const line = parser.line;
    reread += (lineStarts[line] ?? xml.length) - (lineStarts[line - 1] ?? 0);
    if (reread > MOST_REREAD)
      problem ??= {
        message: `the file is not well-formed BPMN XML at ${first} (and ${grouped(errors - 1)} more problems at least, too many to read)`,
        hint: 'a BPMN file from a modeler is well-formed XML: open the file in an XML editor to see what broke it, or export it again',
      };
  });
  const piece = 1 << 16;
  for (let i = 0; i < xml.length && !problem; i += piece) parser.write(xml.slice(i, i + piece));
  return problem;
}

/** Where each line begins: line n (1-based) at index n - 1. */
function startsOfLines(xml: string): number[] {
  const starts = [0];
  for (let i = xml.indexOf('\n'); i >= 0; i = xml.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
