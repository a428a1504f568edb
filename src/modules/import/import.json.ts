import type { z } from 'zod';
import type { RecordServices as Services } from '../../app.js';
import { canonicalJson } from '../../lib/canonical-json.js';
import { AppError, isAppError } from '../../lib/errors.js';
import { issuesOf } from '../../lib/validation.js';
import { createBatchSchema, updateBatchSchema } from '../batch/batch.schema.js';
import {
  createCountObservationSchema,
  updateCountObservationSchema,
} from '../count-observation/count-observation.schema.js';
import { createCounterpartSchema, updateCounterpartSchema } from '../counterpart/counterpart.schema.js';
import { createEpisodeSchema, updateEpisodeSchema } from '../episode/episode.schema.js';
import { exportedBatch, exportedEpisode, exportedPerson, pickExported } from '../export/export.presenter.js';
import {
  EXPORT_COLLECTIONS,
  EXPORT_FORMAT,
  EXPORT_VERSION,
  type ExportCollection,
  type ExportDocument,
  exportCounterpartSchema,
  exportCountObservationSchema,
  exportDocumentSchema,
  exportFacilitySchema,
  exportLegalArticleSchema,
  exportRecognitionSchema,
  exportSourceSchema,
} from '../export/export.schema.js';
import { createFacilitySchema, updateFacilitySchema } from '../facility/facility.schema.js';
import { createLegalArticleSchema, updateLegalArticleSchema } from '../legal-article/legal-article.schema.js';
import { createPersonSchema, updatePersonSchema } from '../person/person.schema.js';
import { createRecognitionSchema, updateRecognitionSchema } from '../recognition/recognition.schema.js';
import { createSourceSchema, updateSourceSchema } from '../source/source.schema.js';
import { addMessage, importMessage, plainMessage } from '../../ingest/import/messages.js';
import type { ImportRowReport } from './import.schema.js';

/**
 * Imports a file in the export format (any version this code can read) through the services,
 * keeping the records' ids: a record whose id exists is compared with what the file says and
 * updated only where they differ, so importing an export twice changes nothing the second time,
 * and export → import into an empty database → export gives the same document.
 */

/** Upgrades of older export versions to the current one; version 1 is the first. */
const UPGRADES: Record<number, (document: Record<string, unknown>) => Record<string, unknown>> = {};

export function readExportDocument(value: unknown): ExportDocument {
  const document = value as Record<string, unknown> | null;
  if (!document || typeof document !== 'object' || document.format !== EXPORT_FORMAT) {
    throw new AppError('validation_failed', `not an unfree export: "format" must be "${EXPORT_FORMAT}"`, [
      { path: 'format', message: `must be ${EXPORT_FORMAT}` },
    ]);
  }
  let upgraded = document;
  let version = Number(document.version);
  if (!Number.isInteger(version) || version < 1 || version > EXPORT_VERSION) {
    throw new AppError(
      'validation_failed',
      `export version ${String(document.version)} cannot be read by this unfree (it reads versions 1 to ${EXPORT_VERSION})`,
      [{ path: 'version', message: 'unknown version' }],
    );
  }
  for (; version < EXPORT_VERSION; version += 1) {
    const upgrade = UPGRADES[version];
    if (!upgrade) throw new AppError('internal', `no upgrade from export version ${version}`);
    upgraded = upgrade(upgraded);
  }
  const result = exportDocumentSchema.safeParse(upgraded);
  if (!result.success) {
    const issues = issuesOf(result.error);
    throw new AppError(
      'validation_failed',
      `the export file is not valid: ${issues
        .slice(0, 5)
        .map((issue) => `${issue.path}: ${issue.message}`)
        .join('; ')}`,
      issues,
    );
  }
  return result.data;
}

interface Kind<T extends { id: string }> {
  entity: string;
  /** The stored record in export form, with its version; null when the id does not exist. */
  load(id: string): Promise<{ exported: T; version: number } | null>;
  create(record: T): Promise<unknown>;
  update(record: T, version: number): Promise<unknown>;
}

async function orNull<T>(promise: Promise<T>): Promise<T | null> {
  try {
    return await promise;
  } catch (error) {
    if (isAppError(error) && error.code === 'not_found') return null;
    throw error;
  }
}

function parse<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issues = issuesOf(result.error);
    throw new AppError(
      'validation_failed',
      issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '),
      issues,
    );
  }
  return result.data;
}

const withoutId = <T extends { id: string }>({ id: _id, ...rest }: T): Omit<T, 'id'> => rest;
const everything = { facility: () => true, batch: () => true };

function kinds(
  services: Services,
  articleIds: Map<string, string>,
): { [K in ExportCollection]: Kind<ExportDocument[K][number]> } {
  const article = (id: string) => articleIds.get(id) ?? id;
  const simple = <T extends { id: string }>(
    entity: string,
    service: {
      get(id: string): Promise<{ version: number }>;
      create(input: never, options: { id: string }): Promise<unknown>;
      update(id: string, patch: never): Promise<unknown>;
    },
    exportSchema: z.ZodObject<z.ZodRawShape>,
    createSchema: z.ZodType,
    updateSchema: z.ZodType,
    extra: Record<string, unknown> = {},
  ): Kind<T> => ({
    entity,
    async load(id) {
      const record = await orNull(service.get(id));
      return record
        ? { exported: pickExported(exportSchema, record) as unknown as T, version: record.version }
        : null;
    },
    create: (record) =>
      service.create(parse(createSchema, { ...withoutId(record), ...extra }) as never, { id: record.id }),
    update: (record, version) =>
      service.update(record.id, parse(updateSchema, { ...withoutId(record), version }) as never),
  });
  const publicRecord = { visibility: 'public' };
  return {
    legalArticles: {
      ...simple(
        'legal_article',
        services.legalArticles,
        exportLegalArticleSchema,
        createLegalArticleSchema,
        updateLegalArticleSchema,
      ),
    },
    facilities: simple(
      'facility',
      services.facilities,
      exportFacilitySchema,
      createFacilitySchema,
      updateFacilitySchema,
      publicRecord,
    ),
    counterparts: simple(
      'counterpart',
      services.counterparts,
      exportCounterpartSchema,
      createCounterpartSchema,
      updateCounterpartSchema,
    ),
    sources: {
      ...simple(
        'source',
        services.sources,
        exportSourceSchema,
        createSourceSchema,
        updateSourceSchema,
        publicRecord,
      ),
      // The checksum is the registry's own, computed from the stored copy on save.
      create: ({ sha256: _sha256, ...record }) =>
        services.sources.create(parse(createSourceSchema, { ...withoutId(record), ...publicRecord }), {
          id: record.id,
        }),
      update: ({ sha256: _sha256, ...record }, version) =>
        services.sources.update(record.id, parse(updateSourceSchema, { ...withoutId(record), version })),
    },
    recognitions: simple(
      'recognition',
      services.recognitions,
      exportRecognitionSchema,
      createRecognitionSchema,
      updateRecognitionSchema,
      publicRecord,
    ),
    countObservations: simple(
      'count_observation',
      services.countObservations,
      exportCountObservationSchema,
      createCountObservationSchema,
      updateCountObservationSchema,
      publicRecord,
    ),
    persons: {
      entity: 'person',
      async load(id) {
        const record = await orNull(services.persons.get(id));
        return record ? { exported: exportedPerson(record), version: record.version } : null;
      },
      create: (record) =>
        services.persons.create(
          parse(createPersonSchema, { ...withoutId(record), visibility: 'public', anonymous: false }),
          { id: record.id },
        ),
      update: (record, version) =>
        services.persons.update(record.id, parse(updatePersonSchema, { ...withoutId(record), version })),
    },
    batches: {
      entity: 'batch',
      async load(id) {
        const record = await orNull(services.batches.get(id));
        return record ? { exported: exportedBatch(record), version: record.version } : null;
      },
      create: (record) =>
        services.batches.create(parse(createBatchSchema, { ...withoutId(record), visibility: 'public' }), {
          id: record.id,
        }),
      update: (record, version) =>
        services.batches.update(record.id, parse(updateBatchSchema, { ...withoutId(record), version })),
    },
    episodes: {
      entity: 'episode',
      async load(id) {
        const record = await orNull(services.episodes.get(id));
        return record ? { exported: exportedEpisode(record, everything), version: record.version } : null;
      },
      create: (record) =>
        services.episodes.create(
          parse(createEpisodeSchema, {
            ...withoutId(record),
            charges: record.charges.map((charge) => ({ ...charge, articleId: article(charge.articleId) })),
            visibility: 'public',
          }),
          { id: record.id },
        ),
      update: (record, version) => {
        const { personId: _personId, ...content } = withoutId(record);
        return services.episodes.update(
          record.id,
          parse(updateEpisodeSchema, {
            ...content,
            charges: record.charges.map((charge) => ({ ...charge, articleId: article(charge.articleId) })),
            version,
          }),
        );
      },
    },
  };
}

/** Applies every record of the document in reference order; a record that breaks a rule is rejected. */
export async function applyExportDocument(
  services: Services,
  document: ExportDocument,
): Promise<ImportRowReport[]> {
  const articleIds = new Map<string, string>();
  const handlers = kinds(services, articleIds);
  const reports: ImportRowReport[] = [];
  for (const collection of EXPORT_COLLECTIONS) {
    const handler = handlers[collection] as Kind<{ id: string }>;
    const records = document[collection] as { id: string }[];
    for (const [index, incoming] of records.entries()) {
      const report: ImportRowReport = {
        line: index,
        entity: handler.entity,
        outcome: 'reject',
        recordId: incoming.id,
        messages: [],
        details: [],
        cells: [],
        actions: [],
      };
      reports.push(report);
      try {
        let record = incoming;
        if (collection === 'legalArticles') {
          const article = incoming as ExportDocument['legalArticles'][number];
          const same = await services.legalArticles.find({
            code: article.code,
            number: article.number,
            limit: 1,
            offset: 0,
          });
          const stored = same.items[0];
          if (stored && stored.id !== article.id) {
            articleIds.set(article.id, stored.id);
            record = { ...article, id: stored.id };
            addMessage(
              { texts: report.messages, details: report.details },
              importMessage('articleStored', { code: article.code, number: article.number, id: stored.id }),
            );
          }
        }
        const stored = await handler.load(record.id);
        if (!stored) {
          await handler.create(record);
          report.outcome = 'create';
        } else if (canonicalJson(stored.exported) === canonicalJson(record)) {
          report.outcome = 'unchanged';
        } else {
          await handler.update(record, stored.version);
          report.outcome = 'update';
        }
        report.recordId = record.id;
        const before = (stored?.exported ?? {}) as Record<string, unknown>;
        const fields = Object.entries(record)
          .filter(([key, value]) => canonicalJson(before[key] ?? null) !== canonicalJson(value))
          .map(([key]) => key);
        report.actions.push({ entity: handler.entity, action: report.outcome, id: record.id, fields });
      } catch (error) {
        if (!isAppError(error) || error.code === 'internal') throw error;
        report.outcome = 'reject';
        addMessage({ texts: report.messages, details: report.details }, plainMessage(error.message));
      }
    }
  }
  return reports;
}
