/**
 * The workspace as the server sees it: model files in one folder, read and written by name.
 * Names cannot leave the folder, writes are atomic, and each file's ETag (a hash of its bytes)
 * lets a stale write be refused with 409 instead of overwriting someone else's change.
 *
 * Only the folder's own regular files count. A symlink is neither listed, read, nor written over,
 * wherever it points (so nothing outside the folder is ever read through one, and a link to a
 * folder or a device is a 404, not a crash); folders, devices and pipes are skipped the same way.
 * The workspace's own data folder (.linesight, the event store, uploads) must be a real folder.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  constants,
  fstatSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  type Stats,
  unlinkSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { writeAtomic, writeNew } from '../fs/write-atomic.js';
import { MAX_FILE_BYTES } from '../model/source-limits.js';
import { HttpError } from './http-error.js';

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,120}\.(ya?ml|json)$/;

export const etagOf = (bytes: string | Buffer) =>
  `"${createHash('sha256').update(bytes).digest('hex').slice(0, 32)}"`;

const lstat = (path: string): Stats | undefined => {
  try {
    return lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
};

const kindOf = (s: Stats) =>
  s.isSymbolicLink() ? 'a symlink' : s.isDirectory() ? 'a folder' : 'not a regular file';

/** Reads a regular file, never through a symlink and never a device, pipe or folder. */
export function readRegularFile(path: string, maxBytes = MAX_FILE_BYTES): Buffer | undefined {
  const before = lstat(path);
  if (!before?.isFile()) return undefined;
  // O_NOFOLLOW and the second look close the gap between the look and the open.
  const fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return undefined;
    if (stat.size > maxBytes)
      throw new HttpError(
        413,
        `${path} is ${(stat.size / 2 ** 20).toFixed(0)} MiB, more than ${(maxBytes / 2 ** 20).toFixed(0)} MiB`,
        'split it into parts with imports',
      );
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** What keeps a name from being a model name, in words. */
function whyNotAName(name: string): string {
  if (/[\\/]/.test(name) || name.includes('..')) return 'it names a folder';
  if (/\s/.test(name)) return 'it has a space';
  const other = /[^A-Za-z0-9._-]/.exec(name)?.[0];
  if (other) return `it has '${other}', which a model name does not take`;
  if (!/\.(ya?ml|json)$/.test(name)) return 'it does not end in .yaml, .yml or .json';
  return /^[A-Za-z0-9]/.test(name)
    ? 'it is longer than 120 characters'
    : 'it starts with a dot, a dash or an underscore';
}

/** The name as one that is taken: accents dropped, spaces and other characters as dashes. */
function suggestedName(name: string): string | undefined {
  const ext = /\.(ya?ml|json)$/i.exec(name)?.[0]?.toLowerCase() ?? '.yaml';
  const base = name
    .replace(/\.(ya?ml|json)$/i, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-._]+|[-._]+$/g, '')
    .slice(0, 100);
  const suggested = `${base}${ext}`;
  return base && NAME.test(suggested) && !suggested.includes('..') ? suggested : undefined;
}

export class Workspace {
  readonly root: string;

  constructor(root: string) {
    // The real path, so that a workspace reached through a symlink still contains its own files.
    const given = resolve(root);
    this.root = lstat(given) ? realpathSync(given) : given;
  }

  /** The file of a model name; a name with a path in it, or that leaves the folder, is refused. */
  path(name: string): string {
    if (!NAME.test(name) || name.includes('..')) {
      const suggested = suggestedName(name);
      throw new HttpError(
        400,
        `'${name}' is not a model name: ${whyNotAName(name)}`,
        `a model name is a file name in the workspace of the letters A-Z and a-z, digits, '.', '_' and '-', ending in .yaml, .yml or .json, without folders${suggested ? `, e.g. '${suggested}'` : ''}`,
      );
    }
    return join(this.root, name);
  }

  list(): string[] {
    if (!lstat(this.root)?.isDirectory()) return [];
    return readdirSync(this.root, { withFileTypes: true })
      .filter((d) => d.isFile() && NAME.test(d.name) && !d.name.endsWith('.schema.json'))
      .map((d) => d.name)
      .sort();
  }

  /** The path of an existing model file, checked to be the workspace's own regular file. */
  file(name: string): string {
    const path = this.path(name);
    const stat = lstat(path);
    if (!stat) throw new HttpError(404, `there is no model '${name}'`, 'GET /api/models lists the models');
    if (!stat.isFile())
      throw new HttpError(
        404,
        `'${name}' is ${kindOf(stat)}, not a model file of the workspace`,
        'linesight serve reads only regular files in the workspace folder, and follows no symlinks; copy the file in',
      );
    return path;
  }

  read(name: string): { text: string; etag: string } {
    const bytes = readRegularFile(this.file(name));
    if (!bytes) throw new HttpError(404, `there is no model '${name}'`, 'GET /api/models lists the models');
    return { text: bytes.toString('utf8'), etag: etagOf(bytes) };
  }

  /**
   * Writes a model. `ifMatch` must be the ETag the writer read (or '*' to overwrite anything);
   * without it, the model must not exist yet. A mismatch is a 409 and nothing is written.
   */
  write(name: string, text: string, ifMatch: string | undefined): { etag: string; created: boolean } {
    const path = this.path(name);
    const exists = this.writable(name, path);
    if (exists && ifMatch === undefined) {
      throw new HttpError(
        409,
        `'${name}' exists already`,
        "read it first and send its ETag in If-Match, so that no one else's change is lost",
      );
    }
    if (exists && ifMatch !== '*') {
      const current = this.read(name).etag;
      if (current !== ifMatch) {
        throw new HttpError(
          409,
          `'${name}' was changed since you read it`,
          'reload it, merge your change, and save again',
          { etag: current },
        );
      }
    }
    if (!exists && ifMatch !== undefined && ifMatch !== '*')
      throw new HttpError(
        409,
        `'${name}' was deleted since you read it`,
        'save it again without If-Match to create it',
      );
    writeAtomic(path, text);
    return { etag: etagOf(text), created: !exists };
  }

  /** The file of a name for a new model: a model name as path() takes it, ending in .yaml. */
  newPath(name: string): string {
    const path = this.path(name);
    if (!name.endsWith('.yaml'))
      throw new HttpError(
        400,
        `'${name}' does not end in .yaml`,
        `a new model is a YAML file of the workspace: call it e.g. '${name.replace(/\.(yml|json)$/, '')}.yaml'`,
      );
    return path;
  }

  /** Writes a new model, whole or not at all; a name that is taken (even a moment before) is a 409. */
  create(name: string, text: string): { etag: string } {
    const path = this.newPath(name);
    try {
      writeNew(path, text);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw this.taken(name);
      throw error;
    }
    return { etag: etagOf(text) };
  }

  /**
   * Gives a model another name, refused (409) when the new name is taken or the model changed since
   * its reader saw `ifMatch`. Linking then unlinking never replaces a file that appeared meanwhile.
   */
  rename(name: string, to: string, ifMatch: string | undefined): { etag: string } {
    const target = this.newPath(to);
    const { etag } = this.read(name);
    if (ifMatch !== undefined && ifMatch !== '*' && ifMatch !== etag)
      throw new HttpError(409, `'${name}' was changed since you read it`, 'reload it before you rename it');
    try {
      linkSync(this.path(name), target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw this.taken(to);
      throw error;
    }
    unlinkSync(this.path(name));
    return { etag };
  }

  private taken(name: string): HttpError {
    return new HttpError(409, `'${name}' exists already`, 'choose another name, or open that model');
  }

  /** Writes a file the server makes itself (a calibrated scenario), over an older one of its own. */
  replace(name: string, text: string): void {
    const path = this.path(name);
    this.writable(name, path);
    writeAtomic(path, text);
  }

  remove(name: string, ifMatch: string | undefined): void {
    const { etag } = this.read(name);
    if (ifMatch !== undefined && ifMatch !== '*' && ifMatch !== etag)
      throw new HttpError(409, `'${name}' was changed since you read it`, 'reload it before you delete it');
    rmSync(this.path(name));
  }

  /** The workspace's data folder (.linesight/...), made when missing, refused when it is a symlink. */
  dataDir(...parts: string[]): string {
    let dir = this.root;
    for (const part of ['.linesight', ...parts]) {
      dir = join(dir, part);
      const stat = lstat(dir);
      if (!stat) mkdirSync(dir);
      else if (!stat.isDirectory()) throw this.notOurs(dir, stat);
    }
    return dir;
  }

  /** A file in the data folder; when it exists it must be a regular file. */
  dataFile(...parts: string[]): string {
    const path = join(this.dataDir(...parts.slice(0, -1)), parts.at(-1) as string);
    const stat = lstat(path);
    if (stat && !stat.isFile()) throw this.notOurs(path, stat);
    return path;
  }

  /** Whether the file exists; anything there but a regular file is refused, not replaced. */
  private writable(name: string, path: string): boolean {
    const stat = lstat(path);
    if (stat && !stat.isFile())
      throw new HttpError(
        409,
        `'${name}' is ${kindOf(stat)}, not a model file of the workspace`,
        'linesight serve writes only regular files in the workspace folder; rename or remove what is there',
      );
    return stat !== undefined;
  }

  private notOurs(path: string, stat: Stats): HttpError {
    return new HttpError(
      409,
      `${path} is ${kindOf(stat)}`,
      "linesight serve keeps its data in the workspace's own .linesight folder and follows no symlinks; remove the link",
    );
  }
}
