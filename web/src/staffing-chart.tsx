/**
 * A pool's week as a chart: hours of the week on x (a tick at each day), on y the staff found,
 * today's staff and the offered load in Erlangs (busy members needed on average): the staffing
 * curve sits above the load by what the service level asks for.
 */
const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const W = 1000;
const H = 260;
const PAD = { left: 44, right: 12, top: 14, bottom: 30 };

/** A value per hour as a step line: flat through each hour. */
function steps(values: number[], x: (h: number) => number, y: (v: number) => number): string {
  return values.map((v, h) => `${h === 0 ? 'M' : 'L'}${x(h)},${y(v)} L${x(h + 1)},${y(v)}`).join(' ');
}

/** Round steps for the y axis: 1, 2, 5, 10, ... so that about five ticks fit. */
function tickStep(top: number): number {
  const raw = top / 5;
  const power = 10 ** Math.floor(Math.log10(Math.max(raw, 1e-9)));
  return ([1, 2, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
}

export function StaffingChart(props: { name: string; staff: number[]; today: number[]; load: number[] }) {
  const top = Math.max(1, ...props.staff, ...props.today, ...props.load);
  const step = Math.max(1, tickStep(top));
  const max = Math.ceil(top / step) * step;
  const x = (h: number) => PAD.left + (h / 168) * (W - PAD.left - PAD.right);
  const y = (v: number) => PAD.top + (1 - v / max) * (H - PAD.top - PAD.bottom);
  const ticks = Array.from({ length: Math.floor(max / step) + 1 }, (_, i) => i * step);
  return (
    <svg
      class="staffing-chart"
      viewBox={`0 0 ${W} ${H + 26}`}
      role="img"
      aria-label={`${props.name}: staff per hour of the week against the offered load`}
    >
      {ticks.map((t) => (
        <g key={t}>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} class="grid" />
          <text x={PAD.left - 6} y={y(t) + 4} text-anchor="end">
            {t}
          </text>
        </g>
      ))}
      {DAYS.map((d, i) => (
        <g key={d}>
          <line x1={x(i * 24)} x2={x(i * 24)} y1={PAD.top} y2={H - PAD.bottom} class="day" />
          <text x={x(i * 24 + 12)} y={H - PAD.bottom + 16} text-anchor="middle">
            {d}
          </text>
        </g>
      ))}
      <path d={`${steps(props.load, x, y)} L${x(168)},${y(0)} L${x(0)},${y(0)} Z`} class="load" />
      <path d={steps(props.today, x, y)} class="today" />
      <path d={steps(props.staff, x, y)} class="staff" />
      <text x={12} y={PAD.top + 4} class="axis" transform={`rotate(-90 12 ${PAD.top + 4})`} text-anchor="end">
        members / Erlangs
      </text>
      <g transform={`translate(${PAD.left}, ${H + 14})`} class="legend">
        <rect x="0" y="-9" width="14" height="10" class="load" />
        <text x="20">offered load (Erlangs)</text>
        <line x1="190" x2="210" y1="-4" y2="-4" class="staff" />
        <text x="216">staff found</text>
        <line x1="310" x2="330" y1="-4" y2="-4" class="today" />
        <text x="336">staff today</text>
      </g>
    </svg>
  );
}
