/** Placing a byte of a large file: lines counted across chunks, characters cut by a chunk kept whole. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstInvalidUtf8, positionOfByte } from './file-position.js';

const dir = mkdtempSync(join(tmpdir(), 'linesight-position-'));

describe('positions in a file', () => {
  it('finds a Latin-1 byte past the first MiB, and none in UTF-8 whose characters straddle the chunks', () => {
    // 81 bytes a line: the first MiB ends 31 bytes into a line, between the two bytes of an é.
    const line = `${'é'.repeat(40)}\n`;
    const body = line.repeat(30_000);
    const clean = join(dir, 'clean.txt');
    writeFileSync(clean, body);
    expect(firstInvalidUtf8(clean)).toBeUndefined();
    const dirty = join(dir, 'dirty.txt');
    writeFileSync(
      dirty,
      Buffer.concat([Buffer.from(body), Buffer.from('ab'), Buffer.from([0xe9]), Buffer.from('\n')]),
    );
    expect(firstInvalidUtf8(dirty)).toEqual({ line: 30_001, column: 3, byte: 0xe9 });
    const cut = join(dir, 'cut.txt');
    writeFileSync(cut, Buffer.concat([Buffer.from('ok\n'), Buffer.from([0xe2, 0x98])]));
    expect(firstInvalidUtf8(cut)).toEqual({ line: 2, column: 1, byte: 0xe2 });
  });

  it('gives the line and byte column of an offset', () => {
    const file = join(dir, 'lines.txt');
    writeFileSync(file, 'ab\ncde\nf');
    expect(positionOfByte(file, 0)).toEqual({ line: 1, column: 1 });
    expect(positionOfByte(file, 4)).toEqual({ line: 2, column: 2 });
    expect(positionOfByte(file, 7)).toEqual({ line: 3, column: 1 });
  });
});
