/** `linesight validate FILE...`: checks model files and reports every problem with where and how to fix it. */
import { statSync } from 'node:fs';
import { checkBpmnLinks } from '../../bpmn/links.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { checkFile } from '../../model/load.js';
import { InputError, type Io } from '../io.js';
import { modelFilesIn } from '../model-files.js';
import { printDiagnostics } from '../print-diagnostics.js';

export interface ValidateOptions {
  json?: boolean;
  scenario?: string;
}

interface FileResult {
  file: string;
  ok: boolean;
  kind?: string;
  steps?: number;
  scenarios?: number;
  errors: Diagnostic[];
  warnings: Diagnostic[];
}

export async function validateCommand(inputs: string[], options: ValidateOptions, io: Io): Promise<number> {
  const results: FileResult[] = [];
  for (const file of expand(inputs, io)) {
    const result = checkFile(file, options.scenario !== undefined ? { scenario: options.scenario } : {});
    // Links into BPMN files are checked once the model itself is sound.
    if (result.model && result.document) {
      const links = await checkBpmnLinks(result.model, result.document);
      result.diagnostics.push(...links);
      if (links.some((d) => d.severity === 'error')) result.ok = false;
    }
    const kind = result.document?.kind ?? result.model?.kind;
    results.push({
      file,
      ok: result.ok,
      ...(kind ? { kind } : {}),
      ...(result.model ? { steps: result.model.steps.length, scenarios: result.model.scenarios.length } : {}),
      errors: result.diagnostics.filter((d) => d.severity === 'error'),
      warnings: result.diagnostics.filter((d) => d.severity === 'warning'),
    });
  }
  if (options.json) io.out(`${JSON.stringify(results, null, 2)}\n`);
  else io.out(summary(results, io.color));
  return results.every((r) => r.ok) ? 0 : 1;
}

/**
 * Folders stand for the model files in them (modelFilesIn); a folder with none is an error, so
 * that a check run over the wrong folder fails instead of passing on nothing.
 */
function expand(inputs: string[], io: Io): string[] {
  return inputs.flatMap((input) => {
    let isDir = false;
    try {
      isDir = statSync(input).isDirectory();
    } catch {
      return [input];
    }
    if (!isDir) return [input];
    const { files, links } = modelFilesIn(input);
    if (links.length > 0)
      io.err(
        `linesight: warning: ${plural(links.length, 'symbolic link')} in '${input}' not followed (validate ${links.length === 1 ? 'it' : 'them'} by name): ${links.join(', ')}\n`,
      );
    if (files.length === 0)
      throw new InputError(
        `'${input}' holds no model files (.yaml, .yml or .json${links.length > 0 ? ' that are not symbolic links' : ''})`,
        'name the folder that holds the models, or the files themselves',
      );
    return files;
  });
}

function summary(results: FileResult[], color: boolean): string {
  let text = '';
  for (const r of results) {
    text += printDiagnostics(
      [...r.errors, ...r.warnings].sort((a, b) => a.line - b.line),
      color,
    );
    const counts = [
      r.errors.length ? plural(r.errors.length, 'error') : '',
      r.warnings.length ? plural(r.warnings.length, 'warning') : '',
    ].filter(Boolean);
    const what =
      r.steps !== undefined
        ? ` (${plural(r.steps, 'step')}, ${plural(r.scenarios ?? 0, 'scenario')})`
        : r.kind && r.kind !== 'model'
          ? ` (${r.kind})`
          : '';
    text += r.ok
      ? `ok ${r.file}${what}${counts.length ? `: ${counts.join(', ')}` : ''}\n`
      : `FAILED ${r.file}: ${counts.join(', ')}\n`;
  }
  const bad = results.filter((r) => !r.ok).length;
  if (results.length > 1)
    text += bad ? `${bad} of ${results.length} files invalid\n` : `all ${results.length} files valid\n`;
  return text;
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
