import { describe, expect, it } from 'vitest';
import {
  type CustodySpan,
  daysInCustody,
  episodeDaysInCustody,
  heldOnDay,
  personHeldOn,
  personStatus,
} from './custody.js';

const span = (
  detainedOn: string,
  releasedOn: string | null = null,
  releaseMode: string | null = null,
  id = 'e',
): CustodySpan => ({
  id,
  detainedOn,
  releasedOn,
  releaseMode: releasedOn ? (releaseMode ?? 'pardon') : null,
});

describe('personStatus', () => {
  it('is not_detained without episodes', () => expect(personStatus([])).toBe('not_detained'));
  it('is held while any episode is open', () => {
    expect(personStatus([span('2010-12-19', '2015-08-22'), span('2020-05-31')])).toBe('held');
  });
  it('is released when every episode ended', () => {
    expect(personStatus([span('2010-12-19', '2015-08-22'), span('2020-05-31', '2026-02-19')])).toBe(
      'released',
    );
  });
  it('reports death in custody from the last episode', () => {
    expect(personStatus([span('2020', '2021-05-21', 'death_in_custody')])).toBe('died_in_custody');
    expect(personStatus([span('2024', '2024-06', 'death_in_custody'), span('2010', '2012')])).toBe(
      'died_in_custody',
    );
  });
});

describe('heldOnDay', () => {
  it('counts the detention day and not the release day', () => {
    const episode = span('2021-07-14', '2025-12-13');
    expect(heldOnDay(episode, '2021-07-13')).toBe('no');
    expect(heldOnDay(episode, '2021-07-14')).toBe('yes');
    expect(heldOnDay(episode, '2025-12-12')).toBe('yes');
    expect(heldOnDay(episode, '2025-12-13')).toBe('no');
  });
  it('answers maybe inside the uncertainty of a partial date', () => {
    const episode = span('2021', '2023-05');
    expect(heldOnDay(episode, '2021-06-01')).toBe('maybe');
    expect(heldOnDay(episode, '2022-01-01')).toBe('yes');
    expect(heldOnDay(episode, '2023-05-15')).toBe('maybe');
    expect(heldOnDay(episode, '2023-06-01')).toBe('no');
    expect(heldOnDay(episode, '2020-12-31')).toBe('no');
  });
  it('keeps open episodes open', () => expect(heldOnDay(span('2020-05-31'), '2030-01-01')).toBe('yes'));
});

describe('personHeldOn across a re-arrest', () => {
  const episodes = [
    span('2010-12-19', '2015-08-22', 'pardon', 'first'),
    span('2020-05-31', null, null, 'second'),
  ];
  it('finds the episode that holds the person', () => {
    expect(personHeldOn(episodes, '2012-01-01')).toEqual({ held: 'yes', episodeId: 'first' });
    expect(personHeldOn(episodes, '2018-01-01')).toEqual({ held: 'no', episodeId: null });
    expect(personHeldOn(episodes, '2021-01-01')).toEqual({ held: 'yes', episodeId: 'second' });
  });
});

describe('daysInCustody', () => {
  it('is exact for exact dates', () => {
    expect(episodeDaysInCustody(span('2021-07-14', '2025-12-13'), '2026-01-01')).toEqual({
      min: 1613,
      max: 1613,
    });
  });
  it('counts an open episode up to today', () => {
    expect(episodeDaysInCustody(span('2026-01-01'), '2026-01-11')).toEqual({ min: 10, max: 10 });
  });
  it('widens into a range for partial dates, never picking 1 January', () => {
    expect(episodeDaysInCustody(span('2021', '2022-01-01'), '2026-01-01')).toEqual({ min: 1, max: 365 });
  });
  it('adds up all episodes of a re-arrested person', () => {
    const total = daysInCustody(
      [span('2020-01-01', '2020-01-11'), span('2021-01-01', '2021-01-21')],
      '2026-01-01',
    );
    expect(total).toEqual({ min: 30, max: 30 });
  });
  it('does not count a release reported only by year beyond today', () => {
    expect(episodeDaysInCustody(span('2026-01-01', '2026'), '2026-03-01')).toEqual({ min: 0, max: 59 });
  });
});
