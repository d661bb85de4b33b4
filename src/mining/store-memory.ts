/**
 * How much memory the embedded store's DuckDB may hold before it spills to disk. DuckDB's own
 * default is 80% of the machine's memory, so its footprint grew with the log (1.8 GB at ten million
 * events, 5.1 GB at thirty million) until a big enough log took the machine. Bounded, the work of a
 * larger log goes to temporary files beside the store (`events.duckdb.tmp/`, removed when it
 * closes) and the process stays within the limit whatever the log's size: slower, never out of
 * memory. `LINESIGHT_DUCKDB_MEMORY` (for example `8GB` or `512MiB`) sets it for a larger machine or
 * a smaller share of it.
 */
import { totalmem } from 'node:os';
import { StoreOpenError } from './store-open-error.js';

export const MEMORY_VARIABLE = 'LINESIGHT_DUCKDB_MEMORY';

/** Half the machine's memory, at most 4 GiB: enough for DuckDB's sorts of ten million events in memory. */
export function defaultMemoryLimit(total = totalmem()): string {
  const mib = Math.min(4096, Math.floor(total / 2 / 2 ** 20));
  return `${Math.max(256, mib)}MiB`;
}

const SIZE = /^\s*(\d+(?:\.\d+)?)\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)\s*$/i;

/** The limit DuckDB is given: the variable's, checked, or the default. */
export function memoryLimit(env: NodeJS.ProcessEnv = process.env): string {
  const given = env[MEMORY_VARIABLE];
  if (given === undefined || given.trim() === '') return defaultMemoryLimit();
  const match = SIZE.exec(given);
  if (!match || Number(match[1]) <= 0)
    throw new StoreOpenError(
      `${MEMORY_VARIABLE} is ${JSON.stringify(given)}, not a size`,
      `give a number and a unit, for example ${MEMORY_VARIABLE}=8GB or ${MEMORY_VARIABLE}=512MiB, or unset it for ${defaultMemoryLimit()}`,
      false,
    );
  return `${match[1]}${match[2]}`;
}

const UNIT_BYTES: Record<string, number> = {
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 2 ** 10,
  mib: 2 ** 20,
  gib: 2 ** 30,
  tib: 2 ** 40,
};

/** The bytes a limit of `memoryLimit` stands for. */
export function limitBytes(limit: string): number {
  const [, n, unit] = SIZE.exec(limit) ?? [];
  return Number(n) * (UNIT_BYTES[String(unit).toLowerCase()] ?? Number.NaN);
}
