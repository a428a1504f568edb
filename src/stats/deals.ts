import { spanOf, spansOverlap } from './calendar.js';
import type { BatchFact, EpisodeFact } from './facts.js';
import { allocateEvents } from './flows.js';
import type { Granularity, Period } from './periods.js';
import type { Range } from './range.js';

/**
 * The ledger of deals: per batch, who was identified against how many were announced, how many were
 * forced into exile or stripped of citizenship and where they were sent; and the concessions by
 * counterpart and kind over time.
 */

/** A yes/no/unknown tally with its share as a range: min counts the unknown as "no", max as "yes". */
export interface Share {
  yes: number;
  no: number;
  unknown: number;
  /** null when there is nobody to take a share of. */
  share: Range | null;
}

export function shareOf(values: readonly (boolean | null)[]): Share {
  const yes = values.filter((value) => value === true).length;
  const no = values.filter((value) => value === false).length;
  const unknown = values.length - yes - no;
  return {
    yes,
    no,
    unknown,
    share: values.length === 0 ? null : { min: yes / values.length, max: (yes + unknown) / values.length },
  };
}

/**
 * Whether the freed person was forced into exile: the episode's own record first; when it is unknown,
 * the batch's statement (a batch recorded as "all deported to Lithuania" covers everyone in it).
 */
export function exiledOnRelease(episode: EpisodeFact, batch: BatchFact | undefined): boolean | null {
  return episode.forcedExile ?? batch?.forcedExile ?? null;
}

export interface BatchSummary {
  batchId: string;
  releasedOn: string;
  announced: number | null;
  /** Distinct persons whose release episode is linked to the batch. */
  identified: number;
  /** announced − identified: people announced but not yet identified (negative: more identified than announced). */
  notYetIdentified: number | null;
  forcedExile: Share;
  citizenshipStripped: Share;
  /** Persons per destination country; "unknown" when not recorded. Sorted by count, then code. */
  destinations: { country: string; persons: number }[];
  counterparts: string[];
  concessionKinds: string[];
}

export interface DealLedger {
  batches: BatchSummary[];
  /** Episodes that name a batch id that is not among the batches given. */
  episodesWithUnknownBatch: string[];
}

export function dealLedger(batches: readonly BatchFact[], episodes: readonly EpisodeFact[]): DealLedger {
  const batchById = new Map(batches.map((batch) => [batch.id, batch]));
  const byBatch = new Map<string, Map<string, EpisodeFact>>();
  const episodesWithUnknownBatch: string[] = [];
  for (const episode of episodes) {
    if (episode.batchId === null) continue;
    if (!batchById.has(episode.batchId)) {
      episodesWithUnknownBatch.push(episode.id);
      continue;
    }
    const persons = byBatch.get(episode.batchId) ?? new Map<string, EpisodeFact>();
    // One person, one release per batch: a duplicate link (data error) must not count twice.
    if (!persons.has(episode.personId)) persons.set(episode.personId, episode);
    byBatch.set(episode.batchId, persons);
  }

  const summaries = [...batches]
    .sort(
      (a, b) =>
        spanOf(a.releasedOn).first.localeCompare(spanOf(b.releasedOn).first) || a.id.localeCompare(b.id),
    )
    .map((batch): BatchSummary => {
      const freed = [...(byBatch.get(batch.id)?.values() ?? [])];
      const destinations = new Map<string, number>();
      for (const episode of freed) {
        const country = episode.destinationCountry?.toUpperCase() ?? 'unknown';
        destinations.set(country, (destinations.get(country) ?? 0) + 1);
      }
      return {
        batchId: batch.id,
        releasedOn: batch.releasedOn,
        announced: batch.announcedCount,
        identified: freed.length,
        notYetIdentified: batch.announcedCount === null ? null : batch.announcedCount - freed.length,
        forcedExile: shareOf(freed.map((episode) => exiledOnRelease(episode, batch))),
        citizenshipStripped: shareOf(freed.map((episode) => episode.citizenshipStripped)),
        destinations: [...destinations]
          .map(([country, persons]) => ({ country, persons }))
          .sort((a, b) => b.persons - a.persons || a.country.localeCompare(b.country)),
        counterparts: [...batch.counterparts],
        concessionKinds: [...batch.concessionKinds],
      };
    });
  return { batches: summaries, episodesWithUnknownBatch: episodesWithUnknownBatch.sort() };
}

export interface ConcessionPeriod {
  period: Period;
  /** Batches certainly in this period. */
  batches: number;
  announcedFreed: number;
  /** Batches per counterpart (a batch with two counterparts counts for each). */
  byCounterpart: Record<string, number>;
  /** Batches per concession kind. */
  byConcessionKind: Record<string, number>;
}

export interface ConcessionTimeline {
  periods: ConcessionPeriod[];
  /** Batches whose date spans several periods of this granularity (flows.ts rule): ids by recorded date. */
  unallocated: { date: string; batchIds: string[]; periodKeys: string[] }[];
  /** Counterpart × concession kind: in how many batches both appear. */
  matrix: { counterpart: string; concessionKind: string; batches: number }[];
}

function increment(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** Object.fromEntries, not assignment: a name such as "__proto__" must stay an ordinary key. */
function toRecord(counts: Map<string, number>): Record<string, number> {
  return Object.fromEntries([...counts].sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * Concessions by counterpart and kind over time. A batch links counterparts and concession kinds as
 * lists, not pairwise, so the matrix counts co-occurrence in a batch, not "who gave what". The matrix
 * covers the batches that may fall in the window (its dates widened to whole periods).
 */
export function concessionTimeline(
  batches: readonly BatchFact[],
  from: string,
  to: string,
  granularity: Granularity,
): ConcessionTimeline {
  // Allocate each batch as its own kind so that the rule of flows.ts decides where it goes.
  const allocation = allocateEvents(
    batches.map((batch) => ({ on: batch.releasedOn, kind: batch.id })),
    batches.map((batch) => batch.id),
    from,
    to,
    granularity,
  );
  const batchById = new Map(batches.map((batch) => [batch.id, batch]));
  const periods = allocation.periods.map(({ period, counts }): ConcessionPeriod => {
    let count = 0;
    let announcedFreed = 0;
    const byCounterpart = new Map<string, number>();
    const byConcessionKind = new Map<string, number>();
    for (const [id, range] of Object.entries<Range>(counts)) {
      const batch = batchById.get(id);
      if (!batch || range.min === 0) continue;
      count += 1;
      announcedFreed += batch.announcedCount ?? 0;
      for (const counterpart of new Set(batch.counterparts)) increment(byCounterpart, counterpart);
      for (const kind of new Set(batch.concessionKinds)) increment(byConcessionKind, kind);
    }
    return {
      period,
      batches: count,
      announcedFreed,
      byCounterpart: toRecord(byCounterpart),
      byConcessionKind: toRecord(byConcessionKind),
    };
  });
  const unallocated = allocation.unallocated.map((bucket) => ({
    date: bucket.date,
    batchIds: Object.entries(bucket.counts)
      .filter(([, count]) => count > 0)
      .map(([id]) => id)
      .sort(),
    periodKeys: bucket.periodKeys,
  }));

  const pairs = new Map<string, { counterpart: string; concessionKind: string; batches: number }>();
  for (const batch of batches) {
    if (!spansOverlap(spanOf(batch.releasedOn), allocation.window)) continue;
    for (const counterpart of new Set(batch.counterparts)) {
      for (const concessionKind of new Set(batch.concessionKinds)) {
        const key = JSON.stringify([counterpart, concessionKind]);
        const pair = pairs.get(key) ?? { counterpart, concessionKind, batches: 0 };
        pair.batches += 1;
        pairs.set(key, pair);
      }
    }
  }
  const matrix = [...pairs.values()].sort(
    (a, b) => a.counterpart.localeCompare(b.counterpart) || a.concessionKind.localeCompare(b.concessionKind),
  );
  return { periods, unallocated, matrix };
}
