/** The commands that draw a model or carry it to and from BPMN: render, bpmn export, bpmn import. */
import { VIEW_IDS } from '../views/view-ids.js';
import { jsonOption, type SetExit } from './command-kit.js';
import { type Command, Option } from './commander.js';
import type { RenderCommandOptions } from './commands/render.js';
import type { Io } from './io.js';
import { RENDER_FORMATS } from './render-formats.js';

export function addBpmnCommands(program: Command, io: Io, setExit: SetExit): void {
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
}

export function addRenderCommand(program: Command, io: Io, setExit: SetExit): void {
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
}
