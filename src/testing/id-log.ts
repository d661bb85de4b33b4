/**
 * A log whose activity column holds ids: `events` events of ten per customer, each event an
 * activity of its own, as a CSV text. What `log discover` and `log journeys` refuse past their bound.
 */
export function idLogCsv(events: number): string {
  const rows = ['case_id,activity,timestamp'];
  for (let i = 0; i < events; i++) {
    const hour = String(Math.floor(i / 3600) % 24).padStart(2, '0');
    rows.push(`C${Math.floor(i / 10)},E${i},2024-01-01 ${hour}:00:00`);
  }
  return `${rows.join('\n')}\n`;
}
