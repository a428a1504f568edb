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
import type { DaySpan } from '../../stats/calendar.js';
import type { FlowDateCounts } from '../../stats/flows.js';
import type { DayCorrection, DayCount, DayDelta, StockEvents } from '../../stats/stock-events.js';
import type { ReadScope } from '../user/access.js';

/**
 * Reads the registry as the plain facts src/stats computes over. Every person counts here,
 * anonymous or not: statistics include everyone, and presenters decide what may be shown by name.
 */

const flag = (value: number | null): boolean | null => (value === null ? null : Number(value) === 1);

/**
 * Every episode as a fact, or (`releasedInBatch`) only those released in a release batch: the deals
 * ledger needs no other, and they are a small part of a large registry.
 */
export async function selectEpisodeFacts(
  db: Db,
  which: 'all' | 'releasedInBatch' = 'all',
): Promise<EpisodeFact[]> {
  const inBatch = which === 'releasedInBatch';
  const [episodes, charges] = await Promise.all([
    db
      .selectFrom('episodes')
      .leftJoin('releases', 'releases.episodeId', 'episodes.id')
      .$if(inBatch, (query) => query.where('releases.batchId', 'is not', null))
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
      .$if(inBatch, (query) =>
        query
          .innerJoin('releases', 'releases.episodeId', 'episodeCharges.episodeId')
          .where('releases.batchId', 'is not', null),
      )
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

/**
 * Detentions, releases (by mode) and recognitions counted per recorded partial date, for the dates
 * that may fall in `window`: a few thousand rows whatever the registry's size (index-only scans,
 * migrations 0001 and 0015). The bounds are on the date as text, which sorts a year before its months
 * and days (ADR 0002): every date that may overlap [first, last] lies between first's year and last;
 * the few it lets through that do not overlap are dropped by the allocation, as any other date.
 */
/** Every day a partial date may name: the window of `selectFlowCounts` for counts of all time. */
export const ALL_DAYS: DaySpan = { first: '0001-01-01', last: '9999-12-31' };

export async function selectFlowCounts(db: Db, window: DaySpan): Promise<FlowDateCounts> {
  const lowest = window.first.slice(0, 4);
  const [detentions, releases, recognitions, undated] = await Promise.all([
    db
      .selectFrom('episodes')
      .select((eb) => ['detainedOn', eb.fn.countAll<string | number>().as('count')])
      .where('detainedOn', '>=', lowest)
      .where('detainedOn', '<=', window.last)
      .groupBy('detainedOn')
      .execute(),
    db
      .selectFrom('releases')
      .select((eb) => [
        'releasedOn',
        'mode',
        eb.case().when('batchId', 'is', null).then(0).else(1).end().as('inBatch'),
        eb.fn.countAll<string | number>().as('count'),
      ])
      .where('releasedOn', '>=', lowest)
      .where('releasedOn', '<=', window.last)
      .groupBy(['releasedOn', 'mode', 'inBatch'])
      .execute(),
    db
      .selectFrom('recognitions')
      .select((eb) => ['recognisedOn', 'afterRelease', eb.fn.countAll<string | number>().as('count')])
      .where('recognisedOn', '>=', lowest)
      .where('recognisedOn', '<=', window.last)
      .groupBy(['recognisedOn', 'afterRelease'])
      .execute(),
    db
      .selectFrom('recognitions')
      .select((eb) => eb.fn.countAll<string | number>().as('count'))
      .where('recognisedOn', 'is', null)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    detentions: detentions.map((row) => ({ on: row.detainedOn, count: Number(row.count) })),
    releases: releases.map((row) => ({
      on: row.releasedOn,
      mode: row.mode as FlowDateCounts['releases'][number]['mode'],
      inBatch: Number(row.inBatch) === 1,
      count: Number(row.count),
    })),
    recognitions: recognitions.map((row) => ({
      on: row.recognisedOn as string,
      afterRelease: Number(row.afterRelease) === 1,
      count: Number(row.count),
    })),
    undatedRecognitions: Number(undated.count),
  };
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

/**
 * The irregular episodes of stats/stock-events.ts, recomputed in two plain-SQL pieces (the same on both
 * dialects). `several`: every episode of a person with more than one, with its day bounds (read
 * once: the only pass over all of a million person ids). `inverted`: episodes whose imprecise
 * dates leave the certain span inverted (released_on_lo before detained_on_hi), found through the
 * partial indexes of migration 0014 instead of a join of every episode to its release.
 */
const several = sql`
  several as materialized (
    select e.id, e.person_id, e.detained_on_lo as plo, e.detained_on_hi as chi,
           r.released_on_lo as rlo, r.released_on_hi as rhi
      from (select person_id from episodes group by person_id having count(*) > 1) m
      join episodes e on e.person_id = m.person_id
      left join releases r on r.episode_id = e.id
  )`;
const inverted = sql`
  inverted as materialized (
    select e.detained_on_hi as chi, r.released_on_lo as rlo
      from episodes e join releases r on r.episode_id = e.id
     where e.detained_on_lo <> e.detained_on_hi and r.released_on_lo < e.detained_on_hi
    union all
    select e.detained_on_hi, r.released_on_lo
      from releases r join episodes e on e.id = r.episode_id
     where r.released_on_lo <> r.released_on_hi and r.released_on_lo < e.detained_on_hi
       and e.detained_on_lo = e.detained_on_hi
  )`;

/**
 * Per day, the change that turns the naive sums into persons. A person's spans are swept in order
 * of start: where a span begins before the reach of the same person's earlier spans, the overlap
 * [start, min(end, reach)) was counted twice and is taken out once. An inverted certain span,
 * counted as −1 on [released_on_lo, detained_on_hi), is given back. Only these rows leave the
 * database: none at all when no one's episodes overlap.
 */
async function selectCorrections(db: Db): Promise<DayCorrection[]> {
  const result = await sql<{ day: string; certain: string | number; possible: string | number }>`
    with ${several}, ${inverted},
    spans as (
      select 1 as certain, person_id, id, chi as s, rlo as e from several where rlo is null or rlo > chi
      union all
      select 0, person_id, id, plo, rhi from several where rhi is null or rhi > plo
    ),
    reached as (
      select certain, s, e,
             max(coalesce(e, ${sql.lit(OPEN_END)})) over (
               partition by certain, person_id order by s, id
               rows between unbounded preceding and 1 preceding) as reach
        from spans
    ),
    doubled as (
      select certain, s, case when e is not null and e < reach then e else reach end as until
        from reached where reach > s
    ),
    deltas as (
      select s as day, certain, -1 as delta from doubled
      union all
      select until, certain, 1 from doubled where until < ${sql.lit(OPEN_END)}
      union all
      select rlo, 1, 1 from inverted
      union all
      select chi, 1, -1 from inverted
    )
    select day,
           sum(case when certain = 1 then delta else 0 end) as certain,
           sum(case when certain = 0 then delta else 0 end) as possible
      from deltas
     group by day`.execute(db);
  return result.rows
    .map((row) => ({ day: row.day, certain: Number(row.certain), possible: Number(row.possible) }))
    .filter((row) => row.certain !== 0 || row.possible !== 0);
}

/**
 * The stock's day counts and corrections recomputed from every episode (decision 0014): what the
 * kept table of migration 0018 must equal, checked by `unfree stats verify` and the tests.
 */
export async function recomputeStockEvents(db: Db): Promise<StockEvents> {
  const [certainStarts, certainEnds, possibleStarts, possibleEnds, corrections] = await Promise.all([
    dayCounts(db, 'episodes', 'detainedOnHi'),
    dayCounts(db, 'releases', 'releasedOnLo'),
    dayCounts(db, 'episodes', 'detainedOnLo'),
    dayCounts(db, 'releases', 'releasedOnHi'),
    selectCorrections(db),
  ]);
  return { certainStarts, certainEnds, possibleStarts, possibleEnds, corrections };
}

/**
 * The change in persons held per day, as kept on write by the triggers of migration 0018: a few
 * thousand rows whatever the registry's size. Days whose change fell back to zero are skipped.
 */
export async function selectKeptDayDeltas(db: Db): Promise<DayDelta[]> {
  const rows = await db
    .selectFrom('stockDayDeltas')
    .select(['day', 'certain', 'possible'])
    .where((eb) => eb.or([eb('certain', '<>', 0), eb('possible', '<>', 0)]))
    .orderBy('day')
    .execute();
  return rows.map((row) => ({ day: row.day, certain: Number(row.certain), possible: Number(row.possible) }));
}

/**
 * Persons held on one day (ADR 0002): certainly held when detained_on_hi ≤ D < released_on_lo,
 * possibly when detained_on_lo ≤ D < released_on_hi; a person with several episodes counts once.
 * The sum of the kept changes up to D (migration 0018).
 */
export async function countHeldOn(db: Db, day: string): Promise<{ min: number; max: number }> {
  const row = await db
    .selectFrom('stockDayDeltas')
    .select((eb) => [
      eb.fn.coalesce(eb.fn.sum<string | number>('certain'), eb.lit(0)).as('certain'),
      eb.fn.coalesce(eb.fn.sum<string | number>('possible'), eb.lit(0)).as('possible'),
    ])
    .where('day', '<=', day)
    .executeTakeFirstOrThrow();
  return { min: Number(row.certain), max: Number(row.possible) };
}
