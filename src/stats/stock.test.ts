import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { heldOnDay } from './custody.js';
import { averageStock, personsHeldOn, stockOn, stockSeries } from './stock.js';
import { episode } from './testing.js';
import { addDays } from './calendar.js';

describe('stockOn', () => {
  it('holds a person from the detention day up to the day before release', () => {
    const episodes = [episode({ detainedOn: '2021-01-10', releasedOn: '2021-01-20' })];
    expect(stockOn(episodes, '2021-01-09')).toEqual({ min: 0, max: 0 });
    expect(stockOn(episodes, '2021-01-10')).toEqual({ min: 1, max: 1 });
    expect(stockOn(episodes, '2021-01-19')).toEqual({ min: 1, max: 1 });
    expect(stockOn(episodes, '2021-01-20')).toEqual({ min: 0, max: 0 });
  });

  it('counts a person once when episodes overlap (a new case brought in custody)', () => {
    const episodes = [
      episode({ id: 'a', personId: 'p', detainedOn: '2021-01-01', releasedOn: '2021-06-01' }),
      episode({ id: 'b', personId: 'p', detainedOn: '2021-03-01' }),
    ];
    expect(stockOn(episodes, '2021-04-01')).toEqual({ min: 1, max: 1 });
    expect(stockOn(episodes, '2021-04-01', { unit: 'episode' })).toEqual({ min: 2, max: 2 });
    expect(stockOn(episodes, '2021-07-01')).toEqual({ min: 1, max: 1 });
    expect(stockOn(episodes, '2021-02-01', { unit: 'episode' })).toEqual({ min: 1, max: 1 });
  });

  it('reads a month-precision detention as possible during that month, certain from its last day', () => {
    const episodes = [episode({ detainedOn: '2021-08' })];
    expect(stockOn(episodes, '2021-07-31')).toEqual({ min: 0, max: 0 });
    expect(stockOn(episodes, '2021-08-01')).toEqual({ min: 0, max: 1 });
    expect(stockOn(episodes, '2021-08-30')).toEqual({ min: 0, max: 1 });
    // Detained by 31 August under every reading.
    expect(stockOn(episodes, '2021-08-31')).toEqual({ min: 1, max: 1 });
  });

  it('reads a year-precision release as possible all that year, never as 1 January', () => {
    const episodes = [episode({ detainedOn: '2021-05-01', releasedOn: '2022' })];
    expect(stockOn(episodes, '2021-12-31')).toEqual({ min: 1, max: 1 });
    expect(stockOn(episodes, '2022-01-01')).toEqual({ min: 0, max: 1 });
    expect(stockOn(episodes, '2022-12-30')).toEqual({ min: 0, max: 1 });
    // Released on 31 December at the latest, and the release day is a day of freedom.
    expect(stockOn(episodes, '2022-12-31')).toEqual({ min: 0, max: 0 });
  });

  it('counts a person certainly held by one episode and maybe by another once, as certain', () => {
    const episodes = [
      episode({ personId: 'p', detainedOn: '2020-01-01', releasedOn: '2021-12-01' }),
      episode({ personId: 'p', detainedOn: '2021' }),
    ];
    expect(stockOn(episodes, '2021-06-01')).toEqual({ min: 1, max: 1 });
  });

  it('re-arrest: out between the episodes, in during each', () => {
    const episodes = [
      episode({ personId: 'p', detainedOn: '2019-01-10', releasedOn: '2019-06-01' }),
      episode({ personId: 'p', detainedOn: '2019-06-11' }),
    ];
    expect(stockOn(episodes, '2019-05-31')).toEqual({ min: 1, max: 1 });
    expect(stockOn(episodes, '2019-06-05')).toEqual({ min: 0, max: 0 });
    expect(stockOn(episodes, '2019-06-11')).toEqual({ min: 1, max: 1 });
  });

  it('death in custody ends custody on the day of death', () => {
    const episodes = [
      episode({ detainedOn: '2020-03-01', releasedOn: '2021-05-21', releaseMode: 'death_in_custody' }),
    ];
    expect(stockOn(episodes, '2021-05-20')).toEqual({ min: 1, max: 1 });
    expect(stockOn(episodes, '2021-05-21')).toEqual({ min: 0, max: 0 });
  });

  it('handles the leap day', () => {
    const episodes = [episode({ detainedOn: '2024-02-29', releasedOn: '2024-03-01' })];
    expect(stockOn(episodes, '2024-02-28')).toEqual({ min: 0, max: 0 });
    expect(stockOn(episodes, '2024-02-29')).toEqual({ min: 1, max: 1 });
    expect(stockOn(episodes, '2024-03-01')).toEqual({ min: 0, max: 0 });
  });

  it('is empty without episodes and refuses a partial day', () => {
    expect(stockOn([], '2021-01-01')).toEqual({ min: 0, max: 0 });
    expect(() => stockOn([], '2021-01')).toThrow(RangeError);
  });

  it('agrees with custody.heldOnDay episode by episode over many dates and days', () => {
    const dates = [
      '2020',
      '2020-06',
      '2020-06-15',
      '2020-12-31',
      '2021',
      '2021-01',
      '2021-01-01',
      '2020-02-29',
    ];
    const days = [
      '2019-12-31',
      '2020-01-01',
      '2020-06-14',
      '2020-06-15',
      '2020-06-30',
      '2020-12-31',
      '2021-01-01',
      '2021-06-01',
      '2022-01-01',
    ];
    for (const detainedOn of dates) {
      for (const releasedOn of [null, ...dates]) {
        const e = episode({ detainedOn, releasedOn });
        for (const day of days) {
          const answer = heldOnDay(e, day);
          const expected =
            answer === 'yes'
              ? { min: 1, max: 1 }
              : answer === 'maybe'
                ? { min: 0, max: 1 }
                : { min: 0, max: 0 };
          expect(stockOn([e], day), `${detainedOn} → ${releasedOn} on ${day}`).toEqual(expected);
        }
      }
    }
  });
});

describe('personsHeldOn', () => {
  it('lists the certainly and the possibly held apart, sorted', () => {
    const episodes = [
      episode({ personId: 'z', detainedOn: '2021-01-01' }),
      episode({ personId: 'a', detainedOn: '2021-01-01' }),
      episode({ personId: 'm', detainedOn: '2021-03' }),
      episode({ personId: 'q', detainedOn: '2020-01-01', releasedOn: '2021-03-02' }),
    ];
    expect(personsHeldOn(episodes, '2021-03-01')).toEqual({ certain: ['a', 'q', 'z'], possible: ['m'] });
  });
});

describe('stockSeries', () => {
  const episodes = [
    episode({ personId: 'p1', detainedOn: '2021-01-10', releasedOn: '2021-02-15' }),
    episode({ personId: 'p2', detainedOn: '2021-02' }),
    episode({ personId: 'p3', detainedOn: '2021-03-05' }),
  ];

  it('samples the last day of each period, and `to` for a period in progress', () => {
    expect(stockSeries(episodes, '2021-01-15', '2021-03-10', 'month')).toEqual([
      { day: '2021-01-31', period: '2021-01', min: 1, max: 1 },
      { day: '2021-02-28', period: '2021-02', min: 1, max: 1 },
      { day: '2021-03-10', period: '2021-03', min: 2, max: 2 },
    ]);
  });

  it('samples every day for a daily series', () => {
    const series = stockSeries(episodes, '2021-02-13', '2021-02-16', 'day');
    expect(series).toEqual([
      { day: '2021-02-13', period: '2021-02-13', min: 1, max: 2 },
      { day: '2021-02-14', period: '2021-02-14', min: 1, max: 2 },
      { day: '2021-02-15', period: '2021-02-15', min: 0, max: 1 },
      { day: '2021-02-16', period: '2021-02-16', min: 0, max: 1 },
    ]);
  });

  it('samples weeks on Sundays', () => {
    const series = stockSeries(episodes, '2021-03-01', '2021-03-17', 'week');
    expect(series.map((point) => [point.period, point.day])).toEqual([
      ['2021-W09', '2021-03-07'],
      ['2021-W10', '2021-03-14'],
      ['2021-W11', '2021-03-17'],
    ]);
    expect(series[0]).toMatchObject({ min: 2, max: 2 });
  });
});

describe('averageStock', () => {
  it('is the mean of the daily stock over the window', () => {
    const episodes = [episode({ detainedOn: '2021-01-10', releasedOn: '2021-01-20' })];
    const average = averageStock(episodes, '2021-01-01', '2021-01-31');
    expect(average.min).toBeCloseTo(10 / 31, 12);
    expect(average.max).toBeCloseTo(10 / 31, 12);
  });
  it('gives a range for partial dates', () => {
    const episodes = [episode({ detainedOn: '2021-01' })];
    // Certainly held only on 31 January (the latest possible detention day); possibly all 31 days.
    expect(averageStock(episodes, '2021-01-01', '2021-01-31')).toEqual({ min: 1 / 31, max: 1 });
  });
  it('refuses an empty window', () => {
    expect(() => averageStock([], '2021-01-02', '2021-01-01')).toThrow(RangeError);
  });
  it('counting episodes, equals the mean of the daily episode stock for any episodes and window', () => {
    const day = fc
      .record({
        year: fc.integer({ min: 2019, max: 2022 }),
        month: fc.integer({ min: 1, max: 12 }),
        dayOf: fc.integer({ min: 1, max: 28 }),
      })
      .map(
        ({ year, month, dayOf }) =>
          `${year}-${String(month).padStart(2, '0')}-${String(dayOf).padStart(2, '0')}`,
      );
    const partial = fc.oneof(
      day,
      day.map((text) => text.slice(0, 7)),
      day.map((text) => text.slice(0, 4)),
    );
    const facts = fc.array(
      fc.record({
        detainedOn: partial,
        releasedOn: fc.option(partial),
        personId: fc.constantFrom('a', 'b', 'c'),
      }),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(facts, day, fc.integer({ min: 0, max: 400 }), (given, from, length) => {
        const episodes = given.map((fields, index) => episode({ ...fields, id: `e${index}` }));
        const to = addDays(from, length);
        let min = 0;
        let max = 0;
        for (let at = from; at <= to; at = addDays(at, 1)) {
          const held = stockOn(episodes, at, { unit: 'episode' });
          min += held.min;
          max += held.max;
        }
        const average = averageStock(episodes, from, to, { unit: 'episode' });
        expect(average.min * (length + 1)).toBeCloseTo(min, 6);
        expect(average.max * (length + 1)).toBeCloseTo(max, 6);
      }),
      { numRuns: 300 },
    );
  });
});
