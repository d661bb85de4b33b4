/**
 * How long a `linesight` process takes from start to exit, as a shell user runs it (the built
 * CLI, bin/linesight.js): the goal is under 0.25 s of wall time for `--version` and for `validate
 * examples/mmc.yaml`; `render` and a small `simulate` show where the commands that need more start.
 * Every command runs once per round, rounds interleaved, so that a busy moment of the machine
 * falls on all of them alike; Node alone (an empty script) is the floor no command can go under.
 * Run with `npm run bench`; the figures print after the table. dist/ is built first when stale.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { afterAll, bench, describe } from 'vitest';
import { BUILT_CLI, ensureBuiltCli } from '../src/testing/built-cli.js';

const ROUNDS = 7;
const GOAL_SECONDS = 0.25;
const MMC = fileURLToPath(new URL('../examples/mmc.yaml', import.meta.url));

interface Command {
  label: string;
  args: string[];
  goal?: number;
  /** The environment, when not this process's. */
  env?: NodeJS.ProcessEnv;
  /** The command its start is compared with, Node alone in the same environment: COMMANDS[floor] (0 unless set). */
  floor?: number;
}

const COMMANDS: Command[] = [
  { label: 'node alone (an empty script: the floor)', args: ['-e', ''] },
  { label: 'linesight --version', args: [BUILT_CLI, '--version'], goal: GOAL_SECONDS },
  { label: 'linesight validate examples/mmc.yaml', args: [BUILT_CLI, 'validate', MMC], goal: GOAL_SECONDS },
  {
    label: 'linesight render examples/mmc.yaml --view blueprint (SVG)',
    args: [BUILT_CLI, 'render', MMC, '-v', 'blueprint'],
  },
  {
    label: 'linesight simulate examples/mmc.yaml -n 2 --horizon 1d, 1 worker',
    args: [BUILT_CLI, 'simulate', MMC, '-n', '2', '--horizon', '1d', '--warmup', '0d', '-w', '1'],
  },
];

/**
 * Node 20 reads and parses the certificates NODE_EXTRA_CA_CERTS names at every start, before any
 * script: 50 to 66 ms of each process on a machine whose environment sets it (this one's names the
 * system's whole bundle), which no command can take back. Where it is set, Node alone and
 * `validate` are timed without it too, so that the figures say what is Node's and what is
 * linesight's; the goals are judged as the environment is.
 */
if (process.env.NODE_EXTRA_CA_CERTS) {
  const { NODE_EXTRA_CA_CERTS: _, ...env } = process.env;
  const floor = COMMANDS.length;
  COMMANDS.push(
    { label: 'node alone, without NODE_EXTRA_CA_CERTS', args: ['-e', ''], env, floor },
    {
      label: 'linesight validate examples/mmc.yaml, without NODE_EXTRA_CA_CERTS',
      args: [BUILT_CLI, 'validate', MMC],
      env,
      floor,
    },
  );
}

/** CPU seconds used by this process's ended children (Linux); undefined elsewhere. */
function childrenCpuSeconds(): number | undefined {
  if (!existsSync('/proc/self/stat')) return undefined;
  // Fields after the command name, which may hold spaces: cutime and cstime are the 14th and 15th.
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
  const ticks = Number(fields[13]) + Number(fields[14]);
  // Linux reports them in clock ticks of 1/100 s on every common configuration.
  return Number.isFinite(ticks) ? ticks / 100 : undefined;
}

/** Runs one process to its end: its wall time, and its CPU time when the system tells it. */
function timeProcess(command: Command): { wall: number; cpu?: number } {
  const cpuBefore = childrenCpuSeconds();
  const started = performance.now();
  const result = spawnSync(process.execPath, command.args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(command.env ? { env: command.env } : {}),
  });
  const wall = (performance.now() - started) / 1000;
  const cpuAfter = childrenCpuSeconds();
  if (result.status !== 0)
    throw new Error(
      `${command.label} exited with ${result.status}: ${result.stderr.toString().slice(0, 500)}`,
    );
  return {
    wall,
    ...(cpuBefore !== undefined && cpuAfter !== undefined ? { cpu: cpuAfter - cpuBefore } : {}),
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

const figures: string[] = [];

/** Async, so that tinybench does not call it once more to find out whether it is. */
async function measureInterleaved(): Promise<void> {
  ensureBuiltCli();
  const walls = COMMANDS.map(() => [] as number[]);
  const cpus = COMMANDS.map(() => [] as number[]);
  const loadBefore = loadavg()[0] as number;
  // One unmeasured run each first: the file system cache warm, as for a user's second command.
  for (const command of COMMANDS) timeProcess(command);
  for (let round = 0; round < ROUNDS; round++)
    COMMANDS.forEach((command, i) => {
      const { wall, cpu } = timeProcess(command);
      walls[i]?.push(wall);
      if (cpu !== undefined) cpus[i]?.push(cpu);
    });
  const load = `load average ${loadBefore.toFixed(2)} before, ${(loadavg()[0] as number).toFixed(2)} after`;
  figures.push(`Start of a whole process, medians of ${ROUNDS} interleaved rounds (${load}):`);
  COMMANDS.forEach((command, i) => {
    const wall = median(walls[i] ?? []);
    const floorAt = command.floor ?? 0;
    const floor = median(walls[floorAt] ?? []);
    const above = i !== floorAt ? `, ${(wall - floor).toFixed(3)} s more than Node alone` : '';
    const cpu = cpus[i]?.length ? `, CPU ${median(cpus[i] ?? []).toFixed(2)} s` : '';
    const goal = command.goal
      ? `: ${(wall / command.goal).toFixed(2)} of the ${command.goal} s goal (${wall < command.goal ? 'met' : 'not met'})`
      : '';
    figures.push(`- ${command.label}: wall ${wall.toFixed(3)} s${cpu}${above}${goal}`);
  });
}

describe('start of a linesight process', () => {
  // One call does every round: tinybench's warm-up (5 calls by default) would run them all again.
  bench('every command once per round, rounds interleaved', measureInterleaved, {
    iterations: 1,
    time: 0,
    warmupIterations: 0,
    warmupTime: 0,
  });
});

afterAll(() => {
  process.stdout.write(`\n${figures.join('\n')}\n`);
});
