/**
 * The contact-center KPIs as `simulate` prints them: one row per staffed pool, and the hours of
 * the week whose service level falls short of the pool's target (the JSON has every hour).
 */
import { markdownTable, textTable } from '../../analysis/report/table.js';
import { formatDuration } from '../../model/units.js';
import type { ContactKpis, PoolContactCenter } from '../../simulation/contact-center.js';
import { estimateText } from '../../simulation/readout/kpi-unit.js';
import type { Estimate } from '../../simulation/stats.js';
import { percent } from '../../text/percent.js';
import { hourName } from '../../text/week-hour.js';

const shown = (e: Estimate, kind: 'share' | 'duration') => estimateText(e, kind, '');

export const targetText = (p: PoolContactCenter) =>
  p.target ? `${percent(p.target.share)} in ${formatDuration(p.target.within)}` : 'none set';

const row = (k: ContactKpis) => [
  shown(k.serviceLevel, 'share'),
  shown(k.speedOfAnswer, 'duration'),
  shown(k.waitProbability, 'share'),
  shown(k.abandonment, 'share'),
  shown(k.occupancy, 'share'),
];

/** The pools that anyone queued at, with their hours below target; '' when no pool is staffed. */
export function contactCenterTable(pools: PoolContactCenter[], markdown: boolean, single = false): string {
  const used = pools.filter(
    (p) => Number.isFinite(p.overall.contactsPerHour.mean) && p.overall.contactsPerHour.mean > 0,
  );
  if (used.length === 0) return '';
  const headers = [
    'Pool',
    'Target',
    'Service level',
    'Speed of answer',
    'P(wait)',
    'Abandonment',
    'Occupancy',
  ];
  const rows = used.map((p) => [p.name, targetText(p), ...row(p.overall)]);
  const table = markdown ? markdownTable(headers, rows) : textTable(headers, rows);
  const short = used.flatMap((p) => {
    const target = p.target;
    if (!target) return [];
    const hours = p.hours.flatMap((k, h) => (k.serviceLevel.mean < target.share ? [h] : []));
    if (hours.length === 0) return [`${p.name} meets its target in every hour it is open.`];
    const listed = hours
      .slice(0, 8)
      .map((h) => `${hourName(h)} (${percent(p.hours[h]?.serviceLevel.mean ?? 0)})`);
    const more = hours.length > 8 ? ` and ${hours.length - 8} more` : '';
    return [
      `${p.name} misses its target in ${hours.length} hour${hours.length === 1 ? '' : 's'} of the week: ${listed.join(', ')}${more}.`,
    ];
  });
  return `Contact center (${single ? 'one replication: no CI' : 'mean ± 95% CI'}; service level: share of queue entries answered within the target time)\n\n${table}${short.length ? `\n\n${short.join('\n')}` : ''}`;
}
