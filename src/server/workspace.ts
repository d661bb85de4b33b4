/**
 * The workspace as the server sees it: model files in one folder, read and written by name.
 * Names cannot leave the folder, writes are atomic, and each file's ETag (a hash of its bytes)
 * lets a stale write be refused with 409 instead of overwriting someone else's change.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { writeAtomic } from '../fs/write-atomic.js';
import { HttpError } from './http-error.js';

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,120}\.(ya?ml|json)$/;

export const etagOf = (bytes: string | Buffer) =>
  `"${createHash('sha256').update(bytes).digest('hex').slice(0, 32)}"`;

export class Workspace {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  /** The file of a model name; a name with a path in it, or that leaves the folder, is refused. */
  path(name: string): string {
    if (!NAME.test(name) || name.includes('..')) {
      throw new HttpError(
        400,
        `'${name}' is not a model name`,
        'a model name is a file name in the workspace ending in .yaml, .yml or .json, without folders',
      );
    }
    const path = resolve(this.root, name);
    if (!path.startsWith(this.root + sep)) throw new HttpError(400, `'${name}' is outside the workspace`);
    return path;
  }

  list(): string[] {
    if (!existsSync(this.root)) return [];
    return readdirSync(this.root)
      .filter((f) => NAME.test(f) && !f.endsWith('.schema.json') && statSync(join(this.root, f)).isFile())
      .sort();
  }

  read(name: string): { text: string; etag: string } {
    const path = this.path(name);
    if (!existsSync(path))
      throw new HttpError(404, `there is no model '${name}'`, 'GET /api/models lists the models');
    const bytes = readFileSync(path);
    return { text: bytes.toString('utf8'), etag: etagOf(bytes) };
  }

  /**
   * Writes a model. `ifMatch` must be the ETag the writer read (or '*' to overwrite anything);
   * without it, the model must not exist yet. A mismatch is a 409 and nothing is written.
   */
  write(name: string, text: string, ifMatch: string | undefined): { etag: string; created: boolean } {
    const path = this.path(name);
    const exists = existsSync(path);
    if (exists && ifMatch === undefined) {
      throw new HttpError(
        409,
        `'${name}' exists already`,
        "read it first and send its ETag in If-Match, so that no one else's change is lost",
      );
    }
    if (exists && ifMatch !== '*') {
      const current = etagOf(readFileSync(path));
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

  remove(name: string, ifMatch: string | undefined): void {
    const { etag } = this.read(name);
    if (ifMatch !== undefined && ifMatch !== '*' && ifMatch !== etag)
      throw new HttpError(409, `'${name}' was changed since you read it`, 'reload it before you delete it');
    rmSync(this.path(name));
  }
}
