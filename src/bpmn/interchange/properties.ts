/**
 * `linesight:properties`: an element's model data as name/value pairs any modeler's extension
 * panel shows. Text stays text; numbers, flags, lists and objects are written as JSON and marked
 * `type="json"`, so that reading gives back exactly what was written.
 */
import type { Element, Moddle } from '../moddle.js';

export type FileData = Record<string, unknown>;

export function writeProperties(moddle: Moddle, data: FileData): Element | undefined {
  const list = Object.entries(data)
    .filter(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0))
    .map(([name, value]) =>
      moddle.create(
        'linesight:Property',
        typeof value === 'string' ? { name, value } : { name, value: JSON.stringify(value), type: 'json' },
      ),
    );
  return list.length ? moddle.create('linesight:Properties', { values: list }) : undefined;
}

/** The properties an element carries in its extension elements; a value that is not valid JSON stays text. */
export function readProperties(element: Element | undefined): FileData {
  const values = (element?.extensionElements as Element | undefined)?.values as Element[] | undefined;
  const data: FileData = {};
  for (const block of values ?? []) {
    if (block.$type !== 'linesight:Properties') continue;
    for (const p of (block.values as Element[] | undefined) ?? []) {
      if (!p.name) continue;
      data[p.name] = p.type === 'json' ? parseJson(String(p.value ?? '')) : p.value;
    }
  }
  return data;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
