import { daysBetween, spanOf } from './calendar.js';
import type { EpisodeFact } from './facts.js';
import { quantileOfRanges } from './quantiles.js';
import type { Range } from './range.js';

/**
 * Re-arrests: people with more than one episode, and the time between a release and the next arrest.
 *
 * Episodes of a person are ordered by the first day their detention may have happened. For each
 * consecutive pair (previous, next):
 *  - a re-arrest when the previous episode has a release that is not certainly after the next
 *    detention; the gap is a range of days (partial dates), at least 0;
 *  - an overlap when the previous episode was still open when the next began (no release recorded, or
 *    released certainly after the next detention): typically a new criminal case brought while in
 *    custody, which extends the stay rather than ending freedom. Overlaps are listed, never counted as
 *    re-arrests.
 */

export interface EpisodeLink {
  personId: string;
  previousEpisodeId: string;
  nextEpisodeId: string;
  kind: 'rearrest' | 'overlap';
  releasedOn: string | null;
  rearrestedOn: string;
  /** Days from the release to the re-arrest (null for overlaps). */
  gapDays: Range | null;
}

export interface PersonRearrests {
  personId: string;
  episodeCount: number;
  links: EpisodeLink[];
}

export interface RearrestReport {
  /** Persons with more than one episode, sorted by id. */
  persons: PersonRearrests[];
  personsWithMultipleEpisodes: number;
  /** Persons with at least one re-arrest after a release. */
  personsRearrested: number;
  rearrests: number;
  overlaps: number;
  /** Median gap between release and re-arrest, as a range over the readings of partial dates. */
  medianGapDays: Range | null;
  /** Data that cannot be right, e.g. an episode after a death in custody. Shown, not silently dropped. */
  issues: string[];
}

function byDetention(a: EpisodeFact, b: EpisodeFact): number {
  const first = spanOf(a.detainedOn).first.localeCompare(spanOf(b.detainedOn).first);
  return first !== 0 ? first : a.id.localeCompare(b.id);
}

export function linkEpisodes(previous: EpisodeFact, next: EpisodeFact): EpisodeLink {
  const detained = spanOf(next.detainedOn);
  const base = {
    personId: next.personId,
    previousEpisodeId: previous.id,
    nextEpisodeId: next.id,
    releasedOn: previous.releasedOn,
    rearrestedOn: next.detainedOn,
  };
  if (previous.releasedOn === null) return { ...base, kind: 'overlap', gapDays: null };
  const released = spanOf(previous.releasedOn);
  // Still inside on the day of the next detention under every reading: a new case in custody.
  if (released.first > detained.last) return { ...base, kind: 'overlap', gapDays: null };
  return {
    ...base,
    kind: 'rearrest',
    gapDays: {
      min: Math.max(0, daysBetween(released.last, detained.first)),
      max: Math.max(0, daysBetween(released.first, detained.last)),
    },
  };
}

export function rearrestReport(episodes: readonly EpisodeFact[]): RearrestReport {
  const byPerson = new Map<string, EpisodeFact[]>();
  for (const episode of episodes) {
    const list = byPerson.get(episode.personId) ?? [];
    list.push(episode);
    byPerson.set(episode.personId, list);
  }
  const persons: PersonRearrests[] = [];
  const issues: string[] = [];
  for (const [personId, list] of [...byPerson].sort(([a], [b]) => a.localeCompare(b))) {
    if (list.length < 2) continue;
    const ordered = [...list].sort(byDetention);
    const links: EpisodeLink[] = [];
    for (let i = 1; i < ordered.length; i += 1) {
      const previous = ordered[i - 1] as EpisodeFact;
      const next = ordered[i] as EpisodeFact;
      if (previous.releaseMode === 'death_in_custody') {
        issues.push(
          `person ${personId}: episode ${next.id} follows death in custody (episode ${previous.id})`,
        );
      }
      links.push(linkEpisodes(previous, next));
    }
    persons.push({ personId, episodeCount: list.length, links });
  }
  const allLinks = persons.flatMap((person) => person.links);
  const gaps = allLinks.flatMap((link) => (link.gapDays ? [link.gapDays] : []));
  return {
    persons,
    personsWithMultipleEpisodes: persons.length,
    personsRearrested: persons.filter((person) => person.links.some((link) => link.kind === 'rearrest'))
      .length,
    rearrests: gaps.length,
    overlaps: allLinks.length - gaps.length,
    medianGapDays: quantileOfRanges(gaps, 0.5),
    issues,
  };
}

/** Re-arrests within `days` of the release: min = certainly within, max = possibly within. */
export function rearrestsWithin(report: RearrestReport, days: number): Range {
  let min = 0;
  let max = 0;
  for (const person of report.persons) {
    for (const link of person.links) {
      if (!link.gapDays) continue;
      if (link.gapDays.max <= days) min += 1;
      if (link.gapDays.min <= days) max += 1;
    }
  }
  return { min, max };
}
