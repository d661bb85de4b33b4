/**
 * The organization the diagram's pools and lanes show, over the one the file says it had (its
 * systems, and what lanes cannot hold): the said order, each department and role as drawn.
 */
import type { Data } from './context.js';

export function withOrganization(said: unknown, drawn: Data[]): Data {
  const given = said && typeof said === 'object' ? (said as Data) : undefined;
  if (!given) return drawn.length > 0 ? { organization: { departments: drawn } } : {};
  const departments = Array.isArray(given.departments) ? (given.departments as Data[]) : [];
  return { organization: { ...given, departments: overlay(departments, drawn) } };
}

/** What the file says wins (a lane's visibility is its role's, its name a label); what only the diagram has is added. */
function overlay(before: Data[], now: Data[]): Data[] {
  const byId = new Map(now.map((x) => [x.id, x]));
  const merged = before.map((b) => {
    const d = byId.get(b.id);
    return d && Array.isArray(b.roles) && Array.isArray(d.roles)
      ? { ...b, roles: overlay(b.roles, d.roles) }
      : b;
  });
  const known = new Set(before.map((b) => b.id));
  return [...merged, ...now.filter((d) => !known.has(d.id))];
}
