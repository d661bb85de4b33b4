/** Where customers who give up waiting in a pool's queue go: the pool's `abandon`, else an end about abandoning, else the first exit. */

interface EndLike {
  id: string;
  name: string;
  outcome: string;
}

export function abandonDestination(
  model: { ends: readonly EndLike[] },
  pool: { abandon?: string | undefined },
): string | undefined {
  if (pool.abandon) return pool.abandon;
  const named = model.ends.find((e) => /abandon/i.test(`${e.id} ${e.name}`));
  return (named ?? model.ends.find((e) => e.outcome === 'exit') ?? model.ends[0])?.id;
}
