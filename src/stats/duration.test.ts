import { describe, expect, it } from 'vitest';
import {
  DURATION_BUCKETS,
  durationHistogram,
  durationsByArrestYear,
  durationsByArticle,
  episodeDurations,
  summariseDurations,
} from './duration.js';
import { episode } from './testing.js';

describe('episodeDurations', () => {
  it('measures completed and ongoing episodes, leap years included', () => {
    const durations = episodeDurations(
      [
        episode({ id: 'a', detainedOn: '2021-01-01', releasedOn: '2021-01-31' }),
        episode({ id: 'b', detainedOn: '2021-01-01' }),
        episode({ id: 'c', detainedOn: '2024-01-01', releasedOn: '2024-03-01' }),
      ],
      '2021-03-01',
    );
    expect(durations.map((d) => [d.episodeId, d.ongoing, d.days])).toEqual([
      ['a', false, { min: 30, max: 30 }],
      ['b', true, { min: 59, max: 59 }],
    ]);
    expect(
      episodeDurations([episode({ detainedOn: '2024-01-01', releasedOn: '2024-03-01' })], '2025-01-01')[0]
        ?.days,
    ).toEqual({
      min: 60,
      max: 60,
    });
  });

  it('gives ranges for partial dates', () => {
    const [duration] = episodeDurations(
      [episode({ detainedOn: '2021-01', releasedOn: '2021-03-15' })],
      '2022-01-01',
    );
    expect(duration?.days).toEqual({ min: 43, max: 73 });
  });

  it('treats a release recorded after today as not yet happened, and leaves out future detentions', () => {
    const durations = episodeDurations(
      [
        episode({
          id: 'future-release',
          detainedOn: '2021-01-01',
          releasedOn: '2030-01-01',
          releaseMode: 'sentence_served',
        }),
        episode({ id: 'future-arrest', detainedOn: '2021-06-01' }),
      ],
      '2021-03-01',
    );
    expect(durations).toEqual([
      expect.objectContaining({
        episodeId: 'future-release',
        ongoing: true,
        releaseMode: null,
        days: { min: 59, max: 59 },
      }),
    ]);
  });

  it('refuses a partial today', () => {
    expect(() => episodeDurations([], '2021')).toThrow(RangeError);
  });
});

describe('summariseDurations', () => {
  const today = '2022-01-01';
  const episodes = [
    episode({ detainedOn: '2021-01-01', releasedOn: '2021-01-11' }), // 10
    episode({ detainedOn: '2021-01-01', releasedOn: '2021-01-21' }), // 20
    episode({ detainedOn: '2021-01-01', releasedOn: '2021-01-31' }), // 30
    episode({ detainedOn: '2021-01-01', releasedOn: '2021-02-10' }), // 40
    episode({ detainedOn: '2021-11-02' }), // ongoing, 60 so far
  ];

  it('gives quantiles and mean of completed stays, the ongoing apart, and the Kaplan–Meier median', () => {
    const summary = summariseDurations(episodes, today);
    expect(summary).toMatchObject({ episodes: 5, completed: 4, ongoing: 1 });
    expect(summary.completedDays.p25).toEqual({ min: 17.5, max: 17.5 });
    expect(summary.completedDays.p50).toEqual({ min: 25, max: 25 });
    expect(summary.completedDays.p75).toEqual({ min: 32.5, max: 32.5 });
    expect(summary.completedDays.p90?.min).toBeCloseTo(37, 9);
    expect(summary.completedDays.p90?.max).toBeCloseTo(37, 9);
    expect(summary.completedMeanDays).toEqual({ min: 25, max: 25 });
    expect(summary.ongoingMedianDaysSoFar).toEqual({ min: 60, max: 60 });
    // KM: S(10) = 4/5, S(20) = 3/5, S(30) = 2/5 ≤ 0.5 → median 30 (the naive median of completed is 25).
    expect(summary.kaplanMeierMedianDays).toEqual({ shortest: 30, midpoint: 30, longest: 30 });
  });

  it('is empty but well-formed without episodes', () => {
    const summary = summariseDurations([], today);
    expect(summary.completedDays.p50).toBeNull();
    expect(summary.completedMeanDays).toBeNull();
    expect(summary.kaplanMeierMedianDays.midpoint).toBeNull();
  });
});

describe('durationHistogram', () => {
  it('counts certainly and possibly per bucket, completed and ongoing apart', () => {
    const rows = durationHistogram(
      [
        episode({ detainedOn: '2021-01-01', releasedOn: '2021-01-30' }), // 29: under 1 month
        episode({ detainedOn: '2021-01-01', releasedOn: '2021-01-31' }), // 30: 1–3 months
        episode({ detainedOn: '2021-01', releasedOn: '2021-03-15' }), // 43–73: 1–3 months
        episode({ detainedOn: '2021-01-01', releasedOn: '2021-02' }), // 31–58: 1–3 months
        episode({ detainedOn: '2021-01', releasedOn: '2021-02-10' }), // 10–40: either
        episode({ detainedOn: '2016-01-01' }), // ongoing, over 5 years
      ],
      '2022-01-01',
    );
    const row = (label: string) => rows.find((r) => r.bucket.label === label);
    expect(row('under 1 month')?.completed).toEqual({ min: 1, max: 2 });
    expect(row('1–3 months')?.completed).toEqual({ min: 3, max: 4 });
    expect(row('3–6 months')?.completed).toEqual({ min: 0, max: 0 });
    expect(row('5 years and more')?.ongoingSoFar).toEqual({ min: 1, max: 1 });
    expect(rows).toHaveLength(DURATION_BUCKETS.length);
  });
});

describe('durations grouped', () => {
  const today = '2023-01-01';
  const episodes = [
    episode({ detainedOn: '2021-03-01', releasedOn: '2021-03-11', articles: ['BY-CC 342', 'BY-CC 130'] }),
    episode({ detainedOn: '2021', releasedOn: '2022-01-01', articles: ['BY-CC 342'] }),
    episode({ detainedOn: '2022-06-01', articles: [] }),
  ];

  it('by article: an episode counts under each of its articles; none under "(none)"', () => {
    const groups = durationsByArticle(episodes, today);
    expect(groups.map((group) => [group.key, group.summary.episodes])).toEqual([
      ['(none)', 1],
      ['BY-CC 130', 1],
      ['BY-CC 342', 2],
    ]);
    // Durations 10 and 1–365 days: medians (10 + 1) / 2 and (10 + 365) / 2.
    expect(groups[2]?.summary.completedDays.p50).toEqual({ min: 5.5, max: 187.5 });
  });

  it('by year of arrest: every partial date knows its year', () => {
    const groups = durationsByArrestYear(episodes, today);
    expect(groups.map((group) => [group.key, group.summary.completed, group.summary.ongoing])).toEqual([
      ['2021', 2, 0],
      ['2022', 0, 1],
    ]);
  });
});
