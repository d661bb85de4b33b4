/**
 * What a server is started with: its workspace, who may use it (token, host names) and how much
 * work one request may ask for. Every limit has a `linesight serve` option of the same name, and a
 * default under which every example runs with the web app's and the CLI's own settings.
 */
export interface Limits {
  /** Simulation jobs running at once; more wait in a queue. */
  maxJobs: number;
  /** Jobs waiting at once; past that a new one is refused with 503. */
  maxQueue: number;
  /** Replications one simulation request may ask for. */
  maxReplications: number;
  /** Customers one simulation request may expect to arrive, over all its runs and replications. */
  maxCustomers: number;
  /**
   * Step visits one simulation request may expect (its customers times the steps each makes): a
   * journey that loops almost surely makes a few customers a billion steps' work.
   */
  maxStepVisits: number;
  /** Days of arrivals a simulated event log may cover. */
  maxLogDays: number;
  /** Customers a simulated event log may expect. */
  maxLogCustomers: number;
  /** Steps a model may have for the exact analysis, diagrams and simulation checks. */
  maxSteps: number;
  /** Milliseconds one request's work may take (analysis, diagrams, validation, BPMN). */
  requestTimeout: number;
  /** Milliseconds one job may run. */
  jobTimeout: number;
}

/** The largest BPMN file the server imports (POST /api/bpmn/import, POST /api/models from 'bpmn'). */
export const BPMN_BODY_LIMIT = 50 * 1024 * 1024;

export const DEFAULT_LIMITS: Limits = {
  maxJobs: 2,
  maxQueue: 20,
  maxReplications: 1000,
  maxCustomers: 20_000_000,
  maxStepVisits: 500_000_000,
  maxLogDays: 366,
  maxLogCustomers: 100_000,
  maxSteps: 5000,
  requestTimeout: 30_000,
  jobTimeout: 15 * 60_000,
};

/** The `linesight serve` option that sets each limit, named in every refusal. */
export const LIMIT_OPTIONS: Record<keyof Limits, string> = {
  maxJobs: '--max-jobs',
  maxQueue: '--max-queue',
  maxReplications: '--max-replications',
  maxCustomers: '--max-customers',
  maxStepVisits: '--max-step-visits',
  maxLogDays: '--max-log-days',
  maxLogCustomers: '--max-log-customers',
  maxSteps: '--max-steps',
  requestTimeout: '--request-timeout',
  jobTimeout: '--job-timeout',
};

export interface ServerOptions {
  workspace: string;
  /**
   * The event store of the log routes, a ClickHouse address (`clickhouse://HOST:PORT/DATABASE`,
   * user and password from LINESIGHT_CLICKHOUSE_USER and _PASSWORD); the workspace's DuckDB file
   * (.linesight/events.duckdb) when not set.
   */
  store?: string;
  /**
   * When set, every request but the static ones needs it: `Authorization: Bearer TOKEN`, or the
   * cookie that opening a page with `?token=TOKEN` sets.
   */
  token?: string;
  /** The address the server listens on (default 127.0.0.1): decides which Host names it answers to. */
  host?: string;
  /** More host names to answer to (a DNS name or a reverse proxy's). */
  allowHosts?: string[];
  /** Largest model or JSON body, bytes. */
  bodyLimit?: number;
  /** Largest uploaded log, bytes. */
  logLimit?: number;
  /** Worker threads for each simulation. */
  workers?: number;
  /** Threads for requests' heavy work (analysis, diagrams, validation). */
  threads?: number;
  /**
   * Starts a shared thread as the server begins to listen, so that the first page's first request
   * does not wait for a thread to import the module graph. `linesight serve` sets it; a server
   * built for one test does not pay for a thread it may never use.
   */
  warmThread?: boolean;
  limits?: Partial<Limits>;
}
