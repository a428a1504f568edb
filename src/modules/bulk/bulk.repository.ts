import { hash } from 'node:crypto';
import type { InsertObject } from 'kysely';
import type { Database, Db } from '../../db/database.js';
import { foldForSearch } from '../../lib/fold.js';
import { earliestDay, latestDay } from '../../lib/partial-date.js';
import type { RegistryBundle, RegistryPerson } from './bulk.schema.js';

/**
 * Multi-row INSERTs for bulk loads. Rows per statement keep every statement under SQLite's 32,766
 * and PostgreSQL's 65,535 bound parameters. Like the backup module, this writes the tables of
 * several modules: it is the one place rows go in by the thousand.
 */
const PARAMETERS_PER_STATEMENT = 30_000;

export type BulkTable = keyof Database;

export async function insertBatched<T extends BulkTable>(
  db: Db,
  table: T,
  rows: readonly InsertObject<Database, T>[],
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const perStatement = Math.max(1, Math.floor(PARAMETERS_PER_STATEMENT / Object.keys(first).length));
  for (let start = 0; start < rows.length; start += perStatement) {
    await db
      .insertInto(table)
      .values(rows.slice(start, start + perStatement))
      .execute();
  }
}

/** Ids among `ids` that exist in `table`, for references that point outside the bundle. */
export async function existingIds(
  db: Db,
  table: 'legalArticles' | 'facilities' | 'releaseBatches',
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom(table).select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((row) => row.id));
}

/** Ids of the legal articles already stored, by "code number" (an article exists once). */
export async function selectArticleIdsByReference(db: Db): Promise<Map<string, string>> {
  const rows = await db.selectFrom('legalArticles').select(['id', 'code', 'number']).execute();
  return new Map(rows.map((row) => [`${row.code} ${row.number}`, row.id]));
}

/** Rows of several tables, in the order they must be inserted (parents first). */
export type TableRows = { [T in BulkTable]?: InsertObject<Database, T>[] };

const flag = (value: boolean | null | undefined): number | null =>
  value === null || value === undefined ? null : value ? 1 : 0;

/** The stored rows of the fixed records (articles, facilities, batches), exactly as the services store them. */
export function fixedRows(fixed: RegistryBundle, now: string): TableRows {
  const stamp = { createdAt: now, updatedAt: now };
  return {
    legalArticles: fixed.articles.map((article) => ({
      id: article.id,
      code: article.code,
      number: article.number,
      titleEn: article.titleEn ?? null,
      titleBe: article.titleBe ?? null,
      titleRu: article.titleRu ?? null,
      ...stamp,
    })),
    facilities: fixed.facilities.map((facility) => ({
      id: facility.id,
      name: facility.name,
      type: facility.type,
      city: facility.city ?? null,
      region: facility.region ?? null,
      postalAddress: facility.postalAddress ?? null,
      letterNotes: facility.letterNotes ?? null,
      visibility: facility.visibility,
      ...stamp,
    })),
    releaseBatches: fixed.batches.map((batch) => ({
      id: batch.id,
      releasedOn: batch.releasedOn,
      announcedCount: batch.announcedCount ?? null,
      title: batch.title,
      destinationNote: batch.destinationNote ?? null,
      forcedExile: flag(batch.forcedExile),
      description: batch.description ?? null,
      visibility: batch.visibility,
      ...stamp,
    })),
  };
}

/**
 * The stored rows of persons and everything they carry: folded names, partial-date day bounds and
 * 0/1 flags as the person and episode repositories write them. Child ids are derived from the
 * parent's id and position, so the same bundle gives the same rows.
 */
export function personRows(
  persons: readonly RegistryPerson[],
  nameKeys: readonly { personId: string; key: string; variant: string; system: string }[],
  nameForms: readonly { personId: string; forms: string }[],
  now: string,
): TableRows {
  const stamp = { createdAt: now, updatedAt: now };
  const rows = {
    persons: [] as InsertObject<Database, 'persons'>[],
    personNames: [] as InsertObject<Database, 'personNames'>[],
    personOccupations: [] as InsertObject<Database, 'personOccupations'>[],
    personTies: [] as InsertObject<Database, 'personTies'>[],
    nameKeys: [...nameKeys],
    nameForms: [...nameForms],
    episodes: [] as InsertObject<Database, 'episodes'>[],
    episodeCharges: [] as InsertObject<Database, 'episodeCharges'>[],
    facilityStays: [] as InsertObject<Database, 'facilityStays'>[],
    releases: [] as InsertObject<Database, 'releases'>[],
    conditionEvents: [] as InsertObject<Database, 'conditionEvents'>[],
    recognitions: [] as InsertObject<Database, 'recognitions'>[],
  };
  // The parent's time part, then hash bits: time-ordered like newId, and the same for the same bundle.
  const childId = (parent: string, kind: number, position: number): string => {
    const bits = hash('sha256', `${parent}/${kind}/${position}`, 'hex');
    const variant = ((parseInt(bits.charAt(3), 16) & 0x3) | 0x8).toString(16);
    return `${parent.slice(0, 14)}7${bits.slice(0, 3)}-${variant}${bits.slice(4, 7)}-${bits.slice(7, 19)}`;
  };
  for (const person of persons) {
    const primary = Math.max(
      0,
      person.names.findIndex((name) => name.isPrimary),
    );
    const names = person.names.map((name, position) => ({
      id: childId(person.id, 1, position),
      personId: person.id,
      text: name.text,
      folded: foldForSearch(name.text),
      script: name.script,
      language: name.language,
      system: name.system ?? null,
      isPrimary: position === primary ? 1 : 0,
      position,
    }));
    rows.persons.push({
      id: person.id,
      visibility: person.visibility,
      anonymous: person.anonymous ? 1 : 0,
      birthDate: person.birthDate ?? null,
      gender: person.gender ?? null,
      region: person.region ?? null,
      biography: person.biography ?? null,
      internalNotes: person.internalNotes ?? null,
      contacts: person.contacts ?? null,
      sortName: names[primary]?.folded ?? null,
      ...stamp,
    });
    rows.personNames.push(...names);
    [...new Set(person.occupations)].forEach((occupation, position) =>
      rows.personOccupations.push({ personId: person.id, occupation, position }),
    );
    person.ties.forEach((tie, position) =>
      rows.personTies.push({
        id: childId(person.id, 2, position),
        personId: person.id,
        kind: tie.kind,
        country: tie.country,
        note: tie.note ?? null,
        position,
      }),
    );
    for (const episode of person.episodes) {
      rows.episodes.push({
        id: episode.id,
        personId: person.id,
        detainedOn: episode.detainedOn,
        detainedOnLo: earliestDay(episode.detainedOn),
        detainedOnHi: latestDay(episode.detainedOn),
        place: episode.place ?? null,
        preTrialMeasure: episode.preTrialMeasure ?? null,
        court: episode.court ?? null,
        verdictOn: episode.verdictOn ?? null,
        sentenceMonths: episode.sentenceMonths ?? null,
        sentenceRegime: episode.sentenceRegime ?? null,
        sentenceNote: episode.sentenceNote ?? null,
        visibility: episode.visibility,
        ...stamp,
      });
      episode.charges.forEach((charge, position) =>
        rows.episodeCharges.push({
          id: childId(episode.id, 1, position),
          episodeId: episode.id,
          articleId: charge.articleId,
          part: charge.part ?? null,
          note: charge.note ?? null,
          position,
        }),
      );
      episode.facilityStays.forEach((stay, position) =>
        rows.facilityStays.push({
          id: childId(episode.id, 2, position),
          episodeId: episode.id,
          facilityId: stay.facilityId,
          fromDate: stay.from ?? null,
          toDate: stay.to ?? null,
          note: stay.note ?? null,
          position,
        }),
      );
      const release = episode.release;
      if (release) {
        rows.releases.push({
          id: childId(episode.id, 3, 0),
          episodeId: episode.id,
          releasedOn: release.releasedOn,
          releasedOnLo: earliestDay(release.releasedOn),
          releasedOnHi: latestDay(release.releasedOn),
          mode: release.mode,
          batchId: release.batchId ?? null,
          destinationCountry: release.destinationCountry ?? null,
          forcedExile: flag(release.forcedExile),
          citizenshipStripped: flag(release.citizenshipStripped),
          note: release.note ?? null,
        });
      }
    }
    for (const event of person.conditionEvents) {
      rows.conditionEvents.push({
        id: event.id,
        personId: person.id,
        episodeId: event.episodeId ?? null,
        kind: event.kind,
        startedOn: event.startedOn ?? null,
        endedOn: event.endedOn ?? null,
        description: event.description ?? null,
        visibility: event.visibility,
        ...stamp,
      });
    }
    for (const recognition of person.recognitions) {
      rows.recognitions.push({
        id: recognition.id,
        personId: person.id,
        organisation: recognition.organisation,
        recognisedOn: recognition.recognisedOn ?? null,
        endedOn: recognition.endedOn ?? null,
        endReason: recognition.endReason ?? null,
        afterRelease: recognition.afterRelease ? 1 : 0,
        note: recognition.note ?? null,
        visibility: recognition.visibility,
        ...stamp,
      });
    }
  }
  return rows;
}

/** Inserts every table of `rows` in order; returns the rows written per table. */
export async function insertTableRows(db: Db, rows: TableRows): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [table, list] of Object.entries(rows) as [BulkTable, InsertObject<Database, BulkTable>[]][]) {
    await insertBatched(db, table, list);
    counts[table] = list.length;
  }
  return counts;
}
