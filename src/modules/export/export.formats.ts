import { stringify } from 'csv-stringify/sync';
import type { ExportDocument } from './export.schema.js';

/**
 * The other shapes of an export document: CSV tables (one per record kind and child list) and
 * Popolo. Pure functions of the document, so every format says exactly what the JSON says.
 */

/**
 * A cell a spreadsheet would run as a formula (=HYPERLINK(…), +1, -1, @SUM, or a leading tab or
 * carriage return) gets a leading apostrophe: the text survives, nothing runs (CSV injection).
 */
export function escapeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

type Cell = string | number | boolean | null | undefined;

function cellText(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return String(value);
  return escapeFormula(value);
}

export interface CsvTable {
  name: string;
  columns: readonly string[];
  rows: readonly (readonly Cell[])[];
}

export function csvText(table: CsvTable): string {
  return stringify([table.columns, ...table.rows.map((row) => row.map(cellText))], {
    record_delimiter: 'unix',
  });
}

export function csvTables(document: ExportDocument): CsvTable[] {
  const table = <T>(
    name: string,
    columns: readonly string[],
    items: readonly T[],
    row: (item: T) => Cell[],
  ) => ({
    name,
    columns,
    rows: items.map(row),
  });
  const episodes = document.episodes;
  return [
    table(
      'persons',
      ['id', 'name', 'birthDate', 'gender', 'region', 'occupations', 'biography'],
      document.persons,
      (p) => [
        p.id,
        (p.names.find((n) => n.isPrimary) ?? p.names[0])?.text,
        p.birthDate,
        p.gender,
        p.region,
        p.occupations.join('; '),
        p.biography,
      ],
    ),
    table(
      'person_names',
      ['personId', 'position', 'text', 'script', 'language', 'system', 'isPrimary'],
      document.persons.flatMap((p) =>
        p.names.map((name, position) => ({ personId: p.id, position, ...name })),
      ),
      (n) => [n.personId, n.position, n.text, n.script, n.language, n.system, n.isPrimary],
    ),
    table(
      'person_ties',
      ['personId', 'kind', 'country', 'note'],
      document.persons.flatMap((p) => p.ties.map((tie) => ({ personId: p.id, ...tie }))),
      (t) => [t.personId, t.kind, t.country, t.note],
    ),
    table(
      'recognitions',
      ['id', 'personId', 'organisation', 'recognisedOn', 'endedOn', 'endReason', 'afterRelease', 'note'],
      document.recognitions,
      (r) => [
        r.id,
        r.personId,
        r.organisation,
        r.recognisedOn,
        r.endedOn,
        r.endReason,
        r.afterRelease,
        r.note,
      ],
    ),
    table(
      'episodes',
      [
        'id',
        'personId',
        'detainedOn',
        'place',
        'preTrialMeasure',
        'court',
        'verdictOn',
        'sentenceMonths',
        'sentenceRegime',
        'sentenceNote',
      ],
      episodes,
      (e) => [
        e.id,
        e.personId,
        e.detainedOn,
        e.place,
        e.preTrialMeasure,
        e.court,
        e.verdictOn,
        e.sentenceMonths,
        e.sentenceRegime,
        e.sentenceNote,
      ],
    ),
    table(
      'charges',
      ['episodeId', 'articleId', 'part', 'note'],
      episodes.flatMap((e) => e.charges.map((charge) => ({ episodeId: e.id, ...charge }))),
      (c) => [c.episodeId, c.articleId, c.part, c.note],
    ),
    table(
      'facility_stays',
      ['episodeId', 'facilityId', 'from', 'to', 'note'],
      episodes.flatMap((e) => e.facilityStays.map((stay) => ({ episodeId: e.id, ...stay }))),
      (s) => [s.episodeId, s.facilityId, s.from, s.to, s.note],
    ),
    table(
      'releases',
      [
        'episodeId',
        'releasedOn',
        'mode',
        'batchId',
        'destinationCountry',
        'forcedExile',
        'citizenshipStripped',
        'note',
      ],
      episodes.flatMap((e) => (e.release ? [{ episodeId: e.id, ...e.release }] : [])),
      (r) => [
        r.episodeId,
        r.releasedOn,
        r.mode,
        r.batchId,
        r.destinationCountry,
        r.forcedExile,
        r.citizenshipStripped,
        r.note,
      ],
    ),
    table(
      'batches',
      ['id', 'releasedOn', 'announcedCount', 'title', 'destinationNote', 'forcedExile', 'description'],
      document.batches,
      (b) => [b.id, b.releasedOn, b.announcedCount, b.title, b.destinationNote, b.forcedExile, b.description],
    ),
    table(
      'batch_counterparts',
      ['batchId', 'counterpartId', 'role'],
      document.batches.flatMap((b) => b.counterparts.map((link) => ({ batchId: b.id, ...link }))),
      (l) => [l.batchId, l.counterpartId, l.role],
    ),
    table(
      'concessions',
      ['batchId', 'kind', 'target', 'givenById', 'description', 'announcedOn'],
      document.batches.flatMap((b) => b.concessions.map((concession) => ({ batchId: b.id, ...concession }))),
      (c) => [c.batchId, c.kind, c.target, c.givenById, c.description, c.announcedOn],
    ),
    table(
      'legal_articles',
      ['id', 'code', 'number', 'titleEn', 'titleBe', 'titleRu'],
      document.legalArticles,
      (a) => [a.id, a.code, a.number, a.titleEn, a.titleBe, a.titleRu],
    ),
    table(
      'facilities',
      ['id', 'name', 'type', 'city', 'region', 'postalAddress', 'letterNotes'],
      document.facilities,
      (f) => [f.id, f.name, f.type, f.city, f.region, f.postalAddress, f.letterNotes],
    ),
    table('counterparts', ['id', 'name', 'kind', 'country'], document.counterparts, (c) => [
      c.id,
      c.name,
      c.kind,
      c.country,
    ]),
    table(
      'sources',
      ['id', 'url', 'title', 'publisher', 'publishedOn', 'retrievedOn', 'kind', 'text', 'sha256'],
      document.sources,
      (s) => [s.id, s.url, s.title, s.publisher, s.publishedOn, s.retrievedOn, s.kind, s.text, s.sha256],
    ),
    table(
      'count_observations',
      ['id', 'organisation', 'metric', 'observedOn', 'count', 'qualifier', 'note', 'sourceId'],
      document.countObservations,
      (o) => [o.id, o.organisation, o.metric, o.observedOn, o.count, o.qualifier, o.note, o.sourceId],
    ),
  ];
}

/**
 * Popolo (popoloproject.com) for the fields the two share: persons with their other names,
 * organizations (facilities and counterparts) and memberships (a stay in a facility). Popolo dates
 * are ISO 8601 of reduced precision, so partial dates pass unchanged.
 */
export function popoloDocument(document: ExportDocument) {
  return {
    persons: document.persons.map((person) => {
      const primary = person.names.find((name) => name.isPrimary) ?? person.names[0];
      return {
        id: person.id,
        name: primary?.text ?? '',
        other_names: person.names
          .filter((name) => name !== primary)
          .map((name) => ({ name: name.text, note: `${name.language}, ${name.script}` })),
        ...(person.birthDate ? { birth_date: person.birthDate } : {}),
        ...(person.gender ? { gender: person.gender } : {}),
        ...(person.biography ? { biography: person.biography } : {}),
      };
    }),
    organizations: [
      ...document.facilities.map((facility) => ({
        id: facility.id,
        name: facility.name,
        classification: `facility: ${facility.type}`,
      })),
      ...document.counterparts.map((counterpart) => ({
        id: counterpart.id,
        name: counterpart.name,
        classification: `counterpart: ${counterpart.kind}`,
      })),
    ],
    memberships: document.episodes.flatMap((episode) =>
      episode.facilityStays.map((stay) => ({
        person_id: episode.personId,
        organization_id: stay.facilityId,
        role: 'prisoner',
        ...(stay.from ? { start_date: stay.from } : {}),
        ...(stay.to ? { end_date: stay.to } : {}),
      })),
    ),
  };
}
