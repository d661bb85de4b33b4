/**
 * A local two-shard ClickHouse cluster for a test file, started and stopped by the repository's
 * own scripts/clickhouse.sh (as a developer runs it), in a folder and on ports of its own so that
 * it meets no other cluster running on the machine.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('../../scripts/clickhouse.sh', import.meta.url));

/**
 * Whether the ClickHouse tests can run here. CI installs the server and says it must
 * (LINESIGHT_REQUIRE_CLICKHOUSE=1), so that a missing server fails there instead of skipping.
 */
export const clickHouseInstalled = () =>
  process.env.LINESIGHT_REQUIRE_CLICKHOUSE === '1' ||
  existsSync(process.env.CLICKHOUSE_SERVER ?? '/usr/sbin/clickhouse-server');

export interface LocalCluster {
  /** The store addresses: one server alone, and both shards as the cluster `linesight`. */
  single: (database: string) => string;
  cluster: (database: string) => string;
  /** HTTP ports of shard 1 and 2. */
  ports: [number, number];
  /** Kills shard 1 or 2 at once (SIGKILL), as a crash would. */
  kill(shard: 1 | 2): void;
  /** Starts again what is not running. */
  start(): void;
  stop(): void;
}

function free(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen(port, '127.0.0.1', () => server.close(() => done(true)));
  });
}

/** A first HTTP port whose neighbours and native ports (+1000) are free too. */
async function freeBase(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 20000 + 2 * Math.floor(Math.random() * 4000);
    const ports = [base, base + 1, base + 1000, base + 1001];
    if ((await Promise.all(ports.map(free))).every(Boolean)) return base;
  }
  throw new Error('no four free loopback ports found for a test cluster');
}

export async function startLocalCluster(): Promise<LocalCluster> {
  const base = await freeBase();
  const dir = mkdtempSync(join(tmpdir(), 'linesight-clickhouse-test-'));
  const env = { ...process.env, LINESIGHT_CLICKHOUSE_DIR: dir, LINESIGHT_CLICKHOUSE_PORT: String(base) };
  const script = (command: string) => execFileSync('sh', [SCRIPT, command], { env, stdio: 'pipe' });
  script('start');
  return {
    single: (database) => `clickhouse://127.0.0.1:${base}/${database}`,
    cluster: (database) =>
      `clickhouse://127.0.0.1:${base},127.0.0.1:${base + 1}/${database}?cluster=linesight`,
    ports: [base, base + 1],
    kill: (shard) =>
      process.kill(Number(readFileSync(join(dir, `shard${shard}`, 'clickhouse.pid'), 'utf8')), 'SIGKILL'),
    start: () => script('start'),
    stop: () => script('stop'),
  };
}
