/**
 * The organization behind the journey: every pool but the customer's a department, its lanes
 * roles; without a customer pool, the journey process's own lanes are the roles that serve it.
 */
import type { Element } from '../moddle.js';
import type { JourneyContext } from './context.js';
import { label } from './labels.js';
import { allLanes, type Organization, organizationOf } from './organization.js';

export interface JourneyOrganization {
  organization: Organization;
  /** No customer pool: each step is served by the role of the lane it is drawn in. */
  servedByLane: boolean;
}

export function journeyOrganization(ctx: JourneyContext): JourneyOrganization {
  const { scope, makeId } = ctx;
  const { customer, pools, journeyProcess } = scope;
  const touchesCustomer = pools.messageFlows.some((m) =>
    [m.sourceRef, m.targetRef].some((x) => scope.ownerOf(x as Element) === customer),
  );
  // A pool is frontstage when it exchanges messages and the customer's side does too.
  const touching = (p: Element) =>
    touchesCustomer &&
    pools.messageFlows.some((m) => [m.sourceRef, m.targetRef].some((x) => scope.ownerOf(x as Element) === p));
  const organization = organizationOf(
    pools.participants.filter((p) => p !== customer),
    touching,
    makeId,
    ctx.interchange,
  );
  const journeyLanes = allLanes(journeyProcess);
  const servedByLane = !customer && journeyLanes.length > 0;
  if (servedByLane) {
    const name = label(journeyProcess);
    const department = makeId(
      { $type: 'department', name: name === '?' ? 'Organization' : name },
      'organization',
    );
    organization.departments.push({
      id: department,
      name,
      visibility: 'frontstage',
      roles: journeyLanes.map((l) => ({ id: makeId(l, 'role'), name: label(l) })),
    });
    for (const lane of journeyLanes)
      for (const node of (lane.flowNodeRef as Element[] | undefined) ?? [])
        organization.roleOfNode.set(node, { role: makeId(lane, 'role'), department });
  }
  return { organization, servedByLane };
}
