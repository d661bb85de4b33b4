/**
 * What a BPMN file must not be before bpmn-moddle reads it: a file declaring a DOCTYPE (BPMN has
 * none; its entities are how XML reads other files or grows without bound, and bpmn-moddle's
 * parser took the entity's name for text and gave a baffling error), or elements nested deeper
 * than any modeler writes (2,000 nested sub-processes overflowed the stack: "internal error").
 * One pass of saxes, which stops at the first problem, with its line and column.
 */
import { SaxesParser } from 'saxes';

/** Elements nested deeper than this are refused: modelers write a few dozen levels at most. */
export const MOST_NESTED = 400;

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
  // Not well-formed XML is bpmn-moddle's to report, as before.
  parser.on('error', () => undefined);
  const piece = 1 << 16;
  for (let i = 0; i < xml.length && !problem; i += piece) parser.write(xml.slice(i, i + piece));
  return problem;
}
