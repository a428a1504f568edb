import { linear, niceTicks, round1 } from './scale.js';

export interface HBarRow {
  label: string;
  min: number;
  max: number;
}

/**
 * Horizontal bars for categories with long names (release modes, risk reasons): the label sits
 * beside its bar instead of crowding an axis. Solid to the certain count, lighter to the possible one.
 */
export function HBarChart({
  id,
  title,
  rows,
  formatValue = String,
  width = 720,
}: {
  id: string;
  title: string;
  rows: readonly HBarRow[];
  formatValue?: (value: number) => string;
  width?: number;
}) {
  const rowHeight = 22;
  const labelWidth = 260;
  const height = rows.length * rowHeight + 8;
  const ticks = niceTicks(Math.max(1, ...rows.map((row) => row.max)));
  const x = linear(0, ticks[ticks.length - 1] ?? 1, labelWidth, width - 48);
  const titleId = `${id}-title`;
  return (
    <svg class="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={titleId} width="100%">
      <title id={titleId}>{title}</title>
      {rows.map((row, index) => {
        const top = 4 + index * rowHeight;
        return (
          <g key={row.label} class="s0">
            <text x={labelWidth - 8} y={top + 15} text-anchor="end">
              {row.label}
            </text>
            {row.max > row.min && (
              <rect
                class="possible"
                x={round1(x(0))}
                y={top + 3}
                width={round1(x(row.max) - x(0))}
                height={16}
              />
            )}
            {row.min > 0 && (
              <rect x={round1(x(0))} y={top + 3} width={round1(x(row.min) - x(0))} height={16} />
            )}
            <text x={round1(x(row.max) + 6)} y={top + 15}>
              {row.min === row.max ? formatValue(row.min) : `${formatValue(row.min)}–${formatValue(row.max)}`}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
