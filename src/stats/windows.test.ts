import { describe, expect, it } from 'vitest';
import { countInWindow, sameDayWindow, windowAround } from './windows.js';

describe('windowAround', () => {
  it('is the plain window around a precise day', () => {
    expect(windowAround('2021-06-15', 'before', 30)).toEqual({
      certain: { first: '2021-05-16', last: '2021-06-14' },
      possible: { first: '2021-05-16', last: '2021-06-14' },
    });
    expect(windowAround('2021-06-15', 'after', 30)).toEqual({
      certain: { first: '2021-06-16', last: '2021-07-15' },
      possible: { first: '2021-06-16', last: '2021-07-15' },
    });
  });
  it('shrinks the certain part and widens the possible part around a partial anchor', () => {
    // Anchor June 2021: every reading's 30 days before contain only 31 May; some reading reaches 2 May … 29 June.
    expect(windowAround('2021-06', 'before', 30)).toEqual({
      certain: { first: '2021-05-31', last: '2021-05-31' },
      possible: { first: '2021-05-02', last: '2021-06-29' },
    });
    expect(windowAround('2021-06', 'after', 30)).toEqual({
      certain: { first: '2021-07-01', last: '2021-07-01' },
      possible: { first: '2021-06-02', last: '2021-07-30' },
    });
    expect(windowAround('2021', 'before', 30).certain).toBeNull();
  });
  it('crosses leap days and year ends', () => {
    expect(windowAround('2024-03-01', 'before', 2).certain).toEqual({
      first: '2024-02-28',
      last: '2024-02-29',
    });
    expect(windowAround('2021-12-31', 'after', 1).certain).toEqual({
      first: '2022-01-01',
      last: '2022-01-01',
    });
  });
  it('refuses empty windows', () => {
    expect(() => windowAround('2021-06-15', 'before', 0)).toThrow(RangeError);
    expect(() => windowAround('2021-06-15', 'before', 1.5)).toThrow(RangeError);
  });
});

describe('countInWindow', () => {
  it('counts certainly and possibly', () => {
    const window = windowAround('2021-06-15', 'before', 30);
    expect(
      countInWindow(['2021-06-01', '2021-06', '2021-05-15', '2021-06-15', '2021-05-16'], window),
    ).toEqual({ min: 2, max: 3 });
  });
  it('the same day is certain only for two identical precise days', () => {
    expect(countInWindow(['2021-06-15', '2021-06'], sameDayWindow('2021-06-15'))).toEqual({ min: 1, max: 2 });
    expect(countInWindow(['2021-06-15'], sameDayWindow('2021-06'))).toEqual({ min: 0, max: 1 });
  });
});
