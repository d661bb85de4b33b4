/** `linesight bpmn export` and `import` as a user runs them, with files in other folders. */
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { linesight } from '../testing/cli.js';

const EXAMPLE = fileURLToPath(new URL('../../examples/order-departments.yaml', import.meta.url));

describe('linesight bpmn export, then import elsewhere', () => {
  it('gives a model whose BPMN links still find their files, where they travelled with it', async () => {
    // A workspace with the model and its BPMN files; the export goes to a folder of its own.
    const dir = mkdtempSync(join(tmpdir(), 'linesight-bpmn-'));
    cpSync(dirname(EXAMPLE), dir, { recursive: true });
    mkdirSync(join(dir, 'exports'));
    const model = join(dir, 'order-departments.yaml');
    expect((await linesight('bpmn', 'export', model, '-o', join(dir, 'exports', 'order.bpmn'))).code).toBe(0);
    const output = join(dir, 'journey.yaml');
    const imported = await linesight('bpmn', 'import', join(dir, 'exports', 'order.bpmn'), '-o', output);
    expect(imported.code).toBe(0);
    expect(imported.stderr).not.toContain('linesight: warning');
    const validated = await linesight('validate', output);
    expect(validated.stdout).toContain('ok ');
    expect(validated.code).toBe(0);
    expect(readFileSync(output, 'utf8')).toContain('file: bpmn/order-to-cash.bpmn');
  });

  it('leaves out, with a warning, links to files that did not travel with the BPMN file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linesight-bpmn-'));
    cpSync(dirname(EXAMPLE), join(dir, 'work'), { recursive: true });
    const exported = join(dir, 'work', 'order.bpmn');
    expect(
      (await linesight('bpmn', 'export', join(dir, 'work', 'order-departments.yaml'), '-o', exported)).code,
    ).toBe(0);
    // Sent on alone: the BPMN files it links (bpmn/*.bpmn beside it) stay behind.
    mkdirSync(join(dir, 'elsewhere'));
    copyFileSync(exported, join(dir, 'elsewhere', 'order.bpmn'));
    const output = join(dir, 'elsewhere', 'journey.yaml');
    const imported = await linesight('bpmn', 'import', join(dir, 'elsewhere', 'order.bpmn'), '-o', output);
    expect(imported.code).toBe(0);
    expect(imported.stderr).toContain(
      `linesight: warning: process 'order-to-cash' linked bpmn/order-to-cash.bpmn, which is not there (${join(dir, 'elsewhere', 'bpmn', 'order-to-cash.bpmn')}) for the imported model: the link is left out; copy the file into the model's folder and add the link back`,
    );
    expect(readFileSync(output, 'utf8')).toContain('# warning: process');
    expect((await linesight('validate', output)).code).toBe(0);
  });

  it("leaves out a link that would lead out of the imported model's folder", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linesight-bpmn-'));
    cpSync(dirname(EXAMPLE), join(dir, 'work'), { recursive: true });
    const exported = join(dir, 'work', 'order.bpmn');
    expect(
      (await linesight('bpmn', 'export', join(dir, 'work', 'order-departments.yaml'), '-o', exported)).code,
    ).toBe(0);
    // Imported into a folder of its own, the files would be ../bpmn: a model reads only below itself.
    mkdirSync(join(dir, 'work', 'imported'));
    const output = join(dir, 'work', 'imported', 'order.yaml');
    const imported = await linesight('bpmn', 'import', exported, '-o', output);
    expect(imported.stderr).toContain(
      "process 'order-to-cash' linked ../bpmn/order-to-cash.bpmn, which is outside its folder",
    );
    expect((await linesight('validate', output)).code).toBe(0);
  });
});
