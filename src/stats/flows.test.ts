import { describe, expect, it } from 'vitest';
import { allocateEvents, flowTable, flowTableFromCounts } from './flows.js';
import type { RecognitionFact } from './facts.js';
import { episode } from './testing.js';

const recognition = (recognisedOn: string | null, afterRelease = false): RecognitionFact => ({
  personId: 'p',
  recognisedOn,
  endedOn: null,
  afterRelease,
});

describe('flowTable by month', () => {
  const episodes = [
    episode({ detainedOn: '2021-08-14', releasedOn: '2021-09-02', releaseMode: 'pardon' }),
    episode({ detainedOn: '2021' }),
    episode({ detainedOn: '2021-08', releasedOn: '2022', releaseMode: 'negotiated' }),
  ];
  const table = flowTable({ episodes }, '2021-01-01', '2021-12-31', 'month');
  const month = (key: string) => table.periods.find((row) => row.period.key === key);

  it('allocates a date that fits one month, and leaves a year-only date unallocated', () => {
    expect(month('2021-08')?.detentions).toEqual({ min: 2, max: 3 });
    expect(month('2021-01')?.detentions).toEqual({ min: 0, max: 1 });
    expect(month('2021-12')?.detentions).toEqual({ min: 0, max: 1 });
    expect(table.unallocated).toHaveLength(1);
    expect(table.unallocated[0]).toMatchObject({
      date: '2021',
      detentions: 1,
      releases: 0,
      partlyOutsideWindow: false,
    });
    expect(table.unallocated[0]?.periodKeys).toHaveLength(12);
  });

  it('counts releases by mode, and nothing outside the window', () => {
    expect(month('2021-09')?.releases).toEqual({ min: 1, max: 1 });
    expect(month('2021-09')?.releasesByMode.pardon).toEqual({ min: 1, max: 1 });
    expect(month('2021-09')?.releasesByMode.negotiated).toEqual({ min: 0, max: 0 });
    expect(table.totals.releases).toEqual({ min: 1, max: 1 });
    expect(table.totals.releasesByMode.negotiated).toEqual({ min: 0, max: 0 });
  });

  it('adds up: allocated plus unallocated = total', () => {
    const allocated = table.periods.reduce((sum, row) => sum + row.detentions.min, 0);
    const unallocated = table.unallocated.reduce((sum, bucket) => sum + bucket.detentions, 0);
    expect(allocated + unallocated).toBe(table.totals.detentions.min);
    expect(table.totals.detentions).toEqual({ min: 3, max: 3 });
  });

  it('gives the net change as a range', () => {
    expect(month('2021-08')?.net).toEqual({ min: 2, max: 3 });
    expect(month('2021-09')?.net).toEqual({ min: -1, max: 0 });
    expect(table.totals.net).toEqual({ min: 2, max: 2 });
  });

  it('is certain for the year what is uncertain for its months', () => {
    const byYear = flowTable({ episodes }, '2021-01-01', '2022-12-31', 'year');
    expect(byYear.periods.map((row) => [row.period.key, row.detentions, row.releases])).toEqual([
      ['2021', { min: 3, max: 3 }, { min: 1, max: 1 }],
      ['2022', { min: 0, max: 0 }, { min: 1, max: 1 }],
    ]);
    expect(byYear.unallocated).toEqual([]);
    expect(byYear.periods[1]?.releasesByMode.negotiated).toEqual({ min: 1, max: 1 });
  });
});

describe('flowTable at period edges', () => {
  it('widens the window to whole periods', () => {
    const episodes = [episode({ detainedOn: '2021-08-02' }), episode({ detainedOn: '2021-07-31' })];
    const table = flowTable({ episodes }, '2021-08-14', '2021-08-20', 'month');
    expect(table.window).toEqual({ first: '2021-08-01', last: '2021-08-31' });
    expect(table.periods.map((row) => [row.period.key, row.detentions])).toEqual([
      ['2021-08', { min: 1, max: 1 }],
    ]);
  });

  it('a month date straddles ISO weeks; partly outside the window is flagged', () => {
    const episodes = [episode({ detainedOn: '2021-03' }), episode({ detainedOn: '2021-03-15' })];
    const table = flowTable({ episodes }, '2021-03-10', '2021-03-20', 'week');
    expect(table.periods.map((row) => [row.period.key, row.detentions])).toEqual([
      ['2021-W10', { min: 0, max: 1 }],
      ['2021-W11', { min: 1, max: 2 }],
    ]);
    expect(table.unallocated).toEqual([
      expect.objectContaining({
        date: '2021-03',
        periodKeys: ['2021-W10', '2021-W11'],
        partlyOutsideWindow: true,
        detentions: 1,
      }),
    ]);
    expect(table.totals.detentions).toEqual({ min: 1, max: 2 });
  });

  it('December is certain for its year, uncertain for its weeks (W48 starts in November)', () => {
    const episodes = [episode({ detainedOn: '2021-12' })];
    expect(flowTable({ episodes }, '2021-01-01', '2022-12-31', 'year').periods[0]?.detentions).toEqual({
      min: 1,
      max: 1,
    });
    const weeks = flowTable({ episodes }, '2021-11-29', '2022-01-02', 'week');
    expect(weeks.unallocated[0]?.periodKeys).toEqual([
      '2021-W48',
      '2021-W49',
      '2021-W50',
      '2021-W51',
      '2021-W52',
    ]);
    expect(weeks.totals.detentions).toEqual({ min: 1, max: 1 });
  });

  it('a month date is unallocated by day; a leap day is a day like any other', () => {
    const episodes = [episode({ detainedOn: '2024-02' }), episode({ detainedOn: '2024-02-29' })];
    const table = flowTable({ episodes }, '2024-02-28', '2024-03-01', 'day');
    expect(table.periods.map((row) => [row.period.key, row.detentions])).toEqual([
      ['2024-02-28', { min: 0, max: 1 }],
      ['2024-02-29', { min: 1, max: 2 }],
      ['2024-03-01', { min: 0, max: 0 }],
    ]);
    expect(table.unallocated[0]).toMatchObject({ date: '2024-02', partlyOutsideWindow: true });
  });
});

describe('flowTable recognitions and unknown modes', () => {
  it('counts recognitions, those after release apart, and reports the undated', () => {
    const table = flowTable(
      {
        episodes: [episode({ detainedOn: '2020-01-01', releasedOn: '2021-02-03', releaseMode: null })],
        recognitions: [
          recognition('2021-02-10'),
          recognition('2021-02', true),
          recognition(null),
          recognition('2020-12-31'),
        ],
      },
      '2021-01-01',
      '2021-03-31',
      'month',
    );
    const february = table.periods[1];
    expect(february?.recognitions).toEqual({ min: 2, max: 2 });
    expect(february?.recognitionsAfterRelease).toEqual({ min: 1, max: 1 });
    expect(february?.releasesByMode.unknown).toEqual({ min: 1, max: 1 });
    expect(table.undatedRecognitions).toBe(1);
    expect(table.totals.recognitions).toEqual({ min: 2, max: 2 });
  });
});

describe('allocateEvents', () => {
  it('keeps zero columns for every kind', () => {
    const allocation = allocateEvents(
      [{ on: '2021-05-05', kind: 'a' }],
      ['a', 'b'],
      '2021-05-01',
      '2021-05-31',
      'month',
    );
    expect(allocation.periods[0]?.counts).toEqual({ a: { min: 1, max: 1 }, b: { min: 0, max: 0 } });
  });
  it('ignores events wholly outside the window', () => {
    const allocation = allocateEvents(
      [{ on: '2020', kind: 'a' }],
      ['a'],
      '2021-01-01',
      '2021-12-31',
      'month',
    );
    expect(allocation.totals.a).toEqual({ min: 0, max: 0 });
    expect(allocation.unallocated).toEqual([]);
  });
});

describe('flowTableFromCounts', () => {
  it('gives the table of flowTable from the events counted per recorded date', () => {
    const episodes = [
      episode({ detainedOn: '2021-08-14', releasedOn: '2021-09-02', releaseMode: 'pardon' }),
      episode({ detainedOn: '2021-08-14', releasedOn: '2021-09-02', releaseMode: 'pardon' }),
      episode({ detainedOn: '2021' }),
      episode({ detainedOn: '2021-08', releasedOn: '2022', releaseMode: 'negotiated' }),
      episode({ detainedOn: '2020-12', releasedOn: '2021-09-02', releaseMode: null }),
    ];
    const recognitions = [
      recognition('2021-08'),
      recognition('2021-08', true),
      recognition('2021-08', true),
      recognition(null),
    ];
    const counts = {
      detentions: [
        { on: '2021-08-14', count: 2 },
        { on: '2021', count: 1 },
        { on: '2021-08', count: 1 },
        { on: '2020-12', count: 1 },
      ],
      releases: [
        { on: '2021-09-02', mode: 'pardon' as const, inBatch: false, count: 2 },
        { on: '2022', mode: 'negotiated' as const, inBatch: false, count: 1 },
        { on: '2021-09-02', mode: null, inBatch: true, count: 1 },
      ],
      recognitions: [
        { on: '2021-08', afterRelease: false, count: 1 },
        { on: '2021-08', afterRelease: true, count: 2 },
      ],
      undatedRecognitions: 1,
    };
    for (const granularity of ['day', 'week', 'month', 'year'] as const) {
      const expected = flowTable({ episodes, recognitions }, '2021-02-10', '2021-12-31', granularity);
      expect(flowTableFromCounts(counts, '2021-02-10', '2021-12-31', granularity)).toEqual(expected);
    }
    const byMonth = flowTableFromCounts(counts, '2021-01-01', '2021-12-31', 'month');
    expect(byMonth.periods.find((row) => row.period.key === '2021-08')?.detentions).toEqual({
      min: 3,
      max: 4,
    });
    expect(byMonth.periods.find((row) => row.period.key === '2021-09')?.releases).toEqual({ min: 3, max: 3 });
    expect(byMonth.totals.recognitionsAfterRelease).toEqual({ min: 2, max: 2 });
  });
});
