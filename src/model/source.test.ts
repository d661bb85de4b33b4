/**
 * What a model file's bytes must be before they are read as a model: UTF-8 text (a stray Latin-1
 * byte anywhere is found and placed, not replaced), and nested no deeper than any model needs.
 */
import { describe, expect, it } from 'vitest';
import { firstInvalid } from './decode.js';
import { parse } from './load.js';
import { parseSource } from './source.js';
import { MAX_DEPTH } from './source-limits.js';

const MODEL = `name: Small
stages: [{ id: ask, name: Ask }]
steps:
  - { id: call, name: Calls, stage: ask, next: done }
ends: [{ id: done, name: Done, outcome: success }]
start: call
`;

const errorsOf = (bytes: Buffer | string) =>
  parseSource(bytes, 'model.yaml').diagnostics.filter((d) => d.severity === 'error');

describe('encoding', () => {
  it('places a Latin-1 byte past the first 64 KiB, where it used to become U+FFFD silently', () => {
    const padding = `# ${'-'.repeat(70_000)}\n`;
    const bytes = Buffer.concat([
      Buffer.from(`${padding}${MODEL}`),
      Buffer.from('description: Caf\xe9 opens\n', 'latin1'),
    ]);
    const [error] = errorsOf(bytes);
    expect(error).toMatchObject({ code: 'not-utf8', line: 8, column: 17 });
    expect(error?.message).toContain('the byte 0xE9 here is not valid UTF-8');
    expect(error?.hint).toBe(
      'save it as UTF-8 in your editor, or convert it: iconv -f latin1 -t utf-8 model.yaml > model.utf8.yaml',
    );
  });

  it('calls a Latin-1 file not UTF-8 (it used to say binary), and places the byte', () => {
    const [error] = errorsOf(Buffer.from(`name: M\xfcller\n${MODEL}`, 'latin1'));
    expect(error).toMatchObject({ code: 'not-utf8', line: 1, column: 8 });
  });

  it('counts columns in characters, as the rest of the diagnostics do', () => {
    const [error] = errorsOf(
      Buffer.concat([Buffer.from('name: café ☕ '), Buffer.from([0xff]), Buffer.from('\n')]),
    );
    expect(error).toMatchObject({ code: 'not-utf8', line: 1, column: 14 });
  });

  it('still calls a file with NUL bytes binary, and names UTF-16', () => {
    expect(errorsOf(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0x0d]))).toMatchObject([
      { code: 'binary-file' },
    ]);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(MODEL, 'utf16le')]);
    expect(errorsOf(utf16)).toMatchObject([
      {
        code: 'not-utf8',
        message: 'model.yaml is UTF-16 text, not UTF-8',
        hint: expect.stringContaining('iconv -f utf-16'),
      },
    ]);
  });

  it('finds the first byte of a malformed sequence: overlong, surrogate, cut off, past U+10FFFF', () => {
    expect(firstInvalid(Buffer.from('ok é ☕ 😀'))).toBe(Buffer.byteLength('ok é ☕ 😀'));
    expect(firstInvalid(Buffer.from([0x61, 0xc0, 0x80]))).toBe(1);
    expect(firstInvalid(Buffer.from([0x61, 0xed, 0xa0, 0x80]))).toBe(1);
    expect(firstInvalid(Buffer.from([0x61, 0x62, 0xe2, 0x98]))).toBe(2);
    expect(firstInvalid(Buffer.from([0xf4, 0x90, 0x80, 0x80]))).toBe(0);
  });
});

describe('nesting', () => {
  const deep = (n: number) => `${MODEL}description: ${'['.repeat(n)}${']'.repeat(n)}\n`;

  it(`refuses nesting past ${MAX_DEPTH} levels at the spot, for 100,000 [ as for 70`, () => {
    for (const n of [70, 100_000]) {
      const [error] = errorsOf(deep(n));
      expect(error).toMatchObject({ code: 'nesting-too-deep', line: 7 });
      expect(error?.message).toBe(`model.yaml nests values more than ${MAX_DEPTH} levels deep here`);
      expect(error?.column).toBeGreaterThan(60);
    }
  });

  it('refuses deep flow maps, JSON, sequence items and block maps alike, without a stack overflow', () => {
    const n = 100_000;
    const texts = [
      `a: ${'{a: '.repeat(n)}1${'}'.repeat(n)}`,
      `{"a": ${'{"a":'.repeat(n)}1${'}'.repeat(n)}}`,
      `a:\n  ${'- '.repeat(n)}x`,
      `a:\n${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i + 1)}k:`).join('\n')}\n${' '.repeat(3002)}x`,
      `a: ${'['.repeat(n)}`,
    ];
    for (const text of texts) expect(errorsOf(text).map((d) => d.code)).toEqual(['nesting-too-deep']);
  });

  it('places a syntax error found before deep nesting without handing the nesting to `yaml`', () => {
    // A JSON model, then a line of deep JSON: js-yaml stops at line 2; `yaml` would take seconds.
    const text = `{"name": "x"}\ndeep: ${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}\n`;
    const [error, ...more] = errorsOf(text);
    expect(more).toEqual([]);
    expect(error).toMatchObject({ code: 'yaml-syntax', line: 2, column: 1 });
    expect(error?.message).toContain('document separator is expected');
  });

  it('says a second document is one, in the words of the file, not of the YAML library', () => {
    const [error, ...more] = errorsOf(`${MODEL}---\nname: another\n`);
    expect(more).toEqual([]);
    expect(error).toMatchObject({
      code: 'yaml-syntax',
      message: 'the file holds more than one YAML document: a second begins at this ---',
      line: MODEL.split('\n').length,
      column: 1,
    });
    expect(error?.hint).toContain('a model is one document');
  });

  it('reads nesting within the limit as usual', () => {
    const result = parse(`${MODEL}description: ${'['.repeat(20)}${']'.repeat(20)}\n`);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['invalid-type']);
  });

  it('refuses an alias inside what it refers to (an endless value), and aliases that nest too deep', () => {
    // The fuzzer's minimal case: quoting the kind as JSON threw "Converting circular structure to JSON".
    expect(parse('kind: &k [*k]\nname: x\n').diagnostics.map((d) => d.code)).toEqual(['nesting-too-deep']);
    const [loop] = errorsOf(`${MODEL}organization: &org { name: x, departments: [*org] }\n`);
    expect(loop).toMatchObject({ code: 'nesting-too-deep', line: 7 });
    expect(loop?.message).toContain('has an alias inside the value it refers to');
    const chain = [`a0: &a0 ${'['.repeat(40)}1${']'.repeat(40)}`];
    for (let i = 1; i < 4; i++) chain.push(`a${i}: &a${i} ${'['.repeat(40)}*a${i - 1}${']'.repeat(40)}`);
    const [tooDeep] = errorsOf(`${chain.join('\n')}\n${MODEL}`);
    expect(tooDeep).toMatchObject({
      code: 'nesting-too-deep',
      hint: expect.stringContaining('anchors and aliases'),
    });
  });

  it('refuses aliases that repeat more than a million values, at the alias that passes it, and reads fewer', () => {
    // Few aliases, each repeating a long list: the alias count passes, the copies would not.
    const wide = (items: number, steps: number) =>
      `list: &a [${Array.from({ length: items }, (_, i) => i).join(', ')}]\n${Array.from({ length: steps }, (_, i) => `s${i}: *a`).join('\n')}\n${MODEL}`;
    const [overgrown] = errorsOf(wide(100_000, 20));
    expect(overgrown).toMatchObject({ code: 'yaml-syntax', line: 11, column: 5 });
    expect(overgrown?.message).toBe(
      'the aliases repeat 1,000,010 values by this one (which repeats 100,001), more than the 1,000,000 linesight expands',
    );
    expect(parse(wide(100_000, 9)).diagnostics.map((d) => d.code)).not.toContain('yaml-syntax');
  });
});
