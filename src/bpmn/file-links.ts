/**
 * The files a model names by relative path (its BPMN links and a competitor's baseline) are
 * relative to the model's folder. A BPMN file that carries the model travels to other folders, so
 * export writes those paths relative to where the BPMN file goes, and import rewrites them
 * relative to where the imported model goes; a linked file that is not there, or outside the
 * imported model's folder (where a model may not read), is left out with a warning rather than
 * written as a link that fails validation.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';

/** One relative path in a model's data, with the way to change or remove it. */
interface FileLink {
  where: string;
  file: string;
  set(file: string): void;
  remove(): void;
}

type Data = Record<string, unknown>;

const isData = (x: unknown): x is Data => typeof x === 'object' && x !== null && !Array.isArray(x);
const list = (x: unknown): Data[] => (Array.isArray(x) ? x.filter(isData) : []);

/** The BPMN link of an item (`bpmn: {file, ...}`), when it names a file. */
function bpmnLink(item: Data, where: string): FileLink[] {
  const link = item.bpmn;
  if (!isData(link) || typeof link.file !== 'string') return [];
  return [
    {
      where,
      file: link.file,
      set: (file) => {
        link.file = file;
      },
      // Without its file the link's ids name nothing: the whole link goes.
      remove: () => {
        delete item.bpmn;
      },
    },
  ];
}

function fileLinks(data: Data): FileLink[] {
  const links: FileLink[] = [];
  if (typeof data.baseline === 'string')
    links.push({
      where: 'baseline',
      file: data.baseline,
      set: (file) => {
        data.baseline = file;
      },
      remove: () => {
        delete data.baseline;
      },
    });
  for (const p of list(data.processes)) links.push(...bpmnLink(p, `process '${String(p.id)}'`));
  for (const s of list(data.steps)) {
    links.push(...bpmnLink(s, `step '${String(s.id)}'`));
    for (const a of list(s.backstage)) links.push(...bpmnLink(a, `activity '${String(a.id)}'`));
  }
  return links;
}

/** Relative paths as the web writes them, whatever the platform. */
const portable = (path: string) => path.split('\\').join('/');

/** Makes every relative file the model's data names relative to `to` instead of `from` (folders). */
export function rebaseFileLinks<T>(data: T, from: string, to: string): T {
  if (!isData(data)) return data;
  for (const link of fileLinks(data))
    if (!isAbsolute(link.file)) link.set(portable(relative(to, resolve(from, link.file))));
  return data;
}

/** Why a model in `folder` cannot keep a link to `file`, or nothing. */
function unreachable(folder: string, file: string): string | undefined {
  const path = resolve(folder, file);
  // A model reads the files it names from its own folder and below only.
  if (isAbsolute(file) || file === '..' || file.startsWith('../')) return `outside its folder (${path})`;
  if (!existsSync(path)) return `not there (${path})`;
  return undefined;
}

/**
 * Rebases the model's files from `from` to `to` and leaves out each link whose file the imported
 * model could not read there; the warnings say which, and what to do.
 */
export function relinkImported(data: unknown, from: string, to: string): string[] {
  if (!isData(data)) return [];
  rebaseFileLinks(data, from, to);
  const warnings: string[] = [];
  for (const link of fileLinks(data)) {
    const why = unreachable(to, link.file);
    if (why === undefined) continue;
    link.remove();
    warnings.push(
      `${link.where} linked ${link.file}, which is ${why} for the imported model: the link is left out; copy the file into the model's folder and add the link back`,
    );
  }
  return warnings;
}
