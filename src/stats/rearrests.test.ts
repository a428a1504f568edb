import { describe, expect, it } from 'vitest';
import { linkEpisodes, rearrestReport, rearrestsWithin } from './rearrests.js';
import { episode } from './testing.js';

describe('linkEpisodes', () => {
  it('measures the gap between release and re-arrest', () => {
    const link = linkEpisodes(
      episode({ id: 'a', personId: 'p', detainedOn: '2019-01-10', releasedOn: '2019-06-01' }),
      episode({ id: 'b', personId: 'p', detainedOn: '2019-06-11' }),
    );
    expect(link).toEqual({
      personId: 'p',
      previousEpisodeId: 'a',
      nextEpisodeId: 'b',
      kind: 'rearrest',
      releasedOn: '2019-06-01',
      rearrestedOn: '2019-06-11',
      gapDays: { min: 10, max: 10 },
    });
  });
  it('gives the gap as a range for partial dates', () => {
    const link = linkEpisodes(
      episode({ personId: 'p', detainedOn: '2018-03-01', releasedOn: '2020' }),
      episode({ personId: 'p', detainedOn: '2021-02-01' }),
    );
    // From 31 Dec 2020 (32 days) to 1 Jan 2020 (397 days: 2020 is a leap year).
    expect(link.gapDays).toEqual({ min: 32, max: 397 });
  });
  it('clamps at zero when the re-arrest may be the release day or before it', () => {
    const link = linkEpisodes(
      episode({ personId: 'p', detainedOn: '2021-01-01', releasedOn: '2021-05-10' }),
      episode({ personId: 'p', detainedOn: '2021-05' }),
    );
    expect(link).toMatchObject({ kind: 'rearrest', gapDays: { min: 0, max: 21 } });
  });
  it('calls it an overlap when the previous episode was certainly still open', () => {
    expect(
      linkEpisodes(
        episode({ personId: 'p', detainedOn: '2021-01-01' }),
        episode({ personId: 'p', detainedOn: '2021-03-01' }),
      ),
    ).toMatchObject({ kind: 'overlap', gapDays: null });
    expect(
      linkEpisodes(
        episode({ personId: 'p', detainedOn: '2021-01-01', releasedOn: '2021-06-01' }),
        episode({ personId: 'p', detainedOn: '2021-05-01' }),
      ),
    ).toMatchObject({ kind: 'overlap', gapDays: null });
  });
});

describe('rearrestReport', () => {
  const episodes = [
    // p1: released, re-arrested 10 days later, released again, re-arrested in "2021".
    episode({ id: 'p1c', personId: 'p1', detainedOn: '2021-02-01' }),
    episode({ id: 'p1a', personId: 'p1', detainedOn: '2019-01-10', releasedOn: '2019-06-01' }),
    episode({ id: 'p1b', personId: 'p1', detainedOn: '2019-06-11', releasedOn: '2020' }),
    // p2: a new case in custody, no release between.
    episode({ id: 'p2a', personId: 'p2', detainedOn: '2020-01-01' }),
    episode({ id: 'p2b', personId: 'p2', detainedOn: '2022-01-01' }),
    // p3: one episode only.
    episode({ id: 'p3a', personId: 'p3', detainedOn: '2020-01-01' }),
    // p4: re-arrested in the month of release.
    episode({ id: 'p4a', personId: 'p4', detainedOn: '2021-01-01', releasedOn: '2021-05-10' }),
    episode({ id: 'p4b', personId: 'p4', detainedOn: '2021-05' }),
  ];
  const report = rearrestReport(episodes);

  it('orders episodes by detention and links consecutive ones', () => {
    expect(report.persons.map((person) => [person.personId, person.episodeCount])).toEqual([
      ['p1', 3],
      ['p2', 2],
      ['p4', 2],
    ]);
    expect(
      report.persons[0]?.links.map((link) => [link.previousEpisodeId, link.nextEpisodeId, link.gapDays]),
    ).toEqual([
      ['p1a', 'p1b', { min: 10, max: 10 }],
      ['p1b', 'p1c', { min: 32, max: 397 }],
    ]);
  });

  it('counts persons, re-arrests and overlaps', () => {
    expect(report.personsWithMultipleEpisodes).toBe(3);
    expect(report.personsRearrested).toBe(2);
    expect(report.rearrests).toBe(3);
    expect(report.overlaps).toBe(1);
    expect(report.issues).toEqual([]);
  });

  it('gives the median gap as a range', () => {
    // Lower ends 10, 32, 0 → 10; upper ends 10, 397, 21 → 21.
    expect(report.medianGapDays).toEqual({ min: 10, max: 21 });
  });

  it('counts re-arrests within a number of days, certainly and possibly', () => {
    expect(rearrestsWithin(report, 30)).toEqual({ min: 2, max: 2 });
    expect(rearrestsWithin(report, 5)).toEqual({ min: 0, max: 1 });
    expect(rearrestsWithin(report, 400)).toEqual({ min: 3, max: 3 });
    expect(rearrestsWithin(report, 100)).toEqual({ min: 2, max: 3 });
  });

  it('flags an episode after a death in custody', () => {
    const flagged = rearrestReport([
      episode({
        id: 'x1',
        personId: 'x',
        detainedOn: '2020-01-01',
        releasedOn: '2021-01-01',
        releaseMode: 'death_in_custody',
      }),
      episode({ id: 'x2', personId: 'x', detainedOn: '2022-01-01' }),
    ]);
    expect(flagged.issues).toEqual(['person x: episode x2 follows death in custody (episode x1)']);
  });

  it('is empty without repeat episodes', () => {
    expect(rearrestReport([episode({ detainedOn: '2020' })])).toMatchObject({
      persons: [],
      rearrests: 0,
      medianGapDays: null,
    });
  });
});
