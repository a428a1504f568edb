import { describe, expect, it } from 'vitest';
import {
  DAYS_PER_MONTH,
  episodeSurvival,
  kaplanMeier,
  medianSurvival,
  medianTimeInCustody,
  restrictedMean,
  stillHeldAfterDays,
  stillHeldAfterMonths,
  survivalAt,
  survivalQuantile,
} from './survival.js';
import { episode } from './testing.js';

describe('kaplanMeier', () => {
  // Exits at 3, 5, 8, 12; censored at 5 and 10.
  const curve = kaplanMeier([
    { days: 12, exited: true },
    { days: 3, exited: true },
    { days: 5, exited: false },
    { days: 5, exited: true },
    { days: 8, exited: true },
    { days: 10, exited: false },
  ]);

  it('steps by hand: 5/6, then 5/6·4/5, then ·2/3, then 0', () => {
    expect(curve.steps.map((step) => [step.day, step.atRisk, step.exits, step.censored])).toEqual([
      [3, 6, 1, 0],
      [5, 5, 1, 1],
      [8, 3, 1, 0],
      [10, 2, 0, 1],
      [12, 1, 1, 0],
    ]);
    const expected = [5 / 6, 2 / 3, 4 / 9, 4 / 9, 0];
    curve.steps.forEach((step, i) => expect(step.survival).toBeCloseTo(expected[i] as number, 12));
    expect(curve).toMatchObject({ observations: 6, exits: 4, censored: 2 });
  });

  it('reads S(t) as right-continuous', () => {
    expect(survivalAt(curve, 0)).toBe(1);
    expect(survivalAt(curve, 2.9)).toBe(1);
    expect(survivalAt(curve, 3)).toBeCloseTo(5 / 6, 12);
    expect(survivalAt(curve, 7)).toBeCloseTo(2 / 3, 12);
    expect(survivalAt(curve, 8)).toBeCloseTo(4 / 9, 12);
    expect(survivalAt(curve, 11)).toBeCloseTo(4 / 9, 12);
    expect(survivalAt(curve, 100)).toBe(0);
  });

  it('median is the first day S ≤ 0.5; other quantiles alike', () => {
    expect(medianSurvival(curve)).toBe(8);
    expect(survivalQuantile(curve, 0.1)).toBe(3);
    expect(survivalQuantile(curve, 0.3)).toBe(5);
    expect(survivalQuantile(curve, 0.9)).toBe(12);
    expect(() => survivalQuantile(curve, 1)).toThrow(RangeError);
  });

  it('median exactly at S = 0.5 is that day', () => {
    const even = kaplanMeier([1, 2, 3, 4].map((days) => ({ days, exited: true })));
    expect(survivalAt(even, 2)).toBe(0.5);
    expect(medianSurvival(even)).toBe(2);
  });

  it('restricted mean is the area under the curve (76/9 here)', () => {
    expect(restrictedMean(curve)).toBeCloseTo(76 / 9, 12);
    expect(restrictedMean(curve, 4)).toBeCloseTo(3 + 5 / 6, 12);
    // Without censoring it is the plain mean.
    expect(restrictedMean(kaplanMeier([2, 4, 6].map((days) => ({ days, exited: true }))))).toBeCloseTo(4, 12);
  });

  it('has no median when more than half are still held', () => {
    const censored = kaplanMeier([
      { days: 10, exited: true },
      { days: 20, exited: false },
      { days: 30, exited: false },
    ]);
    expect(survivalAt(censored, 25)).toBeCloseTo(2 / 3, 12);
    expect(medianSurvival(censored)).toBeNull();
    expect(kaplanMeier([]).steps).toEqual([]);
  });

  it('refuses negative times', () => {
    expect(() => kaplanMeier([{ days: -1, exited: true }])).toThrow(RangeError);
  });
});

describe('episodeSurvival', () => {
  const today = '2022-01-01';
  const episodes = [
    episode({ detainedOn: '2021-01-01', releasedOn: '2021-01-31' }), // 30 days
    episode({ detainedOn: '2021-01-01', releasedOn: '2021-03-02' }), // 60 days
    episode({ detainedOn: '2021-12-02' }), // ongoing: 30 days so far, censored
    episode({ detainedOn: '2021-01-01', releasedOn: '2021-04-11', releaseMode: 'death_in_custody' }), // 100 days
    episode({ detainedOn: '2021-10' }), // ongoing: 62–92 days so far
  ];

  it('censors the still held, and counts death in custody as an exit by default', () => {
    const survival = episodeSurvival(episodes, today);
    expect(survival).toMatchObject({ episodes: 5, exits: 3, censored: 2, deathInCustody: 'exit' });
    // Shortest reading: exits 30, 60, 100; censored 30, 62.
    // S(30) = 1 − 1/5 = 0.8; S(60) = 0.8·(1 − 1/3) = 8/15; S(100) = 0 (1 at risk).
    const shortest = survival.curves.shortest;
    expect(survivalAt(shortest, 30)).toBeCloseTo(0.8, 12);
    expect(survivalAt(shortest, 60)).toBeCloseTo(8 / 15, 12);
    expect(survivalAt(shortest, 100)).toBe(0);
    expect(medianTimeInCustody(survival)).toEqual({ shortest: 100, midpoint: 100, longest: 100 });
  });

  it('can censor deaths instead', () => {
    const survival = episodeSurvival(episodes, today, { deathInCustody: 'censor' });
    expect(survival).toMatchObject({ exits: 2, censored: 3 });
    expect(medianTimeInCustody(survival).shortest).toBeNull();
  });

  it('answers "still held after N days / months" under each reading', () => {
    const survival = episodeSurvival(episodes, today);
    const after = stillHeldAfterDays(survival, 61);
    expect(after.shortest).toBeCloseTo(8 / 15, 12);
    expect(after.range.min).toBeLessThanOrEqual(after.range.max);
    const twoMonths = stillHeldAfterMonths(survival, 2);
    expect(twoMonths.days).toBeCloseTo(2 * DAYS_PER_MONTH, 12);
    expect(twoMonths.months).toBe(2);
    expect(twoMonths.shortest).toBeCloseTo(8 / 15, 12);
  });

  it('the reading band widens with partial dates', () => {
    const survival = episodeSurvival(
      [
        episode({ detainedOn: '2021', releasedOn: '2021-12-31' }),
        episode({ detainedOn: '2021-06-01', releasedOn: '2021-07-01' }),
      ],
      today,
    );
    // Durations: 0–364 days and 30 days.
    expect(medianTimeInCustody(survival)).toEqual({ shortest: 0, midpoint: 30, longest: 30 });
    expect(stillHeldAfterDays(survival, 100).range).toEqual({ min: 0, max: 0.5 });
  });
});
