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
    const exported = join(dir, 'order.bpmn');
    expect((await linesight('bpmn', 'export', EXAMPLE, '-o', exported)).code).toBe(0);
    // Moved one folder deeper, the relative links to examples/bpmn point at nothing.
    const moved = join(dir, 'elsewhere', 'order.bpmn');
    mkdirSync(join(dir, 'elsewhere'));
    copyFileSync(exported, moved);
    const output = join(dir, 'elsewhere', 'journey.yaml');
    const imported = await linesight('bpmn', 'import', moved, '-o', output);
    expect(imported.code).toBe(0);
    expect(imported.stderr).toContain("linesight: warning: process 'order-to-cash' linked ../../");
    expect(imported.stderr).toContain("copy the file into the model's folder and add the link back");
    expect(readFileSync(output, 'utf8')).toContain('# warning: process');
    expect((await linesight('validate', output)).code).toBe(0);
  });
});
