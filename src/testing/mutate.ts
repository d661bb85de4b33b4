/**
 * Seeded mutations of input files for fuzz suites: the mistakes and attacks a file can carry
 * (flipped bytes, cut-off ends, repeated or lost lines, huge strings, odd numbers, deep nesting,
 * wrong types, stray unicode, alias bombs, bytes that are not UTF-8). The same seed gives the
 * same mutation, and every mutation names itself so that a failure says what was done.
 */
import jsyaml from 'js-yaml';
import { stringify } from 'yaml';
import { EDGE_NUMBERS, ODD_NUMBERS, ODD_VALUES, UNICODE } from './odd-values.js';
import { generator } from './random-model.js';

export class Random {
  readonly next: () => number;
  constructor(readonly seed: number) {
    this.next = generator(seed);
  }
  int(below: number): number {
    return Math.floor(this.next() * below);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** Sizes spread over orders of magnitude, from `min` up to `max`. */
  size(min: number, max: number): number {
    return Math.round(min * (max / min) ** this.next());
  }
}

export interface Mutated {
  bytes: Buffer;
  /** What was done, to reproduce and to read in a report. */
  what: string;
}

type Mutation = (text: Buffer, r: Random) => Mutated;

const lines = (text: Buffer) => text.toString('utf8').split('\n');
const joined = (parts: string[]) => Buffer.from(parts.join('\n'), 'utf8');

const byteFlips: Mutation = (text, r) => {
  const bytes = Buffer.from(text);
  const n = 1 + r.int(8);
  for (let i = 0; i < n && bytes.length > 0; i++) bytes[r.int(bytes.length)] = r.int(256);
  return { bytes, what: `${n} byte(s) flipped` };
};

const truncate: Mutation = (text, r) => {
  const at = r.int(text.length + 1);
  return { bytes: text.subarray(0, at), what: `cut at byte ${at}` };
};

const duplicateLines: Mutation = (text, r) => {
  const all = lines(text);
  const at = r.int(all.length);
  const count = 1 + r.int(Math.min(20, all.length - at));
  const block = all.slice(at, at + count);
  // At most about 2 MB more: the mutations that follow copy what this one makes.
  const most = Math.max(1, Math.floor(2e6 / (block.join('\n').length + 1)));
  const times = Math.min(most, r.chance(0.1) ? r.size(2, 1000) : 1);
  const repeated = Array.from({ length: times }, () => block).flat();
  return {
    bytes: joined([...all.slice(0, at + count), ...repeated, ...all.slice(at + count)]),
    what: `${count} line(s) from line ${at + 1} repeated ${times} time(s)`,
  };
};

const deleteLines: Mutation = (text, r) => {
  const all = lines(text);
  const at = r.int(all.length);
  const count = 1 + r.int(Math.min(10, all.length - at));
  all.splice(at, count);
  return { bytes: joined(all), what: `${count} line(s) deleted from line ${at + 1}` };
};

const swapLines: Mutation = (text, r) => {
  const all = lines(text);
  const [a, b] = [r.int(all.length), r.int(all.length)];
  [all[a], all[b]] = [all[b] as string, all[a] as string];
  return { bytes: joined(all), what: `lines ${a + 1} and ${b + 1} swapped` };
};

/** A scalar (value or key) replaced by a string of kilobytes to megabytes. */
const hugeString: Mutation = (text, r) => {
  const all = lines(text);
  const candidates = all.map((l, i) => [l, i] as const).filter(([l]) => /[:-]\s*\S/.test(l));
  const [line, index] = candidates.length > 0 ? r.pick(candidates) : ['', 0];
  // One in a hundred is 10 MiB: enough to keep the megabyte paths tested, few enough to stay fast.
  const length = r.chance(0.01) ? 10 * 2 ** 20 : r.size(1000, 200_000);
  const unit = r.pick(['a', 'ab-', 'é', 'x y ', '9']);
  const huge = unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
  const key = r.chance(0.3);
  const replaced = key
    ? line.replace(/^(\s*-?\s*)[^:\s]+:/, `$1${huge}:`)
    : line.replace(/([:-]\s*)\S.*$/, `$1${huge}`);
  all[index] = replaced;
  return {
    bytes: joined(all),
    what: `${key ? 'key' : 'value'} on line ${index + 1} made ${length} characters`,
  };
};

const oddNumber: Mutation = (text, r) => {
  const all = lines(text);
  const candidates = all
    .map((l, i) => [l, i] as const)
    .filter(([l]) => /\d/.test(l) && /:\s*\S/.test(l) && !/^\s*(linesight|id|name):/.test(l));
  if (candidates.length === 0) return { bytes: text, what: 'no number to change' };
  const [line, index] = r.pick(candidates);
  const odd = r.pick(ODD_NUMBERS);
  const quoted = odd.includes(' ') || odd.includes('/') || odd.includes('(') ? `"${odd}"` : odd;
  all[index] = odd.startsWith('{')
    ? line.replace(/:\s*\S.*$/, `: ${odd}`)
    : line.replace(/(:\s*)("[^"]*"|'[^']*'|[^,}\]\s][^,}\]]*)/, `$1${quoted}`);
  return { bytes: joined(all), what: `line ${index + 1} set to ${odd}` };
};

/** A number in a value replaced by one at the edge of its range, keeping its unit. */
const edgeNumber: Mutation = (text, r) => {
  const all = lines(text);
  const candidates = all
    .map((l, i) => [l, i] as const)
    .filter(([l]) => /:\s*[^\s#]*\d/.test(l) && !/^\s*-?\s*(linesight|id|name|hours|days):/.test(l));
  if (candidates.length === 0) return { bytes: text, what: 'no number to change' };
  const [line, index] = r.pick(candidates);
  const edge = r.pick(EDGE_NUMBERS);
  const numbers = [...line.matchAll(/(?<![\w.:-])\d+(?:\.\d+)?(?![\w.:-])/g)];
  const chosen = numbers.length > 0 ? r.pick(numbers) : undefined;
  if (!chosen || chosen.index === undefined) return { bytes: text, what: 'no number to change' };
  all[index] = line.slice(0, chosen.index) + edge + line.slice(chosen.index + chosen[0].length);
  return { bytes: joined(all), what: `line ${index + 1}: ${chosen[0]} set to ${edge}` };
};

/** Nesting far deeper than any model: flow brackets, flow maps, block maps or sequence items. */
const deepNesting: Mutation = (text, r) => {
  const all = lines(text);
  const depth = r.chance(0.9) ? r.size(60, 5000) : r.size(5000, 200_000);
  const kind = r.pick(['[', '{', 'map', 'seq', 'json']);
  const deep =
    kind === '['
      ? `${'['.repeat(depth)}1${']'.repeat(depth)}`
      : kind === '{'
        ? `${'{a: '.repeat(depth)}1${'}'.repeat(depth)}`
        : kind === 'json'
          ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`
          : kind === 'seq'
            ? `${'- '.repeat(depth)}x`
            : '';
  const at = r.int(all.length + 1);
  if (kind === 'map') {
    const levels = Math.min(depth, 3000);
    const block = Array.from({ length: levels }, (_, i) => `${' '.repeat(i)}k${i}:`);
    block.push(`${' '.repeat(levels)}x`);
    all.splice(at, 0, `deep:`, ...block.map((l) => ` ${l}`));
    return { bytes: joined(all), what: `${levels} nested block maps at line ${at + 1}` };
  }
  all.splice(at, 0, `deep: ${kind === 'seq' ? `\n  ${deep}` : deep}`);
  return { bytes: joined(all), what: `${depth} levels of ${kind} at line ${at + 1}` };
};

const unicode: Mutation = (text, r) => {
  const s = text.toString('utf8');
  const n = 1 + r.int(5);
  let out = s;
  const used: string[] = [];
  for (let i = 0; i < n; i++) {
    const at = r.int(out.length + 1);
    const u = r.pick(UNICODE);
    used.push(JSON.stringify(u));
    out = out.slice(0, at) + u + out.slice(at);
  }
  return { bytes: Buffer.from(out, 'utf8'), what: `inserted ${used.join(' ')}` };
};

const aliasBomb: Mutation = (_text, r) => {
  const kind = r.pick(['laughs', 'self', 'wide', 'merge']);
  if (kind === 'self') return { bytes: Buffer.from('name: &a [*a]\nstages: *a\n'), what: 'a self-alias' };
  if (kind === 'merge')
    return {
      bytes: Buffer.from(`base: &b {a: 1}\nname: x\nstart: {<<: *b, <<: [*b, *b]}\n`),
      what: 'merge keys',
    };
  const levels = kind === 'wide' ? 3 : 4 + r.int(6);
  const width = kind === 'wide' ? 500 : 10;
  const defs = [`l0: &l0 [${Array(width).fill('lol').join(',')}]`];
  for (let i = 1; i <= levels; i++)
    defs.push(
      `l${i}: &l${i} [${Array(width)
        .fill(`*l${i - 1}`)
        .join(',')}]`,
    );
  return {
    bytes: Buffer.from(`${defs.join('\n')}\nname: bomb\nstages: *l${levels}\nstart: x\n`),
    what: `alias bomb ${width}^${levels}`,
  };
};

/** Latin-1 bytes (é as 0xE9) before or after the first 64 KiB. */
const invalidUtf8: Mutation = (text, r) => {
  const late = r.chance(0.5);
  const padding = late ? Buffer.from(`# ${'-'.repeat(70_000)}\n`) : Buffer.alloc(0);
  const body = Buffer.concat([padding, text]);
  const at = padding.length + r.int(text.length + 1);
  const bad = Buffer.from(
    r.pick([[0xe9], [0xff], [0xc3], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80]]),
  );
  return {
    bytes: Buffer.concat([body.subarray(0, at), bad, body.subarray(at)]),
    what: `byte(s) ${bad.toString('hex')} at offset ${at}`,
  };
};

const ALIAS = /(^|[\s[{,:-])\*[^\s,\]}]/m;

/** A value at a random path of the data replaced with one of another type, written as YAML or JSON. */
const wrongType: Mutation = (text, r) => {
  let data: unknown;
  try {
    data = jsyaml.load(text.toString('utf8'), { schema: jsyaml.CORE_SCHEMA });
  } catch {
    return byteFlips(text, r);
  }
  // Aliases share values (or loop), which JSON would expand without end: such data is left to byte flips.
  if (ALIAS.test(text.toString('utf8'))) return byteFlips(text, r);
  const paths = pathsOf(data, 50_000);
  const path = r.pick(paths);
  const value = r.pick(ODD_VALUES);
  const changed = setAt(data, path, value);
  const json = r.chance(0.3);
  const shown = typeof value === 'string' && value.length > 20 ? `${value.slice(0, 20)}...` : value;
  return {
    bytes: Buffer.from(json ? JSON.stringify(changed) : stringify(changed), 'utf8'),
    what: `${path.join('.') || '(root)'} set to ${JSON.stringify(shown)?.slice(0, 60)}${json ? ' (JSON)' : ''}`,
  };
};

export const MUTATIONS: Readonly<Record<string, Mutation>> = {
  byteFlips,
  truncate,
  duplicateLines,
  deleteLines,
  swapLines,
  hugeString,
  oddNumber,
  edgeNumber,
  deepNesting,
  unicode,
  aliasBomb,
  invalidUtf8,
  wrongType,
};

/** One to three mutations, chosen and applied in turn. */
export function mutate(text: Buffer, r: Random, names = Object.keys(MUTATIONS)): Mutated {
  let bytes = text;
  const what: string[] = [];
  const n = 1 + (r.chance(0.25) ? r.int(3) : 0);
  for (let i = 0; i < n; i++) {
    const name = r.pick(names);
    const done = (MUTATIONS[name] as Mutation)(bytes, r);
    bytes = done.bytes;
    what.push(`${name}: ${done.what}`);
    // Large inputs are mutated no further: one is enough to test, and copying them costs.
    if (bytes.length > 500_000) break;
  }
  return { bytes, what: what.join('; ') };
}

/** Paths in the data, up to `limit` of them; a value aliases share (or loop back to) is walked once. */
export function pathsOf(data: unknown, limit = Number.POSITIVE_INFINITY): (string | number)[][] {
  const out: (string | number)[][] = [[]];
  const stack: [unknown, (string | number)[]][] = [[data, []]];
  const walked = new Set<object>();
  while (stack.length > 0 && out.length < limit) {
    const [node, path] = stack.pop() as [unknown, (string | number)[]];
    if (node === null || typeof node !== 'object' || walked.has(node)) continue;
    walked.add(node);
    for (const [key, child] of Object.entries(node)) {
      const at = [...path, Array.isArray(node) ? Number(key) : key];
      out.push(at);
      stack.push([child, at]);
    }
  }
  return out;
}

export function setAt(data: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(data) as Record<string | number, unknown>;
  let node = copy;
  for (const segment of path.slice(0, -1)) node = node[segment] as Record<string | number, unknown>;
  node[path[path.length - 1] as string | number] = value;
  return copy;
}
