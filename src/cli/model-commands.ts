/** The commands that read and change a model: validate, edit, analyze, compare. */
import { jsonOption, type SetExit } from './command-kit.js';
import { type Command, Option } from './commander.js';
import type { AnalyzeOptions } from './commands/analyze.js';
import type { EditOptions } from './commands/edit.js';
import type { Io } from './io.js';

export function addModelCommands(program: Command, io: Io, setExit: SetExit): void {
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
}
