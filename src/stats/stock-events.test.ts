import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../lib/partial-date.js';
import { dayDeltasOf, stockAtDays, stockFromDayDeltas, type StockEvents } from './stock-events.js';

const events: StockEvents = {
  certainStarts: [
    { day: '2021-03-01', count: 2 },
    { day: '2021-01-10', count: 1 },
  ],
  certainEnds: [{ day: '2021-03-01', count: 1 }],
  possibleStarts: [{ day: '2021-01-01', count: 3 }],
  possibleEnds: [{ day: '2021-06-30', count: 2 }],
  corrections: [
    { day: '2021-03-01', certain: -1, possible: 0 },
    { day: '2021-05-01', certain: 1, possible: -1 },
    { day: '2021-05-01', certain: -1, possible: 1 },
  ],
};

describe('the stock from its change per day', () => {
  it('nets starts, ends and corrections per day, in day order, and leaves out days that cancel', () => {
    expect(dayDeltasOf(events)).toEqual([
      { day: '2021-01-01', certain: 0, possible: 3 },
      { day: '2021-01-10', certain: 1, possible: 0 },
      { day: '2021-06-30', certain: 0, possible: -2 },
    ]);
  });

  it('sums the changes on or before each day', () => {
    const days = ['2020-12-31', '2021-01-01', '2021-03-01', '2021-06-30'];
    expect(stockFromDayDeltas(dayDeltasOf(events), days)).toEqual([
      { min: 0, max: 0 },
      { min: 0, max: 3 },
      { min: 1, max: 3 },
      { min: 1, max: 1 },
    ]);
    expect(() => stockFromDayDeltas([], ['2021-02-01', '2021-01-01'])).toThrow(RangeError);
    expect(() => stockFromDayDeltas([], ['2021-02'])).toThrow();
  });

  it('gives the same stock as the day counts it was netted from, on any days (fast-check)', () => {
    const aDay = fc.integer({ min: 0, max: 400 }).map((offset) => addDays('2020-01-01', offset));
    const counts = fc.array(fc.record({ day: aDay, count: fc.integer({ min: 0, max: 5 }) }), {
      maxLength: 20,
    });
    const anEvents = fc.record({
      certainStarts: counts,
      certainEnds: counts,
      possibleStarts: counts,
      possibleEnds: counts,
      corrections: fc.array(
        fc.record({
          day: aDay,
          certain: fc.integer({ min: -3, max: 3 }),
          possible: fc.integer({ min: -3, max: 3 }),
        }),
        { maxLength: 10 },
      ),
    });
    fc.assert(
      fc.property(anEvents, fc.array(aDay, { minLength: 1, maxLength: 12 }), (generated, picked) => {
        const days = [...picked].sort();
        expect(stockFromDayDeltas(dayDeltasOf(generated), days)).toEqual(stockAtDays(generated, days));
      }),
    );
  });
});
