import { describe, expect, it } from 'vitest';
import {
  addMonths,
  ageOn,
  assertIsoDay,
  fullYearsBetween,
  isoWeekday,
  spanLengthDays,
  spanOf,
  spansOverlap,
  spanWithin,
} from './calendar.js';

describe('spanOf', () => {
  it('reads a year, a month and a day as the days they may stand for', () => {
    expect(spanOf('2021')).toEqual({ first: '2021-01-01', last: '2021-12-31' });
    expect(spanOf('2024-02')).toEqual({ first: '2024-02-01', last: '2024-02-29' });
    expect(spanOf('2023-02')).toEqual({ first: '2023-02-01', last: '2023-02-28' });
    expect(spanOf('2021-08-14')).toEqual({ first: '2021-08-14', last: '2021-08-14' });
  });
  it('counts the days of a span, leap years included', () => {
    expect(spanLengthDays(spanOf('2024'))).toBe(366);
    expect(spanLengthDays(spanOf('2100'))).toBe(365);
    expect(spanLengthDays(spanOf('2000'))).toBe(366);
    expect(spanLengthDays(spanOf('2021-08-14'))).toBe(1);
  });
  it('rejects what is not a partial date', () => {
    expect(() => spanOf('2021-02-30')).toThrow(TypeError);
  });
});

describe('spanWithin / spansOverlap', () => {
  const august = spanOf('2021-08');
  it('tells inside from overlapping from apart', () => {
    expect(spanWithin(spanOf('2021-08-31'), august)).toBe(true);
    expect(spanWithin(spanOf('2021'), august)).toBe(false);
    expect(spansOverlap(spanOf('2021'), august)).toBe(true);
    expect(spansOverlap(spanOf('2021-09-01'), august)).toBe(false);
    expect(spansOverlap(spanOf('2021-08-01'), august)).toBe(true);
  });
});

describe('assertIsoDay', () => {
  it('accepts full days only', () => {
    expect(assertIsoDay('2024-02-29')).toBe('2024-02-29');
    expect(() => assertIsoDay('2023-02-29')).toThrow(RangeError);
    expect(() => assertIsoDay('2021-08')).toThrow(/YYYY-MM-DD/);
    expect(() => assertIsoDay('yesterday')).toThrow(RangeError);
  });
});

describe('addMonths', () => {
  it.each([
    ['2021-08-14', 1, '2021-09-14'],
    ['2021-08-14', -8, '2020-12-14'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2021-12-31', 2, '2022-02-28'],
    ['2020-03-31', -1, '2020-02-29'],
    ['2021-01-15', 0, '2021-01-15'],
    ['2021-01-15', 120, '2031-01-15'],
  ])('%s + %i months = %s', (day, months, expected) => {
    expect(addMonths(day, months)).toBe(expected);
  });
  it('refuses fractional months', () => {
    expect(() => addMonths('2021-01-15', 1.5)).toThrow(RangeError);
  });
});

describe('fullYearsBetween and ageOn', () => {
  it('turns a year older on the birthday', () => {
    expect(fullYearsBetween('1964-06-15', '2024-06-14')).toBe(59);
    expect(fullYearsBetween('1964-06-15', '2024-06-15')).toBe(60);
  });
  it('a 29 February birthday comes on 1 March in common years', () => {
    expect(fullYearsBetween('1964-02-29', '2023-02-28')).toBe(58);
    expect(fullYearsBetween('1964-02-29', '2023-03-01')).toBe(59);
    expect(fullYearsBetween('1964-02-29', '2024-02-29')).toBe(60);
  });
  it('gives a partial birth date as an age range', () => {
    expect(ageOn('1964', '2024-06-01')).toEqual({ min: 59, max: 60 });
    expect(ageOn('1964-05', '2024-06-01')).toEqual({ min: 60, max: 60 });
    expect(ageOn('1964-06', '2024-06-10')).toEqual({ min: 59, max: 60 });
    expect(ageOn('1964-06-10', '2024-06-10')).toEqual({ min: 60, max: 60 });
  });
});

describe('isoWeekday', () => {
  it.each([
    ['1970-01-01', 4],
    ['2024-02-29', 4],
    ['2021-08-09', 1],
    ['2021-08-15', 7],
    ['1969-12-31', 3],
    ['1900-01-01', 1],
  ])('%s is weekday %i', (day, weekday) => {
    expect(isoWeekday(day)).toBe(weekday);
  });
});
