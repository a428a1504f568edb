import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Db } from '../../db/database.js';
import type { ReadScope } from '../user/access.js';

/**
 * SQL for "what may this viewer read" (the policy itself is in modules/user/access.ts). Every
 * repository that lists or reads records for a viewer narrows its query with these subqueries.
 */

/** Persons the scope may see: visible level, and not anonymous unless allowed. */
export function visiblePersonIds(db: Db, scope: ReadScope, onlyId?: string) {
  let query = db.selectFrom('persons').select('persons.id').where('persons.visibility', 'in', scope.levels);
  if (!scope.anonymous) query = query.where('persons.anonymous', '=', 0);
  if (onlyId !== undefined) query = query.where('persons.id', '=', onlyId);
  return query;
}

/** Episodes the scope may see: their own level, and their person visible. */
export function visibleEpisodeIds(db: Db, scope: ReadScope, onlyId?: string) {
  const query = db
    .selectFrom('episodes')
    .select('episodes.id')
    .where('episodes.visibility', 'in', scope.levels)
    .where('episodes.personId', 'in', visiblePersonIds(db, scope));
  return onlyId === undefined ? query : query.where('episodes.id', '=', onlyId);
}

/** Records of a person-bound table (recognitions, condition events) the scope may see. */
export function visiblePersonBoundIds(
  db: Db,
  table: 'recognitions' | 'conditionEvents',
  scope: ReadScope,
  onlyId?: string,
) {
  const query = db
    .selectFrom(table)
    .select('id')
    .where('visibility', 'in', scope.levels)
    .where('personId', 'in', visiblePersonIds(db, scope));
  return onlyId === undefined ? query : query.where('id', '=', onlyId);
}

export function visibleIdsOfTable(
  db: Db,
  table: 'releaseBatches' | 'facilities' | 'countObservations' | 'sources',
  scope: ReadScope,
  onlyId?: string,
) {
  const query = db.selectFrom(table).select('id').where('visibility', 'in', scope.levels);
  return onlyId === undefined ? query : query.where('id', '=', onlyId);
}

/** Ids of the records of each citable kind that the scope may see (null: every record). */
export function visibleIdsOfSubject(db: Db, subjectType: string, scope: ReadScope, onlyId?: string) {
  switch (subjectType) {
    case 'person':
      return visiblePersonIds(db, scope, onlyId);
    case 'episode':
      return visibleEpisodeIds(db, scope, onlyId);
    case 'recognition':
      return visiblePersonBoundIds(db, 'recognitions', scope, onlyId);
    case 'condition_event':
      return visiblePersonBoundIds(db, 'conditionEvents', scope, onlyId);
    case 'batch':
      return visibleIdsOfTable(db, 'releaseBatches', scope, onlyId);
    case 'facility':
      return visibleIdsOfTable(db, 'facilities', scope, onlyId);
    case 'count_observation':
      return visibleIdsOfTable(db, 'countObservations', scope, onlyId);
    case 'source':
      return visibleIdsOfTable(db, 'sources', scope, onlyId);
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
  links: ScopeLinks,
  scope: ReadScope,
): ((eb: LooseEb) => Expression<SqlBool>) | null {
  if (scope.everything) return null;
  return (eb) => {
    const conditions: Expression<SqlBool>[] = [];
    if (links.visibility) conditions.push(eb('visibility', 'in', scope.levels));
    if (links.personColumn)
      conditions.push(eb(links.personColumn, 'in', visiblePersonIds(db, scope) as never));
    if (links.episodeColumn) {
      conditions.push(
        eb.or([
          eb(links.episodeColumn, 'is', null),
          eb(links.episodeColumn, 'in', visibleEpisodeIds(db, scope) as never),
        ]),
      );
    }
    if (links.sourceColumn) {
      conditions.push(
        eb.or([
          eb(links.sourceColumn, 'is', null),
          eb(links.sourceColumn, 'in', visibleIdsOfTable(db, 'sources', scope) as never),
        ]),
      );
    }
    if (links.subject) {
      const { typeColumn, idColumn, types } = links.subject;
      conditions.push(
        eb.or(
          types.map((type) => {
            const ids = visibleIdsOfSubject(db, type, scope);
            return ids === null
              ? eb(typeColumn, '=', type)
              : eb.and([eb(typeColumn, '=', type), eb(idColumn, 'in', ids as never)]);
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
