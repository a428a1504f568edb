import { describe, expect, it } from 'vitest';
import { concessionTimeline, dealLedger, exiledOnRelease, shareOf } from './deals.js';
import { batch, episode } from './testing.js';

describe('shareOf', () => {
  it('counts the unknown as "no" for the lower share and "yes" for the upper', () => {
    expect(shareOf([true, false, null, true])).toEqual({
      yes: 2,
      no: 1,
      unknown: 1,
      share: { min: 0.5, max: 0.75 },
    });
    expect(shareOf([])).toEqual({ yes: 0, no: 0, unknown: 0, share: null });
  });
});

describe('exiledOnRelease', () => {
  it('takes the episode record first, then the batch statement', () => {
    const b = batch({ id: 'b', releasedOn: '2024-06-15', forcedExile: true });
    expect(exiledOnRelease(episode({ detainedOn: '2021', forcedExile: false }), b)).toBe(false);
    expect(exiledOnRelease(episode({ detainedOn: '2021' }), b)).toBe(true);
    expect(exiledOnRelease(episode({ detainedOn: '2021' }), undefined)).toBeNull();
  });
});

describe('dealLedger', () => {
  const batches = [
    batch({ id: 'b2', releasedOn: '2024-09', counterparts: ['US'] }),
    batch({
      id: 'b1',
      releasedOn: '2024-06-15',
      announcedCount: 5,
      forcedExile: true,
      counterparts: ['US', 'LT'],
      concessionKinds: ['sanctions_relief'],
    }),
  ];
  const episodes = [
    episode({
      personId: 'p1',
      detainedOn: '2021',
      releasedOn: '2024-06-15',
      batchId: 'b1',
      destinationCountry: 'lt',
      citizenshipStripped: true,
    }),
    episode({ personId: 'p1', detainedOn: '2020', releasedOn: '2024-06-15', batchId: 'b1' }), // duplicate link
    episode({
      personId: 'p2',
      detainedOn: '2021',
      releasedOn: '2024-06-15',
      batchId: 'b1',
      forcedExile: false,
    }),
    episode({
      personId: 'p3',
      detainedOn: '2022',
      releasedOn: '2024-06-15',
      batchId: 'b1',
      destinationCountry: 'LT',
      citizenshipStripped: false,
    }),
    episode({ id: 'orphan', personId: 'p4', detainedOn: '2022', releasedOn: '2024-06-15', batchId: 'zz' }),
    episode({ personId: 'p5', detainedOn: '2022', releasedOn: '2024-06-15', releaseMode: 'pardon' }),
  ];
  const ledger = dealLedger(batches, episodes);

  it('orders batches by date and counts identified persons once', () => {
    expect(ledger.batches.map((summary) => summary.batchId)).toEqual(['b1', 'b2']);
    expect(ledger.batches[0]).toMatchObject({ announced: 5, identified: 3, notYetIdentified: 2 });
  });

  it('shares of exile (batch statement filling gaps) and of citizenship stripped', () => {
    const [b1] = ledger.batches;
    expect(b1?.forcedExile).toEqual({ yes: 2, no: 1, unknown: 0, share: { min: 2 / 3, max: 2 / 3 } });
    expect(b1?.citizenshipStripped).toEqual({ yes: 1, no: 1, unknown: 1, share: { min: 1 / 3, max: 2 / 3 } });
    expect(b1?.destinations).toEqual([
      { country: 'LT', persons: 2 },
      { country: 'unknown', persons: 1 },
    ]);
    expect(b1?.counterparts).toEqual(['US', 'LT']);
  });

  it('keeps a batch without identified people and an unknown announcement', () => {
    expect(ledger.batches[1]).toMatchObject({
      identified: 0,
      announced: null,
      notYetIdentified: null,
      forcedExile: { share: null },
      destinations: [],
    });
  });

  it('reports episodes that name a batch that does not exist', () => {
    expect(ledger.episodesWithUnknownBatch).toEqual(['orphan']);
  });
});

describe('concessionTimeline', () => {
  const batches = [
    batch({
      id: 'b1',
      releasedOn: '2024-06-15',
      announcedCount: 18,
      counterparts: ['US', 'LT'],
      concessionKinds: ['sanctions_relief'],
    }),
    batch({
      id: 'b2',
      releasedOn: '2024-09',
      announcedCount: 37,
      counterparts: ['US'],
      concessionKinds: ['sanctions_relief', 'call_or_visit'],
    }),
    batch({ id: 'b3', releasedOn: '2024', counterparts: ['__proto__'], concessionKinds: ['money'] }),
    batch({ id: 'b0', releasedOn: '2023-01-10', counterparts: ['VA'], concessionKinds: ['other'] }),
  ];

  it('counts batches by counterpart and concession kind per period', () => {
    const timeline = concessionTimeline(batches, '2024-01-01', '2024-12-31', 'month');
    const june = timeline.periods.find((row) => row.period.key === '2024-06');
    expect(june).toMatchObject({
      batches: 1,
      announcedFreed: 18,
      byCounterpart: { LT: 1, US: 1 },
      byConcessionKind: { sanctions_relief: 1 },
    });
    expect(timeline.periods.find((row) => row.period.key === '2024-09')).toMatchObject({
      batches: 1,
      byConcessionKind: { call_or_visit: 1, sanctions_relief: 1 },
    });
    expect(timeline.periods.reduce((sum, row) => sum + row.batches, 0)).toBe(2);
  });

  it('leaves a batch dated only by year unallocated by month', () => {
    const timeline = concessionTimeline(batches, '2024-01-01', '2024-12-31', 'month');
    expect(timeline.unallocated).toEqual([
      { date: '2024', batchIds: ['b3'], periodKeys: expect.any(Array) as unknown },
    ]);
    expect(timeline.unallocated[0]?.periodKeys).toHaveLength(12);
    const byYear = concessionTimeline(batches, '2024-01-01', '2024-12-31', 'year');
    expect(byYear.periods[0]).toMatchObject({ batches: 3, byCounterpart: { US: 2, LT: 1 } });
    expect(Object.keys(byYear.periods[0]?.byCounterpart ?? {})).toContain('__proto__');
  });

  it('cross-tabulates counterpart and concession kind within the window', () => {
    const { matrix } = concessionTimeline(batches, '2024-01-01', '2024-12-31', 'month');
    expect(matrix).toHaveLength(4);
    expect(matrix).toEqual(
      expect.arrayContaining([
        { counterpart: 'US', concessionKind: 'sanctions_relief', batches: 2 },
        { counterpart: 'US', concessionKind: 'call_or_visit', batches: 1 },
        { counterpart: 'LT', concessionKind: 'sanctions_relief', batches: 1 },
        { counterpart: '__proto__', concessionKind: 'money', batches: 1 },
      ]),
    );
  });
});
