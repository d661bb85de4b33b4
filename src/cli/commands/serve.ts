/** `linesight serve [WORKSPACE]`: the HTTP API (and the page at /) over a workspace folder. */
import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { parseDuration } from '../../model/units.js';
import { buildServer } from '../../server/app.js';
import { isLoopback, SHORTEST_TOKEN, tokenProblem } from '../../server/guard.js';
import { DEFAULT_LIMITS, LIMIT_OPTIONS, type Limits } from '../../server/options.js';
import { InputError, type Io, UsageError } from '../io.js';

export interface ServeOptions extends Partial<Record<keyof Limits, string>> {
  port?: string;
  host?: string;
  token?: string;
  allowHost?: string[];
  /** clickhouse://...: the event store of the log routes, instead of the workspace's DuckDB file. */
  store?: string;
}

const TIMES = new Set<keyof Limits>(['requestTimeout', 'jobTimeout']);

/** The limits the command line sets: whole numbers, or durations for the time limits. */
export function limitsOf(options: ServeOptions): Limits {
  const limits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(DEFAULT_LIMITS) as (keyof Limits)[]) {
    const text = options[key];
    if (text === undefined) continue;
    if (TIMES.has(key)) {
      const d = parseDuration(text);
      if (!d.ok || !(d.value > 0))
        throw new UsageError(`${LIMIT_OPTIONS[key]} takes a duration, e.g. 30s or 10min, not '${text}'`);
      limits[key] = Math.round(d.value * 1000);
    } else {
      const n = Number(text.replace(/_/g, ''));
      if (!Number.isSafeInteger(n) || n < (key === 'maxQueue' ? 0 : 1))
        throw new UsageError(
          `${LIMIT_OPTIONS[key]} takes a whole number of at least ${key === 'maxQueue' ? 0 : 1}, not '${text}'`,
        );
      limits[key] = n;
    }
  }
  return limits;
}

/**
 * The ClickHouse store named, checked before the server listens: an address that cannot be used
 * would otherwise fail every log request. A store with no log yet is fine (the first upload makes it).
 */
async function checkedStore(store: string | undefined): Promise<string | undefined> {
  if (store === undefined) return undefined;
  const { isClickHouseStore, openLogStore, StoreOpenError } = await import('../../mining/index.js');
  if (!isClickHouseStore(store))
    throw new UsageError(
      `--store takes a ClickHouse address, clickhouse://HOST:PORT/DATABASE, not '${store}' (without --store the workspace's own DuckDB store is used)`,
    );
  try {
    await (await openLogStore(store, 'read')).close();
  } catch (error) {
    if (!(error instanceof StoreOpenError)) throw error;
    if (!error.missing) throw new InputError(error.message, error.hint);
  }
  return store;
}

export async function serveCommand(workspace: string, options: ServeOptions, io: Io): Promise<number> {
  const root = resolve(workspace);
  if (!existsSync(root) || !statSync(root).isDirectory())
    throw new InputError(
      `${workspace} is not a folder`,
      'serve a workspace folder, e.g. linesight serve examples (linesight init makes one)',
    );
  const port = Number(options.port ?? 4173);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port takes a port number, not '${options.port}'`);
  const host = options.host ?? '127.0.0.1';
  const limits = limitsOf(options);
  // Anyone who can reach a non-loopback address could edit the models: a token is required there.
  const made = options.token === undefined && !isLoopback(host);
  const token = made ? randomBytes(18).toString('base64url') : options.token;
  const problem = tokenProblem(token, host);
  if (problem)
    throw new UsageError(
      `--token: ${problem}; leave --token out and serve makes one up, or give one of at least ${SHORTEST_TOKEN} characters (e.g. openssl rand -base64 18)`,
    );
  const store = await checkedStore(options.store);
  const app = buildServer({
    workspace: root,
    host,
    allowHosts: options.allowHost ?? [],
    limits,
    warmThread: true,
    ...(token ? { token } : {}),
    ...(store ? { store } : {}),
  });
  const address = await app.listen({ port, host }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE')
      throw new InputError(
        `port ${port} on ${host} is already in use`,
        `pick another with --port, or stop what listens there`,
      );
    if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND')
      throw new InputError(
        `cannot listen on ${host}: no such address here`,
        'use 127.0.0.1 (the default) or an address of this machine',
      );
    throw error;
  });
  io.out(`linesight is serving ${root} at ${address}/\n`);
  if (store) io.out(`its event logs are in ${store}\n`);
  if (token) {
    const listening = Number(new URL(address).port);
    const shown = made ? token : 'YOUR-TOKEN';
    const names =
      host === '0.0.0.0' || host === '::'
        ? [hostname(), '127.0.0.1']
        : [host.includes(':') ? `[${host}]` : host];
    io.out(`open ${names.map((n) => `http://${n}:${listening}/?token=${shown}`).join(' or ')}\n`);
    io.out(`programs send Authorization: Bearer ${shown}\n`);
  }
  await new Promise<void>((done) => {
    const stop = () => {
      void app.close().then(done);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
