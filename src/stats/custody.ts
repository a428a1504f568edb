import { daysBetween } from '../lib/partial-date.js';
import { spanOf } from './calendar.js';

/**
 * Derived facts about one person's custody, computed from the detention episodes rather than
 * stored by hand. Pure: no I/O, `today` is given.
 */
export interface CustodySpan {
  id: string;
  detainedOn: string;
  releasedOn: string | null;
  releaseMode: string | null;
}

export type PersonStatus = 'held' | 'released' | 'died_in_custody' | 'not_detained';
export type HeldAnswer = 'yes' | 'no' | 'maybe';

export interface DayRange {
  min: number;
  max: number;
}

export function personStatus(episodes: readonly CustodySpan[]): PersonStatus {
  if (episodes.length === 0) return 'not_detained';
  if (episodes.some((episode) => episode.releasedOn === null)) return 'held';
  const last = [...episodes].sort((a, b) => (a.detainedOn < b.detainedOn ? -1 : 1)).at(-1);
  return last?.releaseMode === 'death_in_custody' ? 'died_in_custody' : 'released';
}

/**
 * Held on `day` means detained on or before it and not yet released (the release day itself is a
 * day of freedom). With partial dates the answer can be "maybe".
 */
export function heldOnDay(episode: CustodySpan, day: string): HeldAnswer {
  const detained = spanOf(episode.detainedOn);
  const released = episode.releasedOn === null ? null : spanOf(episode.releasedOn);
  const certainlyDetained = detained.last <= day;
  const possiblyDetained = detained.first <= day;
  const certainlyNotReleased = released === null || released.first > day;
  const possiblyNotReleased = released === null || released.last > day;
  if (certainlyDetained && certainlyNotReleased) return 'yes';
  if (possiblyDetained && possiblyNotReleased) return 'maybe';
  return 'no';
}

export function personHeldOn(
  episodes: readonly CustodySpan[],
  day: string,
): { held: HeldAnswer; episodeId: string | null } {
  let maybe: string | null = null;
  for (const episode of episodes) {
    const answer = heldOnDay(episode, day);
    if (answer === 'yes') return { held: 'yes', episodeId: episode.id };
    if (answer === 'maybe') maybe ??= episode.id;
  }
  return maybe ? { held: 'maybe', episodeId: maybe } : { held: 'no', episodeId: null };
}

/** Days inside for one episode, as the narrowest and widest reading of its partial dates. */
export function episodeDaysInCustody(episode: CustodySpan, today: string): DayRange {
  const released = episode.releasedOn ? spanOf(episode.releasedOn) : null;
  const detained = spanOf(episode.detainedOn);
  const endEarliest = released ? released.first : today;
  const endLatestRaw = released ? released.last : today;
  const endLatest = endLatestRaw > today ? today : endLatestRaw;
  return {
    min: Math.max(0, daysBetween(detained.last, endEarliest)),
    max: Math.max(0, daysBetween(detained.first, endLatest)),
  };
}

/** Total days in custody across every episode of a person (re-arrests add up). */
export function daysInCustody(episodes: readonly CustodySpan[], today: string): DayRange {
  return episodes.reduce<DayRange>(
    (total, episode) => {
      const days = episodeDaysInCustody(episode, today);
      return { min: total.min + days.min, max: total.max + days.max };
    },
    { min: 0, max: 0 },
  );
}
