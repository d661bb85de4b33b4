/**
 * OCEL 2.0 XML logs (<log> with <object-types>, <event-types>, <objects>, <events>), streamed by
 * saxes into the OCEL staging tables as the file comes, so a log of any size needs the memory of
 * one event; flattened from there (see ocel-tables.ts). Problems name the line of their event.
 */
import { createReadStream } from 'node:fs';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { ImportReport } from './import-xes.js';
import { LogImportError } from './log-import-error.js';
import { dropOcelTables, type OcelEvent, OcelStaging, storeOcel } from './ocel-tables.js';
import type { EventStore } from './store.js';

const OCEL_XML_HINT =
  'an OCEL 2.0 XML log is a <log> element holding <object-types>, <event-types>, <objects> and <events>';

/** Where the parser is: the element names from the root down. */
type Path = string[];

const under = (path: Path, ...names: string[]) =>
  names.every((name, i) => path[path.length - names.length + i] === name);

/** A relationship to an object, in either form the standard's schema allows. */
const relationOf = (tag: SaxesTagPlain) =>
  tag.name === 'relationship' || tag.name === 'object'
    ? { objectId: tag.attributes['object-id'] ?? null, qualifier: tag.attributes.qualifier ?? null }
    : undefined;

/** Reads the file into `staging`, each row into its table as it is read. */
function stream(file: string, staging: OcelStaging): Promise<void> {
  return new Promise((resolve, reject) => {
    const parser = new SaxesParser({ position: true });
    const path: Path = [];
    let n = 0;
    let event: OcelEvent | undefined;
    let attribute: { name: string; value: string } | undefined;
    let failed = false;
    const input = createReadStream(file, { encoding: 'utf8' });
    const stop = (error: Error) => {
      if (failed) return;
      failed = true;
      input.destroy();
      reject(error);
    };
    parser.on('opentag', (tag) => {
      const a = tag.attributes as Record<string, string>;
      if (path.length === 0 && tag.name !== 'log')
        throw new LogImportError(
          `${file} is XML but no OCEL 2.0 log: its root is <${tag.name}>, not <log>`,
          OCEL_XML_HINT,
        );
      if (tag.name === 'object' && under(path, 'log', 'objects'))
        staging.object(a.id ?? null, a.type ?? null);
      else if (tag.name === 'event' && under(path, 'log', 'events')) {
        n++;
        event = {
          n,
          id: a.id ?? null,
          type: a.type ?? null,
          time: a.time ?? null,
          attributes: [],
          line: parser.line,
          typeField: 'type',
          timeField: 'time',
        };
      } else if (event && tag.name === 'attribute' && under(path, 'event', 'attributes'))
        attribute = { name: a.name ?? '', value: '' };
      else if (event && under(path, 'event', 'objects')) {
        const r = relationOf(tag as SaxesTagPlain);
        if (r) staging.relation(n, r.objectId, r.qualifier);
      }
      path.push(tag.name);
    });
    const addText = (text: string) => {
      if (attribute) attribute.value += text;
    };
    parser.on('text', addText);
    parser.on('cdata', addText);
    parser.on('closetag', (tag) => {
      path.pop();
      if (attribute && tag.name === 'attribute') {
        event?.attributes.push(attribute);
        attribute = undefined;
      } else if (event && tag.name === 'event' && under(path, 'log', 'events')) {
        staging.event(event);
        event = undefined;
      }
    });
    parser.on('error', (error: Error) =>
      stop(
        new LogImportError(
          `${file}, line ${parser.line}: not well-formed XML (${error.message.split('\n')[0]?.replace(/^.*?:\d+:\d+: /, '')})`,
          OCEL_XML_HINT,
        ),
      ),
    );
    input.on('error', stop);
    input.on('data', (chunk) => {
      if (failed) return;
      try {
        parser.write(chunk as string);
      } catch (error) {
        stop(error as Error);
      }
    });
    input.on('end', () => {
      if (failed) return;
      try {
        parser.close();
        if (!failed) resolve();
      } catch (error) {
        stop(error as Error);
      }
    });
  });
}

export async function importOcelXml(
  store: EventStore,
  file: string,
  log: string,
  options: { caseType?: string },
): Promise<ImportReport> {
  const staging = await OcelStaging.open(store.connection);
  try {
    await stream(file, staging);
  } catch (error) {
    staging.close();
    await dropOcelTables(store.connection);
    throw error;
  }
  staging.close();
  return storeOcel(store, file, log, options.caseType);
}
