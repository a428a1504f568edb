import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  daysInMonth,
  addDays,
  comparePartialDates,
  daysBetween,
  earliestDay,
  isCertainlyBefore,
  isPartialDate,
  latestDay,
  parsePartialDate,
  precisionOf,
  relate,
  spanOf,
} from './partial-date.js';

describe('parsePartialDate', () => {
  it.each([
    ['2021', 'year'],
    ['2021-08', 'month'],
    ['2021-08-14', 'day'],
    ['2024-02-29', 'day'],
  ])('accepts %s as %s precision', (text, precision) => {
    expect(parsePartialDate(text)?.precision).toBe(precision);
  });

  it.each([
    '2021-02-30',
    '2023-02-29',
    '2021-13',
    '2021-00',
    '2021-01-00',
    '21',
    '2021-1-5',
    '2021/08/14',
    '',
    ' 2021',
    '0999',
  ])('rejects %j', (text) => {
    expect(parsePartialDate(text)).toBeNull();
    expect(isPartialDate(text)).toBe(false);
  });
});

describe('ranges', () => {
  it('reads a year as the whole year, not as 1 January', () => {
    expect(earliestDay('2021')).toBe('2021-01-01');
    expect(latestDay('2021')).toBe('2021-12-31');
  });

  it('knows month lengths, leap years included', () => {
    expect(latestDay('2024-02')).toBe('2024-02-29');
    expect(latestDay('2023-02')).toBe('2023-02-28');
    expect(latestDay('2021-04')).toBe('2021-04-30');
    expect(earliestDay('2021-04-07')).toBe('2021-04-07');
    expect(latestDay('2021-04-07')).toBe('2021-04-07');
  });

  it('keeps the precision', () => {
    expect(precisionOf('2021')).toBe('year');
    expect(precisionOf('2021-03')).toBe('month');
  });

  it('throws on a malformed date rather than guessing', () => {
    expect(() => earliestDay('2021-02-30')).toThrow(/not a partial date/);
  });
});

describe('ordering and relations', () => {
  it('sorts by first possible day, less precise first', () => {
    const dates = ['2021-03-05', '2020', '2021', '2021-03', '2020-12-31', '2021-02'];
    expect([...dates].sort(comparePartialDates)).toEqual([
      '2020',
      '2020-12-31',
      '2021',
      '2021-02',
      '2021-03',
      '2021-03-05',
    ]);
  });

  it('says when two dates overlap instead of pretending to know', () => {
    expect(relate('2021', '2021-03-05')).toBe('overlaps');
    expect(relate('2021-03', '2021-03-05')).toBe('overlaps');
    expect(relate('2021', '2021')).toBe('overlaps');
    expect(relate('2021-03-05', '2021-03-05')).toBe('same');
    expect(relate('2020', '2021-01-01')).toBe('before');
    expect(relate('2021-04', '2021-03-31')).toBe('after');
  });

  it('relates by the days each date may stand for, as its definition says (remembered spans or not)', () => {
    const partialDate = fc
      .tuple(
        fc.integer({ min: 2019, max: 2022 }),
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 0, max: 31 }),
      )
      .map(([year, month, day]) => {
        if (month === 0) return String(year);
        const yearMonth = `${year}-${String(month).padStart(2, '0')}`;
        return day === 0 || day > daysInMonth(year, month)
          ? yearMonth
          : `${yearMonth}-${String(day).padStart(2, '0')}`;
      });
    fc.assert(
      fc.property(partialDate, partialDate, (a, b) => {
        const expected =
          latestDay(a) < earliestDay(b)
            ? 'before'
            : earliestDay(a) > latestDay(b)
              ? 'after'
              : a === b && precisionOf(a) === 'day'
                ? 'same'
                : 'overlaps';
        expect(relate(a, b)).toBe(expected);
        expect(spanOf(a)).toEqual({ first: earliestDay(a), last: latestDay(a) });
      }),
      { numRuns: 2000 },
    );
    expect(() => relate('2021-02-30', '2021')).toThrow(/not a partial date/);
    expect(Object.isFrozen(spanOf('2021-02'))).toBe(true);
  });

  it('isCertainlyBefore holds only when every reading is earlier', () => {
    expect(isCertainlyBefore('2020-12', '2021')).toBe(true);
    expect(isCertainlyBefore('2021', '2021-06-01')).toBe(false);
  });
});

describe('day arithmetic', () => {
  it('counts days across leap years and month ends', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2021-07-14', '2025-12-13')).toBe(1613);
    expect(daysBetween('2021-01-02', '2021-01-01')).toBe(-1);
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
  });
});

describe('daysInMonth', () => {
  it('agrees with the calendar of Date for every month of 1000–2400 and beyond the usual range', () => {
    const calendar = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
    for (let year = 1000; year <= 2400; year++)
      for (let month = 1; month <= 12; month++) expect(daysInMonth(year, month)).toBe(calendar(year, month));
    for (const [year, month] of [
      [2024, 0],
      [2024, 13],
      [50, 2],
      [0, 2],
      [10000, 2],
      [2024.5, 2],
    ] as const)
      expect(daysInMonth(year, month)).toBe(calendar(year, month));
    expect([daysInMonth(1900, 2), daysInMonth(2000, 2), daysInMonth(2024, 2), daysInMonth(2023, 2)]).toEqual([
      28, 29, 29, 28,
    ]);
  });
});
