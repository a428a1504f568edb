/** Small, pure helpers for the hand-written SVG charts: a linear scale with round ticks. */

/** Round tick values from 0 to at least `max` (about `count` of them); whole steps for counts. */
export function niceTicks(max: number, count = 4, whole = true): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = whole ? Math.max(1, max / count) : max / count;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  const ticks: number[] = [];
  for (let value = 0; value < max + step; value += step) {
    ticks.push(Number(value.toFixed(10)));
    if (value >= max) break;
  }
  return ticks;
}

/** Maps [domainMin, domainMax] onto [rangeMin, rangeMax]. */
export function linear(domainMin: number, domainMax: number, rangeMin: number, rangeMax: number) {
  const span = domainMax - domainMin || 1;
  return (value: number) => rangeMin + ((value - domainMin) / span) * (rangeMax - rangeMin);
}

/** Which of `count` labels to print so that at most `room` fit: every n-th, and the last. */
export function labelIndexes(count: number, room: number): Set<number> {
  if (count <= room) return new Set(Array.from({ length: count }, (_, i) => i));
  const every = Math.ceil(count / room);
  const shown = new Set<number>();
  for (let i = 0; i < count; i += every) shown.add(i);
  return shown;
}

export const round1 = (value: number): string => String(Math.round(value * 10) / 10);
