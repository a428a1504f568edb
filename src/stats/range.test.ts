import { describe, expect, it } from 'vitest';
import {
  addRanges,
  exactly,
  formatRange,
  isExact,
  midpoint,
  scaleRange,
  subtractRanges,
  trendBetween,
} from './range.js';

describe('range arithmetic', () => {
  it('adds end to end and subtracts crosswise', () => {
    expect(addRanges({ min: 1, max: 3 }, { min: 10, max: 20 })).toEqual({ min: 11, max: 23 });
    expect(subtractRanges({ min: 10, max: 12 }, { min: 1, max: 3 })).toEqual({ min: 7, max: 11 });
    expect(scaleRange({ min: 1, max: 3 }, -2)).toEqual({ min: -6, max: -2 });
    expect(midpoint({ min: 1, max: 4 })).toBe(2.5);
    expect(exactly(5)).toEqual({ min: 5, max: 5 });
    expect(isExact(exactly(5))).toBe(true);
    expect(isExact({ min: 4, max: 5 })).toBe(false);
  });
});

describe('trendBetween', () => {
  it('claims a direction only when no reading contradicts it', () => {
    expect(trendBetween({ min: 1, max: 2 }, { min: 3, max: 4 })).toBe('rising');
    expect(trendBetween({ min: 3, max: 4 }, { min: 1, max: 2 })).toBe('falling');
    expect(trendBetween(exactly(3), exactly(3))).toBe('flat');
    expect(trendBetween({ min: 1, max: 3 }, { min: 2, max: 4 })).toBe('unclear');
    expect(trendBetween({ min: 1, max: 3 }, { min: 1, max: 3 })).toBe('unclear');
  });
});

describe('formatRange', () => {
  it('shows one number when exact, an en dash range when not', () => {
    expect(formatRange(exactly(12))).toBe('12');
    expect(formatRange({ min: 10, max: 12 })).toBe('10–12');
    expect(formatRange({ min: 0.25, max: 0.5 }, 2)).toBe('0.25–0.50');
  });
});
