import { describe, expect, it } from 'vitest';
import { conditionalityScorecard } from './scorecard.js';
import { batch, episode } from './testing.js';

const criterion = (card: ReturnType<typeof conditionalityScorecard>, id: string) =>
  card.criteria.find((c) => c.id === id);

describe('conditionalityScorecard', () => {
  it('not met: people still held, new detentions, and the freed sent abroad', () => {
    const card = conditionalityScorecard(
      {
        episodes: [
          episode({ detainedOn: '2020-01-01' }),
          episode({ detainedOn: '2020-01-01' }),
          episode({ detainedOn: '2024-02-10' }),
          episode({ detainedOn: '2023-12-05' }),
          episode({ detainedOn: '2023-11-20' }),
          episode({
            detainedOn: '2020-01-01',
            releasedOn: '2024-02-01',
            batchId: 'b',
            releaseMode: 'pardon',
          }),
          episode({
            detainedOn: '2020-01-01',
            releasedOn: '2024-02-01',
            batchId: 'b',
            releaseMode: 'pardon',
            forcedExile: false,
          }),
        ],
        batches: [batch({ id: 'b', releasedOn: '2024-02-01', forcedExile: true })],
      },
      '2024-01-01',
      '2024-03-31',
    );
    expect(criterion(card, 'all_released')).toMatchObject({
      verdict: 'not_met',
      figures: { stockAtStart: { min: 6, max: 6 }, stockAtEnd: { min: 5, max: 5 }, trend: 'falling' },
    });
    expect(criterion(card, 'all_released')?.explanation).toBe(
      '5 still held on 2024-03-31 (6 on 2024-01-01).',
    );
    expect(criterion(card, 'no_new_detentions')).toMatchObject({
      verdict: 'not_met',
      figures: {
        detentions: { min: 1, max: 1 },
        previousPeriodDetentions: { min: 2, max: 2 },
        trend: 'falling',
      },
    });
    expect(criterion(card, 'freed_allowed_to_stay')).toMatchObject({
      verdict: 'not_met',
      figures: { releases: 2, forcedExile: { yes: 1, no: 1, unknown: 0 } },
    });
  });

  it('met: nobody held, no detentions, everybody freed stayed', () => {
    const card = conditionalityScorecard(
      {
        episodes: [
          episode({
            detainedOn: '2020-01-01',
            releasedOn: '2024-01-15',
            releaseMode: 'pardon',
            forcedExile: false,
          }),
          episode({
            detainedOn: '2020-01-01',
            releasedOn: '2024-02-15',
            releaseMode: 'amnesty',
            forcedExile: false,
          }),
          episode({ detainedOn: '2020-01-01', releasedOn: '2024-02-16', releaseMode: 'death_in_custody' }),
        ],
      },
      '2024-01-01',
      '2024-03-31',
    );
    expect(card.criteria.map((c) => c.verdict)).toEqual(['met', 'met', 'met']);
    expect(criterion(card, 'freed_allowed_to_stay')?.figures.releases).toBe(2);
    expect(criterion(card, 'all_released')?.figures.trend).toBe('falling');
  });

  it('unknown when partial dates or missing facts leave it open', () => {
    const card = conditionalityScorecard(
      {
        episodes: [
          episode({ detainedOn: '2020-01-01', releasedOn: '2024-03' }), // out by 31 March under every reading
          episode({ detainedOn: '2024' }), // may or may not fall in the period, may be held
          episode({ detainedOn: '2020-01-01', releasedOn: '2024-02-01', releaseMode: 'pardon' }), // exile unknown
        ],
      },
      '2024-01-01',
      '2024-03-31',
    );
    expect(criterion(card, 'all_released')).toMatchObject({
      verdict: 'unknown',
      figures: { stockAtEnd: { min: 0, max: 1 } },
    });
    expect(criterion(card, 'no_new_detentions')).toMatchObject({
      verdict: 'unknown',
      figures: { detentions: { min: 0, max: 1 } },
    });
    expect(criterion(card, 'freed_allowed_to_stay')).toMatchObject({
      verdict: 'unknown',
      figures: { releases: 2, releasesPossiblyInPeriod: 0 },
    });
  });

  it('unknown without records and without releases to test', () => {
    const card = conditionalityScorecard({ episodes: [] }, '2024-01-01', '2024-03-31');
    expect(card.criteria.map((c) => c.verdict)).toEqual(['unknown', 'met', 'unknown']);
    expect(criterion(card, 'freed_allowed_to_stay')?.explanation).toMatch(/could not be tested/);
  });

  it('counts releases that only may fall in the period apart', () => {
    const card = conditionalityScorecard(
      {
        episodes: [
          episode({ detainedOn: '2020-01-01', releasedOn: '2024', releaseMode: 'pardon', forcedExile: true }),
        ],
      },
      '2024-01-01',
      '2024-03-31',
    );
    expect(criterion(card, 'freed_allowed_to_stay')).toMatchObject({
      verdict: 'unknown',
      figures: { releases: 0, releasesPossiblyInPeriod: 1 },
    });
  });

  it('refuses a reversed period', () => {
    expect(() => conditionalityScorecard({ episodes: [] }, '2024-03-31', '2024-01-01')).toThrow(RangeError);
  });
});
