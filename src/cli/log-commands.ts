/**
 * The `log` commands: import logs into the store, list and remove them, discover the journeys in
 * one, read its channel switching and call drivers, and hold it against a model (conformance,
 * calibration, a model discovered from it).
 */
import type { JourneyOptionText } from '../mining/journey-options.js';
import { MOST_EDGES } from '../mining/kept-counts.js';
import { LOG_FORMATS } from '../mining/log-format.js';
import { DFG_EDGES, MOST_DRAWN_EDGES } from '../views/dfg-measures.js';
import { jsonOption, type SetExit } from './command-kit.js';
import { type Command, Option } from './commander.js';
import type { DiscoverCommandOptions } from './commands/log-discover.js';
import type { ImportCommandOptions } from './commands/log-import.js';
import type { LogModelCommandOptions } from './commands/log-model.js';
import type { Io } from './io.js';

/** The options of the `log` commands that read a log against a model (conformance, calibrate). */
type LogAgainstModelOptions = {
  db?: string;
  store?: string;
  log?: string;
  json?: boolean;
  model: string;
  mapping?: string;
};

/** The options of every command on the store: which store, and JSON. */
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

export function addLogCommands(program: Command, io: Io, setExit: SetExit): void {
  const logCommand = program
    .command('log')
    .description('interaction logs: import them, discover journeys, check and calibrate a model');
  addStoreCommands(logCommand, io, setExit);
  addDiscoverCommand(logCommand, io, setExit);
  addJourneysCommand(logCommand, io, setExit);
  addAgainstModelCommands(logCommand, io, setExit);
}

/** import, list, remove: the logs in the store. */
function addStoreCommands(logCommand: Command, io: Io, setExit: SetExit): void {
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
}

/** discover: the directly-follows graph, start and end activities, variants. */
function addDiscoverCommand(logCommand: Command, io: Io, setExit: SetExit): void {
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
  ).action(async (options: DiscoverCommandOptions) =>
    setExit(await (await import('./commands/log-discover.js')).logDiscoverCommand(options, io)),
  );
}

/** journeys: channel switching, repeat contacts, call drivers, web signs. */
function addJourneysCommand(logCommand: Command, io: Io, setExit: SetExit): void {
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
}

/** conformance, calibrate, model: the log held against a model, or made into one. */
function addAgainstModelCommands(logCommand: Command, io: Io, setExit: SetExit): void {
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
}
