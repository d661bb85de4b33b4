/** Which of the formats linesight reads a log file is: by its name, or for .xml by its first elements. */
import { fileHead } from '../fs/file-head.js';

export const LOG_FORMATS = ['xes', 'csv', 'ocel-json', 'ocel-xml', 'ocel-sqlite'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/**
 * The format a file's name says: .xes, .xes.gz, .csv, .jsonocel, .xmlocel, .sqlite and .db; an
 * .xml file by its first elements, as XES and OCEL 2.0 XML both have a <log> root.
 */
export function formatOf(file: string): LogFormat | undefined {
  if (/\.xes(\.gz)?$/i.test(file)) return 'xes';
  if (/\.csv$/i.test(file)) return 'csv';
  if (/\.jsonocel$/i.test(file)) return 'ocel-json';
  if (/\.xmlocel$/i.test(file)) return 'ocel-xml';
  if (/\.(sqlite|db)$/i.test(file)) return 'ocel-sqlite';
  if (/\.xml$/i.test(file)) return xmlFormatOf(file);
  return undefined;
}

/** XES or OCEL 2.0 XML, by the first element under <log> in the file's first 64 KiB. */
function xmlFormatOf(file: string): LogFormat | undefined {
  let head = '';
  try {
    head = fileHead(file, 1 << 16).toString('utf8');
  } catch {
    // Not readable: importLog names the problem with the file.
    return undefined;
  }
  const first = /<log\b[^>]*>[\s\S]*?<([\w:-]+)/.exec(head.replace(/<!--[\s\S]*?-->/g, ''))?.[1];
  if (first === undefined) return undefined;
  return ['object-types', 'event-types', 'objects', 'events'].includes(first) ? 'ocel-xml' : 'xes';
}

/** The log a file goes to when none is named: its name without the format's extension. */
export const logNameOf = (file: string) =>
  (file.split(/[\\/]/).pop() ?? file).replace(/\.(xes|csv|jsonocel|xmlocel|xml|sqlite|db)(\.gz)?$/i, '');
