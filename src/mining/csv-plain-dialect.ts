/**
 * The dialect of a plain CSV file, found without DuckDB's sniffer. The sniffer tries some twenty
 * dialects on the rows it samples and takes about 50 ms whatever the file's size: a sixth of
 * importing a thousand-row file, against 2 ms to read it with the dialect given. Most event logs
 * exported from a system are plain: no quotes, no escapes, one delimiter. When the sampled lines
 * show just that, the dialect is the one the sniffer would find on them (that delimiter, no quote,
 * no escape), and it is given; any other file is sniffed as before.
 */
import { SNIFFER_DELIMITERS as DELIMITERS } from './csv-dialect.js';
import { MAX_LINE_BYTES, readChunks, SNIFFED_LINES } from './csv-overlong.js';

const SPECIAL = -1;
const OTHER = -2;
const LINE_END = -3;
const LINE_FEED = 10;
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

/**
 * The sampled lines read so far: each delimiter's count on the line under way, on the header, and
 * whether every line has matched. Fed whole chunks and walked byte by byte in one loop: a piece
 * per line, and a closure per line to compare counts, made this 20 ms of every import (a fifth of
 * it collecting garbage), read at the start of the file where nothing is compiled yet.
 */
class PlainSample {
  private readonly counts = new Int32Array(DELIMITERS.length);
  private header: Int32Array | undefined;
  /** Bytes of the line under way that are not line ends, and all its bytes but the line feed. */
  private length = 0;
  private bytes = 0;
  private lines = 0;
  /** False once the sample shows the file is not plain (then nothing more is read). */
  private plain = true;

  /** Takes the first `read` bytes of `chunk`; true when no more need be read. */
  take(chunk: Buffer, read: number): boolean {
    const counts = this.counts;
    for (let i = 0; i < read; i++) {
      const byte = chunk[i] as number;
      if (byte === LINE_FEED) {
        this.endLine();
        if (!this.plain || this.lines === SNIFFED_LINES) return true;
        continue;
      }
      // Longer than DuckDB reads: the file is left to the search for that line, and the sniffer.
      if (++this.bytes > MAX_LINE_BYTES) return this.fail();
      const kind = KIND[byte] as number;
      if (kind >= 0) counts[kind] = (counts[kind] as number) + 1;
      else if (kind === SPECIAL) return this.fail();
      if (kind !== LINE_END) this.length++;
    }
    return false;
  }

  /** The file ended: its last line counts when no line break ends it. */
  end(): void {
    if (this.plain && this.length > 0) this.endLine();
  }

  /** The line under way is whole: the header sets the counts every later line must have. */
  private endLine(): void {
    const counts = this.counts;
    const header = this.header;
    if (!header) {
      let kinds = 0;
      for (let d = 0; d < counts.length; d++) if ((counts[d] as number) > 0) kinds++;
      // One delimiter in the header and no other: otherwise the sniffer weighs them.
      if (kinds !== 1) {
        this.fail();
        return;
      }
      this.header = Int32Array.from(counts);
    } else {
      let alike = this.length > 0;
      for (let d = 0; d < counts.length; d++) if (counts[d] !== header[d]) alike = false;
      if (!alike) {
        this.fail();
        return;
      }
    }
    this.lines++;
    counts.fill(0);
    this.length = 0;
    this.bytes = 0;
  }

  /** Not plain: true, for `take` to stop. */
  private fail(): true {
    this.plain = false;
    return true;
  }

  /** The delimiter, when the whole sample was plain: the header and at least one line. */
  delimiter(): string | undefined {
    if (!this.plain || this.lines < 2 || !this.header) return undefined;
    return DELIMITERS[this.header.findIndex((n) => n > 0)];
  }
}

/**
 * read_csv's options for the file's dialect when its sampled lines (DuckDB's sample: the first
 * 20,480) are plain: none holds a quote, an escape or a comment character, none is blank or longer
 * than DuckDB reads, and all of them, the header first, hold the same number of each delimiter, one
 * delimiter and no other. Undefined for any other file, which DuckDB sniffs. A plain sample has no
 * line too long, which spares an import the search for one (csv-overlong.ts).
 */
export function plainDialect(file: string): PlainDialect | undefined {
  const sample = new PlainSample();
  if (readChunks(file, (chunk, read) => sample.take(chunk, read))) sample.end();
  const delimiter = sample.delimiter();
  if (delimiter === undefined) return undefined;
  return {
    delimiter,
    options: `delim = '${delimiter === '\t' ? '\\t' : delimiter}', quote = '', escape = ''`,
  };
}

/** A plain file's delimiter, and read_csv's options for its dialect. */
export interface PlainDialect {
  delimiter: string;
  options: string;
}
