/** BPMN files refused before they are read: a DOCTYPE (entities), or nesting no modeler writes. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importBpmn } from './import.js';
import { MOST_NESTED, xmlShapeProblem } from './xml-shape.js';

const BPMN = join(new URL('../../testdata/bpmn', import.meta.url).pathname);

/** A process of `levels` nested sub-processes, a task at the bottom. */
function nested(levels: number): string {
  const open = Array.from({ length: levels }, (_, i) => `<bpmn:subProcess id="S${i}">`).join('');
  return `<?xml version="1.0"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="x">
<bpmn:process id="P">${open}<bpmn:task id="T"/>${'</bpmn:subProcess>'.repeat(levels)}</bpmn:process>
</bpmn:definitions>`;
}

describe('xmlShapeProblem', () => {
  it('refuses a DOCTYPE, where entities would be read, with its line', async () => {
    const xml = `<?xml version="1.0"?>\n<!DOCTYPE d [ <!ENTITY x SYSTEM "file:///etc/passwd"> ]>\n<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="P" name="&x;"/></bpmn:definitions>`;
    expect(xmlShapeProblem(xml)?.message).toMatch(/^the file declares a DOCTYPE \(line 2, column \d+\)/);
    const imported = await importBpmn(xml);
    expect(imported.model).toBeUndefined();
    expect(imported.error?.hint).toContain('remove the <!DOCTYPE');
  });

  it('refuses elements nested deeper than any modeler writes, instead of overflowing the stack', async () => {
    // definitions and process hold the sub-processes: two levels more.
    expect(xmlShapeProblem(nested(MOST_NESTED - 2))).toBeUndefined();
    expect(xmlShapeProblem(nested(MOST_NESTED - 1))?.message).toMatch(
      new RegExp(`^the file nests elements more than ${MOST_NESTED} deep \\(line 3, column \\d+\\)$`),
    );
    const imported = await importBpmn(nested(5000));
    expect(imported.error?.message).toContain(`more than ${MOST_NESTED} deep`);
  });

  it('passes the BPMN files modelers wrote', () => {
    const files = readdirSync(BPMN, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.bpmn'));
    expect(files.length).toBeGreaterThan(3);
    for (const f of files) expect(xmlShapeProblem(readFileSync(join(BPMN, f), 'utf8'))).toBeUndefined();
  });
});
