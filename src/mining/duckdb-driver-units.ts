/**
 * The drivers by activity and by attribute on DuckDB (exposure-counts.ts), each unit and class
 * grouped once from the evidence base, on small integer codes and the customer's hash:
 * - `u`: the units of the activities (customer, day, activity), with their last time `t` and least
 *   next contact `m`; `d`: the class of every activity (customer, day), `hit` when contacted;
 * - `ua`: the units of an attribute's values (attribute `i`, activity, value, customer, day);
 * - the class of an attribute's values of one activity (its customer-days with a value): when
 *   every event of the activity has a value (as a page view has its page), the activity's unit is
 *   that class, and nothing is grouped again; else `ua` is grouped on the class.
 * Grouping tens of millions of rows where nearly every row is its own group cost the most, so
 * each grouping is done once and the counts read the groups.
 */
import type { EvidenceBase } from './evidence-base.js';
import { quoteLiteral as literal } from './sql-text.js';

export interface DriverUnits {
  /** Common table expressions to follow the evidence base's. */
  ctes: string;
  /** SQL giving (dim, act, value, n1, x1, xa, customers, n, x) of every candidate with a unit. */
  rows: string;
  /** The activities' units (a, cid, day, t, m). */
  units: string;
  /** The groups of one attribute's values (a, v, cid, day, t, m, n), when it is one of `by`. */
  groups(attribute: string): string | undefined;
}

export function driverUnits(base: EvidenceBase, by: string[], windowUs: number): DriverUnits {
  const w = Math.round(windowUs);
  const ctes = [
    `u as materialized (select cid, day, a, max(ts_us) as t, min(nxt) as m from ${base.table} group by all)`,
    `d as materialized (select cid, day, max(t) + ${w} >= min(m) as hit from u group by all)`,
    `act_units as (select a, count(*) as n1, count(*) filter (where t + ${w} >= m) as x1 from u group by a)`,
    ...(by.length ? attributeCtes(base, by, w) : []),
  ];
  const activities = `select 'activity' as dim, '' as act, activity as value, n1, x1, coalesce(xa, 0) as xa,
      0 as customers, c.n, c.x
    from act_units
      left join (select a, count(*) as xa from u semi join (from d where hit) using (cid, day) group by a) using (a)
      join ${base.acts} using (a),
      (select count(*) as n, count(*) filter (where hit) as x from d) c`;
  const attributes = `select [${by.map(literal).join(', ')}][i + 1] as dim, activity as act, v as value,
      n1, x1, coalesce(xa, 0) as xa, customers, c.n, c.x
    from (select i, a, v, count(*) as n1, count(*) filter (where t + ${w} >= m) as x1 from ua group by all)
      join (select i, a, v, count(*) as customers from (select distinct i, a, v, cid from ua) group by all) using (i, a, v)
      left join (select i, a, v, count(*) as xa from ua semi join attr_hits using (i, a, cid, day) group by all) using (i, a, v)
      join attr_classes c using (i, a)
      join ${base.acts} using (a)`;
  return {
    ctes: ctes.join(',\n'),
    units: 'u',
    rows: by.length ? `${activities}\nunion all\n${attributes}` : activities,
    groups: (attribute) =>
      by.includes(attribute)
        ? `(select a, v, cid, day, t, m, n from ua where i = ${by.indexOf(attribute)})`
        : undefined,
  };
}

/** The units of the attributes' values, and their classes: covered by the activity's units or grouped. */
function attributeCtes(base: EvidenceBase, by: string[], w: number): string[] {
  const values = by.map(
    (attribute, i) =>
      `select ${i} as i, a, ${base.field(attribute)} as v, cid, day, ts_us, nxt from ${base.table} where ${base.field(attribute)} is not null`,
  );
  const counted = by.map((attribute) => `count(${base.field(attribute)})`).join(', ');
  return [
    `ua as materialized (
      select i, a, v, cid, day, max(ts_us) as t, min(nxt) as m, count(*) as n
      from (${values.join('\nunion all\n')}) group by all)`,
    // For each activity and attribute, whether every one of its events has a value.
    `coverage as materialized (
      select a, i, c = total as covered
      from (select a, unnest(range(${by.length})) as i, unnest([${counted}]) as c, count(*) as total
            from ${base.table} group by a)
      where c > 0)`,
    `grouped_classes as materialized (
      select i, a, cid, day, max(t) + ${w} >= min(m) as hit
      from ua semi join (from coverage where not covered) using (i, a) group by all)`,
    `attr_hits as (
      select i, a, cid, day from grouped_classes where hit
      union all
      select i, a, cid, day from u join (from coverage where covered) using (a) where t + ${w} >= m)`,
    `attr_classes as (
      select i, a, count(*) as n, count(*) filter (where hit) as x from grouped_classes group by all
      union all
      select i, a, n1, x1 from act_units join (from coverage where covered) using (a))`,
  ];
}
