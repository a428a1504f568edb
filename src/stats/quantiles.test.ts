import { describe, expect, it } from 'vitest';
import { meanOfRanges, median, quantile, quantileOfRanges } from './quantiles.js';

describe('quantile (type 7, linear interpolation)', () => {
  it('matches hand computation', () => {
    const values = [40, 10, 30, 20];
    expect(quantile(values, 0)).toBe(10);
    expect(quantile(values, 0.25)).toBe(17.5);
    expect(quantile(values, 0.5)).toBe(25);
    expect(quantile(values, 0.75)).toBe(32.5);
    expect(quantile(values, 0.9)).toBeCloseTo(37, 12);
    expect(quantile(values, 1)).toBe(40);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([7])).toBe(7);
  });
  it('is null for no values and refuses levels outside [0, 1]', () => {
    expect(quantile([], 0.5)).toBeNull();
    expect(() => quantile([1], 1.5)).toThrow(RangeError);
    expect(() => quantile([1], Number.NaN)).toThrow(RangeError);
  });
  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    quantile(values, 0.5);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('quantileOfRanges', () => {
  it('bounds the quantile of every reading by the quantiles of the ends', () => {
    const ranges = [
      { min: 10, max: 10 },
      { min: 32, max: 397 },
      { min: 0, max: 21 },
    ];
    expect(quantileOfRanges(ranges, 0.5)).toEqual({ min: 10, max: 21 });
    // Any reading's median lies inside.
    for (const reading of [
      [10, 32, 0],
      [10, 397, 21],
      [10, 100, 5],
    ]) {
      const m = median(reading) as number;
      expect(m).toBeGreaterThanOrEqual(10);
      expect(m).toBeLessThanOrEqual(21);
    }
    expect(quantileOfRanges([], 0.5)).toBeNull();
  });
  it('averages ranges end by end', () => {
    expect(
      meanOfRanges([
        { min: 1, max: 3 },
        { min: 3, max: 5 },
      ]),
    ).toEqual({ min: 2, max: 4 });
    expect(meanOfRanges([])).toBeNull();
  });
});
