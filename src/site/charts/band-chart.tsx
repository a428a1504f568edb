import { MARGIN, YGrid } from './grid.js';
import { labelIndexes, linear, niceTicks, round1 } from './scale.js';

export interface BandPoint {
  label: string;
  /** Certain count. */
  min: number;
  /** Possible count (equals min when the dates are precise). */
  max: number;
}

export interface BandChartProps {
  id: string;
  title: string;
  points: readonly BandPoint[];
  formatTick?: (value: number) => string;
  width?: number;
  height?: number;
  /** A second, dashed line drawn after the points (a projection), labelled apart. */
  dashedFrom?: number;
}

/** The first and last labels sit inside the chart instead of being cut at its edges. */
const anchorOf = (index: number, count: number) =>
  count > 1 && index === count - 1 ? 'end' : index === 0 && count > 1 ? 'start' : 'middle';

/**
 * A line over time with the uncertainty of partial dates as a shaded band from the certain (min)
 * to the possible (max) count. Server-side SVG: works without JavaScript and in the static export.
 */
export function BandChart({
  id,
  title,
  points,
  formatTick = String,
  width = 720,
  height = 240,
  dashedFrom,
}: BandChartProps) {
  const innerWidth = width - MARGIN.left - MARGIN.right;
  const innerHeight = height - MARGIN.top - MARGIN.bottom;
  const ticks = niceTicks(Math.max(1, ...points.map((p) => p.max)));
  const top = ticks[ticks.length - 1] ?? 1;
  const x = linear(0, Math.max(1, points.length - 1), MARGIN.left, MARGIN.left + innerWidth);
  const y = linear(0, top, MARGIN.top + innerHeight, MARGIN.top);
  const at = (index: number, value: number) => `${round1(x(index))},${round1(y(value))}`;
  const solid = dashedFrom === undefined ? points : points.slice(0, dashedFrom + 1);
  const line = (list: readonly BandPoint[], offset: number, pick: (p: BandPoint) => number) =>
    list.map((p, i) => `${i === 0 ? 'M' : 'L'}${at(i + offset, pick(p))}`).join('');
  const band =
    points.length > 0
      ? `${line(points, 0, (p) => p.max)}${[...points]
          .map((p, i) => ({ p, i }))
          .reverse()
          .map(({ p, i }) => `L${at(i, p.min)}`)
          .join('')}Z`
      : '';
  const labels = labelIndexes(points.length, 8);
  const titleId = `${id}-title`;
  return (
    <svg class="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={titleId} width="100%">
      <title id={titleId}>{title}</title>
      <YGrid ticks={ticks} y={y} innerWidth={innerWidth} formatTick={formatTick} />
      <path class="band" d={band} />
      <path class="line" d={line(solid, 0, (p) => p.min)} />
      {dashedFrom !== undefined && (
        <>
          <path class="line dashed" d={line(points.slice(dashedFrom), dashedFrom, (p) => p.min)} />
          <path class="line dashed faint" d={line(points.slice(dashedFrom), dashedFrom, (p) => p.max)} />
        </>
      )}
      {points.map((p, i) =>
        labels.has(i) ? (
          <text key={i} class="axis" x={round1(x(i))} y={height - 8} text-anchor={anchorOf(i, points.length)}>
            {p.label}
          </text>
        ) : null,
      )}
    </svg>
  );
}
