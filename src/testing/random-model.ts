/**
 * Random valid models, as a person would write them (raw file data, units as text), for property
 * tests and benchmarks. The same options give the same model. Every step is reachable (step i
 * always leads on to step i + 1) and leads to an end (the last step ends the journey), with loops
 * back, skips ahead, per-segment flows, fail points and backstage activities mixed in.
 */
export interface RandomModelOptions {
  steps: number;
  seed: number;
  segments?: number;
  departments?: number;
}

/** mulberry32: a tiny, well-mixed 32-bit generator, enough for shaping test data. */
export function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export function randomModel(options: RandomModelOptions): Record<string, unknown> {
  const random = generator(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const n = Math.max(1, options.steps);
  const stageCount = Math.max(1, Math.ceil(n / 10));
  const segmentIds = Array.from({ length: options.segments ?? 2 }, (_, i) => `segment-${i}`);
  const departments = Array.from({ length: options.departments ?? 6 }, (_, i) => ({
    id: `dept-${i}`,
    name: `Department ${i}`,
    visibility: i % 2 === 0 ? 'frontstage' : 'backstage',
    roles: [{ id: `role-${i}`, name: `Role ${i}` }],
  }));
  const frontRoles = departments
    .filter((d) => d.visibility === 'frontstage')
    .map((d) => d.roles[0]?.id as string);
  const resources = frontRoles.map((role, i) => ({
    id: `pool-${i}`,
    name: `Pool ${i}`,
    role,
    capacity: 1 + Math.floor(random() * 20),
    cost: `${20 + Math.floor(random() * 50)} EUR/h`,
  }));
  const channels = ['web', 'phone', 'email', 'chat', 'store', 'ivr'];
  const durations = [
    'exp(4 min)',
    'lognormal(6 min, 3 min)',
    '90 s',
    'uniform(1 min, 3 min)',
    'triangular(1 min, 2 min, 5 min)',
    'gamma(5 min, 2 min)',
  ];
  const stepId = (i: number) => (i < n ? `step-${i}` : 'done');

  const steps = Array.from({ length: n }, (_, i) => {
    const forward = () => {
      const branches: { to: string; p: number }[] = [];
      let rest = 1;
      if (i > 0 && random() < 0.2) {
        const p = round(0.05 + random() * 0.2);
        branches.push({ to: stepId(Math.floor(random() * i)), p });
        rest -= p;
      }
      if (random() < 0.3) {
        const p = round(random() * 0.3);
        branches.push({ to: random() < 0.5 ? 'left' : stepId(i + 1 + Math.floor(random() * 5)), p });
        rest -= p;
      }
      branches.push({ to: stepId(i + 1), p: round(rest) });
      return merge(branches);
    };
    const step: Record<string, unknown> = {
      id: stepId(i),
      name: `Customer does thing ${i}`,
      stage: `stage-${Math.floor((i * stageCount) / n)}`,
      channel: pick(channels),
      duration: pick(durations),
      effort: 1 + Math.floor(random() * 5),
      emotion: Math.floor(random() * 5) - 2,
    };
    if (random() < 0.4 && resources.length > 0) step.pool = pick(resources).id;
    if (random() < 0.2)
      step.fail = {
        p: round(random() * 0.3),
        severity: 1 + Math.floor(random() * 5),
        next: random() < 0.5 ? stepId(i) : 'left',
      };
    if (random() < 0.15) step.wait = `${1 + Math.floor(random() * 30)} min`;
    if (random() < 0.5) {
      const d = pick(departments);
      step.backstage = [
        {
          id: `activity-${i}`,
          name: `Back-office work ${i}`,
          department: d.id,
          role: d.roles[0]?.id,
          duration: pick(durations),
          apqc: '6.2.1',
        },
      ];
    }
    step.next =
      random() < 0.3
        ? Object.fromEntries([...segmentIds.slice(1).map((s) => [s, forward()]), ['default', forward()]])
        : forward();
    return step;
  });

  const shares = segmentIds.map(() => 1 / segmentIds.length);
  return {
    linesight: 1,
    name: `Random model ${options.seed} (${n} steps)`,
    arrivals: { rate: '60/h' },
    segments: segmentIds.map((id, i) => ({
      id,
      name: `Segment ${i}`,
      share: i === 0 ? round(1 - round(shares[0] ?? 0) * (segmentIds.length - 1)) : round(shares[i] ?? 0),
    })),
    organization: {
      name: 'Random Inc.',
      departments,
      systems: [{ id: 'website', name: 'Website', kind: 'website', visibility: 'frontstage' }],
    },
    resources,
    stages: Array.from({ length: stageCount }, (_, i) => ({ id: `stage-${i}`, name: `Stage ${i}` })),
    steps,
    ends: [
      { id: 'done', name: 'Done', outcome: 'success' },
      { id: 'left', name: 'Left', outcome: 'exit' },
    ],
    start: 'step-0',
  };
}

/** Branches to the same target add up, and targets past the end become the success end. */
function merge(branches: { to: string; p: number }[]): { to: string; p: number }[] {
  const byTarget = new Map<string, number>();
  for (const b of branches) byTarget.set(b.to, round((byTarget.get(b.to) ?? 0) + b.p));
  return [...byTarget].map(([to, p]) => ({ to, p }));
}
