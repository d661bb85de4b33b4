/** A count with its noun, singular for one: "1 error", "3 errors", "1 step". */
export function plural(n: number, noun: string, nouns = `${noun}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? noun : nouns}`;
}
