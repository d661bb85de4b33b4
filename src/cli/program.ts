/**
 * The `linesight` command line: thin shells over the library. Each command parses its
 * arguments, calls the library and prints; exit codes are 0 (fine), 1 (the input is invalid)
 * and 2 (the command line is wrong). Nobody sees a stack trace. Each command's module is loaded
 * only when it runs: `--version` or `serve` does not pay for DuckDB, ELK, resvg or bpmn-moddle.
 */
import { Command, CommanderError, Option } from 'commander';
import { WriteRefused } from '../fs/write-atomic.js';
import type { JourneyOptionText } from '../mining/journey-options.js';
import { MOST_EDGES } from '../mining/kept-counts.js';
import { LOG_FORMATS } from '../mining/log-format.js';
import { DEFAULT_LIMITS } from '../server/options.js';
import { VERSION } from '../version.js';
import { DFG_EDGES, MOST_DRAWN_EDGES } from '../views/dfg-measures.js';
import { VIEW_IDS } from '../views/view-ids.js';
import type { AnalyzeOptions } from './commands/analyze.js';
import type { EditOptions } from './commands/edit.js';
import type { ImportCommandOptions } from './commands/log-import.js';
import type { LogModelCommandOptions } from './commands/log-model.js';
import type { RenderCommandOptions } from './commands/render.js';
import type { ServeOptions } from './commands/serve.js';
import type { SimulateCommandOptions } from './commands/simulate.js';
import type { StaffCommandOptions } from './commands/staff.js';
import { InputError, type Io, UsageError } from './io.js';
import { RENDER_FORMATS } from './render-formats.js';

/** The options of the `log` commands that read a log against a model (conformance, calibrate). */
type LogAgainstModelOptions = {
  db?: string;
  store?: string;
  log?: string;
  json?: boolean;
  model: string;
  mapping?: string;
};

export { VERSION };

/** Commander's own messages ("error: unknown option") wear the same prefix as linesight's. */
const output = (io: Io) => ({
  writeOut: io.out,
  writeErr: io.err,
  outputError: (text: string, write: (text: string) => void) => write(`linesight: ${text}`),
});

const jsonOption = () => new Option('--json', 'print machine-readable JSON');

export function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command('linesight')
    .description('Model, analyse and simulate customer processes: the organization as its customers see it.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .configureOutput(output(io))
    .exitOverride();

  program
    .command('validate')
    .description('check model files (YAML or JSON; folders are searched) and report every problem')
    .argument('<files...>', 'model, competitor, part or scenario files, or folders of them')
    .option('-s, --scenario <id>', 'also build the model with this scenario applied')
    .addOption(jsonOption())
    .action(async (files: string[], options: { json?: boolean; scenario?: string }) =>
      setExit(await (await import('./commands/validate.js')).validateCommand(files, options, io)),
    );

  program
    .command('edit')
    .description("change a model as the web app's forms do, its comments and layout kept")
    .argument('<file>', 'the model file')
    .argument(
      '<edits>',
      'JSON: one edit or a list, e.g. \'[{"kind": "set", "path": ["name"], "value": "New"}]\', or a .json file of them',
    )
    .option('--dry-run', 'check and report, write nothing')
    .option('--force', 'write the result even when it has errors')
    .addOption(jsonOption())
    .action(async (file: string, edits: string, options: EditOptions) =>
      setExit(await (await import('./commands/edit.js')).editCommand(file, edits, options, io)),
    );

  program
    .command('analyze')
    .description(
      "find where to simplify, where failure hurts, each department's line of sight; exact journey metrics",
    )
    .argument('<file>', 'the model file')
    .option('-s, --scenario <id>', 'analyse the model with this scenario applied')
    .option('--segment <id>', 'analyse one segment only')
    .option('-d, --diff <id>', 'show what this scenario changes in every metric')
    .addOption(
      new Option(
        '-f, --format <format>',
        'text, json, md or html (default: from the output file name, else text)',
      ).choices(['text', 'json', 'md', 'html']),
    )
    .option('-o, --output <file>', 'write the report to a file')
    .option('--top <n>', 'how many findings the report lists (JSON has them all)', '20')
    .addOption(jsonOption())
    .action(async (file: string, options: AnalyzeOptions) =>
      setExit(await (await import('./commands/analyze.js')).analyzeCommand(file, options, io)),
    );

  program
    .command('compare')
    .description("compare our customer's experience with a competitor's, stage by stage")
    .argument('<ours>', 'our model file')
    .argument('<theirs>', "the competitor's model file")
    .addOption(
      new Option('-f, --format <format>', 'text, json, md or html').choices(['text', 'json', 'md', 'html']),
    )
    .option('-o, --output <file>', 'write the report to a file')
    .addOption(jsonOption())
    .action(
      async (ours: string, theirs: string, options: { format?: string; output?: string; json?: boolean }) =>
        setExit((await import('./commands/analyze.js')).compareCommand(ours, theirs, options, io)),
    );

  const simulationOptions = (command: Command) =>
    command
      .option('-n, --replications <n>', 'independent replications', '20')
      .option('--horizon <duration>', 'arrivals for this long in each replication', '30d')
      .option(
        '--warmup <duration>',
        'the start of each replication not counted (default: 2d, or a fifteenth of a --horizon under 30d)',
      )
      .option('--seed <n>', 'the random seed: the same seed gives the same answer', '1')
      .option('-w, --workers <n>', 'worker threads (default: the CPU cores, up to 8)')
      .option(
        '--precision <share>',
        "run replications, 10 at a time after the first --replications, until each judged KPI's 95% half-width is at most this share of its mean, e.g. 2%",
      )
      .option(
        '--precision-kpis <keys>',
        'with --precision: the KPIs judged, comma-separated (default: timeInJourney, queueWait, orders, costPerOrder, experience)',
      )
      .option('--max-replications <n>', 'with --precision: the most replications to run (default 200)')
      .option(
        '--set <path=value>',
        'change a value for this run, as a scenario would (repeatable)',
        (v: string, all: string[] = []) => [...all, v],
      )
      .addOption(new Option('-f, --format <format>', 'text, md or json').choices(['text', 'md', 'json']))
      .option('-o, --output <file>', 'write the results to a file')
      .addOption(jsonOption());

  simulationOptions(
    program
      .command('simulate')
      .description('simulate customers, queues and staff over time: KPIs with 95% confidence intervals')
      .argument('<file>', 'the model file')
      .option('-s, --scenario <id>', 'simulate the model with this scenario applied')
      .option(
        '--sweep <path=from..to>',
        'run each value of a parameter, e.g. resources.agents.capacity=5..15',
      )
      .option('--target <kpi<=value>', 'with --sweep: the target to meet, e.g. queueWait<=30s')
      .option(
        '--event-log <file>',
        "also write one replication's interactions as a CSV event log (for linesight log import)",
      ),
  ).action(async (file: string, options: SimulateCommandOptions) =>
    setExit(
      await (await import('./commands/simulate.js')).simulateCommand(
        file,
        { ...options, progress: Boolean(process.stderr.isTTY) },
        io,
      ),
    ),
  );

  simulationOptions(
    program
      .command('whatif')
      .description(
        'compare scenarios with the baseline, with common random numbers and paired confidence intervals',
      )
      .argument('<file>', 'the model file')
      .option('--scenarios <ids>', 'the scenarios to compare, comma-separated (default: all)'),
  ).action(async (file: string, options: SimulateCommandOptions) =>
    setExit(
      await (await import('./commands/simulate.js')).whatifCommand(
        file,
        { ...options, progress: Boolean(process.stderr.isTTY) },
        io,
      ),
    ),
  );

  program
    .command('staff')
    .description(
      "find the fewest staff per pool and hour of the week that meet each pool's service level, and write them as a scenario with its cost",
    )
    .argument('<file>', 'the model file')
    .option('--pools <ids>', 'the pools to staff, comma-separated (default: every pool with a serviceLevel)')
    .option('--scenario-id <id>', 'the id of the scenario written', 'least-cost-staffing')
    .option('--dry-run', 'find the staffing, write nothing')
    .option('-n, --replications <n>', 'replications in each checking simulation', '10')
    .option('--days <n>', 'days simulated in each replication, after a day of warm-up', '14')
    .option('--seed <n>', 'the random seed: the same seed gives the same answer', '1')
    .option('-w, --workers <n>', 'worker threads (default: the CPU cores, up to 8)')
    .addOption(jsonOption())
    .action(async (file: string, options: StaffCommandOptions) =>
      setExit(await (await import('./commands/staff.js')).staffCommand(file, options, io)),
    );

  const bpmn = program
    .command('bpmn')
    .description('BPMN 2.0: export a model as a collaboration, import a BPMN file as a model');
  bpmn
    .command('export')
    .description('a collaboration with the customer pool on top, message flows at every touchpoint, laid out')
    .argument('<file>', 'the model file')
    .option('-s, --scenario <id>', 'export the model with this scenario applied')
    .option('-o, --output <file>', 'write to this .bpmn file (standard output without it)')
    .action(async (file: string, options: { scenario?: string; output?: string }) =>
      setExit(await (await import('./commands/bpmn.js')).bpmnExportCommand(file, options, io)),
    );
  bpmn
    .command('import')
    .description("read a BPMN file's customer pool as a journey and its other pools as departments")
    .argument('<file>', 'the .bpmn file')
    .option('-o, --output <file>', 'write the model to this .yaml file (standard output without it)')
    .option(
      '--customer-pool <name>',
      "the pool that is the customer's (default: the one named like a customer)",
    )
    .addOption(jsonOption())
    .action(async (file: string, options: { output?: string; customerPool?: string; json?: boolean }) =>
      setExit(await (await import('./commands/bpmn.js')).bpmnImportCommand(file, options, io)),
    );

  const logCommand = program
    .command('log')
    .description('interaction logs: import them, discover journeys, check and calibrate a model');
  const db = (c: Command) =>
    c
      .option('--db <file>', 'the event store (default .linesight/events.duckdb)')
      .option(
        '--store <url>',
        'an event store on ClickHouse: clickhouse://HOST:PORT[,HOST:PORT...]/DATABASE[?cluster=NAME] (user and password from LINESIGHT_CLICKHOUSE_USER and LINESIGHT_CLICKHOUSE_PASSWORD)',
      )
      .addOption(jsonOption());
  /** The commands that read one log: which one, when the store holds several. */
  const store = (c: Command) =>
    db(c).option('-l, --log <name>', "the log to read (default: the store's log, when it holds only one)");
  db(
    logCommand
      .command('import')
      .description(
        'import XES (.xes, .xes.gz), CSV or OCEL 2.0 (.jsonocel, .xmlocel, .sqlite) event logs into the store; bad rows are reported by line and field',
      )
      .argument('<files...>', 'the log files')
      .option('-l, --log <name>', 'the log to import into (default: named after each file, e.g. receipt)')
      .option('--case <column>', 'CSV: the case (customer) column')
      .option('--activity <column>', 'CSV: the activity column')
      .option('--timestamp <column>', 'CSV: the timestamp column')
      .option('--channel <column>', 'the channel column or attribute')
      .option('--resource <column>', 'CSV: the resource column')
      .option('--segment <column>', 'the segment column or attribute')
      .option('--lifecycle <transitions>', 'XES: keep only these lifecycle transitions, e.g. complete')
      .option('--case-type <type>', 'OCEL: the object type that is the case, e.g. Customer')
      .addOption(
        new Option('--format <format>', "the files' format, when their names do not say it").choices(
          LOG_FORMATS,
        ),
      )
      .addOption(
        new Option('--on-error <what>', 'skip bad rows, or fail on the first')
          .choices(['skip', 'fail'])
          .default('skip'),
      ),
  ).action(async (files: string[], options: ImportCommandOptions) =>
    setExit(await (await import('./commands/log-import.js')).logImportCommand(files, options, io)),
  );
  db(logCommand.command('list').description('the logs in the store')).action(
    async (options: { db?: string; store?: string; json?: boolean }) =>
      setExit(await (await import('./commands/log.js')).logListCommand(options, io)),
  );
  db(
    logCommand
      .command('remove')
      .description('remove a log and all its events from the store')
      .argument('<log>', 'the log to remove'),
  ).action(async (log: string, options: { db?: string; store?: string; json?: boolean }) =>
    setExit(await (await import('./commands/log.js')).logRemoveCommand({ ...options, log }, io)),
  );
  store(
    logCommand
      .command('discover')
      .description('the directly-follows graph with counts and times, start and end activities, variants')
      .option('--top <n>', 'variants to show', '10')
      .option('--segment <value>', 'only events of this segment')
      .option('--channel <value>', 'only events on this channel')
      .option('--svg <file>', 'also draw the directly-follows graph to this SVG file')
      .option(
        '--edges <n>',
        `with --svg: draw this many of the most frequent edges (at most ${MOST_DRAWN_EDGES})`,
        String(DFG_EDGES),
      )
      .option(
        '--most-edges <n>',
        'list this many of the most frequent edges (--json); the rest are counted in moreEdges',
        String(MOST_EDGES),
      )
      .option(
        '--most-activities <n>',
        'only the events of this many of the most frequent activities, as if the log held no others',
      )
      .addOption(
        new Option('--measure <measure>', 'with --svg: label edges with counts or median times')
          .choices(['frequency', 'time'])
          .default('frequency'),
      ),
  ).action(
    async (options: {
      db?: string;
      store?: string;
      log?: string;
      json?: boolean;
      top?: string;
      segment?: string;
      channel?: string;
      svg?: string;
      edges?: string;
      mostEdges?: string;
      mostActivities?: string;
      measure?: 'frequency' | 'time';
    }) => setExit(await (await import('./commands/log-discover.js')).logDiscoverCommand(options, io)),
  );
  store(
    logCommand
      .command('journeys')
      .description(
        'channel switching, repeat contacts, call drivers by activity and attribute, signs that the website fails to communicate',
      )
      .option('--contacts <activities>', 'the activities that are contacts, comma-separated')
      .option('--topic <attribute>', "the attribute that names a contact's topic (default: the activity)")
      .option('--repeat-window <duration>', 'a contact on the same topic within this is a repeat', '7d')
      .option(
        '--by <attributes>',
        'attributes or columns to seek drivers on, comma-separated, e.g. product,page (default: those named product, page, topic, url, term)',
      )
      .option(
        '--initiator <column>',
        'the column saying who started an event: customer/inbound/in or company/outbound/out/agent/system',
      )
      .option(
        '--outbound <activities>',
        'the activities the company starts, comma-separated (default: named like sent, confirmation, reply, reminder...)',
      )
      .option(
        '--window <duration>',
        'a contact within this after what the customer did counts as driven by it (default 1d)',
      )
      .option('--driver-window <duration>', 'the same as --window')
      .option(
        '--min-exposed <n>',
        'test a driver only when this many customer-days were exposed to it (default 30)',
      )
      .option('--level <p>', 'family-wise significance level of the tests, Holm-corrected (default 0.05)')
      .option(
        '--web-signs <activities>',
        'the activities that show the website failing, comma-separated; /pattern/ matches names, case-insensitive (default: searches with no result, pages viewed again and again, forms not sent, found by name)',
      )
      .option(
        '--min-support <share>',
        'list an activity pair only when this share of customers has it and the contact, e.g. 0.5% (default: 1%)',
      ),
  ).action(async (options: { db?: string; log?: string; json?: boolean } & JourneyOptionText) =>
    setExit(await (await import('./commands/log-journeys.js')).logJourneysCommand(options, io)),
  );
  store(
    logCommand
      .command('conformance')
      .description('how well the actual journeys fit a model: fitness, deviations, branch probabilities')
      .requiredOption('-m, --model <file>', 'the model (required)')
      .option('--mapping <file>', 'YAML: log activity: step id'),
  ).action(async (options: LogAgainstModelOptions) =>
    setExit(await (await import('./commands/log-conformance.js')).logConformanceCommand(options, io)),
  );
  store(
    logCommand
      .command('calibrate')
      .description(
        'arrival rate, segment shares, starts, branch probabilities, failure rates and durations from the log, as a scenario overlay',
      )
      .requiredOption('-m, --model <file>', 'the model (required)')
      .option('--mapping <file>', 'YAML: log activity: step id')
      .option('-o, --output <file>', 'the scenario file to write', 'calibrated.yaml'),
  ).action(async (options: LogAgainstModelOptions & { output?: string }) =>
    setExit(await (await import('./commands/log-calibrate.js')).logCalibrateCommand(options, io)),
  );

  store(
    logCommand
      .command('model')
      .description(
        'a journey model discovered from the log: steps with their channels, flows per segment, fail points, durations, arrivals',
      )
      .option('-o, --output <file>', 'the model file to write (default discovered-LOG.yaml)')
      .option(
        '--stages <groups>',
        "stages of the activities: 'stage=activity,activity;stage=activity', or a YAML file (stage: [activity, ...])",
      )
      .option(
        '--ends <groups>',
        "how journeys that end after an activity ended: 'success=activity,...;exit=activity,...', or a YAML file",
      )
      .option(
        '--roles <groups>',
        "who serves an activity (it is then a contact): 'role=activity,...;role=activity', or a YAML file",
      ),
  ).action(async (options: LogModelCommandOptions) =>
    setExit(await (await import('./commands/log-model.js')).logModelCommand(options, io)),
  );

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

  program
    .command('render')
    .description('draw a model: blueprint, entity, journey, role or e2e, as SVG, PNG or PDF')
    .argument('<file>', 'the model file')
    .requiredOption('-v, --view <view>', `the view (required): ${VIEW_IDS.join(', ')}`)
    .option('-s, --scenario <id>', 'draw the model with this scenario applied')
    .option('--segment <id>', "draw one segment's journey only")
    .option('-r, --role <id>', 'the role or department (role view)')
    .option('--merge-segments', 'one customer lane for all segments')
    .option('--happy-path', "focus: only each shown segment's most likely path (not the journey view)")
    .option(
      '--min-reach <share>',
      'focus: only the steps a customer of the shown segments reaches with at least this probability, e.g. 5% (not the journey view)',
    )
    .option('--stages <ids>', 'focus: only these stages, comma-separated (not the journey view)')
    .option(
      '--path <ids>',
      "journey view: these steps in order, comma-separated, each leading to the next (default: the segment's most likely path)",
    )
    .option(
      '-o, --output <file>',
      'write to this .svg, .png or .pdf file (SVG goes to standard output without it)',
    )
    .addOption(
      new Option('-f, --format <format>', 'svg, png or pdf (default: from the output file name)').choices([
        ...RENDER_FORMATS,
      ]),
    )
    .addOption(jsonOption())
    .action(async (file: string, options: RenderCommandOptions) =>
      setExit(await (await import('./commands/render.js')).renderCommand(file, options, io)),
    );

  for (const command of program.commands) command.exitOverride().configureOutput(output(io));
  // An empty argument ("$FILE" with FILE unset) was read as a file named '' and reported as
  // ": error:  does not exist".
  program.hook('preAction', (_, action) => {
    const empty = action.args.findIndex((a) => a.trim() === '');
    if (empty < 0) return;
    // Past the last declared argument are the variadic one's further values.
    const declared = action.registeredArguments;
    const name = (declared[empty] ?? declared.at(-1))?.name() ?? 'argument';
    throw new UsageError(
      `an empty ${name} argument was given: name it (a variable in the command line may be unset)`,
    );
  });
  return program;
}

/** Runs the command line; resolves to the exit code. */
export async function run(argv: string[], given: Io): Promise<number> {
  let code = 0;
  let printed = false;
  const io: Io = {
    ...given,
    out: (text) => {
      printed = true;
      given.out(text);
    },
  };
  const program = buildProgram(io, (c) => {
    code = c;
  });
  try {
    if (argv.length === 0) {
      program.outputHelp();
      return 2;
    }
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code)) return 0;
      return 2;
    }
    if (error instanceof UsageError) {
      io.err(`linesight: error: ${error.message}\n`);
      return 2;
    }
    if (error instanceof InputError || error instanceof WriteRefused) {
      io.err(`linesight: error: ${error.message}\n${error.hint ? `      hint: ${error.hint}\n` : ''}`);
      // A script reading --json gets the refusal as JSON too, unless the command printed its own.
      if (argv.includes('--json') && !printed)
        io.out(
          `${JSON.stringify({ error: error.message, ...(error.hint ? { hint: error.hint } : {}) }, null, 2)}\n`,
        );
      return 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err(
      `linesight: error: internal error: ${message}\n      this is a bug in linesight; please report it with the command you ran\n`,
    );
    if (process.env.LINESIGHT_DEBUG && error instanceof Error) io.err(`${error.stack}\n`);
    return 70;
  }
}
