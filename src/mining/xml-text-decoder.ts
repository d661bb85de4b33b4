/**
 * The text of an XML file as it declares itself written: a byte order mark, else the `encoding` of
 * its `<?xml ...?>` declaration, else UTF-8 (XML's rule). A file that declares ISO-8859-1 was read
 * as UTF-8 before, and every accented letter stored as U+FFFD; bytes that are not text in the
 * file's encoding are now refused with where they are, instead of stored replaced.
 */

import { TextDecoder } from 'node:util';

/** Bytes enough to hold any XML declaration. */
export const DECLARATION_BYTES = 1024;

export class XmlTextDecoder {
  private readonly decoder: TextDecoder;
  private bytes = 0;

  /** `head`: the file's first bytes, DECLARATION_BYTES of them unless the file is shorter. */
  constructor(head: Uint8Array) {
    const label = encodingOf(head);
    try {
      this.decoder = new TextDecoder(label, { fatal: true });
    } catch {
      throw new Error(
        `the file declares its encoding as "${label}", which linesight cannot read: convert it to UTF-8 (iconv -f ${label} -t UTF-8)`,
      );
    }
  }

  /** The next piece's text (`undefined` at the end, for what the last piece left). */
  decode(piece?: Uint8Array): string {
    try {
      const text = piece ? this.decoder.decode(piece, { stream: true }) : this.decoder.decode();
      this.bytes += piece?.length ?? 0;
      return text;
    } catch {
      const at = piece ? `in bytes ${this.bytes + 1} to ${this.bytes + piece.length}` : 'at its end';
      throw new Error(
        `the file is not valid ${this.decoder.encoding} ${at}: it may be written in another encoding without declaring it (<?xml version="1.0" encoding="ISO-8859-1"?>), or damaged`,
      );
    }
  }
}

function encodingOf(head: Uint8Array): string {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const start = Buffer.from(head.subarray(0, DECLARATION_BYTES)).toString('latin1');
  const declared = /^\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']([A-Za-z][\w.:-]*)["']/.exec(start)?.[1];
  return declared ? declared.toLowerCase() : 'utf-8';
}
