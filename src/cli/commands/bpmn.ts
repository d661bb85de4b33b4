/** `linesight bpmn export` and `linesight bpmn import`: the model to and from BPMN 2.0. */
import { basename, dirname, resolve } from 'node:path';
import { exportBpmn } from '../../bpmn/export.js';
import { relinkImported } from '../../bpmn/file-links.js';
import { importBpmn } from '../../bpmn/import.js';
import { decodeXml } from '../../bpmn/xml-text.js';
import { writeAtomic } from '../../fs/write-atomic.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { parse } from '../../model/load.js';
import { problemText, readRegularFile } from '../../model/read-file.js';
import { yamlLibrary } from '../../model/yaml-library.js';
import { plural } from '../../text/plural.js';
import { VERSION } from '../../version.js';
import { InputError, type Io, UsageError } from '../io.js';
import { loadOrReport } from '../load-or-report.js';
import { refuseOutputOverInput } from '../output-file.js';

/** BPMN files of tens of MiB exist; past this, the file is refused rather than parsed. */
const MAX_BPMN_BYTES = 50 * 1024 * 1024;

export async function bpmnExportCommand(
  file: string,
  options: { scenario?: string; output?: string },
  io: Io,
): Promise<number> {
  refuseOutputOverInput(options.output, [file]);
  // A BPMN file under another kind's name opens as a broken one (a .svg, a .yaml).
  if (options.output && !/\.(bpmn|xml|bpmn2)$/i.test(options.output))
    throw new UsageError(`-o ${options.output}: a BPMN export is XML; name the file .bpmn (or .xml)`);
  const loaded = loadOrReport(
    file,
    io,
    'nothing was exported',
    options.scenario !== undefined ? { scenario: options.scenario } : {},
  );
  if (!loaded) return 1;
  // Without -o the file goes where the user redirects it, most likely here.
  const xml = await exportBpmn(loaded.model, VERSION, {
    linksRelativeTo: options.output ? dirname(resolve(options.output)) : process.cwd(),
  });
  if (options.output) {
    writeAtomic(options.output, xml);
    io.err(`wrote ${options.output}\n`);
  } else io.out(xml);
  return 0;
}

/** Warnings shown on the terminal; a diagram of thousands of loose tasks gave one each. */
const SHOWN_WARNINGS = 20;

export async function bpmnImportCommand(
  file: string,
  options: { output?: string; customerPool?: string; json?: boolean },
  io: Io,
): Promise<number> {
  const read = readRegularFile(file, MAX_BPMN_BYTES);
  if ('problem' in read) throw new InputError(problemText(file, read.problem), read.problem.hint);
  const xml = decodeXml(read.bytes);
  if ('problem' in xml) throw new InputError(`${file}: ${xml.problem}`, xml.hint);
  const result = await importBpmn(xml.text, {
    ...(options.customerPool !== undefined ? { customerPool: options.customerPool } : {}),
    name: basename(file),
  });
  if (!result.model || result.error)
    throw new InputError(`${file}: ${result.error?.message ?? 'nothing could be read'}`, result.error?.hint);
  result.warnings.push(
    ...relinkImported(
      result.model,
      dirname(resolve(file)),
      options.output ? dirname(resolve(options.output)) : process.cwd(),
    ),
  );
  const header = [
    `# Imported from ${basename(file)} by linesight ${VERSION}.`,
    ...result.warnings.map((w) => `# warning: ${w}`),
  ].join('\n');
  const yaml = `${header}\n${yamlLibrary().stringify(result.model)}`;
  const checked = parse(yaml, { file: options.output ?? 'imported.yaml' });
  for (const w of result.warnings.slice(0, SHOWN_WARNINGS)) io.err(`linesight: warning: ${w}\n`);
  if (result.warnings.length > SHOWN_WARNINGS)
    io.err(
      `linesight: warning: ... and ${result.warnings.length - SHOWN_WARNINGS} more, every one written as a comment at the top of the model (and listed by --json)\n`,
    );
  if (!checked.ok) {
    // The YAML was never written: the problems are named by field and BPMN element, not by a line of it.
    for (const d of checked.diagnostics.filter((x) => x.severity === 'error'))
      io.err(
        `linesight: error: ${importedProblem(d, result.model)}\n${d.hint ? `      hint: ${d.hint}\n` : ''}`,
      );
    throw new InputError(
      `${file}: the journey read from it is not a valid model`,
      'see the errors above; the BPMN may need a clearer start, ends or customer pool',
    );
  }
  if (options.json)
    io.out(
      `${JSON.stringify({ file, output: options.output ?? null, embedded: result.embedded, steps: checked.model?.steps.length ?? 0, warnings: result.warnings }, null, 2)}\n`,
    );
  if (options.output) {
    writeAtomic(options.output, yaml);
    io.err(
      `wrote ${options.output} (${plural(checked.model?.steps.length ?? 0, 'step')}${result.embedded ? ', the model linesight exported' : ''}, ${plural(result.warnings.length, 'warning')})\n`,
    );
  } else if (!options.json) io.out(yaml);
  return 0;
}

/** A problem of the imported journey: its field path, and the step or end it is about by name. */
function importedProblem(d: Diagnostic, model: Record<string, unknown>): string {
  const where = /^(steps|ends)\[(\d+)\]/.exec(d.path ?? '');
  const item = where
    ? (model[where[1] as string] as { name?: string }[] | undefined)?.[Number(where[2])]
    : undefined;
  return `${d.message}${d.path ? ` (at ${d.path}${item?.name ? `, '${item.name}'` : ''})` : ''}`;
}
