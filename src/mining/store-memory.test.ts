import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, queryRows } from './store.js';
import { defaultMemoryLimit, limitBytes, MEMORY_VARIABLE, memoryLimit } from './store-memory.js';
import { StoreOpenError } from './store-open-error.js';

describe('the embedded store’s memory limit', () => {
  const saved = process.env[MEMORY_VARIABLE];
  afterEach(() => {
    if (saved === undefined) delete process.env[MEMORY_VARIABLE];
    else process.env[MEMORY_VARIABLE] = saved;
  });

  it('is half the machine’s memory, between 256 MiB and 4 GiB, unless the variable sets it', () => {
    expect(defaultMemoryLimit(24 * 2 ** 30)).toBe('4096MiB');
    expect(defaultMemoryLimit(2 * 2 ** 30)).toBe('1024MiB');
    expect(defaultMemoryLimit(256 * 2 ** 20)).toBe('256MiB');
    expect(memoryLimit({})).toBe(defaultMemoryLimit());
    expect(memoryLimit({ [MEMORY_VARIABLE]: ' 8 GB ' })).toBe('8GB');
    expect(limitBytes('512MiB')).toBe(512 * 2 ** 20);
    expect(limitBytes('1.5GB')).toBe(1.5e9);
  });

  it('refuses a value that is not a size, saying how to write one', () => {
    for (const bad of ['lots', '8', '-1GB', '0GB', '8 GiBs']) {
      const error = (() => {
        try {
          memoryLimit({ [MEMORY_VARIABLE]: bad });
        } catch (e) {
          return e;
        }
      })();
      expect(error, bad).toBeInstanceOf(StoreOpenError);
      expect((error as StoreOpenError).message).toContain(JSON.stringify(bad));
      expect((error as StoreOpenError).hint).toContain(`${MEMORY_VARIABLE}=8GB`);
    }
  });

  it('is what DuckDB holds to, on a store on disk and read back by DuckDB', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linesight-memory-'));
    try {
      process.env[MEMORY_VARIABLE] = '300MiB';
      const store = await openStore(join(dir, 'events.duckdb'), { access: 'create' });
      const [row] = await queryRows(store, "select current_setting('memory_limit') as limit");
      store.close();
      // DuckDB reports the limit in its own units: 300 MiB is 314.5 MB.
      expect(String(row?.limit)).toMatch(/^(300\.0 MiB|314\.5 MB)$/);
      process.env[MEMORY_VARIABLE] = 'much';
      await expect(openStore(join(dir, 'other.duckdb'), { access: 'create' })).rejects.toThrow(
        /LINESIGHT_DUCKDB_MEMORY is "much", not a size/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
