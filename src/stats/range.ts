/**
 * A count (or a number of days) that partial dates leave uncertain. `min` is what holds under every
 * reading of the dates (certain), `max` what holds under the most generous reading (possible).
 * When the dates are precise, min === max.
 */
export interface Range {
  min: number;
  max: number;
}

export function exactly(value: number): Range {
  return { min: value, max: value };
}

export function isExact(range: Range): boolean {
  return range.min === range.max;
}

export function addRanges(a: Range, b: Range): Range {
  return { min: a.min + b.min, max: a.max + b.max };
}

/** a − b: the smallest difference takes the smallest a and the largest b. */
export function subtractRanges(a: Range, b: Range): Range {
  return { min: a.min - b.max, max: a.max - b.min };
}

export function scaleRange(range: Range, factor: number): Range {
  const a = range.min * factor;
  const b = range.max * factor;
  return { min: Math.min(a, b), max: Math.max(a, b) };
}

export function midpoint(range: Range): number {
  return (range.min + range.max) / 2;
}

export type Trend = 'rising' | 'falling' | 'flat' | 'unclear';

/**
 * Direction from `before` to `after`, claimed only when the ranges allow no other reading: rising
 * means every reading of `after` exceeds every reading of `before`.
 */
export function trendBetween(before: Range, after: Range): Trend {
  if (after.min > before.max) return 'rising';
  if (after.max < before.min) return 'falling';
  if (isExact(before) && isExact(after) && before.min === after.min) return 'flat';
  return 'unclear';
}

/** "12" or "10–12". */
export function formatRange(range: Range, digits = 0): string {
  const text = (n: number): string => (digits === 0 ? String(Math.round(n)) : n.toFixed(digits));
  return isExact(range) ? text(range.min) : `${text(range.min)}–${text(range.max)}`;
}
