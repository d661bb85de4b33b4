/**
 * The `linesight` command line: thin shells over the library. Each command parses its
 * arguments, calls the library and prints; exit codes are 0 (fine), 1 (the input is invalid)
 * and 2 (the command line is wrong). Nobody sees a stack trace. Each command's module is loaded
 * only when it runs: `--version` or `serve` does not pay for DuckDB, ELK, resvg or bpmn-moddle.
 */
import { WriteRefused } from '../fs/write-atomic.js';
import { VERSION } from '../version.js';
import type { SetExit } from './command-kit.js';
import { Command, CommanderError } from './commander.js';
import { addBpmnCommands, addRenderCommand } from './diagram-commands.js';
import { InputError, type Io, UsageError } from './io.js';
import { addLogCommands } from './log-commands.js';
import { addModelCommands } from './model-commands.js';
import { addSimulationCommands } from './simulation-commands.js';
import { addWorkspaceCommands } from './workspace-commands.js';

export { VERSION };

/** Commander's own messages ("error: unknown option") wear the same prefix as linesight's. */
const output = (io: Io) => ({
  writeOut: io.out,
  writeErr: io.err,
  outputError: (text: string, write: (text: string) => void) => write(`linesight: ${text}`),
});

export function buildProgram(io: Io, setExit: SetExit): Command {
  const program = new Command('linesight')
    .description('Model, analyse and simulate customer processes: the organization as its customers see it.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .configureOutput(output(io))
    .exitOverride();

  // Registered in the order `--help` lists them.
  addModelCommands(program, io, setExit);
  addSimulationCommands(program, io, setExit);
  addBpmnCommands(program, io, setExit);
  addLogCommands(program, io, setExit);
  addWorkspaceCommands(program, io, setExit);
  addRenderCommand(program, io, setExit);

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
