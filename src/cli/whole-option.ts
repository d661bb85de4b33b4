/** A whole-number option (`--replications 20`), checked against its range; the fallback when not given. */
import { clip } from '../model/clip.js';
import { grouped } from '../text/grouped.js';
import { UsageError } from './io.js';

export function wholeOption(
  name: string,
  text: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(
      `--${name} takes a whole number from ${min} to ${grouped(max)}, not '${clip(text)}'`,
    );
  return n;
}
