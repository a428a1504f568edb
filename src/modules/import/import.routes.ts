import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServicesFor } from '../../app.js';
import { AppError } from '../../lib/errors.js';
import { parseInput } from '../../lib/validation.js';
import { submittedDraftSchema } from '../draft/draft.schema.js';
import { mayPublish } from '../user/access.js';
import { tooLarge } from './import.service.js';
import {
  columnMappingSchema,
  importMappingRecordSchema,
  importQuerySchema,
  importReportSchema,
  mappingNameSchema,
} from './import.schema.js';

/**
 * From an editor who may not publish, an import is kept as a draft for review (docs/decisions/0024).
 * POST /imports takes one file as multipart/form-data (field "file"; an optional field "columns"
 * holds a column mapping as JSON), with its own size limit instead of the 1 MiB JSON limit. Writing
 * needs an editor (the auth hook refuses the public and read-only tokens before this runs).
 */
export async function registerImportRoutes(
  api: FastifyInstance,
  servicesFor: ServicesFor,
  options: { maxBytes: number },
): Promise<void> {
  await api.register(multipart, { limits: { fileSize: options.maxBytes, files: 1, fields: 5 } });
  const typed = api.withTypeProvider<ZodTypeProvider>();

  typed.post(
    '/imports',
    {
      schema: {
        tags: ['imports'],
        summary:
          'Import a CSV, XLSX or unfree export file (multipart field "file"); ?dryRun=true only reports',
        querystring: importQuerySchema,
        response: {
          200: importReportSchema,
          201: importReportSchema,
          202: submittedDraftSchema.describe(
            'From an editor who may not publish: kept as a draft (kind import) that a reviewer publishes (POST /drafts/{id}/publish); the preview is the dry run',
          ),
        },
      },
      config: { review: 'drafts' },
    },
    async (request, reply) => {
      if (!request.isMultipart()) {
        throw new AppError(
          'validation_failed',
          'send the file as multipart/form-data in a field named "file"',
          [{ path: 'file', message: 'missing' }],
        );
      }
      const upload = await request.file();
      if (!upload)
        throw new AppError('validation_failed', 'no file was sent', [{ path: 'file', message: 'missing' }]);
      let bytes: Buffer;
      try {
        bytes = await upload.toBuffer();
      } catch (error) {
        if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
          throw tooLarge(null, options.maxBytes);
        }
        throw error;
      }
      const columnsField = upload.fields.columns;
      const columnsText =
        columnsField && !Array.isArray(columnsField) && columnsField.type === 'field'
          ? String(columnsField.value)
          : null;
      let columns: z.infer<typeof columnMappingSchema> | undefined;
      if (columnsText) {
        try {
          columns = parseInput(columnMappingSchema, JSON.parse(columnsText), 'column mapping', 'columns');
        } catch (error) {
          if (error instanceof SyntaxError)
            throw new AppError('validation_failed', 'the "columns" field is not JSON');
          throw error;
        }
      }
      const { dryRun, note, ...query } = request.query;
      const services = servicesFor(request.viewer);
      const file = { name: upload.filename || 'upload', bytes };
      const importOptions = { ...query, ...(columns ? { columns } : {}) };
      if (dryRun) return reply.code(200).send(await services.imports.dryRun(file, importOptions));
      if (!mayPublish(request.viewer)) {
        const { draft, report } = await services.imports.prepareDraft(file, importOptions);
        const submitted = await services.drafts.submit({
          kind: 'import',
          action: 'create',
          payload: draft,
          note: note ?? null,
        });
        return reply.code(202).send({ draft: submitted.draft, preview: report });
      }
      return reply.code(201).send(await services.imports.run(file, importOptions));
    },
  );

  typed.get(
    '/import-mappings',
    {
      schema: {
        tags: ['imports'],
        summary: 'The saved column mappings (signed-in staff only)',
        response: { 200: z.object({ items: z.array(importMappingRecordSchema) }) },
      },
    },
    async (request) => {
      if (!request.viewer.user) throw new AppError('unauthorized', 'sign in to read the import mappings');
      return { items: await servicesFor(request.viewer).imports.mappings() };
    },
  );

  typed.put(
    '/import-mappings/:name',
    {
      schema: {
        tags: ['imports'],
        summary: 'Save a column mapping under a name, for the next file from the same source',
        params: z.object({ name: mappingNameSchema }),
        body: columnMappingSchema,
        response: { 200: importMappingRecordSchema },
      },
    },
    async (request) => servicesFor(request.viewer).imports.saveMapping(request.params.name, request.body),
  );
}
