/**
 * The company's side: every pool but the customer's a department, its lanes roles. A lane the
 * interchange says belongs to a department goes there (one "Organization" pool with department
 * lanes maps back to several departments).
 */
import type { Interchange } from '../interchange/read.js';
import type { Element } from '../moddle.js';
import { allElements } from './graph.js';
import { label } from './labels.js';

export interface Who {
  role?: string;
  department: string;
}

export interface Organization {
  departments: Record<string, unknown>[];
  /** The role and department of each node of a company pool (and of the pools themselves). */
  roleOfNode: Map<Element, Who>;
  /** Each company process, by the department its pool became. */
  processes: Map<Element, string>;
}

export function allLanes(process: Element | undefined): Element[] {
  const out: Element[] = [];
  const walk = (sets: Element[] | undefined) => {
    for (const set of sets ?? []) {
      for (const lane of (set.lanes as Element[] | undefined) ?? []) {
        const child = lane.childLaneSet as Element | undefined;
        if (child && ((child.lanes as Element[] | undefined) ?? []).length > 0) walk([child]);
        else out.push(lane);
      }
    }
  };
  walk(process?.laneSets as Element[] | undefined);
  return out;
}

export function organizationOf(
  pools: Element[],
  touching: (pool: Element) => boolean,
  makeId: (e: Element, fallback: string) => string,
  interchange: Interchange,
): Organization {
  const departments: Record<string, unknown>[] = [];
  const byId = new Map<string, Record<string, unknown>>();
  const roleOfNode = new Map<Element, Who>();
  const processes = new Map<Element, string>();
  const departmentNamed = (id: string, name: string, visibility: string) => {
    let d = byId.get(id);
    if (!d) {
      d = { id, name, visibility, roles: [] };
      byId.set(id, d);
      departments.push(d);
    } else if (visibility === 'frontstage') d.visibility = 'frontstage';
    return d;
  };
  for (const p of pools) {
    const said = interchange.element(String(p.id));
    const visibility = String(said.visibility ?? (touching(p) ? 'frontstage' : 'backstage'));
    const department = typeof said.department === 'string' ? said.department : makeId(p, 'department');
    const own = departmentNamed(department, label(p), visibility);
    const process = p.processRef as Element | undefined;
    const lanes = allLanes(process);
    let first: string | undefined;
    let firstHome: string | undefined;
    for (const lane of lanes) {
      const info = interchange.element(String(lane.id));
      // A system's lane (linesight's exports draw the systems that serve steps) holds no role.
      if (typeof info.system === 'string' && info.role === undefined) continue;
      const home =
        typeof info.department === 'string'
          ? departmentNamed(info.department, info.department, String(info.visibility ?? visibility))
          : own;
      // A department's own lane (its backstage work, no role named) adds no role.
      const departmentLane = typeof info.department === 'string' && info.role === undefined;
      const role =
        typeof info.role === 'string' ? info.role : departmentLane ? undefined : makeId(lane, 'role');
      const roles = home.roles as Record<string, unknown>[];
      if (role !== undefined && !roles.some((r) => r.id === role))
        roles.push({ id: role, name: label(lane) });
      first ??= role;
      firstHome ??= String(home.id);
      for (const node of (lane.flowNodeRef as Element[] | undefined) ?? [])
        roleOfNode.set(node, { role, department: String(home.id) });
    }
    // linesight's company pool without lanes: the model's departments serve no step (the file
    // says them); nothing is made up for it.
    if (lanes.length === 0 && said.pool === 'organization') continue;
    if (lanes.length === 0) {
      first = makeId({ $type: 'role', name: `${label(p)} staff` }, 'role');
      (own.roles as Record<string, unknown>[]).push({ id: first, name: `${label(p)} staff` });
    }
    // What no lane holds belongs to the first lane's role, in that lane's department.
    const poolWho = { role: first as string, department: firstHome ?? department };
    if (process) {
      processes.set(process, department);
      for (const f of allElements(process)) if (!roleOfNode.has(f)) roleOfNode.set(f, poolWho);
    }
    roleOfNode.set(p, poolWho);
  }
  // A department made only for lanes the interchange moved elsewhere stays out.
  const kept = departments.filter(
    (d) => (d.roles as unknown[]).length > 0 || [...roleOfNode.values()].some((w) => w.department === d.id),
  );
  return { departments: kept, roleOfNode, processes };
}
