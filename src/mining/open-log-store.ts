/** The store a command names: a ClickHouse address (`clickhouse://...`) or a DuckDB file. */
import { isClickHouseStore, parseClickHouseAddress } from './clickhouse-address.js';
import { ClickHouseLogStore } from './clickhouse-log-store.js';
import { openDuckDbLogStore } from './duckdb-log-store.js';
import type { LogStore } from './log-store.js';
import type { StoreAccess } from './store.js';

export function openLogStore(store: string, access: StoreAccess): Promise<LogStore> {
  if (isClickHouseStore(store)) return ClickHouseLogStore.open(parseClickHouseAddress(store), access);
  return openDuckDbLogStore(store, access);
}
