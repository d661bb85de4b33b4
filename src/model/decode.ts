/**
 * A model file's bytes as text: UTF-8, strictly. A byte that is not UTF-8 anywhere in the file
 * (Latin-1's é, say) is reported at its line and column with how to convert the file, never
 * replaced silently; NUL bytes mean binary data, and a UTF-16 byte order mark means UTF-16.
 */

export type Decoded =
  | { text: string }
  | { binary: true }
  | { utf16: true }
  | { invalid: { byte: number; line: number; column: number } };

const strict = new TextDecoder('utf-8', { fatal: true });

export function decodeUtf8(bytes: Uint8Array): Decoded {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    return { utf16: true };
  if (bytes.includes(0)) return { binary: true };
  try {
    return { text: strict.decode(bytes) };
  } catch {
    const offset = firstInvalid(bytes);
    const lineStart = bytes.lastIndexOf(0x0a, offset - 1) + 1;
    let line = 1;
    for (let i = bytes.indexOf(0x0a); i >= 0 && i < offset; i = bytes.indexOf(0x0a, i + 1)) line++;
    // Columns count characters as the rest of linesight does (UTF-16 units), and what precedes is valid.
    const column = strict.decode(bytes.subarray(lineStart, offset)).length + 1;
    return { invalid: { byte: bytes[offset] ?? 0, line, column } };
  }
}

/** The offset of the first byte that does not start a well-formed UTF-8 sequence. */
export function firstInvalid(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    const extra = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    if (extra === 0) return i;
    // The second byte's range excludes overlong forms, surrogates and code points past U+10FFFF.
    const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    const second = bytes[i + 1];
    if (second === undefined || second < low || second > high) return i;
    for (let k = 2; k <= extra; k++) {
      const next = bytes[i + k];
      if (next === undefined || next < 0x80 || next > 0xbf) return i;
    }
    i += extra + 1;
  }
  return bytes.length;
}
