import { describe, expect, it } from 'vitest';
import { addDays } from './calendar.js';
import type { EpisodeFact } from './facts.js';
import { observedRates, projectStock } from './projection.js';
import { episode } from './testing.js';

// Window 2023-01-01 … 2023-04-10: 100 days.
function windowEpisodes(): EpisodeFact[] {
  const episodes: EpisodeFact[] = [];
  for (let i = 0; i < 10; i += 1) episodes.push(episode({ detainedOn: '2020-01-01' }));
  for (let i = 0; i < 20; i += 1) {
    const detainedOn = addDays('2023-01-01', i * 5);
    if (i < 5) {
      episodes.push(episode({ detainedOn, releasedOn: '2023-03-01', releaseMode: 'pardon', batchId: 'b' }));
    } else if (i < 15) {
      episodes.push(
        episode({ detainedOn, releasedOn: addDays(detainedOn, 2), releaseMode: 'sentence_served' }),
      );
    } else {
      episodes.push(episode({ detainedOn }));
    }
  }
  return episodes;
}

describe('observedRates', () => {
  it('measures inflow, batch releases and other exits per day', () => {
    expect(observedRates(windowEpisodes(), '2023-01-01', '2023-04-10')).toEqual({
      window: { first: '2023-01-01', last: '2023-04-10' },
      days: 100,
      inflowPerDay: { min: 0.2, max: 0.2 },
      batchReleasesPerDay: { min: 0.05, max: 0.05 },
      otherExitsPerDay: { min: 0.1, max: 0.1 },
    });
  });
  it('gives ranges for partial dates and counts negotiated releases as batch releases', () => {
    const rates = observedRates(
      [
        episode({ detainedOn: '2023-01' }),
        episode({ detainedOn: '2022-12' }),
        episode({ detainedOn: '2020', releasedOn: '2023-01-05', releaseMode: 'negotiated' }),
        episode({ detainedOn: '2020', releasedOn: '2023-01-05', releaseMode: 'death_in_custody' }),
      ],
      '2023-01-01',
      '2023-01-10',
    );
    expect(rates.inflowPerDay).toEqual({ min: 0, max: 0.1 });
    expect(rates.batchReleasesPerDay).toEqual({ min: 0.1, max: 0.1 });
    expect(rates.otherExitsPerDay).toEqual({ min: 0.1, max: 0.1 });
  });
  it('refuses an empty window', () => {
    expect(() => observedRates([], '2023-01-02', '2023-01-01')).toThrow(RangeError);
  });
});

describe('projectStock', () => {
  const projection = projectStock(windowEpisodes(), '2023-01-01', '2023-04-10');

  it('is labelled a projection, with its starting point and assumptions', () => {
    expect(projection.kind).toBe('projection');
    expect(projection.asOf).toBe('2023-04-10');
    expect(projection.startingStock).toEqual({ min: 15, max: 15 });
    expect(projection.scenarios.map((scenario) => scenario.id)).toEqual([
      'no_batches',
      'batches_at_observed_rate',
    ]);
    for (const scenario of projection.scenarios) {
      expect(scenario.label).toMatch(/^Projection/);
      expect(scenario.assumptions.length).toBeGreaterThanOrEqual(3);
    }
    expect(projection.caveats.join(' ')).toMatch(/not a forecast/);
  });

  it('projects +6 and +12 months by hand: 15 + days × net rate, rounded outward', () => {
    const [noBatches, withBatches] = projection.scenarios;
    // +6 months = 2023-10-10, 183 days; +12 months = 2024-04-10, 366 days (29 Feb 2024).
    expect(noBatches?.points).toEqual([
      { months: 6, day: '2023-10-10', stock: { min: 33, max: 34 }, clampedAtZero: false }, // 15 + 18.3
      { months: 12, day: '2024-04-10', stock: { min: 51, max: 52 }, clampedAtZero: false }, // 15 + 36.6
    ]);
    expect(withBatches?.points).toEqual([
      { months: 6, day: '2023-10-10', stock: { min: 24, max: 25 }, clampedAtZero: false }, // 15 + 9.15
      { months: 12, day: '2024-04-10', stock: { min: 33, max: 34 }, clampedAtZero: false }, // 15 + 18.3
    ]);
  });

  it('clamps at zero and says so', () => {
    const episodes = [
      episode({ detainedOn: '2020-01-01' }),
      ...Array.from({ length: 10 }, () =>
        episode({ detainedOn: '2020-01-01', releasedOn: '2023-01-05', releaseMode: 'sentence_served' }),
      ),
    ];
    const [noBatches] = projectStock(episodes, '2023-01-01', '2023-01-10', [6]).scenarios;
    expect(noBatches?.points[0]).toMatchObject({ stock: { min: 0, max: 0 }, clampedAtZero: true });
  });
});

describe("Little's law", () => {
  it('agrees in a steady state: one arrival a day, ten days each → L = 10', () => {
    const episodes: EpisodeFact[] = [];
    for (let day = '2023-01-01'; day <= '2023-12-31'; day = addDays(day, 1)) {
      episodes.push(
        episode({ detainedOn: day, releasedOn: addDays(day, 10), releaseMode: 'sentence_served' }),
      );
    }
    const check = projectStock(episodes, '2023-06-01', '2023-06-30').littlesLaw;
    expect(check.arrivalsPerDay).toEqual({ min: 1, max: 1 });
    expect(check.meanDaysInCustody).toEqual({ min: 10, max: 10 });
    expect(check.completedMeanDays).toEqual({ min: 10, max: 10 });
    expect(check.observedStock).toEqual({ min: 10, max: 10 });
    expect(check.impliedStock).toEqual({ min: 10, max: 10 });
    expect(check.ratio).toBe(1);
    expect(check.reading).toMatch(/steady state/);
  });

  it('says when the stock is larger than the recent inflow implies', () => {
    // Most stays were one day long (a wave of short detentions in 2019), so W is short; yet 50 people
    // arrested in 2015 are still inside, and only one person arrived in the window.
    const episodes = [
      ...Array.from({ length: 1000 }, () => episode({ detainedOn: '2019-03-01', releasedOn: '2019-03-02' })),
      ...Array.from({ length: 50 }, () => episode({ detainedOn: '2015-01-01' })),
      episode({ detainedOn: '2023-06-10', releasedOn: '2023-06-20' }),
    ];
    const check = projectStock(episodes, '2023-06-01', '2023-06-30').littlesLaw;
    expect(check.observedStock.min).toBeCloseTo(50 + 10 / 30, 9);
    expect(check.ratio).toBeGreaterThan(1.25);
    expect(check.reading).toMatch(/earlier, larger inflow/);
  });

  it('says when the stock is smaller than the inflow and the stay imply', () => {
    // Long stays (50 people inside since 2015) but a burst of arrivals in the window that has not built up yet.
    const episodes = [
      ...Array.from({ length: 50 }, () => episode({ detainedOn: '2015-01-01' })),
      episode({ detainedOn: '2023-06-10', releasedOn: '2023-06-20' }),
    ];
    const check = projectStock(episodes, '2023-06-01', '2023-06-30').littlesLaw;
    expect(check.ratio).toBeLessThan(0.8);
    expect(check.reading).toMatch(/inflow has risen recently/);
  });

  it('cannot be checked without arrivals', () => {
    const check = projectStock(
      [episode({ detainedOn: '2015-01-01' })],
      '2023-06-01',
      '2023-06-30',
    ).littlesLaw;
    expect(check.ratio).toBeNull();
  });
});
