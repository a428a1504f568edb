import { createHash } from 'node:crypto';
import type { Database, Db } from '../../db/database.js';
import type { RecordServices as Services } from '../../app.js';
import type { Clock } from '../shared/clock.js';
import type { Page } from '../shared/common.schema.js';
import { type CsvTable, csvTables, csvText, popoloDocument } from './export.formats.js';
import { exportedBatch, exportedEpisode, exportedPerson, pickExported } from './export.presenter.js';
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  type ExportDocument,
  exportCounterpartSchema,
  exportCountObservationSchema,
  exportFacilitySchema,
  exportLegalArticleSchema,
  exportRecognitionSchema,
  exportSourceSchema,
} from './export.schema.js';
import type { Transaction } from 'kysely';

/** The licence the public data is published under; shown with every download. */
export const DATA_LICENCE =
  'The data of unfree is published under the Creative Commons Attribution 4.0 International licence ' +
  '(CC BY 4.0, https://creativecommons.org/licenses/by/4.0/): you may share and adapt it, also ' +
  'commercially, if you credit unfree and keep the sources cited with each record.';

export interface ExportServiceDeps {
  db: Db;
  clock: Clock;
  /** Services that read with the public's eyes: the export holds public data only. */
  publicServicesOn: (db: Db) => Services;
}

export interface DownloadFile {
  name: string;
  mediaType: string;
  content: Buffer;
  sha256: string;
}

export interface Downloads {
  generatedAt: string;
  licence: string;
  files: DownloadFile[];
}

const PAGE = 500;

async function everything<T>(
  find: (page: { limit: number; offset: number }) => Promise<Page<T>>,
): Promise<T[]> {
  const items: T[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await find({ limit: PAGE, offset });
    items.push(...page.items);
    if (page.items.length < PAGE) return items;
  }
}

const byId = <T extends { id: string }>(items: T[]): T[] => items.sort((a, b) => (a.id < b.id ? -1 : 1));

function file(name: string, mediaType: string, text: string): DownloadFile {
  const content = Buffer.from(text, 'utf8');
  return { name, mediaType, content, sha256: createHash('sha256').update(content).digest('hex') };
}

export function createExportService(deps: ExportServiceDeps) {
  async function read(trx: Db): Promise<ExportDocument> {
    const services = deps.publicServicesOn(trx);
    const facilities = byId(await everything((page) => services.facilities.find(page)));
    const batches = byId(await everything((page) => services.batches.find(page)));
    const sources = byId(await everything((page) => services.sources.find(page)));
    const facilityIds = new Set(facilities.map((facility) => facility.id));
    const batchIds = new Set(batches.map((batch) => batch.id));
    const exported = {
      facility: (id: string) => facilityIds.has(id),
      batch: (id: string) => batchIds.has(id),
    };
    const sourceIds = new Set(sources.map((source) => source.id));
    // Persons and what hangs on them in bulk reads by person: OFFSET pages of 500 are quadratic.
    // Only a visible person's episodes and recognitions are visible, so these are all of them.
    const personIds = await services.persons.ids({ sort: 'createdAt' });
    const persons = await services.persons.getMany(personIds);
    return {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      generatedAt: deps.clock().toISOString(),
      licence: DATA_LICENCE,
      legalArticles: byId(await everything((page) => services.legalArticles.find(page))).map((article) =>
        pickExported(exportLegalArticleSchema, article),
      ),
      facilities: facilities.map((facility) => pickExported(exportFacilitySchema, facility)),
      counterparts: byId(await everything((page) => services.counterparts.find(page))).map((counterpart) =>
        pickExported(exportCounterpartSchema, counterpart),
      ),
      sources: sources.map((source) => pickExported(exportSourceSchema, source)),
      persons: byId([...persons.values()]).map(exportedPerson),
      recognitions: byId(await services.recognitions.findWhereIn('personId', personIds)).map((recognition) =>
        pickExported(exportRecognitionSchema, recognition),
      ),
      batches: batches.map(exportedBatch),
      episodes: byId([...(await services.episodes.listForPersons(personIds)).values()].flat()).map(
        (episode) => exportedEpisode(episode, exported),
      ),
      countObservations: byId(await everything((page) => services.countObservations.find(page))).map(
        (observation) => {
          const picked = pickExported(exportCountObservationSchema, observation);
          return {
            ...picked,
            sourceId: picked.sourceId && sourceIds.has(picked.sourceId) ? picked.sourceId : null,
          };
        },
      ),
    };
  }

  /** The public data as one document, read in one snapshot so references between records hold. */
  async function document(): Promise<ExportDocument> {
    if (deps.db.isTransaction) return read(deps.db);
    return deps.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute((trx: Transaction<Database>) => read(trx));
  }

  return {
    document,

    async csv(): Promise<{ table: CsvTable; text: string }[]> {
      return csvTables(await document()).map((table) => ({ table, text: csvText(table) }));
    },

    async popolo() {
      return popoloDocument(await document());
    },

    /** The files of the public /data downloads, each with its SHA-256, plus checksums.txt and the licence. */
    async downloads(): Promise<Downloads> {
      const doc = await document();
      const files = [
        file('unfree-public.json', 'application/json', `${JSON.stringify(doc, null, 2)}\n`),
        file('unfree-popolo.json', 'application/json', `${JSON.stringify(popoloDocument(doc), null, 2)}\n`),
        ...csvTables(doc).map((table) => file(`${table.name}.csv`, 'text/csv', csvText(table))),
        file('LICENCE.txt', 'text/plain', `${doc.licence}\n`),
      ];
      const checksums = files.map((entry) => `${entry.sha256}  ${entry.name}\n`).join('');
      return {
        generatedAt: doc.generatedAt,
        licence: doc.licence,
        files: [...files, file('checksums.txt', 'text/plain', checksums)],
      };
    },
  };
}
export type ExportService = ReturnType<typeof createExportService>;
