import type { Range } from './range.js';

/**
 * Quantiles of numbers, and of ranges of numbers.
 *
 * Definition: linear interpolation between order statistics (Hyndman & Fan type 7, the default of R
 * and NumPy): position h = (n − 1)·p, value = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
 *
 * For ranges: a quantile never decreases when any value increases, so the quantile of the lower ends
 * and the quantile of the upper ends bound the quantile of every reading of the partial dates. That is
 * why a median of durations can honestly be given as {min, max}.
 */
export function quantile(values: readonly number[], p: number): number | null {
  if (p < 0 || p > 1 || Number.isNaN(p)) throw new RangeError(`quantile level must be in [0, 1], got ${p}`);
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const lower = Math.floor(h);
  const low = sorted[lower] as number;
  const high = sorted[Math.min(lower + 1, sorted.length - 1)] as number;
  return low + (h - lower) * (high - low);
}

export function median(values: readonly number[]): number | null {
  return quantile(values, 0.5);
}

export function quantileOfRanges(ranges: readonly Range[], p: number): Range | null {
  const min = quantile(
    ranges.map((range) => range.min),
    p,
  );
  const max = quantile(
    ranges.map((range) => range.max),
    p,
  );
  return min === null || max === null ? null : { min, max };
}

export function meanOfRanges(ranges: readonly Range[]): Range | null {
  if (ranges.length === 0) return null;
  const sum = ranges.reduce((total, range) => ({ min: total.min + range.min, max: total.max + range.max }), {
    min: 0,
    max: 0,
  });
  return { min: sum.min / ranges.length, max: sum.max / ranges.length };
}
