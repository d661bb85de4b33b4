/**
 * Fuzz cases for model files: mutations of the examples, of the test fixtures and of random
 * valid models, written into a workspace that also holds odd things for a model to name (a FIFO,
 * a folder, a huge sparse file, symlinks out of the workspace and in a loop, binary and Latin-1
 * files, parts that import back). Case `i` of seed `s` is always the same file.
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import jsyaml from 'js-yaml';
import { stringify } from 'yaml';
import { MUTATIONS, type Mutated, mutate, pathsOf, Random, setAt } from './mutate.js';
import { ODD_VALUES } from './odd-values.js';
import { randomModel } from './random-model.js';

const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../model/fixtures/', import.meta.url));

/** Files and places a model can name; relative ones lie in the workspace, the rest outside it. */
export const ODD_PLACES = [
  '/dev/zero',
  '/dev/urandom',
  '/dev/null',
  '/proc/self/environ',
  '/etc/passwd',
  '../../../../../../etc/passwd',
  '..',
  '.',
  'folder',
  'fifo.yaml',
  'huge.yaml',
  'empty.yaml',
  'binary.yaml',
  'latin1.yaml',
  'outside-link.yaml',
  'loop-link.yaml',
  'missing.yaml',
  'shared-org.yaml',
  'imports-back.yaml',
  'self-base.yaml',
  'bpmn/order-to-cash.bpmn',
  '',
  'a\u0000b.yaml',
  `${'x'.repeat(5000)}.yaml`,
  'file:///etc/passwd',
  '~/.ssh/id_rsa',
] as const;

/** The workspace: examples and fixtures side by side, and the odd places beside them. */
export function makeWorkspace(dir: string): void {
  cpSync(EXAMPLES, dir, { recursive: true });
  for (const name of readdirSync(FIXTURES))
    if (name.endsWith('.yaml')) copyFileSync(join(FIXTURES, name), join(dir, name));
  mkdirSync(join(dir, 'folder'));
  spawnSync('mkfifo', [join(dir, 'fifo.yaml')]);
  writeFileSync(join(dir, 'huge.yaml'), '');
  truncateSync(join(dir, 'huge.yaml'), 65 * 2 ** 20);
  writeFileSync(join(dir, 'binary.yaml'), Buffer.from([0x00, 0x01, 0xff, 0x7f, 0x00, 0x45]));
  writeFileSync(
    join(dir, 'latin1.yaml'),
    Buffer.from('kind: part\nstages: [{id: caf\xe9, name: Caf\xe9}]\n', 'latin1'),
  );
  symlinkSync('/etc/passwd', join(dir, 'outside-link.yaml'));
  symlinkSync('loop-link.yaml', join(dir, 'loop-link.yaml'));
  writeFileSync(
    join(dir, 'imports-back.yaml'),
    'kind: part\nimports: [imports-back.yaml, valid-small.yaml]\n',
  );
  writeFileSync(
    join(dir, 'self-base.yaml'),
    'kind: scenario\nbase: self-base.yaml\nid: s\nname: S\nchanges: [{set: name, value: x}]\n',
  );
}

export interface ModelCase {
  index: number;
  /** The file to load, in the workspace. */
  file: string;
  /** Where it came from and what was done to it. */
  what: string;
}

const SOURCES = [
  { name: 'mmc.yaml', weight: 4 },
  { name: 'order-single-entity.yaml', weight: 1.5 },
  { name: 'competitor.yaml', weight: 0.5 },
  { name: 'order-departments.yaml', weight: 0.1 },
  { name: 'fixture', weight: 4 },
  { name: 'random', weight: 6 },
] as const;

/** Mutations that keep a model mostly whole, so that it may still load and be analysed or simulated. */
export const MILD = ['edgeNumber', 'edgeNumber', 'edgeNumber', 'oddNumber', 'swapLines'];

/** A file to mutate; `valid` keeps to models that load as they are (the fixtures are mostly broken). */
function source(dir: string, r: Random, valid: boolean): { name: string; text: Buffer } {
  const sources = SOURCES.filter((x) => !valid || x.name !== 'fixture');
  const total = sources.reduce((s, x) => s + x.weight, 0);
  let roll = r.next() * total;
  let chosen: (typeof SOURCES)[number] = SOURCES[0];
  for (const x of sources) {
    chosen = x;
    roll -= x.weight;
    if (roll < 0) break;
  }
  if (chosen.name === 'random') {
    const options = { seed: 1 + r.int(2 ** 30), steps: 1 + r.int(8), segments: 1 + r.int(3) };
    const data = randomModel(options);
    const json = r.chance(0.3);
    return {
      name: `random(${options.seed}, ${options.steps} steps${json ? ', JSON' : ''})`,
      text: Buffer.from(json ? JSON.stringify(data, null, 1) : stringify(data)),
    };
  }
  if (chosen.name === 'fixture') {
    const fixtures = readdirSync(FIXTURES).filter((f) => f.endsWith('.yaml'));
    const name = r.pick(fixtures);
    return { name, text: readFileSync(join(dir, name)) };
  }
  return { name: chosen.name, text: readFileSync(join(dir, chosen.name)) };
}

/** A line that makes the model name one of the odd places: an import, a BPMN link, a base or a baseline. */
function nameOddPlace(text: Buffer, r: Random): Mutated {
  const place = r.pick(ODD_PLACES);
  const quoted = JSON.stringify(place);
  const how = r.pick(['imports', 'bpmn', 'base', 'baseline']);
  const body = text.toString('utf8').replace(/^(imports|base|baseline):.*$/gm, '');
  const line =
    how === 'imports'
      ? `imports: [${quoted}]`
      : how === 'bpmn'
        ? `processes: [{id: linked, name: Linked, bpmn: {file: ${quoted}, process: P}}]`
        : `${how}: ${quoted}`;
  const lines = body.split('\n');
  const at = lines.findIndex((l) => /^(processes|steps|stages):/.test(l));
  if (how === 'bpmn' && at >= 0 && /^processes:/.test(lines[at] ?? '')) {
    lines.splice(at + 1, 0, `  - {id: linked, name: Linked, bpmn: {file: ${quoted}, process: P}}`);
  } else lines.splice(Math.max(0, at), 0, line);
  return { bytes: Buffer.from(lines.join('\n')), what: `${how} names ${quoted.slice(0, 60)}` };
}

/** Models whose every path gets wrong values in turn: small enough to walk whole. */
const WALKED = ['valid-small.yaml', 'mmc.yaml'];
/** Values put at each path of a walked model (out of ODD_VALUES, turn by turn). */
const VALUES_PER_PATH = 3;

/** How many cases walking every path of the walked models takes. */
export function walkedCases(dir: string): number {
  return (
    WALKED.reduce((n, name) => n + pathsOf(jsyaml.load(readFileSync(join(dir, name), 'utf8'))).length, 0) *
    VALUES_PER_PATH
  );
}

/** Case `index` of the walk: the next path of the walked models, set to the next odd value. */
export function walkedCase(dir: string, index: number): ModelCase {
  let path = Math.floor(index / VALUES_PER_PATH);
  for (const name of WALKED) {
    const text = readFileSync(join(dir, name), 'utf8');
    const data = jsyaml.load(text);
    const paths = pathsOf(data);
    if (path >= paths.length) {
      path -= paths.length;
      continue;
    }
    const at = paths[path] as (string | number)[];
    const value = ODD_VALUES[index % ODD_VALUES.length];
    const file = join(dir, `case-${index}.yaml`);
    writeFileSync(file, stringify(setAt(data, at, value)));
    // Long values (a 10 MB string, a list of thousands) are named by their start.
    const json =
      typeof value === 'string'
        ? JSON.stringify(value.slice(0, 41))
        : (JSON.stringify(value) ?? String(value));
    const length = typeof value === 'string' ? value.length + 2 : json.length;
    const shown = length > 40 ? `${json.slice(0, 40)}... (${length} characters)` : json;
    return { index, file, what: `${name}; ${at.join('.') || '(root)'} set to ${shown}` };
  }
  throw new Error(`case ${index} is past the walk`);
}

/** Case `index` of `seed`, written into the workspace. */
export function modelCase(
  dir: string,
  seed: number,
  index: number,
  mutations?: readonly string[],
): ModelCase {
  const r = new Random((seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
  const from = source(dir, r, mutations !== undefined);
  const mutated =
    !mutations && r.chance(0.12)
      ? nameOddPlace(from.text, r)
      : mutate(from.text, r, mutations ? [...mutations] : Object.keys(MUTATIONS));
  // Now and then, the mutated file is a part that a whole model imports.
  if (!mutations && r.chance(0.05)) {
    const part = join(dir, `case-${index}-part.yaml`);
    writeFileSync(part, Buffer.concat([Buffer.from('kind: part\n'), mutated.bytes]));
    const file = join(dir, `case-${index}.yaml`);
    writeFileSync(
      file,
      `imports: [case-${index}-part.yaml]\n${readFileSync(join(dir, 'valid-small.yaml'), 'utf8')}`,
    );
    return { index, file, what: `${from.name} as an imported part; ${mutated.what}` };
  }
  const file = join(dir, `case-${index}.yaml`);
  writeFileSync(file, mutated.bytes);
  return { index, file, what: `${from.name}; ${mutated.what}` };
}
