/**
 * OCEL 2.0 XML logs (<log> with <object-types>, <event-types>, <objects>, <events>), streamed by
 * saxes into the OCEL staging tables as the file comes, so a log of any size needs the memory of
 * one event; flattened from there (see ocel-flatten.ts). Problems name the line of their event.
 */
import { createReadStream } from 'node:fs';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { ImportReport } from './import-report.js';
import { LogImportError } from './log-import-error.js';
import { storeOcel } from './ocel-flatten.js';
import { dropOcelTables, type OcelEvent, OcelStaging } from './ocel-tables.js';
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

/** The elements of an OCEL 2.0 XML log, each staged as it closes (or opens, for those without content). */
class OcelXmlElements {
  private readonly path: Path = [];
  private n = 0;
  private event: OcelEvent | undefined;
  /** The object being read (null when it has no id): its attributes and relations are staged as they come. */
  private object: string | null | undefined;
  private attribute: { name: string; time: string | null; value: string } | undefined;

  constructor(
    private readonly file: string,
    private readonly staging: OcelStaging,
  ) {}

  open(tag: SaxesTagPlain, line: number): void {
    const a = tag.attributes;
    const { path, staging } = this;
    if (path.length === 0 && tag.name !== 'log')
      throw new LogImportError(
        `${this.file} is XML but no OCEL 2.0 log: its root is <${tag.name}>, not <log>`,
        OCEL_XML_HINT,
      );
    if (tag.name === 'object' && under(path, 'log', 'objects')) {
      this.object = a.id ?? null;
      staging.object(this.object, a.type ?? null);
    } else if (this.object !== undefined && tag.name === 'attribute' && under(path, 'object', 'attributes'))
      this.attribute = { name: a.name ?? '', time: a.time ?? null, value: '' };
    else if (this.object !== undefined && under(path, 'object', 'objects')) {
      const r = relationOf(tag);
      if (r) staging.objectRelation(this.object, r.objectId, r.qualifier);
    } else if (tag.name === 'event' && under(path, 'log', 'events')) {
      this.n++;
      this.event = {
        n: this.n,
        id: a.id ?? null,
        type: a.type ?? null,
        time: a.time ?? null,
        attributes: [],
        line,
        typeField: 'type',
        timeField: 'time',
      };
    } else if (this.event && tag.name === 'attribute' && under(path, 'event', 'attributes'))
      this.attribute = { name: a.name ?? '', time: null, value: '' };
    else if (this.event && under(path, 'event', 'objects')) {
      const r = relationOf(tag);
      if (r) staging.relation(this.n, r.objectId, r.qualifier);
    }
    path.push(tag.name);
  }

  text(text: string): void {
    if (this.attribute) this.attribute.value += text;
  }

  close(tag: { name: string }): void {
    const { path, attribute, event } = this;
    path.pop();
    if (attribute && tag.name === 'attribute') {
      if (event) event.attributes.push({ name: attribute.name, value: attribute.value });
      else this.staging.objectValue(this.object ?? null, attribute.name, attribute.time, attribute.value);
      this.attribute = undefined;
    } else if (this.object !== undefined && tag.name === 'object' && under(path, 'log', 'objects'))
      this.object = undefined;
    else if (event && tag.name === 'event' && under(path, 'log', 'events')) {
      this.staging.event(event);
      this.event = undefined;
    }
  }
}

/** Reads the file into `staging`, each row into its table as it is read. */
function stream(file: string, staging: OcelStaging): Promise<void> {
  return new Promise((resolve, reject) => {
    const parser = new SaxesParser({ position: true });
    const elements = new OcelXmlElements(file, staging);
    let failed = false;
    const input = createReadStream(file, { encoding: 'utf8' });
    const stop = (error: Error) => {
      if (failed) return;
      failed = true;
      input.destroy();
      reject(error);
    };
    parser.on('opentag', (tag) => elements.open(tag as SaxesTagPlain, parser.line));
    parser.on('text', (text) => elements.text(text));
    parser.on('cdata', (text) => elements.text(text));
    parser.on('closetag', (tag) => elements.close(tag));
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
