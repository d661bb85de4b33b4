/**
 * Fuzz cases for the files linesight imports: BPMN diagrams and event logs (XES, CSV, OCEL 2.0),
 * from the real files in testdata/ and small generated ones, mutated. Case `i` of seed `s` is
 * always the same file.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { BPMN_SUITE, EVENT_LOGS } from './data.js';
import { MUTATIONS, type Mutated, mutate, Random } from './mutate.js';

const EXAMPLE_BPMN = fileURLToPath(new URL('../../examples/bpmn/', import.meta.url));

export type InputKind = 'bpmn' | 'xes' | 'csv' | 'jsonocel';

function files(dir: string, ext: string, maxBytes: number): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(ext))
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).size <= maxBytes)
    .sort();
}

/** A process's XML from its nodes (id and element) and flows, each node listing its flows as modelers write them. */
function processXml(name: string, nodes: [string, string][], flows: [string, string][]): string {
  const lines = nodes.map(([id, element]) => {
    const out = flows.flatMap(([from], i) => (from === id ? [`<bpmn:outgoing>f${i}</bpmn:outgoing>`] : []));
    const into = flows.flatMap(([, to], i) => (to === id ? [`<bpmn:incoming>f${i}</bpmn:incoming>`] : []));
    return `<bpmn:${element} id="${id}" name="${id}">${into.join('')}${out.join('')}</bpmn:${element}>`;
  });
  const edges = flows.map(
    ([from, to], i) => `<bpmn:sequenceFlow id="f${i}" sourceRef="${from}" targetRef="${to}" />`,
  );
  return definitions(
    `<bpmn:process id="p" name="${name}">\n${lines.join('\n')}\n${edges.join('\n')}\n</bpmn:process>`,
  );
}

/** A process of `pairs` exclusive splits each joined again: the walk through gateways doubles per pair. */
export function gatewayChain(pairs: number): string {
  const nodes: [string, string][] = [
    ['start', 'startEvent'],
    ['first', 'task'],
  ];
  const flows: [string, string][] = [['start', 'first']];
  let last = 'first';
  for (let i = 0; i < pairs; i++) {
    nodes.push([`split${i}`, 'exclusiveGateway'], [`join${i}`, 'exclusiveGateway']);
    flows.push([last, `split${i}`], [`split${i}`, `join${i}`], [`split${i}`, `join${i}`]);
    last = `join${i}`;
  }
  nodes.push(['last', 'task'], ['end', 'endEvent']);
  flows.push([last, 'last'], ['last', 'end']);
  return processXml('Journey', nodes, flows);
}

/** A random process: tasks, gateways and events wired at random, loops and dead ends included. */
function randomProcess(r: Random): string {
  const kinds = [
    'task',
    'userTask',
    'exclusiveGateway',
    'parallelGateway',
    'inclusiveGateway',
    'intermediateCatchEvent',
    'endEvent',
  ];
  const n = 3 + r.int(25);
  const nodes: [string, string][] = [['n0', 'startEvent']];
  for (let i = 1; i < n; i++) nodes.push([`n${i}`, r.pick(kinds)]);
  const flows: [string, string][] = [];
  for (let i = 0; i < n + r.int(2 * n); i++)
    flows.push(i < n - 1 ? [`n${i}`, `n${i + 1}`] : [`n${r.int(n)}`, `n${r.int(n)}`]);
  return processXml('Random', nodes, flows);
}

const definitions = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="http://example.com">\n${body}\n</bpmn:definitions>\n`;

function smallXes(r: Random): string {
  const traces = Array.from({ length: 1 + r.int(4) }, (_, t) => {
    const events = Array.from(
      { length: 1 + r.int(5) },
      (_, e) =>
        `<event><string key="concept:name" value="A${r.int(4)}"/><date key="time:timestamp" value="2024-01-0${1 + e}T10:0${t}:00+01:00"/><string key="lifecycle:transition" value="complete"/></event>`,
    );
    return `<trace><string key="concept:name" value="case-${t}"/>${events.join('')}</trace>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<log xes.version="1.0">\n${traces.join('\n')}\n</log>\n`;
}

function smallCsv(r: Random): string {
  const sep = r.pick([',', ';', '\t', '|']);
  const rows = Array.from({ length: 1 + r.int(20) }, (_, i) =>
    [
      `c${r.int(5)}`,
      r.pick(['Call', 'Mail', '"Quoted, activity"', 'Web']),
      `2024-02-${String(1 + (i % 28)).padStart(2, '0')} 09:${String(i % 60).padStart(2, '0')}:00`,
      r.pick(['phone', 'web', '']),
    ].join(sep),
  );
  return `${['case_id', 'activity', 'timestamp', 'channel'].join(sep)}\n${rows.join('\n')}\n`;
}

function smallOcel(r: Random): string {
  const objects = Array.from({ length: 1 + r.int(4) }, (_, i) => ({
    id: `o${i}`,
    type: r.pick(['customer', 'order']),
  }));
  const events = Array.from({ length: 1 + r.int(6) }, (_, i) => ({
    id: `e${i}`,
    type: r.pick(['Call', 'Order']),
    time: `2024-03-0${1 + (i % 9)}T10:00:00Z`,
    attributes: [],
    relationships: [{ objectId: r.pick(objects).id, qualifier: 'by' }],
  }));
  return JSON.stringify(
    {
      objectTypes: [
        { name: 'customer', attributes: [] },
        { name: 'order', attributes: [] },
      ],
      eventTypes: [],
      objects,
      events,
    },
    null,
    1,
  );
}

/** XML's own attacks: entity bombs, external entities, deep elements, dangling and repeated ids. */
function xmlMutation(text: Buffer, r: Random): Mutated {
  const xml = text.toString('utf8');
  const kind = r.pick(['bomb', 'external', 'deep', 'dangling', 'duplicate']);
  const afterDeclaration = xml.indexOf('?>') + 2;
  if (kind === 'bomb' || kind === 'external') {
    const entities =
      kind === 'bomb'
        ? Array.from({ length: 10 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('')
        : '<!ENTITY l0 SYSTEM "file:///etc/passwd">';
    const doctype = `<!DOCTYPE d [${kind === 'bomb' ? '<!ENTITY l0 "lol">' : ''}${entities}]>`;
    const body = xml.slice(afterDeclaration).replace(/name="[^"]*"/, `name="&l${kind === 'bomb' ? 10 : 0};"`);
    return {
      bytes: Buffer.from(xml.slice(0, afterDeclaration) + doctype + body),
      what: `XML entity ${kind}`,
    };
  }
  if (kind === 'deep') {
    const depth = r.size(100, 100_000);
    const at = xml.lastIndexOf('</');
    const deep = `${'<x:a xmlns:x="urn:x">'.repeat(depth)}${'</x:a>'.repeat(depth)}`;
    return { bytes: Buffer.from(xml.slice(0, at) + deep + xml.slice(at)), what: `${depth} nested elements` };
  }
  const ids = [...xml.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1] as string);
  if (ids.length === 0) return { bytes: text, what: 'no id to change' };
  const id = r.pick(ids);
  if (kind === 'dangling') {
    return {
      bytes: Buffer.from(xml.replaceAll(`"${id}"`, '"nowhere"').replace('id="nowhere"', `id="${id}"`)),
      what: `references to ${id} dangle`,
    };
  }
  return {
    bytes: Buffer.from(xml.replaceAll(`id="${r.pick(ids)}"`, `id="${id}"`)),
    what: `id ${id} repeated`,
  };
}

const SOURCE_FILES: Record<InputKind, () => string[]> = {
  bpmn: () => [...files(BPMN_SUITE, '.bpmn', 40_000), ...files(EXAMPLE_BPMN, '.bpmn', 40_000)],
  xes: () => [join(EVENT_LOGS, 'running-example.xes'), join(EVENT_LOGS, 'roadtraffic100traces.xes')],
  csv: () => [
    join(EVENT_LOGS, 'running-example.csv'),
    join(EVENT_LOGS, 'bpic2016_complaints.csv'),
    join(EVENT_LOGS, 'receipt.csv'),
  ],
  jsonocel: () => [join(EVENT_LOGS, 'ocel2', 'ocel20_example.jsonocel')],
};

/** Real files are cut to this: a fuzz case tests the reading, not the size. */
const HEAD_BYTES = 60_000;

const sources = new Map<InputKind, { name: string; text: Buffer }[]>();

function sourceOf(kind: InputKind, r: Random): { name: string; text: Buffer } {
  if (r.chance(0.4)) {
    if (kind === 'bpmn')
      return r.chance(0.2)
        ? { name: 'gateway chain', text: Buffer.from(gatewayChain(1 + r.int(30))) }
        : { name: 'random process', text: Buffer.from(randomProcess(r)) };
    const made = kind === 'xes' ? smallXes(r) : kind === 'csv' ? smallCsv(r) : smallOcel(r);
    return { name: `small ${kind}`, text: Buffer.from(made) };
  }
  let list = sources.get(kind);
  if (!list) {
    list = SOURCE_FILES[kind]().map((file) => {
      const raw = readFileSync(file);
      const bytes = file.endsWith('.gz') ? gunzipSync(raw) : raw;
      return { name: file.split('/').slice(-2).join('/'), text: bytes.subarray(0, HEAD_BYTES) };
    });
    sources.set(kind, list);
  }
  return r.pick(list);
}

export interface InputCase {
  index: number;
  file: string;
  what: string;
}

const EXTENSIONS: Record<InputKind, string> = { bpmn: 'bpmn', xes: 'xes', csv: 'csv', jsonocel: 'jsonocel' };

/** Case `index` of `seed` for `kind`, written into `dir`. */
export function inputCase(dir: string, kind: InputKind, seed: number, index: number): InputCase {
  const r = new Random((seed ^ Math.imul(index + 7919, 0x9e3779b1)) >>> 0);
  const from = sourceOf(kind, r);
  const xml = kind === 'bpmn' || kind === 'xes';
  const mutated = r.chance(0.1)
    ? { bytes: from.text, what: 'unchanged' }
    : xml && r.chance(0.15)
      ? xmlMutation(from.text, r)
      : mutate(
          from.text,
          r,
          Object.keys(MUTATIONS).filter(
            (m) => m !== 'aliasBomb' && (m !== 'wrongType' || kind === 'jsonocel'),
          ),
        );
  const file = join(dir, `case-${index}.${EXTENSIONS[kind]}`);
  writeFileSync(file, mutated.bytes);
  return { index, file, what: `${from.name}; ${mutated.what}` };
}
