/**
 * Links from a model into the organization's BPMN files: a process may name a file and a process
 * in it, an activity an element of its process's file. Each named file is read once with
 * bpmn-moddle, and each id checked, with the closest one as a hint when it is missing.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';
import { type ModelDocument, report } from '../model/document.js';
import type { Model } from '../model/model.js';
import { didYouMean } from '../model/suggest.js';
import { createModdle, type Element } from './moddle.js';

interface BpmnFile {
  processes: Set<string>;
  elements: Set<string>;
  problem?: string;
}

async function readBpmn(path: string): Promise<BpmnFile> {
  let xml: string;
  try {
    xml = readFileSync(path, 'utf8');
  } catch {
    return { processes: new Set(), elements: new Set(), problem: 'the file does not exist' };
  }
  try {
    const { rootElement, elementsById } = await createModdle().fromXML(xml);
    const processes = ((rootElement.rootElements as Element[] | undefined) ?? [])
      .filter((r) => r.$type === 'bpmn:Process')
      .map((p) => String(p.id));
    return { processes: new Set(processes), elements: new Set(Object.keys(elementsById)) };
  } catch (error) {
    return {
      processes: new Set(),
      elements: new Set(),
      problem: `it is not readable BPMN (${(error as Error).message.split('\n')[0]})`,
    };
  }
}

export async function checkBpmnLinks(model: Model, document: ModelDocument): Promise<Diagnostic[]> {
  const files = new Map<string, Promise<BpmnFile>>();
  const open = (file: string) => {
    const path = resolve(dirname(model.file), file);
    if (!files.has(path)) files.set(path, readBpmn(path));
    return files.get(path) as Promise<BpmnFile>;
  };
  const diagnostics: Diagnostic[] = [];
  const fileOfProcess = new Map<string, string>();
  for (const [i, p] of model.processes.entries()) {
    if (!p.bpmn?.file) continue;
    fileOfProcess.set(p.id, p.bpmn.file);
    const bpmn = await open(p.bpmn.file);
    if (bpmn.problem) {
      diagnostics.push(
        report(
          document,
          ['processes', i, 'bpmn', 'file'],
          'bpmn-link-missing',
          `cannot read ${p.bpmn.file}: ${bpmn.problem}`,
          { hint: 'paths are relative to the model file' },
        ),
      );
    } else if (p.bpmn.process && !bpmn.processes.has(p.bpmn.process)) {
      diagnostics.push(
        report(
          document,
          ['processes', i, 'bpmn', 'process'],
          'bpmn-link-missing',
          `${p.bpmn.file} has no process '${p.bpmn.process}'`,
          { hint: didYouMean(p.bpmn.process, [...bpmn.processes], 'processes') },
        ),
      );
    }
  }
  for (const [s, step] of model.steps.entries()) {
    for (const [j, a] of step.backstage.entries()) {
      const file = a.bpmn?.file ?? (a.process ? fileOfProcess.get(a.process) : undefined);
      if (!file || !a.bpmn?.activity) continue;
      const bpmn = await open(file);
      if (!bpmn.problem && !bpmn.elements.has(a.bpmn.activity)) {
        diagnostics.push(
          report(
            document,
            ['steps', s, 'backstage', j, 'bpmn'],
            'bpmn-link-missing',
            `${file} has no element '${a.bpmn.activity}'`,
            { hint: didYouMean(a.bpmn.activity, [...bpmn.elements], 'elements') },
          ),
        );
      }
    }
  }
  return diagnostics;
}
