/**
 * XES (IEEE 1849) streamed into the store: saxes reads the file as it comes (gzip undone on the
 * way), one trace at a time, so a log of any size needs the memory of one trace. The standard
 * extensions give the case (trace concept:name), activity (event concept:name), timestamp
 * (time:timestamp), lifecycle and resource; every other attribute is kept as JSON.
 */
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { SaxesParser } from 'saxes';
import { isGzip } from './gzip-magic.js';
import { type ImportReport, LISTED_PROBLEMS } from './import-report.js';
import type { EventRow, EventWriter } from './store.js';
import { parseTimestamp } from './timestamp-text.js';
import { DECLARATION_BYTES, XmlTextDecoder } from './xml-text-decoder.js';

export interface ImportOptions {
  onError: 'skip' | 'fail';
  /** Keep only these lifecycle transitions (e.g. complete); all when absent. */
  lifecycle?: string[];
  channelKey?: string;
  segmentKey?: string;
  onProgress?: (bytes: number) => void;
  /** The most bytes of XML to read (a gzip file unpacked): an upload's bound. */
  maxBytes?: number;
}

const ATTRIBUTE = new Set(['string', 'date', 'int', 'float', 'boolean', 'id']);

/**
 * The most characters read with no tag begun or ended: the parser holds a value or a name whole
 * until it ends, so a runaway one (a damaged file, or a gzip bomb of one attribute) grew to V8's
 * longest string, 0.7 GB and 16 s on, and failed as "Invalid string length". No XES value is near.
 */
export const MAX_UNTAGGED_CHARS = 16 << 20;

/**
 * The most characters of text an event keeps (its case, activity and attributes): events are
 * names, times and a few attributes. A file of 3,000 events with a megabyte attribute each, 3 MB
 * gzipped, took gigabytes to store.
 */
export const MAX_EVENT_CHARS = 64 << 10;

export function importXes(file: string, writer: EventWriter, options: ImportOptions): Promise<ImportReport> {
  return new Promise((resolve, reject) => {
    const parser = new SaxesParser({ position: true });
    const report: ImportReport = { events: 0, cases: 0, skipped: 0, problems: [] };
    let depth: 'log' | 'trace' | 'event' = 'log';
    let nested = 0;
    let trace: Record<string, string> = {};
    let events: { attrs: Record<string, string>; line: number; chars: number }[] = [];
    let event: Record<string, string> | undefined;
    let eventLine = 0;
    let failed = false;
    let tagAt = 0;
    const stop = (error: Error) => {
      if (failed) return;
      failed = true;
      input.destroy();
      reject(error);
    };
    parser.on('opentag', (tag) => {
      tagAt = parser.position;
      const name = localName(tag.name);
      if (name === 'trace' && depth === 'log') {
        depth = 'trace';
        trace = {};
        events = [];
      } else if (name === 'event' && depth === 'trace') {
        depth = 'event';
        event = {};
        eventLine = parser.line;
      } else if (ATTRIBUTE.has(name) || name === 'list' || name === 'container') {
        // Only top-level attributes of a trace or event count; nested ones (meta data, lists) are skipped.
        if (nested === 0 && ATTRIBUTE.has(name) && depth !== 'log') {
          const key = String(tag.attributes.key ?? '');
          const value = String(tag.attributes.value ?? '');
          if (depth === 'event' && event) event[key] = value;
          else trace[key] = value;
        }
        if (!tag.isSelfClosing) nested++;
      }
    });
    parser.on('closetag', (tag) => {
      tagAt = parser.position;
      const name = localName(tag.name);
      if (ATTRIBUTE.has(name) || name === 'list' || name === 'container') {
        if (!tag.isSelfClosing && nested > 0) nested--;
        return;
      }
      if (name === 'event' && depth === 'event') {
        // One too large is not kept until its trace ends, only what it weighed.
        const chars = event ? textLength(event) : 0;
        if (event) events.push({ attrs: chars > MAX_EVENT_CHARS ? {} : event, line: eventLine, chars });
        event = undefined;
        depth = 'trace';
      } else if (name === 'trace' && depth === 'trace') {
        depth = 'log';
        try {
          flushTrace();
        } catch (error) {
          stop(error as Error);
        }
      }
    });
    parser.on('error', (error: Error) =>
      stop(new Error(`not well-formed XES at line ${parser.line}: ${error.message.split('\n')[0]}`)),
    );

    // Made once, not for each event: a problem is rare, and an import reads millions of events.
    const problem = (line: number, field: string, message: string) => {
      if (report.problems.length < LISTED_PROBLEMS) report.problems.push({ line, field, message });
      if (options.onError === 'fail') throw new Error(`line ${line}, ${field}: ${message}`);
      report.skipped++;
    };
    const tooLarge = (line: number, chars: number) =>
      problem(
        line,
        'attributes',
        `the event holds ${Math.ceil(chars / 1024)} KiB of text; linesight keeps events of up to ${MAX_EVENT_CHARS >> 10} KiB (names, times and a few attributes)`,
      );

    function flushTrace() {
      const caseId = trace['concept:name'];
      const before = report.events;
      const caseAttrs: Record<string, string> = {};
      let caseAttributes = 0;
      for (const key in trace)
        if (key !== 'concept:name') {
          caseAttrs[`case:${key}`] = trace[key] as string;
          caseAttributes++;
        }
      for (const { attrs, line, chars: own } of events) {
        if (caseId === undefined) {
          problem(line, 'concept:name (trace)', 'the trace has no name, so its events have no case');
          continue;
        }
        if (own > MAX_EVENT_CHARS) {
          tooLarge(line, own);
          continue;
        }
        const activity = attrs['concept:name'];
        if (activity === undefined) {
          problem(line, 'concept:name', 'the event has no activity name');
          continue;
        }
        const time = attrs['time:timestamp'];
        const parsed = time === undefined ? undefined : parseTimestamp(time);
        if (!parsed) {
          problem(
            line,
            'time:timestamp',
            time === undefined ? 'the event has no timestamp' : `"${time}" is not a timestamp`,
          );
          continue;
        }
        const lifecycle = attrs['lifecycle:transition'] ?? null;
        if (options.lifecycle && lifecycle !== null && !options.lifecycle.includes(lifecycle.toLowerCase()))
          continue;
        const rest = otherAttributes(attrs);
        // Most traces have no attribute but their name: then the event's own are all there are.
        const all = caseAttributes > 0 ? { ...caseAttrs, ...rest } : rest;
        const attributes = hasKeys(all) ? JSON.stringify(all) : null;
        const chars = caseId.length + activity.length + (attributes?.length ?? 0);
        if (chars > MAX_EVENT_CHARS) {
          tooLarge(line, chars);
          continue;
        }
        const row: EventRow = {
          caseId,
          activity,
          timestamp: parsed.us,
          offset: parsed.offset,
          lifecycle,
          resource: attrs['org:resource'] ?? null,
          channel: options.channelKey
            ? (all[options.channelKey] ?? null)
            : (all.channel ?? all['case:channel'] ?? null),
          segment: options.segmentKey
            ? (all[options.segmentKey] ?? null)
            : (all.segment ?? all['case:segment'] ?? null),
          attributes,
        };
        writer.write(row);
        report.events++;
      }
      // A trace counts when it stored an event; two traces of one name are one case, which only
      // the store can tell without keeping every name (importLog counts there).
      if (report.events > before) report.cases++;
    }

    // Read and unzipped in large pieces: in the default 64 and 16 KiB ones the parser waited on
    // the thread that unzips them between pieces (helpdesk.xes.gz, 14 MB: 0.75 → 0.6 s to parse).
    const input = createReadStream(file, { highWaterMark: 1 << 20 });
    let bytes = 0;
    input.on('data', (chunk) => {
      bytes += chunk.length;
      options.onProgress?.(bytes);
    });
    input.on('error', stop);
    const text = isGzip(file) ? input.pipe(createGunzip({ chunkSize: 1 << 18 })) : input;
    text.on('error', (error: Error) => stop(new Error(`cannot read ${file}: ${error.message}`)));
    // The encoding is known once the declaration is in: the first pieces wait for it.
    let decoder: XmlTextDecoder | undefined;
    let head: Buffer[] = [];
    let headBytes = 0;
    const decoded = (chunk: Buffer | undefined): string => {
      if (decoder) return decoder.decode(chunk);
      if (chunk) {
        head.push(chunk);
        headBytes += chunk.length;
        if (headBytes < DECLARATION_BYTES) return '';
      }
      const start = Buffer.concat(head);
      head = [];
      decoder = new XmlTextDecoder(start);
      return decoder.decode(start) + (chunk ? '' : decoder.decode());
    };
    let unpacked = 0;
    text.on('data', (chunk: Buffer) => {
      if (failed) return;
      unpacked += chunk.length;
      if (options.maxBytes !== undefined && unpacked > options.maxBytes) {
        stop(
          new Error(
            `it holds more than ${options.maxBytes >= 2 ** 20 ? `${Math.round(options.maxBytes / 2 ** 20)} MiB` : `${Math.round(options.maxBytes / 1024)} KiB`} of XML${isGzip(file) ? ' once unpacked' : ''}, more than an upload may`,
          ),
        );
        return;
      }
      try {
        parser.write(decoded(chunk));
        if (parser.position - tagAt > MAX_UNTAGGED_CHARS)
          stop(
            new Error(
              `line ${parser.line} holds more than ${MAX_UNTAGGED_CHARS >> 20} MiB of characters with no tag (an attribute value, a text or a comment that does not end), far more than any XES value`,
            ),
          );
      } catch (error) {
        stop(error as Error);
      }
    });
    text.on('end', () => {
      if (failed) return;
      try {
        parser.write(decoded(undefined));
        parser.close();
        resolve(report);
      } catch (error) {
        stop(error as Error);
      }
    });
  });
}

/** A tag's name without its namespace prefix: `xes:event` is an event. */
function localName(name: string): string {
  const colon = name.lastIndexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** The attributes of an event that have no column of their own, in the order they came. */
function otherAttributes(attrs: Record<string, string>): Record<string, string> {
  const rest: Record<string, string> = {};
  for (const key in attrs) if (!COLUMNS.has(key)) rest[key] = attrs[key] as string;
  return rest;
}

const COLUMNS = new Set(['concept:name', 'time:timestamp', 'lifecycle:transition', 'org:resource']);

function hasKeys(o: object): boolean {
  for (const _ in o) return true;
  return false;
}

/** The characters of an event's keys and values. */
function textLength(attrs: Record<string, string>): number {
  let n = 0;
  for (const key in attrs) n += key.length + (attrs[key] as string).length;
  return n;
}
