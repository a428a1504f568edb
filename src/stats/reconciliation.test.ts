import { describe, expect, it } from 'vitest';
import type { CountObservationFact, RecognitionFact } from './facts.js';
import { publishedInterval, reconcile, registryCount } from './reconciliation.js';
import { episode } from './testing.js';

const observation = (
  count: number,
  qualifier: CountObservationFact['qualifier'],
  observedOn = '2024-03-01',
  metric: CountObservationFact['metric'] = 'held',
): CountObservationFact => ({ organisation: 'Viasna', metric, observedOn, count, qualifier });

// Ten people certainly held on 2024-03-01, two more possibly (detained "2024-03").
const episodes = [
  ...Array.from({ length: 10 }, () => episode({ detainedOn: '2023-01-01' })),
  episode({ detainedOn: '2024-03' }),
  episode({ detainedOn: '2024-03' }),
  episode({ detainedOn: '2020-01-01', releasedOn: '2024-02-15', releaseMode: 'negotiated' }),
];

describe('publishedInterval', () => {
  it('reads each qualifier', () => {
    expect(publishedInterval(100, 'exact')).toEqual({ low: 100, high: 100 });
    expect(publishedInterval(100, 'approximate')).toEqual({ low: 100, high: 100 });
    expect(publishedInterval(100, 'at_least')).toEqual({ low: 100, high: Infinity });
    expect(publishedInterval(100, 'more_than')).toEqual({ low: 101, high: Infinity });
    expect(publishedInterval(100, 'fewer_than')).toEqual({ low: -Infinity, high: 99 });
    expect(publishedInterval(100, 'almost')).toEqual({ low: -Infinity, high: 100 });
  });
});

describe('reconcile held', () => {
  it('puts the registry range beside each statement, never replacing it', () => {
    const rows = reconcile(
      [
        observation(11, 'exact'),
        observation(13, 'at_least'),
        observation(10, 'fewer_than'),
        observation(10, 'almost'),
        observation(12, 'more_than'),
        observation(20, 'approximate'),
      ],
      episodes,
    );
    expect(
      rows.map((row) => [
        row.observation.count,
        row.observation.qualifier,
        row.registry,
        row.difference,
        row.relation,
      ]),
    ).toEqual([
      [11, 'exact', { min: 10, max: 12 }, { min: -1, max: 1 }, 'consistent'],
      [13, 'at_least', { min: 10, max: 12 }, { min: 1, max: 3 }, 'registry_lower'],
      [10, 'fewer_than', { min: 10, max: 12 }, { min: -2, max: 0 }, 'registry_higher'],
      [10, 'almost', { min: 10, max: 12 }, { min: -2, max: 0 }, 'consistent'],
      [12, 'more_than', { min: 10, max: 12 }, { min: 0, max: 2 }, 'registry_lower'],
      [20, 'approximate', { min: 10, max: 12 }, { min: 8, max: 10 }, 'registry_lower'],
    ]);
    expect(rows[1]?.note).toBe(
      'Viasna: at least 13 (held, 2024-03-01); registry 10–12; published figure minus registry = 1–3; the registry counts fewer than the statement allows (people not yet documented?)',
    );
    expect(rows[0]?.observation).toEqual(observation(11, 'exact'));
  });

  it('an observation dated by month covers every day of it', () => {
    // On 1 March 10–12 held (the two March detentions possible); on 31 March 12 certainly; on 1 Feb 11 (the released one).
    expect(registryCount('held', '2024-03', episodes, [])).toEqual({ min: 10, max: 12 });
    expect(registryCount('held', '2024-02', episodes, [])).toEqual({ min: 10, max: 11 });
  });

  it('orders rows by date, metric and organisation', () => {
    const rows = reconcile(
      [
        { ...observation(1, 'exact', '2024-03-02'), organisation: 'B' },
        { ...observation(1, 'exact', '2024-03-02'), organisation: 'A' },
        observation(1, 'exact', '2024-03-01'),
      ],
      [],
    );
    expect(rows.map((row) => [row.observation.observedOn, row.observation.organisation])).toEqual([
      ['2024-03-01', 'Viasna'],
      ['2024-03-02', 'A'],
      ['2024-03-02', 'B'],
    ]);
    expect(rows[0]?.note).toContain('published figure minus registry = 1');
  });
});

describe('reconcile other metrics', () => {
  const recognitions: RecognitionFact[] = [
    { personId: 'a', recognisedOn: '2024-01-10', endedOn: null, afterRelease: false },
    { personId: 'a', recognisedOn: '2024-02-01', endedOn: null, afterRelease: false }, // same person again
    { personId: 'b', recognisedOn: '2024-03', endedOn: '2024-05-01', afterRelease: false },
    { personId: 'c', recognisedOn: null, endedOn: null, afterRelease: false },
    { personId: 'd', recognisedOn: '2024-04-01', endedOn: null, afterRelease: true },
  ];

  it('recognised_total counts distinct persons ever recognised by the date; undated ones only possibly', () => {
    expect(registryCount('recognised_total', '2024-03-15', [], recognitions)).toEqual({ min: 1, max: 3 });
    expect(registryCount('recognised_total', '2024-04-01', [], recognitions)).toEqual({ min: 3, max: 4 });
  });

  it('new_recognitions counts those dated within the observation date', () => {
    expect(registryCount('new_recognitions', '2024-03', [], recognitions)).toEqual({ min: 1, max: 1 });
    expect(registryCount('new_recognitions', '2024-03-15', [], recognitions)).toEqual({ min: 0, max: 1 });
    expect(registryCount('new_recognitions', '2024', [], recognitions)).toEqual({ min: 4, max: 4 });
  });

  it('released counts releases on or before the date since records begin', () => {
    expect(registryCount('released', '2024-02-14', episodes, [])).toEqual({ min: 0, max: 0 });
    expect(registryCount('released', '2024-02-15', episodes, [])).toEqual({ min: 1, max: 1 });
    const rows = reconcile([observation(1, 'exact', '2024-12-31', 'released')], episodes);
    expect(rows[0]?.relation).toBe('consistent');
    expect(rows[0]?.note).toContain('the same figure');
  });
});
