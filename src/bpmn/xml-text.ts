/**
 * A BPMN (XML) file's bytes as text, in the encoding the file says it has: a byte order mark, or
 * the XML declaration's `encoding` (ISO-8859-1 and Windows-1252 exports exist), else UTF-8,
 * strictly. Bytes that are not in that encoding are reported with their line and column rather
 * than replaced silently, which would change the names and ids read from the file.
 */
import { decodeUtf8 } from '../model/decode.js';

export type XmlText = { text: string } | { problem: string; hint: string };

const DECLARED = /^<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/;

export function decodeXml(bytes: Uint8Array): XmlText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeAs('utf-16le', bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeAs('utf-16be', bytes.subarray(2));
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
  const declared = DECLARED.exec(head)?.[1]?.toLowerCase();
  if (declared && !/^utf-?8$/.test(declared)) return decodeAs(declared, bytes);
  const decoded = decodeUtf8(bytes);
  if ('text' in decoded) return { text: decoded.text.replace(/^\uFEFF/, '') };
  if ('binary' in decoded)
    return { problem: 'it is not a text file (it holds binary data)', hint: 'a BPMN file is XML text' };
  if ('utf16' in decoded)
    return { problem: 'it is UTF-16 without a byte order mark', hint: 'save it as UTF-8' };
  const { byte, line, column } = decoded.invalid;
  return {
    problem: `it is not UTF-8, and declares no other encoding: the byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} at line ${line}, column ${column}`,
    hint: 'save it as UTF-8, or declare its encoding: <?xml version="1.0" encoding="ISO-8859-1"?>',
  };
}

function decodeAs(label: string, bytes: Uint8Array): XmlText {
  try {
    return { text: new TextDecoder(label, { fatal: true }).decode(bytes) };
  } catch (error) {
    return error instanceof RangeError && /encoding|label/i.test(error.message)
      ? {
          problem: `it declares the encoding '${label.slice(0, 40)}', which linesight does not know`,
          hint: 'save it as UTF-8',
        }
      : { problem: `it is not valid ${label.slice(0, 40)} text`, hint: 'save it as UTF-8' };
  }
}
