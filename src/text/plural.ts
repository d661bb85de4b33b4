/** A count with its noun, singular for one: "1 error", "3 errors", "1 step". */
import { grouped } from './grouped.js';
export function plural(n: number, noun: string, nouns = `${noun}s`): string {
  return `${grouped(n)} ${n === 1 ? noun : nouns}`;
}
