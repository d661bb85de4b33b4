/**
 * Reading a file a user or a model names, safely: only a regular file (never a folder, a device
 * such as /dev/zero, a FIFO or a socket), at most a stated size, and for files a model names,
 * only inside a root folder once symlinks are followed. Reading never blocks: the type is checked
 * before opening, the file is opened non-blocking and checked again through its descriptor, so a
 * file swapped for a FIFO in between is refused rather than waited on.
 */
import {
  closeSync,
  constants,
  fstatSync,
  openSync,
  readSync,
  realpathSync,
  type Stats,
  statSync,
} from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { grouped } from '../text/grouped.js';

export interface FileProblem {
  /** Whether the file is missing, or there and refused or unreadable. */
  kind: 'missing' | 'refused' | 'unreadable';
  /** What is wrong, said of the file: "does not exist", "is a folder, not a file". */
  reason: string;
  hint: string;
}

export type ReadResult = { bytes: Buffer; path: string } | { problem: FileProblem };

/** The problem as a sentence about the file. */
export const problemText = (shown: string, problem: FileProblem) => `${shown} ${problem.reason}`;

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(bytes < 2 ** 20 ? 1 : 0)} MiB`;

function whatItIs(stat: Stats): string | undefined {
  if (stat.isFile()) return undefined;
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

const notAFile = (what: string): ReadResult => ({
  problem: { kind: 'refused', reason: `is ${what}, not a file`, hint: 'name a regular file' },
});

function errorProblem(error: unknown): FileProblem {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR')
    return { kind: 'missing', reason: 'does not exist', hint: 'check the path' };
  if (code === 'ELOOP')
    return { kind: 'refused', reason: 'is a loop of symbolic links', hint: 'point the link at a file' };
  if (code === 'ENAMETOOLONG' || code === 'ERR_INVALID_ARG_VALUE' || code === 'ERR_INVALID_ARG_TYPE')
    return { kind: 'refused', reason: 'is not a usable file name', hint: 'check the path' };
  return {
    kind: 'unreadable',
    reason: `cannot be read (${code ?? 'unknown error'})`,
    hint: 'check the file permissions',
  };
}

/**
 * Why a file cannot be read as a regular file (a folder, a device, a FIFO, missing), or nothing:
 * for readers that stream the file themselves (DuckDB, gzip), which must not be handed a FIFO.
 */
export function regularFileProblem(path: string): FileProblem | undefined {
  try {
    const what = whatItIs(statSync(path));
    return what
      ? { kind: 'refused', reason: `is ${what}, not a file`, hint: 'name a regular file' }
      : undefined;
  } catch (error) {
    return errorProblem(error);
  }
}

/** The bytes of a regular file of at most `maxBytes`, or why not. */
export function readRegularFile(path: string, maxBytes: number): ReadResult {
  let fd: number | undefined;
  try {
    const before = whatItIs(statSync(path));
    if (before) return notAFile(before);
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const opened = fstatSync(fd);
    const swapped = whatItIs(opened);
    if (swapped) return notAFile(swapped);
    const tooBig = (size: number): ReadResult => ({
      problem: {
        kind: 'refused',
        reason:
          mib(size) === mib(maxBytes)
            ? `is ${grouped(size)} bytes, more than the ${mib(maxBytes)} (${grouped(maxBytes)} bytes) linesight reads`
            : `is ${mib(size)}, more than the ${mib(maxBytes)} linesight reads`,
        hint: 'split it into smaller files',
      },
    });
    if (opened.size > maxBytes) return tooBig(opened.size);
    // Read to the end, not to the size stat gave (0 for /proc files): what grows is still bounded.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const want = Math.min(maxBytes + 1 - total, Math.max(opened.size - total, 0) + 65536);
      const chunk = Buffer.allocUnsafe(want);
      const read = readSync(fd, chunk, 0, want, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      total += read;
      if (total > maxBytes) return tooBig(total);
    }
    return { bytes: Buffer.concat(chunks, total), path };
  } catch (error) {
    return { problem: errorProblem(error) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * The file `entry` names, written in the file `from`, read only if it lies inside `root` once
 * every symlink is followed, and is a regular file of at most `maxBytes`.
 */
export function readNamedFile(entry: string, from: string, root: string, maxBytes: number): ReadResult {
  if (entry.trim() === '' || entry.includes('\0'))
    return { problem: { kind: 'refused', reason: 'is not a file name', hint: 'give a relative path' } };
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch (error) {
    const problem = errorProblem(error);
    return { problem: { ...problem, reason: `cannot be read: the folder ${root} ${problem.reason}` } };
  }
  const within = (path: string, folder: string) =>
    path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
  const outside = {
    problem: {
      kind: 'refused' as const,
      reason: `lies outside ${relative(process.cwd(), realRoot) || '.'}, the folder files may be read from`,
      hint: `keep the files a model names in its folder or below (${relative(process.cwd(), realRoot) || '.'}); copy or move the file there`,
    },
  };
  // A name outside the folder is refused as such before anything is looked up: answered "does
  // not exist" for some names and "lies outside" for others, a client of the server learned which
  // files the machine has.
  const named = resolve(dirname(from), entry);
  if (!within(named, resolve(root)) && !within(named, realRoot)) return outside;
  let real: string;
  try {
    real = realpathSync(named);
  } catch (error) {
    return { problem: errorProblem(error) };
  }
  if (!within(real, realRoot)) return outside;
  return readRegularFile(real, maxBytes);
}
