/** An hour of the week (0 = Monday 00:00-01:00) as people write it. */
const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** "Tue 08:00-09:00" for hour 32 of the week. */
export const hourName = (h: number) =>
  `${DAYS[Math.floor(h / 24)]} ${String(h % 24).padStart(2, '0')}:00-${String((h % 24) + 1).padStart(2, '0')}:00`;
