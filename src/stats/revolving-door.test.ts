import { describe, expect, it } from 'vitest';
import type { RecognitionFact } from './facts.js';
import {
  aroundBatches,
  cumulativeReleasesByRoute,
  releaseRoute,
  releasedVsImprisoned,
  releasesByRoute,
} from './revolving-door.js';
import { batch, episode } from './testing.js';

const recognised = (recognisedOn: string | null): RecognitionFact => ({
  personId: 'p',
  recognisedOn,
  endedOn: null,
  afterRelease: false,
});

describe('releasedVsImprisoned', () => {
  it('sets releases against new detentions per period', () => {
    const table = releasedVsImprisoned(
      [
        episode({ detainedOn: '2021-01-05', releasedOn: '2021-02-10', releaseMode: 'pardon' }),
        episode({ detainedOn: '2021-02-01' }),
        episode({ detainedOn: '2021-02-03' }),
        episode({ detainedOn: '2021' }),
      ],
      '2021-01-01',
      '2021-02-28',
      'month',
    );
    expect(
      table.periods.map((row) => [row.period.key, row.released, row.newlyImprisoned, row.balance]),
    ).toEqual([
      ['2021-01', { min: 0, max: 0 }, { min: 1, max: 2 }, { min: 1, max: 2 }],
      ['2021-02', { min: 1, max: 1 }, { min: 2, max: 3 }, { min: 1, max: 2 }],
    ]);
    expect(table.unallocated).toEqual([
      expect.objectContaining({ date: '2021', detentions: 1, releases: 0, partlyOutsideWindow: true }),
    ]);
    expect(table.totals).toEqual({
      released: { min: 1, max: 1 },
      newlyImprisoned: { min: 3, max: 4 },
      balance: { min: 2, max: 3 },
    });
  });
});

describe('aroundBatches', () => {
  const episodes = [
    episode({ detainedOn: '2021-06-01' }), // 14 days before
    episode({ detainedOn: '2021-05-10' }), // 36 days before
    episode({ detainedOn: '2021-06-15' }), // the batch day
    episode({ detainedOn: '2021-06-16' }), // 1 day after
    episode({ detainedOn: '2021-06' }), // some day of June
    episode({ detainedOn: '2020-01-01' }), // long before
  ];
  const recognitions = [recognised('2021-07-20'), recognised(null), recognised('2021-06-10')];

  it('counts detentions and recognitions 30 and 90 days before and after each batch', () => {
    const [door] = aroundBatches([batch({ id: 'b1', releasedOn: '2021-06-15' })], episodes, recognitions);
    expect(door?.sameDay).toEqual({ detentions: { min: 1, max: 2 }, recognitions: { min: 0, max: 0 } });
    expect(door?.windows).toEqual([
      {
        days: 30,
        before: { detentions: { min: 1, max: 2 }, recognitions: { min: 1, max: 1 } },
        after: { detentions: { min: 1, max: 2 }, recognitions: { min: 0, max: 0 } },
      },
      {
        days: 90,
        before: { detentions: { min: 2, max: 3 }, recognitions: { min: 1, max: 1 } },
        after: { detentions: { min: 1, max: 2 }, recognitions: { min: 1, max: 1 } },
      },
    ]);
  });

  it('handles a batch known only to the month', () => {
    const [door] = aroundBatches([batch({ id: 'b', releasedOn: '2021-06' })], episodes, [], [30]);
    // Certain window before: 31 May only (none). Possible: 2 May … 29 June (all five June/May dates).
    expect(door?.windows[0]?.before.detentions).toEqual({ min: 0, max: 5 });
    expect(door?.sameDay.detentions).toEqual({ min: 0, max: 4 });
  });

  it('orders batches by date', () => {
    const doors = aroundBatches(
      [batch({ id: 'late', releasedOn: '2024-09-11' }), batch({ id: 'early', releasedOn: '2024-06' })],
      [],
      [],
    );
    expect(doors.map((door) => door.batchId)).toEqual(['early', 'late']);
  });
});

describe('releaseRoute', () => {
  it('classes releases by route out', () => {
    expect(releaseRoute(episode({ detainedOn: '2020', releasedOn: '2021', releaseMode: 'negotiated' }))).toBe(
      'deal',
    );
    expect(
      releaseRoute(episode({ detainedOn: '2020', releasedOn: '2021', releaseMode: 'pardon', batchId: 'b' })),
    ).toBe('deal');
    expect(releaseRoute(episode({ detainedOn: '2020', releasedOn: '2021', releaseMode: 'pardon' }))).toBe(
      'other',
    );
    expect(
      releaseRoute(episode({ detainedOn: '2020', releasedOn: '2021', releaseMode: 'deportation' })),
    ).toBe('other');
    expect(
      releaseRoute(episode({ detainedOn: '2020', releasedOn: '2021', releaseMode: 'sentence_served' })),
    ).toBe('sentence_served');
    expect(
      releaseRoute(episode({ detainedOn: '2020', releasedOn: '2021', releaseMode: 'death_in_custody' })),
    ).toBe('death_in_custody');
    expect(releaseRoute(episode({ detainedOn: '2020', releasedOn: '2021', releaseMode: null }))).toBe(
      'unknown',
    );
    expect(releaseRoute(episode({ detainedOn: '2020' }))).toBeNull();
  });
});

describe('cumulativeReleasesByRoute', () => {
  const episodes = [
    episode({ detainedOn: '2020', releasedOn: '2021-02-10', releaseMode: 'negotiated' }),
    episode({ detainedOn: '2020', releasedOn: '2021-03-05', releaseMode: 'pardon', batchId: 'b' }),
    episode({ detainedOn: '2020', releasedOn: '2021-02-20', releaseMode: 'sentence_served' }),
    episode({ detainedOn: '2020', releasedOn: '2021-03', releaseMode: 'death_in_custody' }),
    episode({ detainedOn: '2020', releasedOn: '2021', releaseMode: 'pardon' }),
    episode({ detainedOn: '2020', releasedOn: '2021-01-05', releaseMode: null }),
    episode({ detainedOn: '2020', releasedOn: '2020-12-31', releaseMode: 'negotiated' }),
  ];

  it('accumulates from the window start, certain and possible', () => {
    const rows = cumulativeReleasesByRoute(episodes, '2021-01-01', '2021-03-31', 'month');
    expect(rows.map((row) => [row.period.key, row.cumulative])).toEqual([
      [
        '2021-01',
        {
          deal: { min: 0, max: 0 },
          sentence_served: { min: 0, max: 0 },
          death_in_custody: { min: 0, max: 0 },
          other: { min: 0, max: 1 },
          unknown: { min: 1, max: 1 },
        },
      ],
      [
        '2021-02',
        {
          deal: { min: 1, max: 1 },
          sentence_served: { min: 1, max: 1 },
          death_in_custody: { min: 0, max: 0 },
          other: { min: 0, max: 1 },
          unknown: { min: 1, max: 1 },
        },
      ],
      [
        '2021-03',
        {
          deal: { min: 2, max: 2 },
          sentence_served: { min: 1, max: 1 },
          death_in_custody: { min: 1, max: 1 },
          other: { min: 0, max: 1 },
          unknown: { min: 1, max: 1 },
        },
      ],
    ]);
  });

  it('a release dated "2021" becomes certain once the whole year is in', () => {
    const rows = cumulativeReleasesByRoute(episodes, '2021-01-01', '2021-12-31', 'year');
    expect(rows[0]?.cumulative.other).toEqual({ min: 1, max: 1 });
  });

  it('counts releases per route per period with the flows rule', () => {
    const allocation = releasesByRoute(episodes, '2021-01-01', '2021-03-31', 'month');
    expect(allocation.periods[2]?.counts.deal).toEqual({ min: 1, max: 1 });
    expect(allocation.unallocated.map((bucket) => bucket.date)).toEqual(['2021']);
  });
});
