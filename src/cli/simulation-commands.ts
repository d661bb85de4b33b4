/** The commands that simulate a model: simulate, whatif and staff. */
import { jsonOption, type SetExit } from './command-kit.js';
import { type Command, Option } from './commander.js';
import type { SimulateCommandOptions } from './commands/simulate-options.js';
import type { StaffCommandOptions } from './commands/staff.js';
import type { Io } from './io.js';

/** A progress bar on a terminal, not in a pipe or a log. */
const withProgress = (options: SimulateCommandOptions) => ({
  ...options,
  progress: Boolean(process.stderr.isTTY),
});

/** The options simulate and whatif share. */
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

export function addSimulationCommands(program: Command, io: Io, setExit: SetExit): void {
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
    setExit(await (await import('./commands/simulate.js')).simulateCommand(file, withProgress(options), io)),
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
    setExit(await (await import('./commands/simulate.js')).whatifCommand(file, withProgress(options), io)),
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
    .option('--rounds <n>', 'simulations at most, checks and trims together (2 to 50)', '8')
    .option('-w, --workers <n>', 'worker threads (default: the CPU cores, up to 8)')
    .addOption(jsonOption())
    .action(async (file: string, options: StaffCommandOptions) =>
      setExit(await (await import('./commands/staff.js')).staffCommand(file, options, io)),
    );
}
