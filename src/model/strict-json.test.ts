import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parse } from './load.js';

const example = parseYaml(readFileSync(new URL('../../examples/mmc.yaml', import.meta.url), 'utf8'));
const json = JSON.stringify(example, null, 2);

describe('a model written as JSON', () => {
  it('reads without a word when it is JSON', () => {
    const read = parse(json, { file: 'mmc.json' });
    expect(read.ok).toBe(true);
    expect(read.diagnostics.filter((d) => d.code === 'not-strict-json')).toEqual([]);
  });

  it('warns where a trailing comma makes it no JSON for other tools, and still loads it', () => {
    // A comma after the last stage: the line it is on is the one the warning names.
    const lines = json.split('\n');
    const at = lines.findIndex((l) => l.trim() === '"stages": [');
    const close = lines.findIndex((l, i) => i > at && l === '  ],');
    lines[close - 1] = `${lines[close - 1]},`;
    const read = parse(lines.join('\n'), { file: 'mmc.json' });
    expect(read.ok).toBe(true);
    const warned = read.diagnostics.filter((d) => d.code === 'not-strict-json');
    expect(warned).toHaveLength(1);
    expect(warned[0]).toMatchObject({
      severity: 'warning',
      line: close,
      column: (lines[close - 1] as string).length,
      file: 'mmc.json',
    });
    expect(warned[0]?.message).toContain('a comma before a closing bracket');
    expect(warned[0]?.message).toContain('mmc.json is not JSON as other tools read it');
    expect(warned[0]?.message).not.toContain('"linesight"');
    // The same text named .yaml is YAML: nothing to say.
    const asYaml = parse(lines.join('\n'), { file: 'mmc.yaml' });
    expect(asYaml.diagnostics.filter((d) => d.code === 'not-strict-json')).toEqual([]);
  });

  it('names a trailing comma in a list, where V8 gives no position', () => {
    const text = json.replace(/("linesight": 1),/, '"tags": [1, 2,],\n  $1,');
    const warned = parse(text, { file: 'mmc.json' }).diagnostics.find((d) => d.code === 'not-strict-json');
    expect(warned).toMatchObject({ line: 2, column: 16 });
    expect(warned?.message).toContain('a comma before a closing bracket');
  });

  it('warns with the position JSON gives for an unquoted key', () => {
    const text = json.replace('"name":', 'name:');
    const read = parse(text, { file: 'mmc.json' });
    const warned = read.diagnostics.find((d) => d.code === 'not-strict-json');
    const line = text.split('\n').findIndex((l) => l.includes('name:')) + 1;
    expect(warned).toMatchObject({ line, column: 3 });
  });
});
