/**
 * Ids and what refers to them: every id unique in its kind, every reference to a department,
 * role, system, stage, channel, pool, process or segment resolving (with the nearest names as a
 * hint), roles in their own departments, and no customer step served from backstage.
 */
import { BUILTIN_CHANNELS } from './channels.js';
import { clip } from './clip.js';
import type { Path } from './diagnostic.js';
import { report } from './document.js';
import { type Context, type Parsed, problem } from './meaning-context.js';
import { didYouMean } from './suggest.js';

export interface Ids {
  channels: Set<string>;
  departments: Map<string, number>;
  roles: Map<string, string>;
  systems: Set<string>;
  segments: Set<string>;
  stages: Set<string>;
  processes: Set<string>;
  resources: Set<string>;
  nodes: Map<string, 'step' | 'end'>;
}

export function indexIds(ctx: Context, parsed: Parsed): Ids {
  const unique = <T extends { id: string }>(
    items: readonly T[],
    path: (i: number) => Path,
    noun: string,
    seen = new Map<string, Path>(),
  ) => {
    for (const [i, item] of items.entries()) {
      const first = seen.get(item.id);
      if (first) {
        const where = report(ctx.doc, first, 'duplicate-id', '');
        problem(ctx, [...path(i), 'id'], 'duplicate-id', `duplicate ${noun} id '${clip(item.id)}'`, {
          hint: `the first is at ${where.file}:${where.line}:${where.column}; rename one of them`,
        });
      } else seen.set(item.id, [...path(i), 'id']);
    }
    return seen;
  };
  const departments = parsed.organization.departments;
  unique(parsed.channels, (i) => ['channels', i], 'channel');
  unique(departments, (i) => ['organization', 'departments', i], 'department');
  const roleSeen = new Map<string, Path>();
  for (const [d, department] of departments.entries())
    unique(department.roles, (i) => ['organization', 'departments', d, 'roles', i], 'role', roleSeen);
  unique(parsed.organization.systems, (i) => ['organization', 'systems', i], 'system');
  unique(parsed.segments, (i) => ['segments', i], 'segment');
  unique(parsed.stages, (i) => ['stages', i], 'stage');
  unique(parsed.processes, (i) => ['processes', i], 'process');
  unique(parsed.resources, (i) => ['resources', i], 'pool');
  const nodeSeen = unique(parsed.steps, (i) => ['steps', i], 'step');
  unique(parsed.ends, (i) => ['ends', i], 'step or end', nodeSeen);
  const activitySeen = new Map<string, Path>();
  for (const [s, step] of parsed.steps.entries())
    unique(step.backstage, (i) => ['steps', s, 'backstage', i], 'backstage activity', activitySeen);
  unique(parsed.scenarios, (i) => ['scenarios', i], 'scenario');
  return {
    channels: new Set([...BUILTIN_CHANNELS.map((c) => c.id), ...parsed.channels.map((c) => c.id)]),
    departments: new Map(departments.map((d, i) => [d.id, i])),
    roles: new Map(departments.flatMap((d) => d.roles.map((r) => [r.id, d.id] as const))),
    systems: new Set(parsed.organization.systems.map((s) => s.id)),
    segments: new Set(parsed.segments.map((s) => s.id)),
    stages: new Set(parsed.stages.map((s) => s.id)),
    processes: new Set(parsed.processes.map((p) => p.id)),
    resources: new Set(parsed.resources.map((r) => r.id)),
    nodes: new Map([
      ...parsed.steps.map((s) => [s.id, 'step'] as const),
      ...parsed.ends.map((e) => [e.id, 'end'] as const),
    ]),
  };
}

export function checkReferences(ctx: Context, parsed: Parsed, ids: Ids) {
  const ref = (
    path: Path,
    id: string | undefined,
    known: Set<string> | Map<string, unknown>,
    noun: string,
    plural: string,
  ) => {
    if (id === undefined || known.has(id)) return;
    problem(ctx, path, 'unknown-reference', `unknown ${noun} '${clip(id)}'`, {
      hint: didYouMean(id, [...known.keys()], plural),
    });
  };
  for (const [i, system] of parsed.organization.systems.entries())
    ref(['organization', 'systems', i, 'owner'], system.owner, ids.departments, 'department', 'departments');
  for (const [i, process] of parsed.processes.entries())
    ref(['processes', i, 'owner'], process.owner, ids.departments, 'department', 'departments');
  for (const [i, resource] of parsed.resources.entries()) {
    ref(['resources', i, 'role'], resource.role, ids.roles, 'role', 'roles');
    ref(['resources', i, 'abandon'], resource.abandon, ids.nodes, 'step or end', 'steps and ends');
    for (const [j, segment] of (resource.priority ?? []).entries())
      ref(['resources', i, 'priority', j], segment, ids.segments, 'segment', 'segments');
  }
  for (const [i, step] of parsed.steps.entries()) {
    const at = (...rest: Path): Path => ['steps', i, ...rest];
    ref(at('stage'), step.stage, ids.stages, 'stage', 'stages');
    ref(at('channel'), step.channel, ids.channels, 'channel', 'channels');
    ref(at('role'), step.role, ids.roles, 'role', 'roles');
    ref(at('system'), step.system, ids.systems, 'system', 'systems');
    ref(at('pool'), step.pool, ids.resources, 'pool', 'pools (resources)');
    ref(at('process'), step.process, ids.processes, 'process', 'processes');
    const pool = parsed.resources.find((r) => r.id === step.pool);
    if (pool?.role && step.role && pool.role !== step.role) {
      problem(
        ctx,
        at('role'),
        'role-department-mismatch',
        `is served by role '${clip(step.role)}' but queues for pool '${clip(pool.id)}', which is staffed by '${clip(pool.role)}'`,
        { hint: `drop 'role' (the pool's role serves) or use a pool of role '${clip(step.role)}'` },
      );
    }
    for (const [j, activity] of step.backstage.entries()) {
      const act = (...rest: Path): Path => at('backstage', j, ...rest);
      ref(act('department'), activity.department, ids.departments, 'department', 'departments');
      ref(act('role'), activity.role, ids.roles, 'role', 'roles');
      ref(act('system'), activity.system, ids.systems, 'system', 'systems');
      ref(act('process'), activity.process, ids.processes, 'process', 'processes');
      const home = activity.role === undefined ? undefined : ids.roles.get(activity.role);
      if (home !== undefined && ids.departments.has(activity.department) && home !== activity.department) {
        problem(
          ctx,
          act('role'),
          'role-department-mismatch',
          `role '${clip(activity.role ?? '')}' belongs to department '${clip(home)}', not '${clip(activity.department)}'`,
          { hint: `set department: ${clip(home)}, or pick a role of '${clip(activity.department)}'` },
        );
      }
    }
  }
}

/**
 * A customer step served by a backstage role or system is a contradiction the blueprint would
 * draw across the line of visibility: warn, naming both ways out.
 */
export function checkFrontline(ctx: Context, parsed: Parsed, ids: Ids) {
  const visibility = new Map<string, string>();
  for (const d of parsed.organization.departments)
    for (const r of d.roles) visibility.set(r.id, r.visibility ?? d.visibility);
  const systems = new Map(parsed.organization.systems.map((s) => [s.id, s.visibility]));
  for (const [i, step] of parsed.steps.entries()) {
    const pool = step.pool ? parsed.resources.find((r) => r.id === step.pool) : undefined;
    const role = step.role ?? pool?.role;
    if (role && ids.roles.has(role) && visibility.get(role) === 'backstage') {
      const via = step.role ? '' : ` (through pool '${clip(pool?.id ?? '')}')`;
      problem(
        ctx,
        ['steps', i, step.role ? 'role' : 'pool'],
        'backstage-frontline',
        `is served by role '${clip(role)}'${via}, which is backstage, yet the customer meets it`,
        {
          severity: 'warning',
          hint: `give role '${clip(role)}' visibility: frontstage, or move its work into 'backstage'`,
        },
      );
    }
    if (step.system && systems.get(step.system) === 'backstage') {
      problem(
        ctx,
        ['steps', i, 'system'],
        'backstage-frontline',
        `is served by system '${clip(step.system)}', which is backstage, yet the customer uses it`,
        {
          severity: 'warning',
          hint: `give system '${clip(step.system)}' visibility: frontstage, or move it into a backstage activity`,
        },
      );
    }
  }
}
