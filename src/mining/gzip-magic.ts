/** Whether a file is gzip-compressed, by its first two bytes, not its name (an upload is saved under another). */
import { fileHead } from '../fs/file-head.js';

export function isGzip(file: string): boolean {
  const head = fileHead(file, 2);
  return head.length === 2 && head[0] === 0x1f && head[1] === 0x8b;
}
