/**
 * The dialect of a plain CSV file, found without DuckDB's sniffer. The sniffer tries some twenty
 * dialects on the rows it samples and takes about 50 ms whatever the file's size: a sixth of
 * importing a thousand-row file, against 2 ms to read it with the dialect given. Most event logs
 * exported from a system are plain: no quotes, no escapes, one delimiter. When the sampled lines
 * show just that, the dialect is the one the sniffer would find on them (that delimiter, no quote,
 * no escape), and it is given; any other file is sniffed as before.
 */
import { SNIFFER_DELIMITERS as DELIMITERS } from './csv-dialect.js';
import { MAX_LINE_BYTES, SNIFFED_LINES, sampledLines } from './csv-overlong.js';

const SPECIAL = -1;
const OTHER = -2;
const LINE_END = -3;
/**
 * What each byte is: a delimiter's index, SPECIAL for what makes a dialect more than a delimiter
 * (the quotes and escapes DuckDB tries, " ' \, and the comment mark #), a line end, or OTHER. A
 * table, since every sampled byte is looked up.
 */
const KIND = Int8Array.from({ length: 256 }, (_, byte) => {
  const char = String.fromCharCode(byte);
  if (DELIMITERS.includes(char)) return DELIMITERS.indexOf(char);
  if ('"\'\\#'.includes(char)) return SPECIAL;
  return char === '\r' || char === '\n' ? LINE_END : OTHER;
});

/** Counts of each delimiter on one line, and its length; `plain` false once a special byte is seen. */
class LineCounts {
  readonly counts = new Int32Array(DELIMITERS.length);
  length = 0;
  plain = true;

  add(piece: Uint8Array): void {
    for (let i = 0; i < piece.length; i++) {
      const kind = KIND[piece[i] as number] as number;
      if (kind >= 0) this.counts[kind] = (this.counts[kind] as number) + 1;
      else if (kind === SPECIAL) this.plain = false;
      if (kind !== LINE_END) this.length++;
    }
  }

  reset(): void {
    this.counts.fill(0);
    this.length = 0;
  }
}

/**
 * read_csv's options for the file's dialect when its sampled lines (DuckDB's sample: the first
 * 20,480) are plain: none holds a quote, an escape or a comment character, none is blank or longer
 * than DuckDB reads, and all of them, the header first, hold the same number of each delimiter, one
 * delimiter and no other. Undefined for any other file, which DuckDB sniffs.
 */
export function plainDialect(file: string): string | undefined {
  const line = new LineCounts();
  let header: Int32Array | undefined;
  let lines = 0;
  let alike = true;
  const endLine = () => {
    const counts = line.counts;
    if (!header) {
      header = Int32Array.from(counts);
      // One delimiter in the header and no other: otherwise the sniffer weighs them.
      alike = counts.filter((n) => n > 0).length === 1;
    } else alike = line.length > 0 && counts.every((n, d) => n === header?.[d]);
    lines++;
    line.reset();
  };
  // Bytes of the line under way as overlongLine counts them (all but the line feed): a plain sample
  // has no line too long, which spares an import that search.
  let bytes = 0;
  let long = false;
  sampledLines(file, SNIFFED_LINES, (_number, piece, ends) => {
    line.add(piece);
    bytes += piece.length - (ends ? 1 : 0);
    long = bytes > MAX_LINE_BYTES;
    if (ends && !long) {
      endLine();
      bytes = 0;
    }
    return long || !line.plain || !alike;
  });
  if (long) return undefined;
  // The file's last line when no line break ends it.
  if (line.plain && alike && line.length > 0) endLine();
  if (!line.plain || !alike || lines < 2 || !header) return undefined;
  const delimiter = DELIMITERS[header.findIndex((n) => n > 0)] as string;
  return `delim = '${delimiter === '\t' ? '\\t' : delimiter}', quote = '', escape = ''`;
}
