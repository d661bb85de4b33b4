/**
 * A dense model (every step leads on to a dozen others, loops everywhere): one strongly connected
 * component, so its exact analysis grows with the cube of its size (400 steps take under a second,
 * 1,600 about 10 s), which is what the server's time limits are for. For tests and benchmarks of
 * those limits.
 */
export function denseModel(steps: number, branches = 10): Record<string, unknown> {
  const list = Array.from({ length: steps }, (_, i) => {
    const targets = new Set<string>();
    for (let j = 1; j <= branches; j++) targets.add(`s${(i * 7 + j * 13) % steps}`);
    targets.add(i + 1 < steps ? `s${i + 1}` : 'done');
    const to = [...targets];
    const p = Math.floor(1000 / (to.length + 1)) / 1000;
    return {
      id: `s${i}`,
      name: `Step ${i}`,
      stage: 'all',
      channel: 'web',
      duration: '1 min',
      pool: 'agents',
      next: [
        ...to.map((t) => ({ to: t, p })),
        { to: 'done', p: Math.round((1 - p * to.length) * 1000) / 1000 },
      ],
    };
  });
  return {
    linesight: 1,
    name: `Dense model (${steps} steps)`,
    arrivals: { rate: '1/h' },
    stages: [{ id: 'all', name: 'All' }],
    resources: [{ id: 'agents', name: 'Agents', capacity: 100 }],
    steps: list,
    ends: [{ id: 'done', name: 'Done', outcome: 'success' }],
    start: 's0',
  };
}
