import type { Services } from '../../app.js';
import { deepFreeze } from '../../lib/deep-freeze.js';
import type { EpisodeFilter, EpisodeRecord } from '../episode/episode.schema.js';
import type { PersonFilter, PersonRecord } from '../person/person.schema.js';
import type { Page } from '../shared/common.schema.js';

/**
 * The mirror reads one snapshot (a repeatable-read transaction), so a read asked twice has the same
 * answer: this remembers the latest answers of every read method, so that the three locales of one
 * address, written one after another, read the registry once. Bounded: the export walks
 * 100,000-person registries.
 */
const REMEMBERED = 2_000;

export function rememberingReads(services: Services): Services {
  const answers = new Map<string, unknown>();
  const remember = (key: string, read: () => unknown) => {
    if (answers.has(key)) return answers.get(key);
    const answer = read();
    if (answers.size >= REMEMBERED) answers.delete(answers.keys().next().value ?? '');
    answers.set(key, answer);
    return answer;
  };
  const latest = new Map<string, { key: string; answer: unknown }>();
  const rememberLatest = (method: string, key: string, read: () => unknown) => {
    const kept = latest.get(method);
    if (kept?.key === key) return kept.answer;
    const answer = read();
    latest.set(method, { key, answer });
    return answer;
  };
  const wrapped: Record<string, unknown> = {};
  for (const [name, service] of Object.entries(services)) {
    const methods: Record<string, unknown> = {};
    for (const [method, value] of Object.entries(service as Record<string, unknown>)) {
      methods[method] =
        typeof value === 'function'
          ? (...args: unknown[]) =>
              // A bulk read (a list of ids) comes once per chunk of pages: remembering them all would
              // hold the registry, so only its latest answer is kept (the next locale of a facility page).
              args.some(Array.isArray)
                ? rememberLatest(`${name}.${method}`, JSON.stringify(args), () =>
                    (value as (...a: unknown[]) => unknown).apply(service, args),
                  )
                : remember(`${name}.${method}:${JSON.stringify(args)}`, () =>
                    (value as (...a: unknown[]) => unknown).apply(service, args),
                  )
          : value;
    }
    wrapped[name] = methods;
  }
  return wrapped as Services;
}

/** Filters whose ordered ids are kept: the list pages link a handful (status, sort). */
const KEPT_ORDERS = 16;
/** Persons read ahead for the next list pages of a filter: 40 pages of 25 in one bulk read. */
const READ_AHEAD = 1_000;

/**
 * persons.find as the list pages ask it, page after page: each filter's ids are read once, in
 * order, and every page is cut from them, with exactly find's items and total; the records of the
 * next pages are read together (at 100,000 persons 1.7 ms per 50 persons in reads of 1,000, 2.9 ms
 * in reads of 50). OFFSET per page would make the 4,000 pages of a 100,000-person list quadratic.
 */
export function pagesFromOnePass(services: Services, readAhead = READ_AHEAD): Services {
  const orders = new Map<string, Promise<string[]>>();
  const ahead = new Map<
    string,
    { start: number; end: number; records: Promise<Map<string, PersonRecord>> }
  >();
  const persons = { ...services.persons, getMany: keptPersons(services.persons) };
  async function find(filter: PersonFilter): Promise<Page<PersonRecord>> {
    const { limit, offset, ...rest } = filter;
    const key = JSON.stringify(rest);
    let ordered = orders.get(key);
    if (!ordered) {
      if (orders.size >= KEPT_ORDERS) {
        const oldest = orders.keys().next().value ?? '';
        orders.delete(oldest);
        ahead.delete(oldest);
      }
      ordered = persons.ids(rest);
      orders.set(key, ordered);
    }
    const all = await ordered;
    const pageIds = all.slice(offset, offset + limit);
    let read = ahead.get(key);
    if (!read || offset < read.start || offset + limit > read.end) {
      const end = offset + Math.max(limit, readAhead);
      read = { start: offset, end, records: persons.getMany(all.slice(offset, end)) };
      ahead.set(key, read);
    }
    const records = await read.records;
    return { items: pageIds.flatMap((id) => records.get(id) ?? []), total: all.length, limit, offset };
  }
  return {
    ...services,
    persons: { ...persons, find },
    episodes: facilityPagesFromOnePass(services),
    // Every statistics page and dossier reads every episode: once for the whole export.
    stats: { ...services.stats, ...services.stats.inSnapshot() },
  };
}

/** Persons kept for the whole export, at most: 92,000 took 149 MB of heap (about 1.6 KB each). */
const KEPT_PERSONS = 250_000;

/**
 * persons.getMany reading each person once for the whole export: the person pages, the list pages
 * of every filter, the facility pages, the list downloads and the search index each read every
 * person they show (at 100,000 persons about 4.6 reads of each between them, 5.6 s a read of
 * all). Right only within one
 * snapshot; the records are frozen, as every reader shares them. Past KEPT_PERSONS, persons not
 * yet kept are read each time, as before.
 */
export function keptPersons(persons: Services['persons']): Services['persons']['getMany'] {
  // A person the viewer may not see is kept as null: asked again, it is not read again.
  const kept = new Map<string, PersonRecord | null>();
  return async (ids) => {
    const missing = [...new Set(ids.filter((id) => !kept.has(id)))];
    const read = missing.length > 0 ? await persons.getMany(missing) : new Map<string, PersonRecord>();
    if (kept.size + missing.length <= KEPT_PERSONS)
      for (const id of missing) kept.set(id, deepFreeze(read.get(id) ?? null));
    const found = new Map<string, PersonRecord>();
    for (const id of ids) {
      const record = kept.get(id) ?? read.get(id);
      if (record) found.set(id, record);
    }
    return found;
  };
}

/**
 * episodes.find as the facility pages ask it (a facility, a page): every facility's ordered ids
 * come from one read, each page's records from a bulk read, with exactly find's items and total.
 * A count and a page query per facility each walk every episode (0.3–0.8 s at 100,000 persons).
 */
function facilityPagesFromOnePass(services: Services): Services['episodes'] {
  const episodes = services.episodes;
  let byFacility: Promise<Map<string, string[]>> | undefined;
  async function find(filter: EpisodeFilter): Promise<Page<EpisodeRecord>> {
    const { limit, offset, facilityId, ...rest } = filter;
    if (!facilityId || Object.values(rest).some((value) => value !== undefined)) return episodes.find(filter);
    const all = (await (byFacility ??= episodes.idsByFacility())).get(facilityId) ?? [];
    const items = await episodes.getMany(all.slice(offset, offset + limit));
    return { items, total: all.length, limit, offset };
  }
  return { ...episodes, find };
}
