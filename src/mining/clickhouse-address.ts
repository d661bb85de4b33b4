/**
 * Where a ClickHouse event store is: `clickhouse://HOST:PORT[,HOST:PORT...]/DATABASE[?cluster=NAME]`,
 * the HTTP address of every shard (one for a single server), the database, and on a cluster the
 * cluster's name as the servers' remote_servers know it. User and password come from the
 * environment (LINESIGHT_CLICKHOUSE_USER, LINESIGHT_CLICKHOUSE_PASSWORD), never from the command
 * line, where other users of the machine could read them.
 */
import type { ClickHouseCredentials } from './clickhouse-http.js';
import { StoreOpenError } from './store-open-error.js';

export interface ClickHouseAddress {
  /** host:port of each shard's HTTP interface, as given. */
  shards: string[];
  database: string;
  cluster: string | undefined;
}

const FORM = 'clickhouse://HOST:PORT[,HOST:PORT...]/DATABASE[?cluster=NAME]';

export const isClickHouseStore = (store: string) => store.startsWith('clickhouse://');

function wrong(store: string, what: string): StoreOpenError {
  return new StoreOpenError(`the store '${store}' ${what}`, `write it as ${FORM}`, false);
}

export function parseClickHouseAddress(store: string): ClickHouseAddress {
  const rest = store.slice('clickhouse://'.length);
  const [path = '', query = ''] = rest.split('?', 2);
  const slash = path.indexOf('/');
  if (slash < 0) throw wrong(store, 'names no database');
  const shards = path.slice(0, slash).split(',');
  for (const shard of shards)
    if (!/^[A-Za-z0-9.-]+:\d{1,5}$|^\[[0-9A-Fa-f:]+\]:\d{1,5}$/.test(shard))
      throw wrong(store, `has '${shard}' where a HOST:PORT (the HTTP port, often 8123) belongs`);
  const database = decodeURIComponent(path.slice(slash + 1));
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(database))
    throw wrong(store, `names the database '${database}': letters, digits and _ only, not first a digit`);
  const params = new URLSearchParams(query);
  for (const key of params.keys())
    if (key !== 'cluster') throw wrong(store, `has '${key}', which linesight does not know (only cluster)`);
  const cluster = params.get('cluster') ?? undefined;
  if (cluster === undefined && shards.length > 1)
    throw wrong(store, 'lists several shards but no cluster: add ?cluster=NAME (its name in remote_servers)');
  if (cluster === '') throw wrong(store, 'names an empty cluster');
  return { shards, database, cluster };
}

/** User and password from the environment: `default` with no password when not set, as ClickHouse has it. */
export function clickHouseCredentials(env: NodeJS.ProcessEnv = process.env): ClickHouseCredentials {
  return {
    user: env.LINESIGHT_CLICKHOUSE_USER || 'default',
    password: env.LINESIGHT_CLICKHOUSE_PASSWORD ?? '',
  };
}
