import { type Expression, type ExpressionBuilder, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Database, Db } from '../../db/database.js';
import type { ReadScope } from '../user/access.js';

/**
 * SQL for "what may this viewer read" (the policy itself is in modules/user/access.ts). Every
 * repository that lists or reads records for a viewer narrows its query with these conditions.
 *
 * They are correlated with the row being read (`EXISTS (… WHERE persons.id = episodes.person_id …)`),
 * never `id IN (SELECT id FROM persons WHERE …)`: SQLite materialises an uncorrelated list for every
 * statement, so each read cost a scan of the whole registry (docs/benchmarks.md); a correlated probe
 * goes through the primary key on both engines.
 */

/** One record (an id) or the record named by a column of the outer query (`sql.ref`). */
export type OnlyRecord = string | RawBuilder<string>;

/** The record whose id is in the outer query's column, for an EXISTS probe. */
export const atColumn = (outerColumn: string): RawBuilder<string> => sql.ref<string>(outerColumn);

/** Persons the scope may see: visible level, and not anonymous unless allowed. */
export function visiblePersonIds(db: Db, scope: ReadScope, only?: OnlyRecord) {
  let query = db.selectFrom('persons').select('persons.id').where('persons.visibility', 'in', scope.levels);
  if (!scope.anonymous) query = query.where('persons.anonymous', '=', 0);
  if (only !== undefined) query = query.where('persons.id', '=', only);
  return query;
}

/** The same condition on a row of persons itself (no subquery at all). */
export function personRowVisible(scope: ReadScope) {
  return (eb: ExpressionBuilder<Database, 'persons'>): Expression<SqlBool> => {
    const conditions = [eb('persons.visibility', 'in', scope.levels)];
    if (!scope.anonymous) conditions.push(eb('persons.anonymous', '=', 0));
    return eb.and(conditions);
  };
}

/** Episodes the scope may see: their own level, and their person visible. */
export function visibleEpisodeIds(db: Db, scope: ReadScope, only?: OnlyRecord) {
  const query = db
    .selectFrom('episodes')
    .select('episodes.id')
    .where('episodes.visibility', 'in', scope.levels)
    .where((eb) => eb.exists(visiblePersonIds(db, scope, atColumn('episodes.personId'))));
  return only === undefined ? query : query.where('episodes.id', '=', only);
}

/** The same condition on a row of episodes itself. */
export function episodeRowVisible(db: Db, scope: ReadScope) {
  return (eb: ExpressionBuilder<Database, 'episodes'>): Expression<SqlBool> =>
    eb.and([
      eb('episodes.visibility', 'in', scope.levels),
      eb.exists(visiblePersonIds(db, scope, atColumn('episodes.personId'))),
    ]);
}

/** Records of a person-bound table (recognitions, condition events) the scope may see. */
export function visiblePersonBoundIds(
  db: Db,
  table: 'recognitions' | 'conditionEvents',
  scope: ReadScope,
  only?: OnlyRecord,
) {
  const query = db
    .selectFrom(table)
    .select(`${table}.id`)
    .where(`${table}.visibility`, 'in', scope.levels)
    .where((eb) => eb.exists(visiblePersonIds(db, scope, atColumn(`${table}.personId`))));
  return only === undefined ? query : query.where(`${table}.id`, '=', only);
}

export function visibleIdsOfTable(
  db: Db,
  table: 'releaseBatches' | 'facilities' | 'countObservations' | 'sources',
  scope: ReadScope,
  only?: OnlyRecord,
) {
  const query = db.selectFrom(table).select(`${table}.id`).where(`${table}.visibility`, 'in', scope.levels);
  return only === undefined ? query : query.where(`${table}.id`, '=', only);
}

/** Ids of the records of each citable kind that the scope may see (null: every record). */
export function visibleIdsOfSubject(db: Db, subjectType: string, scope: ReadScope, only?: OnlyRecord) {
  switch (subjectType) {
    case 'person':
      return visiblePersonIds(db, scope, only);
    case 'episode':
      return visibleEpisodeIds(db, scope, only);
    case 'recognition':
      return visiblePersonBoundIds(db, 'recognitions', scope, only);
    case 'condition_event':
      return visiblePersonBoundIds(db, 'conditionEvents', scope, only);
    case 'batch':
      return visibleIdsOfTable(db, 'releaseBatches', scope, only);
    case 'facility':
      return visibleIdsOfTable(db, 'facilities', scope, only);
    case 'count_observation':
      return visibleIdsOfTable(db, 'countObservations', scope, only);
    case 'source':
      return visibleIdsOfTable(db, 'sources', scope, only);
    default:
      return null;
  }
}

type LooseEb = ExpressionBuilder<Record<string, Record<string, unknown>>, string>;

/** How a generic table is tied to what the viewer may see. */
export interface ScopeLinks {
  /** The table has its own visibility column. */
  visibility: boolean;
  /** Column holding the person the row belongs to (hidden with the person). */
  personColumn?: string;
  /** Column holding an optional episode (hidden with the episode when set). */
  episodeColumn?: string;
  /** Column holding a source (hidden with the source when set). */
  sourceColumn?: string;
  /** Rows that point at any citable record through subjectType/subjectId (citations). */
  subject?: { typeColumn: string; idColumn: string; types: readonly string[] };
}

/** The WHERE condition for a generic table, or null when the scope may read every row. */
export function scopeCondition(
  db: Db,
  table: string,
  links: ScopeLinks,
  scope: ReadScope,
): ((eb: LooseEb) => Expression<SqlBool>) | null {
  if (scope.everything) return null;
  // Qualified, so that inside a probe the outer column is never taken for the probed table's own.
  const column = (name: string) => `${table}.${name}`;
  return (eb) => {
    const conditions: Expression<SqlBool>[] = [];
    if (links.visibility) conditions.push(eb(column('visibility'), 'in', scope.levels));
    if (links.personColumn)
      conditions.push(eb.exists(visiblePersonIds(db, scope, atColumn(column(links.personColumn)))));
    if (links.episodeColumn) {
      const episode = column(links.episodeColumn);
      conditions.push(
        eb.or([eb(episode, 'is', null), eb.exists(visibleEpisodeIds(db, scope, atColumn(episode)))]),
      );
    }
    if (links.sourceColumn) {
      const source = column(links.sourceColumn);
      conditions.push(
        eb.or([eb(source, 'is', null), eb.exists(visibleIdsOfTable(db, 'sources', scope, atColumn(source)))]),
      );
    }
    if (links.subject) {
      const typeColumn = column(links.subject.typeColumn);
      const idColumn = column(links.subject.idColumn);
      conditions.push(
        eb.or(
          links.subject.types.map((type) => {
            const probe = visibleIdsOfSubject(db, type, scope, atColumn(idColumn));
            return probe === null
              ? eb(typeColumn, '=', type)
              : eb.and([eb(typeColumn, '=', type), eb.exists(probe)]);
          }),
        ),
      );
    }
    return eb.and(conditions);
  };
}

const EVERY_RECORD: ReadScope = {
  levels: ['public', 'internal', 'confidential'],
  anonymous: true,
  everything: true,
};

/** Whether one record of a citable kind exists and is visible to the scope. */
export async function isVisible(db: Db, subjectType: string, id: string, scope: ReadScope): Promise<boolean> {
  const query = visibleIdsOfSubject(db, subjectType, scope.everything ? EVERY_RECORD : scope, id);
  return query === null || (await query.executeTakeFirst()) !== undefined;
}
