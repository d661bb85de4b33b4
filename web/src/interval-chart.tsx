/**
 * Each KPI's change against the baseline with its 95% interval, as a share of the baseline's
 * value, on one axis with round ticks and a zero line: what moved, which way, and how sure.
 */
import type { ChartAxis, ChartBar } from '../../src/simulation/readout/interval-chart';
import { tickText } from '../../src/simulation/readout/interval-chart';
import { verdictTone } from '../../src/simulation/readout/verdict';

const LABEL = 370;
const PLOT = 480;
const ROW = 22;
const TOP = 8;
const AXIS = 44;

export function IntervalChart(props: { bars: ChartBar[]; axis: ChartAxis; title: string }) {
  const { bars, axis } = props;
  const x = (share: number) => LABEL + ((share + axis.limit) / (2 * axis.limit)) * PLOT;
  const height = TOP + bars.length * ROW + AXIS;
  const bottom = TOP + bars.length * ROW;
  return (
    <svg
      class="interval-chart"
      width={LABEL + PLOT + 20}
      height={height}
      viewBox={`0 0 ${LABEL + PLOT + 20} ${height}`}
      role="img"
      aria-label={props.title}
    >
      <title>{props.title}</title>
      {axis.ticks.map((t) => (
        <line
          key={`grid${t}`}
          class={t === 0 ? 'zero' : 'grid'}
          x1={x(t)}
          y1={TOP - 4}
          x2={x(t)}
          y2={bottom}
        />
      ))}
      {bars.map((b, i) => {
        const y = TOP + i * ROW + ROW / 2;
        const tone = verdictTone(b.verdict);
        return (
          <g key={b.key} class={`bar ${tone}`}>
            <text x={LABEL - 10} y={y + 4} text-anchor="end">
              {b.label}
            </text>
            <line class="interval" x1={x(b.low)} y1={y} x2={x(b.high)} y2={y} />
            <line class="whisker" x1={x(b.low)} y1={y - 5} x2={x(b.low)} y2={y + 5} />
            <line class="whisker" x1={x(b.high)} y1={y - 5} x2={x(b.high)} y2={y + 5} />
            <circle cx={x(b.mean)} cy={y} r="4" />
            <title>{`${b.label}: ${tickText(b.mean)} (95%: ${tickText(b.low)} to ${tickText(b.high)}), ${b.verdict}`}</title>
          </g>
        );
      })}
      <g class="axis">
        <line x1={LABEL} y1={bottom} x2={LABEL + PLOT} y2={bottom} />
        {axis.ticks.map((t) => (
          <g key={`tick${t}`}>
            <line x1={x(t)} y1={bottom} x2={x(t)} y2={bottom + 5} />
            <text x={x(t)} y={bottom + 18} text-anchor="middle">
              {tickText(t)}
            </text>
          </g>
        ))}
        <text class="axis-title" x={LABEL + PLOT / 2} y={bottom + 36} text-anchor="middle">
          change from the baseline, in % of the baseline's value (95% interval)
        </text>
      </g>
    </svg>
  );
}
