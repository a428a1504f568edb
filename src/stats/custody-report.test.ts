import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../lib/partial-date.js';
import { custodyReport, REARREST_WITHIN_DAYS, STILL_HELD_MONTHS } from './custody-report.js';
import { DURATION_BUCKETS, durationsByArrestYear, durationsByArticle } from './duration.js';
import { episode } from './testing.js';

const TODAY = '2024-01-01';

describe('time in custody by article and by year of arrest', () => {
  const episodes = [
    episode({ personId: 'a', detainedOn: '2020-01-01', releasedOn: '2020-01-21', articles: ['BY-CC 342'] }), // 20
    episode({
      personId: 'b',
      detainedOn: '2020-06-01',
      releasedOn: '2021-06-01',
      articles: ['BY-CC 342', 'BY-CC 361-1'],
    }), // 365
    episode({ personId: 'c', detainedOn: '2021-03-01', releasedOn: '2021-05-30', articles: ['BY-CC 361-1'] }), // 90
    episode({ personId: 'd', detainedOn: '2021', articles: ['BY-CC 342'] }), // ongoing, 730–1095 so far
    episode({ personId: 'e', detainedOn: '2022-02', releasedOn: '2022-03-15' }), // 15–42, no article
  ];

  it('gives each article its median and its distribution; an episode counts under each of its articles', () => {
    const groups = durationsByArticle(episodes, TODAY);
    expect(groups.map((group) => group.key)).toEqual(['(none)', 'BY-CC 342', 'BY-CC 361-1']);
    const art342 = groups[1]!;
    expect(art342.summary).toMatchObject({ episodes: 3, completed: 2, ongoing: 1 });
    expect(art342.summary.completedDays.p50).toEqual({ min: 192.5, max: 192.5 });
    const bucket = (label: string) => art342.histogram.find((row) => row.bucket.label === label)!;
    expect(bucket('under 1 month').completed).toEqual({ min: 1, max: 1 });
    expect(bucket('6–12 months').completed).toEqual({ min: 0, max: 0 });
    expect(bucket('1–2 years').completed).toEqual({ min: 1, max: 1 });
    expect(bucket('2–3 years').ongoingSoFar).toEqual({ min: 1, max: 1 });
    const art361 = groups[2]!;
    expect(art361.summary.completedDays.p50).toEqual({ min: 227.5, max: 227.5 });
    // A partial date spreads over buckets: 15–42 days is certainly in none, possibly in two.
    const none = groups[0]!;
    expect(none.histogram.find((row) => row.bucket.label === 'under 1 month')!.completed).toEqual({
      min: 0,
      max: 1,
    });
    expect(none.histogram.find((row) => row.bucket.label === '1–3 months')!.completed).toEqual({
      min: 0,
      max: 1,
    });
  });

  it('gives each year of arrest its median and distribution, partial years included', () => {
    const groups = durationsByArrestYear(episodes, TODAY);
    expect(groups.map((group) => [group.key, group.summary.episodes])).toEqual([
      ['2020', 2],
      ['2021', 2],
      ['2022', 1],
    ]);
    expect(groups[0]!.summary.completedDays.p50).toEqual({ min: 192.5, max: 192.5 });
    expect(groups[1]!.summary.kaplanMeierMedianDays.shortest).toBe(90);
    expect(groups[2]!.summary.completedDays.p50).toEqual({ min: 15, max: 42 });
  });

  it('every group histogram accounts for each of its episodes exactly once when dates are exact', () => {
    const exact = fc.record({
      start: fc.integer({ min: 0, max: 2500 }),
      length: fc.option(fc.integer({ min: 0, max: 2500 }), { nil: null }),
      articles: fc.subarray(['BY-CC 342', 'BY-CC 361', 'BY-CC 130']),
    });
    fc.assert(
      fc.property(fc.array(exact, { maxLength: 40 }), (entries) => {
        const facts = entries.map((entry) =>
          episode({
            detainedOn: addDays('2017-01-01', entry.start),
            releasedOn:
              entry.length === null || entry.start + entry.length > 2555
                ? null
                : addDays('2017-01-01', entry.start + entry.length),
            articles: entry.articles,
          }),
        );
        for (const group of [...durationsByArticle(facts, TODAY), ...durationsByArrestYear(facts, TODAY)]) {
          const completed = group.histogram.reduce((sum, row) => sum + row.completed.min, 0);
          const ongoing = group.histogram.reduce((sum, row) => sum + row.ongoingSoFar.min, 0);
          expect(group.histogram.every((row) => row.completed.min === row.completed.max)).toBe(true);
          expect([completed, ongoing]).toEqual([group.summary.completed, group.summary.ongoing]);
          expect(group.histogram).toHaveLength(DURATION_BUCKETS.length);
        }
        const byYear = durationsByArrestYear(facts, TODAY).reduce(
          (sum, group) => sum + group.summary.episodes,
          0,
        );
        expect(byYear).toBe(facts.length);
      }),
      { numRuns: 150 },
    );
  });
});

describe('custodyReport', () => {
  it('adds still held after N months and re-arrests, as counts that name no one', () => {
    const report = custodyReport(
      [
        episode({ personId: 'p1', detainedOn: '2020-01-01', releasedOn: '2020-03-01' }), // 60 days
        episode({ personId: 'p1', detainedOn: '2020-03-21' }), // re-arrested 20 days later, still held
        episode({ personId: 'p2', detainedOn: '2021-01-01', releasedOn: '2021-12-27' }), // 360 days
        episode({ personId: 'p2', detainedOn: '2022-06-01', releasedOn: '2022-06-11' }), // re-arrest after 156 days
        episode({ personId: 'p3', detainedOn: '2019-01-01', releasedOn: '2019-01-02' }),
      ],
      TODAY,
    );
    expect(report.stillHeld.map((row) => row.months)).toEqual(STILL_HELD_MONTHS);
    // Exits at 1, 10, 60 and 360 days of 5: after 3 months (91.3 days) 2 of 5 remain.
    expect(report.stillHeld[0]?.months).toBe(3);
    expect(report.stillHeld[0]?.midpoint).toBeCloseTo(0.4, 12);
    expect(report.stillHeld[0]?.range.max).toBeCloseTo(0.4, 12);
    // After a year only the ongoing one remains: 0.4 × (1 − 1/2) = 0.2.
    expect(report.stillHeld[2]?.midpoint).toBeCloseTo(0.2, 12);
    expect(report.rearrests).toMatchObject({
      personsWithMultipleEpisodes: 2,
      personsRearrested: 2,
      rearrests: 2,
      overlaps: 0,
      medianGapDays: { min: 88, max: 88 },
      inconsistentRecords: 0,
    });
    expect(report.rearrests.within).toEqual(
      REARREST_WITHIN_DAYS.map((days) => ({
        days,
        rearrests: days === 365 ? { min: 2, max: 2 } : { min: 1, max: 1 },
      })),
    );
    expect(JSON.stringify(report)).not.toMatch(/"p[123]"/);
    expect(report.histogram.reduce((sum, row) => sum + row.completed.min, 0)).toBe(4);
  });

  it('counts a record that cannot be right without naming it', () => {
    const report = custodyReport(
      [
        episode({
          personId: 'x',
          detainedOn: '2020-01-01',
          releasedOn: '2020-02-01',
          releaseMode: 'death_in_custody',
        }),
        episode({ personId: 'x', detainedOn: '2021-01-01' }),
      ],
      TODAY,
    );
    expect(report.rearrests.inconsistentRecords).toBe(1);
    expect(JSON.stringify(report)).not.toContain('"x"');
  });
});
