/**
 * Writes a file whole or not at all: to a temporary file beside it, flushed to the disk, then a
 * rename, so that a crash, a power cut or a full disk never leaves a half-written model, schema or
 * report behind. A temporary file that a killed write left is removed by the next write of the
 * same file, once the process that wrote it is gone.
 *
 * Only regular files are replaced: the rename would put a regular file where a device node (say
 * /dev/full), a folder or a symbolic link was, and a link's own file would stay as it was. Those
 * are refused with a WriteRefused error the commands report as the user's input.
 */
import {
  closeSync,
  constants,
  fsyncSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A path linesight will not write to, with what it is and what to do instead. */
export class WriteRefused extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

export function writeAtomic(file: string, content: string | Uint8Array): void {
  refuseIrregular(file);
  withReasons(file, () => {
    const temp = writeTemporary(file, content);
    try {
      renameSync(temp, file);
    } catch (error) {
      rmSync(temp, { force: true });
      throw error;
    }
  });
  syncFolder(dirname(file));
}

const REASONS: Record<string, [string, string]> = {
  EACCES: ['permission denied', 'write to a folder you may write in, or change its permissions'],
  EPERM: ['the operation is not permitted there', 'write to a folder you may write in'],
  EROFS: ['the file system is read-only', 'write to another folder'],
  ENOSPC: ['the disk is full', 'free some space and write again; nothing was written'],
  EDQUOT: ['the disk quota is used up', 'free some space and write again; nothing was written'],
  ENOENT: ['a folder on the way cannot be made', 'write to a folder that exists'],
  ENOTDIR: ['a name on the way is a file, not a folder', 'check the path'],
  ENAMETOOLONG: ['the name is too long', 'use a shorter name'],
};

/** The system's refusals of a write, as the user's to fix: what, why, and what to do. */
function withReasons(file: string, write: () => void): void {
  try {
    write();
  } catch (error) {
    const reason = REASONS[(error as NodeJS.ErrnoException).code ?? ''];
    if (!reason) throw error;
    throw new WriteRefused(`cannot write '${file}': ${reason[0]}`, reason[1]);
  }
}

/**
 * Writes a file that must not exist yet, whole or not at all: the temporary file is linked to its
 * name, which fails with EEXIST (and writes nothing) when the name was taken, even a moment before.
 */
export function writeNew(file: string, content: string | Uint8Array): void {
  withReasons(file, () => {
    const temp = writeTemporary(file, content);
    try {
      linkSync(temp, file);
    } finally {
      rmSync(temp, { force: true });
    }
  });
  syncFolder(dirname(file));
}

/** Refuses a path that exists and is no regular file. */
function refuseIrregular(file: string): void {
  let stats: ReturnType<typeof lstatSync>;
  try {
    stats = lstatSync(file);
  } catch {
    return;
  }
  if (stats.isFile()) return;
  if (stats.isSymbolicLink())
    throw new WriteRefused(
      `'${file}' is a symbolic link; linesight replaces a file whole, which would put a file where the link is and leave the file it points to as it was`,
      `write to the file it points to (${readlinkSync(file)}), or to a new name`,
    );
  const what = stats.isDirectory() ? 'a folder' : 'a device, pipe or socket, not a regular file';
  throw new WriteRefused(`'${file}' is ${what}; linesight writes only regular files`, 'write to a file name');
}

/**
 * Makes the folder and those above it that are missing, one at a time: `mkdirSync` with
 * `recursive` loops without end under /proc (Node 20), where a missing name can neither be made
 * nor found.
 */
function makeFolder(dir: string): void {
  try {
    if (lstatSync(dir).isDirectory()) return;
  } catch {
    const parent = dirname(dir);
    if (parent !== dir) makeFolder(parent);
    try {
      mkdirSync(dir);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  if (!statSync(dir).isDirectory())
    throw new WriteRefused(`'${dir}' is not a folder`, 'write into a folder, or to a name outside this one');
}

const CREATE_NEW = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;

/**
 * A new temporary file beside `file`, made by this call: a name no one can guess (random), opened
 * only if nothing has that name yet and never through a symbolic link. A name that was known in
 * advance let a link planted there send the write, through the link, to any file.
 */
function createTemporary(dir: string, name: string): { temp: string; fd: number } {
  for (let attempt = 0; ; attempt++) {
    const temp = join(dir, `.${name}.${process.pid}.${unguessable()}.tmp`);
    try {
      return { temp, fd: openSync(temp, CREATE_NEW, 0o666) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 9) throw error;
    }
  }
}

/**
 * Sixteen hex digits from the operating system's randomness, through the Web Crypto global: node's
 * crypto module, imported here, was loaded (6 ms) at the start of every command, since the command
 * line's error handling imports WriteRefused from this file; the global loads it at the first write.
 */
function unguessable(): string {
  return Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(8))).toString('hex');
}

/** The content in a temporary file beside `file`, flushed to the disk; its path. */
function writeTemporary(file: string, content: string | Uint8Array): string {
  const dir = dirname(file);
  makeFolder(dir);
  removeStaleTemporaries(dir, basename(file));
  const { temp, fd } = createTemporary(dir, basename(file));
  try {
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

/** Temporary files of `name` (`.name.PID.RANDOM.tmp`) whose process no longer runs. */
function removeStaleTemporaries(dir: string, name: string): void {
  const prefix = `.${name}.`;
  for (const entry of readdirSync(dir)) {
    if (!entry.startsWith(prefix)) continue;
    const pid = /^(\d+)\.[0-9a-f]+\.tmp$/.exec(entry.slice(prefix.length))?.[1];
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
