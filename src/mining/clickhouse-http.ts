/**
 * One ClickHouse server over its HTTP interface, with Node's fetch. Every query asks the server
 * to finish before it answers (wait_end_of_query=1): an error after the first rows then comes as
 * an error status, not as text in the middle of a 200 answer taken for data.
 */
import { StoreOpenError } from './store-open-error.js';

export interface ClickHouseCredentials {
  user: string;
  password: string;
}

/** What ClickHouse said went wrong, without its stack of C++ frames. */
export class ClickHouseError extends Error {
  constructor(
    message: string,
    /** ClickHouse's error code (e.g. 60: no such table), or 0 when it gave none. */
    readonly code: number,
  ) {
    super(message);
    this.name = 'ClickHouseError';
  }
}

/** "Code: 60, e.displayText() = DB::Exception: Table x doesn't exist, e.what() = ..." -> code and text. */
export function clickHouseError(text: string, address: string): ClickHouseError {
  const code = Number(/Code: (\d+)/.exec(text)?.[1] ?? 0);
  const said =
    /DB::\w*Exception: ([\s\S]*?)(?:, e\.what\(\) = |\s*\([A-Z_]+\)(?: \(version|\s*$)|\s*\(version [^)]*\)|$)/.exec(
      text,
    )?.[1] ?? text.trim();
  // A failed distributed insert ends its first line with "Insertion status:", its detail on the next.
  const first = (said.trim().split('\n')[0] ?? '').replace(/:?\s*Insertion status:\s*$/, '');
  return new ClickHouseError(`ClickHouse at ${address}: ${first}`, code);
}

/** ClickHouse's code for a query stopped at its `max_execution_time`. */
export const TIMEOUT_EXCEEDED = 159;

export class ClickHouseHttp {
  constructor(
    /** host:port of its HTTP interface. */
    readonly address: string,
    private readonly credentials: ClickHouseCredentials,
    /**
     * Whole seconds each query may run, ClickHouse stopping it past them (code 159); no limit when
     * not given. The server's stores have one, the CLI's none.
     */
    private readonly maxSeconds?: number,
  ) {}

  private url(settings: Record<string, string>): string {
    const limit: Record<string, string> =
      this.maxSeconds === undefined ? {} : { max_execution_time: String(this.maxSeconds) };
    const query = new URLSearchParams({ wait_end_of_query: '1', ...limit, ...settings });
    return `http://${this.address}/?${query}`;
  }

  private headers(): Record<string, string> {
    const basic = Buffer.from(`${this.credentials.user}:${this.credentials.password}`).toString('base64');
    // A connection per request: a kept-alive one that the server closed while idle (a long
    // import keeps the others idle) failed the next query on it now and then (UND_ERR_SOCKET).
    return { Authorization: `Basic ${basic}`, Connection: 'close' };
  }

  /** Runs a statement whose answer is not read (DDL, INSERT ... SELECT). */
  async run(sql: string, settings: Record<string, string> = {}): Promise<void> {
    await this.send(sql, undefined, settings);
  }

  /** The rows of a query ending in FORMAT JSONCompact. */
  async rows(sql: string, settings: Record<string, string> = {}): Promise<unknown[][]> {
    // 64-bit numbers as strings, whatever the server's default: as JSON numbers they lose digits past 2^53.
    const text = await this.send(sql, undefined, {
      output_format_json_quote_64bit_integers: '1',
      ...settings,
    });
    return (JSON.parse(text) as { data: unknown[][] }).data;
  }

  /** An INSERT whose rows are `body`, sent as they are made (one request, not one per batch). */
  async insert(
    sql: string,
    body: AsyncIterable<Uint8Array>,
    settings: Record<string, string> = {},
  ): Promise<void> {
    await this.send(sql, body, settings);
  }

  private async send(
    sql: string,
    body: AsyncIterable<Uint8Array> | undefined,
    settings: Record<string, string>,
  ): Promise<string> {
    // With rows to send, the statement goes in the URL and the rows stream as the body.
    const source: { failure?: unknown } = {};
    const init: RequestInit & { duplex?: 'half' } = body
      ? { method: 'POST', headers: this.headers(), body: streamOf(body, source), duplex: 'half' }
      : { method: 'POST', headers: this.headers(), body: sql };
    let response: Response;
    try {
      response = await fetch(
        this.url(body ? { ...settings, query: sql } : { ...querySize(sql), ...settings }),
        init,
      );
    } catch (error) {
      // The rows failed to be made (their source's error is the one to tell), or the server is out of reach.
      if ('failure' in source) throw source.failure;
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new StoreOpenError(
        `cannot reach ClickHouse at ${this.address} (${cause?.code ?? cause?.message ?? (error as Error).message})`,
        'check that the server runs and listens on that host and HTTP port (scripts/clickhouse.sh start runs a local one)',
        false,
      );
    }
    const text = await response.text();
    if (!response.ok) throw clickHouseError(text, this.address);
    return text;
  }
}

/** ClickHouse's default limit on a query's text (`max_query_size`), in bytes. */
const DEFAULT_QUERY_SIZE = 262_144;

/**
 * A query longer than the server's default limit raises the limit for itself: a model of many
 * steps and segments writes its allowed moves, and a log of many imports their names, into the
 * query's text.
 */
function querySize(sql: string): Record<string, string> {
  const bytes = Buffer.byteLength(sql);
  return bytes < DEFAULT_QUERY_SIZE ? {} : { max_query_size: String(bytes + 1) };
}

/** Pieces of bytes as a stream, each made when the request asks for more. */
function streamOf(
  body: AsyncIterable<Uint8Array>,
  source: { failure?: unknown },
): ReadableStream<Uint8Array> {
  const pieces = body[Symbol.asyncIterator]();
  return new ReadableStream({
    async pull(controller) {
      let next: IteratorResult<Uint8Array>;
      try {
        next = await pieces.next();
      } catch (error) {
        source.failure = error;
        throw error;
      }
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await pieces.return?.();
    },
  });
}
