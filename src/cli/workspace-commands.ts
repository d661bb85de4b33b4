/** The commands that set up and serve a workspace: serve, schema, init. */
import { DEFAULT_LIMITS } from '../server/options.js';
import { jsonOption, type SetExit } from './command-kit.js';
import { type Command, Option } from './commander.js';
import type { ServeOptions } from './commands/serve.js';
import type { Io } from './io.js';

export function addWorkspaceCommands(program: Command, io: Io, setExit: SetExit): void {
  program
    .command('serve')
    .description('the HTTP API and the web page over a workspace folder')
    .argument('[workspace]', 'the folder of models', '.')
    .option('-p, --port <port>', 'the port', '4173')
    .option('--host <host>', 'the address to listen on (anything but loopback needs a token)', '127.0.0.1')
    .option('--token <token>', 'require this token (made up and printed when the host is not loopback)')
    .option(
      '--allow-host <name>',
      'also answer to this host name, e.g. a DNS name or a proxy (repeatable)',
      (v: string, all: string[] = []) => [...all, v],
    )
    .option(
      '--store <url>',
      "the event logs on ClickHouse, clickhouse://HOST:PORT[,HOST:PORT...]/DATABASE[?cluster=NAME], instead of the workspace's .linesight/events.duckdb (user and password from LINESIGHT_CLICKHOUSE_USER and LINESIGHT_CLICKHOUSE_PASSWORD)",
    )
    .option(
      '--max-jobs <n>',
      'simulation jobs running at once; more wait in a queue',
      String(DEFAULT_LIMITS.maxJobs),
    )
    .option('--max-queue <n>', 'jobs waiting at once', String(DEFAULT_LIMITS.maxQueue))
    .option(
      '--max-replications <n>',
      'replications a request may ask for',
      String(DEFAULT_LIMITS.maxReplications),
    )
    .option(
      '--max-customers <n>',
      'customers a simulation request may expect (all runs and replications)',
      String(DEFAULT_LIMITS.maxCustomers),
    )
    .option(
      '--max-step-visits <n>',
      'step visits a simulation request may expect (its customers times the steps each makes)',
      String(DEFAULT_LIMITS.maxStepVisits),
    )
    .option('--max-log-days <n>', 'days a simulated event log may cover', String(DEFAULT_LIMITS.maxLogDays))
    .option(
      '--max-log-customers <n>',
      'customers a simulated event log may expect',
      String(DEFAULT_LIMITS.maxLogCustomers),
    )
    .option(
      '--max-steps <n>',
      'steps a model may have for analysis, diagrams and simulation',
      String(DEFAULT_LIMITS.maxSteps),
    )
    .option(
      '--request-timeout <duration>',
      "one request's work, at most",
      `${DEFAULT_LIMITS.requestTimeout / 1000}s`,
    )
    .option('--job-timeout <duration>', "one job's run, at most", `${DEFAULT_LIMITS.jobTimeout / 60000}min`)
    .action(async (workspace: string, options: ServeOptions) =>
      setExit(await (await import('./commands/serve.js')).serveCommand(workspace, options, io)),
    );

  program
    .command('schema')
    .description('print the JSON Schema of model files, for editors')
    .addOption(
      new Option('-k, --kind <kind>', 'which file kind')
        .choices(['model', 'competitor', 'part', 'scenario'])
        .default('model'),
    )
    .option('-o, --output <file>', 'write it to a file instead')
    .addOption(jsonOption())
    .action(async (options: { kind?: string; output?: string }) =>
      setExit((await import('./commands/schema.js')).schemaCommand(options, io)),
    );

  program
    .command('init')
    .description('create a workspace with a starter model, a README and the JSON Schema')
    .argument('[dir]', 'the folder to create it in', '.')
    .option('-f, --force', 'overwrite files that are there')
    .addOption(jsonOption())
    .action(async (dir: string, options: { force?: boolean; json?: boolean }) =>
      setExit((await import('./commands/init.js')).initCommand(dir, options, io)),
    );
}
