/** A log on a ClickHouse cluster as its queries need it: the shards' servers, the database, and the log's imports (`parts`). */
import type { ClickHouseHttp } from './clickhouse-http.js';

export interface ShardedLog {
  servers: ClickHouseHttp[];
  db: string;
  parts: string[];
}
