/**
 * Links from a model into the organization's BPMN files: a process may name a file and a process
 * in it, an activity an element of its process's file. Each named file is read once with
 * bpmn-moddle, and each id checked, with the closest one as a hint when it is missing. A linked
 * file is read only inside the root folder, only as a regular file, and only up to a size.
 */
import { dirname, resolve } from 'node:path';
import { clip } from '../model/clip.js';
import type { Diagnostic, DiagnosticCode } from '../model/diagnostic.js';
import { type ModelDocument, report } from '../model/document.js';
import type { Model } from '../model/model.js';
import { readNamedFile } from '../model/read-file.js';
import { didYouMean } from '../model/suggest.js';
import type { Element } from './moddle.js';
import { decodeXml } from './xml-text.js';

/** BPMN files of tens of MiB exist, but not as process maps a model links to. */
export const MAX_LINKED_BPMN_BYTES = 16 * 2 ** 20;

export interface BpmnLinkOptions {
  /** The folder linked files must lie inside (symlinks followed); default: the model file's folder. */
  root?: string;
}

export interface BpmnFile {
  processes: Set<string>;
  elements: Set<string>;
  /** Each named element's name, by id: what the views show instead of the id. */
  names: Map<string, string>;
  problem?: { code: DiagnosticCode; message: string; hint: string };
}

/** Reads one linked file; `from` is the model file its path is relative to. */
export async function readBpmn(file: string, from: string, root: string): Promise<BpmnFile> {
  const none = {
    processes: new Set<string>(),
    elements: new Set<string>(),
    names: new Map<string, string>(),
  };
  const read = readNamedFile(file, from, root, MAX_LINKED_BPMN_BYTES);
  if ('problem' in read) {
    const { kind, reason, hint } = read.problem;
    return {
      ...none,
      problem: {
        code: kind === 'refused' ? 'file-refused' : 'bpmn-link-missing',
        message: `it ${reason}`,
        hint: kind === 'missing' ? 'paths are relative to the model file' : hint,
      },
    };
  }
  const xml = decodeXml(read.bytes);
  if ('problem' in xml)
    return { ...none, problem: { code: 'bpmn-link-missing', message: xml.problem, hint: xml.hint } };
  // Loaded, as bpmn-moddle, only for a model that links to BPMN files: validate starts without them.
  const { xmlShapeProblem } = await import('./xml-shape.js');
  const shape = xmlShapeProblem(xml.text);
  if (shape)
    return {
      ...none,
      problem: {
        code: 'bpmn-link-missing',
        message: `it is not readable BPMN: ${shape.message}`,
        hint: shape.hint,
      },
    };
  try {
    // bpmn-moddle is loaded only for a model that links to BPMN files: validate starts without it.
    const { createModdle } = await import('./moddle.js');
    const { rootElement, elementsById } = await createModdle().fromXML(xml.text);
    const processes = ((rootElement.rootElements as Element[] | undefined) ?? [])
      .filter((r) => r.$type === 'bpmn:Process')
      .map((p) => String(p.id));
    const names = new Map<string, string>();
    for (const [id, element] of Object.entries(elementsById as Record<string, Element>))
      if (typeof element.name === 'string' && element.name.trim()) names.set(id, element.name.trim());
    return { processes: new Set(processes), elements: new Set(Object.keys(elementsById)), names };
  } catch (error) {
    return {
      ...none,
      problem: {
        code: 'bpmn-link-missing',
        message: `it is not readable BPMN (${clip((error as Error).message.split('\n')[0] ?? '')})`,
        hint: 'link a BPMN 2.0 file saved by a modeler',
      },
    };
  }
}

export async function checkBpmnLinks(
  model: Model,
  document: ModelDocument,
  options: BpmnLinkOptions = {},
): Promise<Diagnostic[]> {
  const root = options.root ?? dirname(resolve(model.file));
  const files = new Map<string, Promise<BpmnFile>>();
  const open = (file: string) => {
    const path = resolve(dirname(model.file), file);
    if (!files.has(path)) files.set(path, readBpmn(file, model.file, root));
    return files.get(path) as Promise<BpmnFile>;
  };
  const diagnostics: Diagnostic[] = [];
  const fileOfProcess = new Map<string, string>();
  /** Unreadable files already reported, each once: at the first process or activity naming it. */
  const reported = new Set<Promise<BpmnFile>>();
  for (const [i, p] of model.processes.entries()) {
    if (!p.bpmn?.file) continue;
    fileOfProcess.set(p.id, p.bpmn.file);
    const opened = open(p.bpmn.file);
    const bpmn = await opened;
    if (bpmn.problem && !reported.has(opened)) {
      reported.add(opened);
      diagnostics.push(
        report(
          document,
          ['processes', i, 'bpmn', 'file'],
          bpmn.problem.code,
          `cannot read ${clip(p.bpmn.file)}: ${bpmn.problem.message}`,
          { hint: bpmn.problem.hint },
        ),
      );
    } else if (!bpmn.problem && p.bpmn.process && !bpmn.processes.has(p.bpmn.process)) {
      diagnostics.push(
        report(
          document,
          ['processes', i, 'bpmn', 'process'],
          'bpmn-link-missing',
          `${clip(p.bpmn.file)} has no process '${clip(p.bpmn.process)}'`,
          { hint: didYouMean(p.bpmn.process, [...bpmn.processes], 'processes') },
        ),
      );
    }
  }
  for (const [s, step] of model.steps.entries()) {
    for (const [j, a] of step.backstage.entries()) {
      const file = a.bpmn?.file ?? (a.process ? fileOfProcess.get(a.process) : undefined);
      if (!file || !a.bpmn?.activity) continue;
      const opened = open(file);
      const bpmn = await opened;
      if (bpmn.problem && !reported.has(opened)) {
        reported.add(opened);
        diagnostics.push(
          report(
            document,
            ['steps', s, 'backstage', j, 'bpmn', ...(a.bpmn.file ? ['file'] : [])],
            bpmn.problem.code,
            `cannot read ${clip(file)}: ${bpmn.problem.message}`,
            { hint: bpmn.problem.hint },
          ),
        );
      } else if (!bpmn.problem && !bpmn.elements.has(a.bpmn.activity)) {
        diagnostics.push(
          report(
            document,
            ['steps', s, 'backstage', j, 'bpmn'],
            'bpmn-link-missing',
            `${clip(file)} has no element '${clip(a.bpmn.activity)}'`,
            { hint: didYouMean(a.bpmn.activity, [...bpmn.elements], 'elements') },
          ),
        );
      }
    }
  }
  return diagnostics;
}
