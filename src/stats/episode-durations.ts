import { spanOf } from './calendar.js';
import { assertIsoDay } from './calendar.js';
import { episodeDaysInCustody } from './custody.js';
import type { EpisodeFact, ReleaseMode } from './facts.js';
import type { Range } from './range.js';

/**
 * Time in custody per episode, as of `today`.
 *
 * - A completed episode runs from detention to release; partial dates make its length a range
 *   (custody.episodeDaysInCustody: shortest reading from the last possible detention day to the first
 *   possible release day, longest the other way round).
 * - An ongoing episode (no release, or a release recorded for a day certainly after `today`) is
 *   right-censored: we know only that it has lasted at least until `today`.
 * - Episodes that certainly begin after `today` are left out: they have not happened as of `today`.
 */
export interface EpisodeDuration {
  episodeId: string;
  personId: string;
  detainedOn: string;
  articles: readonly string[];
  releaseMode: ReleaseMode | null;
  ongoing: boolean;
  days: Range;
}

export function episodeDurations(episodes: readonly EpisodeFact[], today: string): EpisodeDuration[] {
  assertIsoDay(today, 'today');
  const result: EpisodeDuration[] = [];
  for (const episode of episodes) {
    if (spanOf(episode.detainedOn).first > today) continue;
    const ongoing = episode.releasedOn === null || spanOf(episode.releasedOn).first > today;
    const days = episodeDaysInCustody(
      {
        id: episode.id,
        detainedOn: episode.detainedOn,
        releasedOn: ongoing ? null : episode.releasedOn,
        releaseMode: episode.releaseMode,
      },
      today,
    );
    result.push({
      episodeId: episode.id,
      personId: episode.personId,
      detainedOn: episode.detainedOn,
      articles: episode.articles,
      releaseMode: ongoing ? null : episode.releaseMode,
      ongoing,
      days,
    });
  }
  return result;
}
