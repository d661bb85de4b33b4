/** "Did you mean" for ids and field names: the closest candidate by edit distance, if close enough. */
export function suggest(word: string, candidates: Iterable<string>): string | undefined {
  const target = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = editDistance(target, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const allowed = Math.max(2, Math.floor(target.length / 3));
  return best !== undefined && bestDistance <= allowed ? best : undefined;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(
        (d[(i - 1) * cols + j] ?? 0) + 1,
        (d[i * cols + j - 1] ?? 0) + 1,
        (d[(i - 1) * cols + j - 1] ?? 0) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, (d[(i - 2) * cols + j - 2] ?? 0) + 1);
      d[i * cols + j] = v;
    }
  }
  return d[rows * cols - 1] ?? 0;
}

/** The hint for an unknown name: the closest candidate, or the list when it is short. */
export function didYouMean(word: string, candidates: readonly string[], noun: string): string {
  const close = suggest(word, candidates);
  if (close !== undefined) return `did you mean '${close}'?`;
  if (candidates.length === 0) return `the model declares no ${noun} yet`;
  if (candidates.length <= 8) return `known ${noun}: ${candidates.map((c) => `'${c}'`).join(', ')}`;
  return `check the spelling against the declared ${noun}`;
}

/** A suggestion for a misspelt id that also lists the known ones, each said once. */
export function didYouMeanAmong(word: string, candidates: readonly string[], noun: string): string {
  const hint = didYouMean(word, candidates, noun);
  return suggest(word, candidates) !== undefined && candidates.length <= 8
    ? `${hint} (${noun}: ${candidates.join(', ')})`
    : hint;
}
