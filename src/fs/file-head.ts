/** A file's first bytes (fewer when it is shorter): what its kind, its encoding or its magic number is read from. */
import { closeSync, openSync, readSync } from 'node:fs';

export function fileHead(file: string, bytes: number): Buffer {
  const head = Buffer.alloc(bytes);
  const fd = openSync(file, 'r');
  try {
    return head.subarray(0, readSync(fd, head, 0, bytes, 0));
  } finally {
    closeSync(fd);
  }
}
