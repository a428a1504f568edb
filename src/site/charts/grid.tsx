import { round1 } from './scale.js';

/** The margins of the vertical charts: room for the y labels on the left, the x labels below. */
export const MARGIN = { top: 12, right: 12, bottom: 28, left: 48 };

export interface YGridProps {
  ticks: readonly number[];
  /** The value → pixel scale of the y axis. */
  y: (value: number) => number;
  innerWidth: number;
  formatTick: (value: number) => string;
}

/** Horizontal grid lines with their labels, shared by the vertical charts. */
export function YGrid({ ticks, y, innerWidth, formatTick }: YGridProps) {
  return (
    <>
      {ticks.map((tick) => (
        <g key={tick} class="grid">
          <line x1={MARGIN.left} x2={MARGIN.left + innerWidth} y1={round1(y(tick))} y2={round1(y(tick))} />
          <text x={MARGIN.left - 6} y={round1(y(tick) + 4)} text-anchor="end">
            {formatTick(tick)}
          </text>
        </g>
      ))}
    </>
  );
}
