/**
 * Saving a file whole or not at all, and what an interrupted save left beside it: gone with the
 * next save once its process is, kept while its process runs (it may still be writing).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WriteRefused, writeAtomic, writeNew } from './write-atomic.js';

/** A process that has run and ended: its PID names nobody (PIDs are not reused this soon). */
function endedPid(): number {
  const ended = spawnSync(process.execPath, ['-e', 'process.pid']);
  return ended.pid as number;
}

/** The refusal a write throws. */
function refusal(write: () => void): WriteRefused {
  try {
    write();
  } catch (error) {
    if (error instanceof WriteRefused) return error;
    throw error;
  }
  throw new Error('it wrote');
}

const running: ChildProcess[] = [];
afterAll(() => {
  for (const child of running) child.kill();
});

describe('writeAtomic', () => {
  it('writes the whole content, over what was there, leaving no temporary file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'linesight-atomic-'));
    const file = join(dir, 'deep', 'model.yaml');
    writeAtomic(file, 'name: first\n');
    writeAtomic(file, new TextEncoder().encode('name: second\n'));
    expect(readFileSync(file, 'utf8')).toBe('name: second\n');
    expect(readdirSync(join(dir, 'deep'))).toEqual(['model.yaml']);
  });

  it("removes a killed save's temporary file on the next save, and leaves a running one's alone", () => {
    const dir = mkdtempSync(join(tmpdir(), 'linesight-atomic-'));
    const file = join(dir, 'model.yaml');
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    running.push(child);
    const stale = join(dir, `.model.yaml.${endedPid()}.1700000000000.tmp`);
    const live = join(dir, `.model.yaml.${child.pid}.1700000000001.tmp`);
    const otherFile = join(dir, `.other.yaml.${endedPid()}.1700000000002.tmp`);
    for (const temp of [stale, live, otherFile]) writeFileSync(temp, 'name: half');
    writeAtomic(file, 'name: saved\n');
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(live)).toBe(true);
    // Another file's leftovers are that file's next save's to judge.
    expect(existsSync(otherFile)).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('name: saved\n');
  });

  it('refuses to put a file where a link, a pipe or a folder is, and leaves them as they were', () => {
    const dir = mkdtempSync(join(tmpdir(), 'linesight-atomic-'));
    writeFileSync(join(dir, 'real.yaml'), 'name: real\n');
    symlinkSync('real.yaml', join(dir, 'link.yaml'));
    const link = refusal(() => writeAtomic(join(dir, 'link.yaml'), 'name: new\n'));
    expect(link.message).toContain('is a symbolic link');
    expect(link.hint).toBe('write to the file it points to (real.yaml), or to a new name');
    expect(lstatSync(join(dir, 'link.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real.yaml'), 'utf8')).toBe('name: real\n');
    expect(spawnSync('mkfifo', [join(dir, 'pipe')]).status).toBe(0);
    expect(() => writeAtomic(join(dir, 'pipe'), 'x')).toThrow(/device, pipe or socket/);
    expect(lstatSync(join(dir, 'pipe')).isFIFO()).toBe(true);
    mkdirSync(join(dir, 'folder.yaml'));
    expect(() => writeAtomic(join(dir, 'folder.yaml'), 'x')).toThrow(/is a folder/);
    expect(() => writeAtomic(join(dir, 'real.yaml', 'x.yaml'), 'x')).toThrow(
      /'[^']*real\.yaml' is not a folder/,
    );
    expect(() => writeNew(join(dir, 'real.yaml', 'y.yaml'), 'x')).toThrow(WriteRefused);
    expect(readdirSync(dir).sort()).toEqual(['folder.yaml', 'link.yaml', 'pipe', 'real.yaml']);
  });

  it.runIf(existsSync('/proc/self'))(
    'says a folder under /proc cannot be made, where mkdir -p would loop forever',
    () => {
      expect(() => writeAtomic('/proc/linesight-nowhere/x.json', 'x')).toThrow(
        "cannot write '/proc/linesight-nowhere/x.json': a folder on the way cannot be made",
      );
    },
  );
});
