/**
 * Writes a file whole or not at all: to a temporary file beside it, flushed to the disk, then a
 * rename, so that a crash, a power cut or a full disk never leaves a half-written model, schema or
 * report behind. A temporary file that a killed write left is removed by the next write of the
 * same file, once the process that wrote it is gone.
 */
import {
  closeSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

export function writeAtomic(file: string, content: string | Uint8Array): void {
  const temp = writeTemporary(file, content);
  try {
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  syncFolder(dirname(file));
}

/**
 * Writes a file that must not exist yet, whole or not at all: the temporary file is linked to its
 * name, which fails with EEXIST (and writes nothing) when the name was taken, even a moment before.
 */
export function writeNew(file: string, content: string | Uint8Array): void {
  const temp = writeTemporary(file, content);
  try {
    linkSync(temp, file);
  } finally {
    rmSync(temp, { force: true });
  }
  syncFolder(dirname(file));
}

/** The content in a temporary file beside `file`, flushed to the disk; its path. */
function writeTemporary(file: string, content: string | Uint8Array): string {
  const dir = dirname(file);
  mkdirSync(dir, { recursive: true });
  removeStaleTemporaries(dir, basename(file));
  const temp = join(dir, `.${basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const fd = openSync(temp, 'w');
    try {
      writeFileSync(fd, content);
      // On the disk before the rename: else a power cut can leave the new name on empty content.
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  return temp;
}

/** The rename itself on the disk. Some platforms (Windows) cannot open a folder to sync it. */
function syncFolder(dir: string): void {
  let fd: number;
  try {
    fd = openSync(dir, 'r');
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch {
    // A folder that cannot be synced (some file systems refuse): the rename stands all the same.
  } finally {
    closeSync(fd);
  }
}

/** Temporary files of `name` (`.name.PID.TIME.tmp`) whose process no longer runs. */
function removeStaleTemporaries(dir: string, name: string): void {
  const prefix = `.${name}.`;
  for (const entry of readdirSync(dir)) {
    if (!entry.startsWith(prefix)) continue;
    const pid = /^(\d+)\.\d+\.tmp$/.exec(entry.slice(prefix.length))?.[1];
    if (pid !== undefined && !isRunning(Number(pid))) rmSync(join(dir, entry), { force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
