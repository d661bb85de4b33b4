/**
 * The DuckDB databases this process has open, one per file, each shared by every store opened on
 * it. DuckDB lets one process write a file, or several read it; within one process, two instances
 * on one file do not see each other's writes and can corrupt it. So stores on one file share one
 * instance, counted here in JS, in step, so that the last store to close closes it before anyone
 * opens it again; and a writer that finds the file open here read-only waits for those readers.
 */
import { existsSync, mkdirSync, rmdirSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { requireWithCodeCache } from '../startup/code-cache.js';
import { StoreBusyError } from './store-busy.js';
import { checkStoreFile } from './store-file.js';
import { memoryLimit } from './store-memory.js';
import { StoreOpenError } from './store-open-error.js';

export const DEFAULT_STORE = '.linesight/events.duckdb';

/**
 * DuckDB's client, loaded with `require`: it is CommonJS of 124 modules, and imported as an ES
 * module each is first scanned for its exports, which doubled its load (0.1 against 0.05 s), paid
 * by every command that opens a store. As built, the modules are one file (duckdb-node-api.cjs),
 * with V8's code cache beside it.
 */
const duckdb = requireWithCodeCache(
  fileURLToPath(new URL('./duckdb-node-api.cjs', import.meta.url)),
) as typeof import('@duckdb/node-api');

/**
 * The storage format new stores are written in: that of DuckDB 1.0, which every DuckDB since can
 * read, and whose text compression methods (FSST, dictionaries) a table can name for its columns
 * (text-compression.ts). Left to choose between them, DuckDB made storing a log's events a quarter
 * slower than in the 1.4 format (4.2 against 3.3 s at ten million events), where they are one
 * method; named, storing ten million took 3.0 s against 1.4's 3.4. A store made in another format
 * is read and written as it is.
 */
const STORAGE_VERSION = 'v1.0.0';

/**
 * How a store is opened. `read`: read-only, so that several processes can read it at once; it
 * must exist. `write`: it must exist. `create`: made, with its folders, when it does not.
 */
export type StoreAccess = 'read' | 'write' | 'create';

/** Readies a database as it opens (`readOnly` when it cannot be written): its tables, or a check of them. */
export type Prepare = (connection: DuckDBConnection, readOnly: boolean, path: string) => Promise<void>;

const open = new Map<string, Database>();

export class Database {
  readonly instance: Promise<DuckDBInstance>;
  /** The stores open on it in this process. */
  stores = 0;
  /** Set when someone waits for it to close (a writer for readers, a removal): newcomers wait too. */
  draining = false;
  /** The last write in line: writes to one database go one at a time. */
  writes: Promise<unknown> = Promise.resolve();
  readonly closed: Promise<void>;
  private markClosed: () => void = () => {};
  private opened: DuckDBInstance | undefined;
  private discard = false;

  constructor(
    readonly path: string,
    readonly readOnly: boolean,
    /** When opening it made the file: the first folder made for it, if any. */
    readonly made: { folder: string | undefined } | undefined,
    prepare: Prepare,
  ) {
    this.closed = new Promise((done) => {
      this.markClosed = done;
    });
    this.instance = instanceOf(path, readOnly, prepare).then(
      (instance) => {
        this.opened = instance;
        return instance;
      },
      (error: unknown) => {
        this.forget();
        if (made) removeFolders(path, made.folder);
        // Whoever waits for it to close (a writer for readers) need wait no more.
        this.markClosed();
        throw error;
      },
    );
  }

  /** Removes its file (and the folders made for it) as it closes: it was made here and holds nothing. */
  discardOnClose(): void {
    this.discard = true;
  }

  release(): void {
    if (--this.stores > 0) return;
    this.forget();
    // Removed while this process still holds DuckDB's lock, so that no other process can have
    // opened it in between (the open file lives on until closed); where a platform refuses to
    // remove an open file, it goes once closed.
    const removed = this.discard && removeFiles(this.path);
    this.opened?.closeSync();
    if (this.discard) {
      if (!removed) removeFiles(this.path);
      removeFolders(this.path, this.made?.folder);
    }
    this.markClosed();
  }

  private forget(): void {
    const key = resolve(this.path);
    if (open.get(key) === this) open.delete(key);
  }
}

/** The database of `path`, shared with the stores already open on it here, or opened now. */
export async function acquire(path: string, access: StoreAccess, prepare: Prepare): Promise<Database> {
  if (path === ':memory:') return join(new Database(path, false, undefined, prepare));
  const key = resolve(path);
  for (let db = open.get(key); db; db = open.get(key)) {
    if (!db.draining && (access === 'read' || !db.readOnly)) return join(db);
    if (access !== 'read') db.draining = true;
    await db.closed;
  }
  const exists = existsSync(path);
  if (access !== 'create' && !exists) throw missingStore(path);
  if (exists) checkStoreFile(path);
  const made = access === 'create' && !exists;
  const db = new Database(
    path,
    access === 'read',
    made ? { folder: mkdirSync(dirname(path), { recursive: true }) } : undefined,
    prepare,
  );
  open.set(key, db);
  return join(db);
}

async function join(db: Database): Promise<Database> {
  db.stores++;
  // Rejects when it could not be opened (it has then left the map).
  await db.instance;
  return db;
}

async function instanceOf(path: string, readOnly: boolean, prepare: Prepare): Promise<DuckDBInstance> {
  let instance: DuckDBInstance;
  // Read before the open, so that a bad setting is reported as itself, not as an unreadable file.
  const memory_limit = memoryLimit();
  try {
    instance = await duckdb.DuckDBInstance.create(path, {
      memory_limit,
      ...(readOnly ? { access_mode: 'READ_ONLY' } : { storage_compatibility_version: STORAGE_VERSION }),
    });
  } catch (error) {
    throw openError(path, error);
  }
  const connection = await instance.connect();
  try {
    await prepare(connection, readOnly, path);
  } catch (error) {
    connection.closeSync();
    instance.closeSync();
    throw error;
  }
  connection.closeSync();
  return instance;
}

function missingStore(path: string): StoreOpenError {
  return new StoreOpenError(
    `there is no event store at ${path} yet`,
    `import a log first: linesight log import FILE${path === DEFAULT_STORE ? '' : ` --db ${path}`}`,
    true,
  );
}

/** DuckDB's refusal, said plainly: held by another process (with its PID when DuckDB gives it), missing, or unreadable. */
function openError(path: string, error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  if (message.includes('Could not set lock')) {
    const pid = /\(PID (\d+)\)/.exec(message)?.[1];
    return new StoreBusyError(path, pid ? `PID ${pid}` : undefined);
  }
  if (message.includes('database does not exist')) return missingStore(path);
  return new StoreOpenError(
    `cannot open the event store ${path}: ${(message.split('\n')[0] ?? '').replace(/^IO Error: /, '')}`,
    'name another file with --db, or move this one away (the first import makes a new store)',
    false,
  );
}

/** The store's file and DuckDB's write-ahead log beside it; false when the platform refused. */
function removeFiles(path: string): boolean {
  try {
    rmSync(`${path}.wal`, { force: true });
    rmSync(path, { force: true });
    return true;
  } catch {
    return false;
  }
}

/** The folders made for a store, from its own up to the first made, each only while empty. */
function removeFolders(path: string, first: string | undefined): void {
  if (first === undefined) return;
  const top = resolve(first);
  for (let folder = resolve(dirname(path)); folder.startsWith(top); folder = dirname(folder)) {
    try {
      rmdirSync(folder);
    } catch {
      return;
    }
  }
}
