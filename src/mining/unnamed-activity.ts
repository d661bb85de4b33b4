/**
 * A shard's answer numbered an activity past the names the shards gave a moment before: the log
 * changed between the two queries of a cluster's discover (clickhouse-discover.ts).
 */
export const unnamedActivity = () => new Error('the log changed while it was read: discover it again');
