import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type {
  BatchFact,
  ConditionFact,
  CountObservationFact,
  EpisodeFact,
  PersonFact,
  RecognitionFact,
} from '../../stats/facts.js';
import type { DayCount, StockEvents } from '../../stats/stock-events.js';
import type { ReadScope } from '../user/access.js';

/**
 * Reads the registry as the plain facts src/stats computes over. Every person counts here,
 * anonymous or not: statistics include everyone, and presenters decide what may be shown by name.
 */

const flag = (value: number | null): boolean | null => (value === null ? null : Number(value) === 1);

export async function selectEpisodeFacts(db: Db): Promise<EpisodeFact[]> {
  const [episodes, charges] = await Promise.all([
    db
      .selectFrom('episodes')
      .leftJoin('releases', 'releases.episodeId', 'episodes.id')
      .select([
        'episodes.id',
        'episodes.personId',
        'episodes.detainedOn',
        'episodes.sentenceMonths',
        'releases.releasedOn',
        'releases.mode',
        'releases.batchId',
        'releases.forcedExile',
        'releases.citizenshipStripped',
        'releases.destinationCountry',
      ])
      .orderBy('episodes.detainedOn')
      .orderBy('episodes.id')
      .execute(),
    db
      .selectFrom('episodeCharges')
      .innerJoin('legalArticles', 'legalArticles.id', 'episodeCharges.articleId')
      .select(['episodeCharges.episodeId', 'legalArticles.code', 'legalArticles.number'])
      .execute(),
  ]);
  const articlesOf = new Map<string, string[]>();
  for (const charge of charges) {
    const list = articlesOf.get(charge.episodeId) ?? [];
    const reference = `${charge.code} ${charge.number}`;
    if (!list.includes(reference)) list.push(reference);
    articlesOf.set(charge.episodeId, list);
  }
  return episodes.map((row) => ({
    id: row.id,
    personId: row.personId,
    detainedOn: row.detainedOn,
    releasedOn: row.releasedOn,
    releaseMode: (row.mode ?? null) as EpisodeFact['releaseMode'],
    batchId: row.batchId,
    forcedExile: flag(row.forcedExile),
    citizenshipStripped: flag(row.citizenshipStripped),
    destinationCountry: row.destinationCountry,
    articles: articlesOf.get(row.id) ?? [],
    sentenceMonths: row.sentenceMonths,
  }));
}

export async function selectRecognitionFacts(db: Db): Promise<RecognitionFact[]> {
  const rows = await db
    .selectFrom('recognitions')
    .select(['personId', 'recognisedOn', 'endedOn', 'afterRelease'])
    .execute();
  return rows.map((row) => ({ ...row, afterRelease: Number(row.afterRelease) === 1 }));
}

/**
 * Release batches the viewer may see (`levels`: their visibility levels): unlike persons, who are
 * counted whoever looks, a batch is listed by date and counterparts, so an unpublished one is left out.
 */
export async function selectBatchFacts(db: Db, levels: readonly string[]): Promise<BatchFact[]> {
  const [batches, links, concessions] = await Promise.all([
    db
      .selectFrom('releaseBatches')
      .select(['id', 'releasedOn', 'announcedCount', 'forcedExile'])
      .where('visibility', 'in', [...levels])
      .orderBy('releasedOn')
      .execute(),
    db
      .selectFrom('batchCounterparts')
      .innerJoin('counterparts', 'counterparts.id', 'batchCounterparts.counterpartId')
      .select(['batchCounterparts.batchId', 'counterparts.name', 'batchCounterparts.role'])
      .execute(),
    db.selectFrom('concessions').select(['batchId', 'kind']).execute(),
  ]);
  return batches.map((batch) => ({
    id: batch.id,
    releasedOn: batch.releasedOn,
    announcedCount: batch.announcedCount,
    forcedExile: flag(batch.forcedExile),
    counterparts: links
      .filter((link) => link.batchId === batch.id && link.role === 'counterpart')
      .map((link) => link.name),
    concessionKinds: concessions
      .filter((concession) => concession.batchId === batch.id)
      .map((concession) => concession.kind),
  }));
}

/** Published counts the viewer may see: each is shown with its organisation and date. */
export async function selectCountObservationFacts(
  db: Db,
  levels: readonly string[],
): Promise<CountObservationFact[]> {
  const rows = await db
    .selectFrom('countObservations')
    .select(['organisation', 'metric', 'observedOn', 'count', 'qualifier'])
    .where('visibility', 'in', [...levels])
    .orderBy('observedOn')
    .execute();
  return rows.map((row) => ({
    ...row,
    metric: row.metric as CountObservationFact['metric'],
    qualifier: row.qualifier as CountObservationFact['qualifier'],
  }));
}

export async function selectConditionFacts(db: Db): Promise<ConditionFact[]> {
  return db.selectFrom('conditionEvents').select(['personId', 'kind', 'startedOn', 'endedOn']).execute();
}

/**
 * Persons as facts for a viewer: one they may not identify (anonymous, or of a visibility they may
 * not see) is marked anonymous, so the analytics count it and never name it.
 */
export async function selectPersonFacts(db: Db, scope: ReadScope): Promise<PersonFact[]> {
  const [persons, ties] = await Promise.all([
    db.selectFrom('persons').select(['id', 'birthDate', 'anonymous', 'visibility']).execute(),
    db.selectFrom('personTies').select(['personId', 'kind', 'country']).execute(),
  ]);
  const tiesOf = new Map<string, { kind: string; country: string }[]>();
  for (const tie of ties) {
    const list = tiesOf.get(tie.personId) ?? [];
    list.push({ kind: tie.kind, country: tie.country });
    tiesOf.set(tie.personId, list);
  }
  return persons.map((person) => ({
    id: person.id,
    birthDate: person.birthDate,
    anonymous:
      !scope.everything &&
      ((Number(person.anonymous) === 1 && !scope.anonymous) ||
        !scope.levels.includes(person.visibility as ReadScope['levels'][number])),
    ties: tiesOf.get(person.id) ?? [],
  }));
}

const OPEN_END = '9999-12-31';

async function dayCounts(
  db: Db,
  table: 'episodes' | 'releases',
  column: 'detainedOnLo' | 'detainedOnHi' | 'releasedOnLo' | 'releasedOnHi',
): Promise<DayCount[]> {
  // One index-only scan per bound (migration 0011): a million episodes are a few thousand days.
  const rows = await db
    .selectFrom(table)
    .select((eb) => [eb.ref(column as never).as('day'), eb.fn.countAll<string | number>().as('count')])
    .groupBy(column as never)
    .execute();
  return (rows as unknown as { day: string; count: string | number }[]).map((row) => ({
    day: row.day,
    count: Number(row.count),
  }));
}

/** Episodes with their day bounds, joined to their release (the shape of CompactEpisode). */
function compactEpisodes(db: Db) {
  return db
    .selectFrom('episodes')
    .leftJoin('releases', 'releases.episodeId', 'episodes.id')
    .select([
      'episodes.id',
      'episodes.personId',
      'episodes.detainedOnLo as detainedLo',
      'episodes.detainedOnHi as detainedHi',
      'releases.releasedOnLo as releasedLo',
      'releases.releasedOnHi as releasedHi',
    ]);
}

/**
 * Day counts of the four span bounds and the irregular episodes (stats/stock-events.ts): every
 * episode of a person whose episodes may overlap, and every episode whose imprecise dates make its
 * certain span inverted (released_on_lo before detained_on_hi).
 */
export async function selectStockEvents(db: Db): Promise<StockEvents> {
  const [certainStarts, certainEnds, possibleStarts, possibleEnds, overlapping, inverted] = await Promise.all(
    [
      dayCounts(db, 'episodes', 'detainedOnHi'),
      dayCounts(db, 'releases', 'releasedOnLo'),
      dayCounts(db, 'episodes', 'detainedOnLo'),
      dayCounts(db, 'releases', 'releasedOnHi'),
      compactEpisodes(db)
        .where('episodes.personId', 'in', (eb) =>
          eb
            .selectFrom('episodes as a')
            .leftJoin('releases as ra', 'ra.episodeId', 'a.id')
            .innerJoin('episodes as b', (join) =>
              join.onRef('b.personId', '=', 'a.personId').onRef('b.id', '<>', 'a.id'),
            )
            .leftJoin('releases as rb', 'rb.episodeId', 'b.id')
            .select('a.personId')
            .where('a.personId', 'in', (inner) =>
              inner
                .selectFrom('episodes')
                .select('personId')
                .groupBy('personId')
                .having((having) => having.fn.countAll(), '>', 1),
            )
            .where((where) =>
              where.and([
                where('a.detainedOnLo', '<', where.fn.coalesce('rb.releasedOnHi', sql.lit(OPEN_END))),
                where('b.detainedOnLo', '<', where.fn.coalesce('ra.releasedOnHi', sql.lit(OPEN_END))),
              ]),
            ),
        )
        .execute(),
      compactEpisodes(db)
        .where((where) =>
          where.and([
            where.or([
              where('episodes.detainedOnLo', '<>', where.ref('episodes.detainedOnHi')),
              where('releases.releasedOnLo', '<>', where.ref('releases.releasedOnHi')),
            ]),
            where('releases.releasedOnLo', '<', where.ref('episodes.detainedOnHi')),
          ]),
        )
        .execute(),
    ],
  );
  return {
    certainStarts,
    certainEnds,
    possibleStarts,
    possibleEnds,
    irregular: [...overlapping, ...inverted],
  };
}

/**
 * Persons held on one day, counted in SQL with the day bounds (ADR 0002): certainly held when
 * detained_on_hi ≤ D < released_on_lo, possibly when detained_on_lo ≤ D < released_on_hi; a person
 * with several episodes counts once.
 */
export async function countHeldOn(db: Db, day: string): Promise<{ min: number; max: number }> {
  const row = await db
    .selectFrom('episodes')
    .leftJoin('releases', 'releases.episodeId', 'episodes.id')
    .select((eb) => [
      eb.fn
        .count<string | number>(
          eb
            .case()
            .when(
              eb.and([
                eb('episodes.detainedOnHi', '<=', day),
                eb.or([eb('releases.releasedOnLo', 'is', null), eb('releases.releasedOnLo', '>', day)]),
              ]),
            )
            .then(eb.ref('episodes.personId'))
            .end(),
        )
        .distinct()
        .as('certain'),
      eb.fn.count<string | number>('episodes.personId').distinct().as('possible'),
    ])
    .where('episodes.detainedOnLo', '<=', day)
    .where((eb) => eb.or([eb('releases.releasedOnHi', 'is', null), eb('releases.releasedOnHi', '>', day)]))
    .executeTakeFirstOrThrow();
  return { min: Number(row.certain), max: Number(row.possible) };
}
