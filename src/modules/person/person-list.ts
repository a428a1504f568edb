import { z } from 'zod';
import type { Services } from '../../app.js';
import { idSchema } from '../shared/common.schema.js';
import type { Page } from '../shared/common.schema.js';
import { PERSON_SORTS, type PersonFilter, type PersonRecord } from './person.schema.js';

/**
 * The public list of prisoners: its query (shared by the page and its CSV/JSON downloads) and the
 * one function that runs it, so a download holds exactly what the page shows.
 */
export const LIST_SORTS = ['relevance', ...PERSON_SORTS] as const;
export const PAGE_SIZE = 25;
/** A download holds the whole filtered list, up to this many persons. */
export const DOWNLOAD_LIMIT = 10_000;
const SEARCH_LIMIT = 100;

export const personListQuerySchema = z.object({
  q: z.string().trim().min(1).max(200).optional(),
  status: z.enum(['held', 'released']).optional(),
  region: z.string().trim().min(1).max(200).optional(),
  facility: idSchema.optional(),
  article: idSchema.optional(),
  occupation: z.string().trim().min(1).max(100).optional(),
  sentenceMin: z.coerce.number().int().min(0).max(1200).optional(),
  sentenceMax: z.coerce.number().int().min(0).max(1200).optional(),
  detainedFrom: z.iso.date().optional(),
  detainedTo: z.iso.date().optional(),
  sort: z.enum(LIST_SORTS).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});
export type PersonListQuery = z.output<typeof personListQuerySchema>;

/** The query's filters as they appear in links (the page number left out). */
export function listLinkQuery(query: PersonListQuery): Record<string, string | number | undefined> {
  const { page: _page, ...rest } = query;
  return rest;
}

function filterOf(query: PersonListQuery, limit: number, offset: number): PersonFilter {
  const sort = query.sort && query.sort !== 'relevance' ? query.sort : 'name';
  return {
    limit,
    offset,
    sort,
    status: query.status,
    region: query.region,
    occupation: query.occupation,
    facilityId: query.facility,
    articleId: query.article,
    sentenceMonthsMin: query.sentenceMin,
    sentenceMonthsMax: query.sentenceMax,
    detainedFrom: query.detainedFrom,
    detainedTo: query.detainedTo,
  };
}

/**
 * A name typed in any script goes through the cross-script search (best match first); the other
 * filters then narrow its hits. Without a name, the filters and the sort run in SQL.
 */
export async function runPersonList(
  services: Services,
  query: PersonListQuery,
  limit: number,
  offset: number,
): Promise<Page<PersonRecord>> {
  const filter = filterOf(query, limit, offset);
  if (query.q === undefined) return services.persons.find(filter);
  const hits = await services.persons.search(query.q, SEARCH_LIMIT);
  const order = query.sort && query.sort !== 'relevance' ? 'sort' : 'given';
  return services.persons.findAmong(
    hits.map((hit) => hit.personId),
    filter,
    order,
  );
}
