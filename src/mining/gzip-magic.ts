/** Whether a file is gzip-compressed, by its first two bytes, not its name (an upload is saved under another). */
import { closeSync, openSync, readSync } from 'node:fs';

export function isGzip(file: string): boolean {
  const head = Buffer.alloc(2);
  const fd = openSync(file, 'r');
  try {
    return readSync(fd, head, 0, 2, 0) === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}
