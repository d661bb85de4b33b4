/**
 * Where in a log file a reader stopped, as people look for it: line and column from a byte
 * offset, or from the first byte that is not UTF-8. Both read the file in chunks, once, and only
 * when there is an error to place, so a log of any size costs nothing when it is fine.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { firstInvalid } from '../model/decode.js';

export interface FilePosition {
  line: number;
  /** In bytes from the start of the line, 1-based: what `cut -b` and editors' byte columns show. */
  column: number;
}

const CHUNK = 2 ** 20;

/** Calls `visit` with each chunk of the file and its offset, until it returns true or the file ends. */
function chunks(file: string, visit: (chunk: Buffer, offset: number) => boolean): void {
  const buffer = Buffer.alloc(CHUNK);
  const fd = openSync(file, 'r');
  try {
    let offset = 0;
    for (;;) {
      const read = readSync(fd, buffer, 0, CHUNK, null);
      if (read === 0 || visit(buffer.subarray(0, read), offset)) return;
      offset += read;
    }
  } finally {
    closeSync(fd);
  }
}

/** The line and column of byte `target` (0-based) of a file. */
export function positionOfByte(file: string, target: number): FilePosition {
  let line = 1;
  let lineStart = 0;
  chunks(file, (chunk, offset) => {
    const end = Math.min(chunk.length, target - offset);
    for (let nl = chunk.indexOf(10); nl >= 0 && nl < end; nl = chunk.indexOf(10, nl + 1)) {
      line++;
      lineStart = offset + nl + 1;
    }
    return offset + chunk.length > target;
  });
  return { line, column: target - lineStart + 1 };
}

/** The first byte of a file that is not UTF-8, with its position; undefined when all of it is. */
export function firstInvalidUtf8(file: string): (FilePosition & { byte: number }) | undefined {
  let found: { offset: number; byte: number } | undefined;
  let carry = Buffer.alloc(0);
  let carryOffset = 0;
  chunks(file, (chunk, offset) => {
    const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    const start = carry.length > 0 ? carryOffset : offset;
    const at = firstInvalid(bytes);
    // A sequence cut off by the end of the chunk is not wrong yet: it is read again with the next.
    if (at < bytes.length && at >= bytes.length - 3 && chunk.length === CHUNK) {
      carry = Buffer.from(bytes.subarray(at));
      carryOffset = start + at;
      return false;
    }
    carry = Buffer.alloc(0);
    if (at < bytes.length) found = { offset: start + at, byte: bytes[at] as number };
    return found !== undefined;
  });
  // Bytes cut off at the very end of the file are a sequence that never ends.
  if (!found && carry.length > 0) found = { offset: carryOffset, byte: carry[0] as number };
  return found && { ...positionOfByte(file, found.offset), byte: found.byte };
}
