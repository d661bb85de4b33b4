/** The store a command names: a ClickHouse address (`clickhouse://...`) or a DuckDB file. */
import { isClickHouseStore, parseClickHouseAddress } from './clickhouse-address.js';
import type { LogStore } from './log-store.js';
import type { StoreAccess } from './store.js';

/**
 * Each kind of store is loaded when named: a DuckDB command need not load ClickHouse's, nor the
 * reverse. `maxSeconds` bounds each query on ClickHouse, which stops it itself; a DuckDB store's
 * queries are bounded by whoever runs them (connection.interrupt(), as the server does).
 */
export async function openLogStore(
  store: string,
  access: StoreAccess,
  options: { maxSeconds?: number } = {},
): Promise<LogStore> {
  if (isClickHouseStore(store)) {
    const { ClickHouseLogStore } = await import('./clickhouse-log-store.js');
    return ClickHouseLogStore.open(parseClickHouseAddress(store), access, options.maxSeconds);
  }
  const { openDuckDbLogStore } = await import('./duckdb-log-store.js');
  return openDuckDbLogStore(store, access);
}
