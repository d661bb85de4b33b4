/**
 * The temporary file of a save is one this save made: a symbolic link planted at its name is
 * never written through, and the save goes on under another name. The test makes the names
 * known in advance: the first random one, and the one of the clock's millisecond that the save
 * once used (an attacker could plant one link per millisecond).
 */
import { mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const names = vi.hoisted(() => ['0000000000000000', '1111111111111111']);
vi.mock('node:crypto', async (original) => {
  const crypto = await original<typeof import('node:crypto')>();
  let next = 0;
  return {
    ...crypto,
    randomBytes: (n: number) =>
      Buffer.from(names[Math.min(next++, names.length - 1)] as string, 'hex').subarray(0, n),
  };
});

const { writeAtomic } = await import('./write-atomic.js');

describe('a save beside a planted link', () => {
  it('writes nothing through the link and saves the file whole under another temporary name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'linesight-link-'));
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'precious');
    vi.useFakeTimers({ now: 1_700_000_000_000, toFake: ['Date'] });
    try {
      for (const planted of [names[0], String(Date.now())])
        symlinkSync(victim, join(dir, `.out.svg.${process.pid}.${planted}.tmp`));
      writeAtomic(join(dir, 'out.svg'), '<svg/>');
    } finally {
      vi.useRealTimers();
    }
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(readFileSync(join(dir, 'out.svg'), 'utf8')).toBe('<svg/>');
    expect(readdirSync(dir).filter((f) => f.includes(names[1] as string))).toEqual([]);
  });
});
