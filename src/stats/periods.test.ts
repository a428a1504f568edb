import { describe, expect, it } from 'vitest';
import { addDays, isoWeekday } from './calendar.js';
import {
  isoWeekOf,
  nextPeriod,
  parsePeriodKey,
  periodKey,
  periodLengthDays,
  periodOf,
  periodsBetween,
  periodsOfPartialDate,
  wholePeriodWindow,
} from './periods.js';

describe('periodKey', () => {
  it('names the day, ISO week, month and year of a day', () => {
    expect(periodKey('2021-08-14', 'day')).toBe('2021-08-14');
    expect(periodKey('2021-08-14', 'week')).toBe('2021-W32');
    expect(periodKey('2021-08-14', 'month')).toBe('2021-08');
    expect(periodKey('2021-08-14', 'year')).toBe('2021');
  });
  it.each([
    // The ISO week belongs to the year of its Thursday.
    ['2021-01-03', '2020-W53'],
    ['2020-12-28', '2020-W53'],
    ['2021-01-04', '2021-W01'],
    ['2024-12-30', '2025-W01'],
    ['2026-01-01', '2026-W01'],
    ['2027-01-01', '2026-W53'],
    ['2024-02-29', '2024-W09'],
    ['2022-01-02', '2021-W52'],
  ])('%s is in ISO week %s', (day, key) => {
    expect(periodKey(day, 'week')).toBe(key);
  });
  it('refuses a partial date where a day is needed', () => {
    expect(() => periodKey('2021-08', 'month')).toThrow(RangeError);
  });
});

describe('periodOf', () => {
  it('gives the first and last day of each period', () => {
    expect(periodOf('2021-08-14', 'week')).toEqual({
      granularity: 'week',
      key: '2021-W32',
      first: '2021-08-09',
      last: '2021-08-15',
    });
    expect(periodOf('2024-02-10', 'month')).toMatchObject({ first: '2024-02-01', last: '2024-02-29' });
    expect(periodOf('2023-02-10', 'month')).toMatchObject({ first: '2023-02-01', last: '2023-02-28' });
    expect(periodOf('2021-08-14', 'year')).toMatchObject({ first: '2021-01-01', last: '2021-12-31' });
    expect(periodOf('2021-08-14', 'day')).toMatchObject({ first: '2021-08-14', last: '2021-08-14' });
  });
  it('weeks start on Monday and hold their day, for every day of nine years', () => {
    for (let day = '2019-01-01'; day <= '2027-12-31'; day = addDays(day, 1)) {
      const week = periodOf(day, 'week');
      expect(isoWeekday(week.first)).toBe(1);
      expect(week.first <= day && day <= week.last).toBe(true);
      expect(parsePeriodKey(week.key)).toEqual(week);
    }
  });
});

describe('isoWeekOf', () => {
  it('knows 53-week years', () => {
    expect(isoWeekOf('2020-12-31')).toEqual({ year: 2020, week: 53 });
    expect(isoWeekOf('2026-12-31')).toEqual({ year: 2026, week: 53 });
    expect(isoWeekOf('2021-12-31')).toEqual({ year: 2021, week: 52 });
  });
});

describe('parsePeriodKey', () => {
  it('reads the granularity from the key', () => {
    expect(parsePeriodKey('2020-W53')).toEqual({
      granularity: 'week',
      key: '2020-W53',
      first: '2020-12-28',
      last: '2021-01-03',
    });
    expect(parsePeriodKey('2024-02')).toMatchObject({ granularity: 'month', last: '2024-02-29' });
    expect(parsePeriodKey('2024')).toMatchObject({ granularity: 'year', last: '2024-12-31' });
    expect(parsePeriodKey('2024-02-29')).toMatchObject({ granularity: 'day' });
  });
  it('refuses weeks that do not exist', () => {
    expect(() => parsePeriodKey('2021-W53')).toThrow(RangeError);
    expect(() => parsePeriodKey('2021-W00')).toThrow(RangeError);
    expect(() => parsePeriodKey('2021-13')).toThrow(TypeError);
  });
});

describe('nextPeriod', () => {
  it('steps across year ends and leap days', () => {
    expect(nextPeriod(parsePeriodKey('2020-W53')).key).toBe('2021-W01');
    expect(nextPeriod(parsePeriodKey('2021-12')).key).toBe('2022-01');
    expect(nextPeriod(parsePeriodKey('2024-02-28')).key).toBe('2024-02-29');
    expect(nextPeriod(parsePeriodKey('2024-02-29')).key).toBe('2024-03-01');
  });
});

describe('periodsBetween', () => {
  it('lists every period that holds a day of the window', () => {
    expect(periodsBetween('2024-01-31', '2024-03-01', 'month').map((p) => p.key)).toEqual([
      '2024-01',
      '2024-02',
      '2024-03',
    ]);
    expect(periodsBetween('2021-12-30', '2022-01-02', 'week').map((p) => p.key)).toEqual(['2021-W52']);
    expect(periodsBetween('2021-12-30', '2022-01-03', 'week').map((p) => p.key)).toEqual([
      '2021-W52',
      '2022-W01',
    ]);
    expect(periodsBetween('2024-02-27', '2024-03-01', 'day')).toHaveLength(4);
    expect(periodsBetween('2019-06-01', '2021-01-01', 'year').map((p) => p.key)).toEqual([
      '2019',
      '2020',
      '2021',
    ]);
  });
  it('is empty when the window is reversed', () => {
    expect(periodsBetween('2021-02-01', '2021-01-01', 'day')).toEqual([]);
  });
});

describe('periodsOfPartialDate', () => {
  it('is one period when the date is certain at that granularity, several when not', () => {
    expect(periodsOfPartialDate('2021', 'year').map((p) => p.key)).toEqual(['2021']);
    expect(periodsOfPartialDate('2021', 'month')).toHaveLength(12);
    expect(periodsOfPartialDate('2021-08', 'month').map((p) => p.key)).toEqual(['2021-08']);
    expect(periodsOfPartialDate('2021-03', 'week').map((p) => p.key)).toEqual([
      '2021-W09',
      '2021-W10',
      '2021-W11',
      '2021-W12',
      '2021-W13',
    ]);
    expect(periodsOfPartialDate('2024-02', 'day')).toHaveLength(29);
    expect(periodsOfPartialDate('2021-08-14', 'week').map((p) => p.key)).toEqual(['2021-W32']);
    // A year-precision date at week granularity reaches into the weeks of neighbouring ISO years.
    expect(
      periodsOfPartialDate('2021', 'week')
        .map((p) => p.key)
        .at(0),
    ).toBe('2020-W53');
    expect(
      periodsOfPartialDate('2021', 'week')
        .map((p) => p.key)
        .at(-1),
    ).toBe('2021-W52');
  });
});

describe('wholePeriodWindow and periodLengthDays', () => {
  it('widens a window to whole periods', () => {
    expect(wholePeriodWindow('2021-08-14', '2021-09-02', 'month')).toEqual({
      first: '2021-08-01',
      last: '2021-09-30',
    });
    expect(wholePeriodWindow('2021-01-01', '2021-01-01', 'week')).toEqual({
      first: '2020-12-28',
      last: '2021-01-03',
    });
  });
  it('counts days per period', () => {
    expect(periodLengthDays(parsePeriodKey('2024-02'))).toBe(29);
    expect(periodLengthDays(parsePeriodKey('2100-02'))).toBe(28);
    expect(periodLengthDays(parsePeriodKey('2024'))).toBe(366);
    expect(periodLengthDays(parsePeriodKey('2023'))).toBe(365);
    expect(periodLengthDays(parsePeriodKey('2024-W09'))).toBe(7);
    expect(periodLengthDays(parsePeriodKey('2024-02-29'))).toBe(1);
  });
});
