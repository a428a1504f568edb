import { z } from 'zod';
import { ENCODINGS } from '../../ingest/import/encoding.js';
import { IMPORT_FIELDS } from '../../ingest/import/mapping.js';
import { IMPORT_MESSAGE_TEXTS, type ImportMessageCode } from '../../ingest/import/messages.js';
import { exportDocumentSchema } from '../export/export.schema.js';
import { visibilitySchema } from '../shared/common.schema.js';

export const IMPORT_FORMATS = ['csv', 'xlsx', 'json'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const columnMappingSchema = z
  .record(z.string().min(1), z.enum(IMPORT_FIELDS).nullable())
  .describe('Column header → field; null ignores the column on purpose');

export const mappingNameSchema = z
  .string()
  .trim()
  .regex(
    /^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,99}$/u,
    'must be a short name such as "viasna-2025" (letters, digits, . _ -)',
  );

export const importOptionsSchema = z.object({
  format: z.enum(IMPORT_FORMATS).optional().describe('Taken from the file name when left out'),
  encoding: z.enum(ENCODINGS).optional().describe('Text encoding of a CSV; detected when left out'),
  mapping: mappingNameSchema.optional().describe('Use the column mapping saved under this name'),
  columns: columnMappingSchema.optional().describe('A column mapping given with the file'),
  saveMapping: mappingNameSchema.optional().describe('Save the mapping used under this name'),
  visibility: visibilitySchema
    .default('internal')
    .describe('Visibility of records a spreadsheet creates (internal until an editor publishes them)'),
  articleCode: z
    .string()
    .regex(/^[A-Z]{2}-[A-Z]{2,10}$/)
    .default('BY-CC')
    .describe('The code the article numbers of a spreadsheet belong to'),
});
export type ImportOptions = z.output<typeof importOptionsSchema>;
export type ImportOptionsInput = z.input<typeof importOptionsSchema>;

export const IMPORT_OUTCOMES = ['create', 'update', 'merge', 'unchanged', 'duplicate', 'reject'] as const;
export type ImportOutcome = (typeof IMPORT_OUTCOMES)[number];

export const importActionSchema = z.object({
  entity: z.string(),
  action: z.enum(['create', 'update', 'merge', 'unchanged']),
  id: z.string(),
  fields: z.array(z.string()).describe('The fields this action sets or changes'),
});
export type ImportAction = z.infer<typeof importActionSchema>;

export const importMessageSchema = z
  .object({
    code: z.enum(Object.keys(IMPORT_MESSAGE_TEXTS) as [ImportMessageCode, ...ImportMessageCode[]]),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
    column: z.string().optional().describe('The column of the cell the message is about'),
  })
  .describe('A message as a stable code with its parameters (the text beside it is its English)');

export const importRowReportSchema = z.object({
  line: z.number().int().describe('Line of the file (CSV), row of the sheet (XLSX) or record index (JSON)'),
  entity: z.string().describe('person for spreadsheet rows; the record kind for JSON'),
  outcome: z.enum(IMPORT_OUTCOMES),
  recordId: z.string().nullable(),
  messages: z.array(z.string()),
  details: z.array(importMessageSchema).describe('The messages as codes, one for each of messages'),
  cells: z.array(
    z.object({
      column: z.string(),
      field: z.string().nullable(),
      value: z.string(),
      problem: z.string().optional(),
      issue: importMessageSchema.optional(),
    }),
  ),
  actions: z.array(importActionSchema),
});
export type ImportRowReport = z.infer<typeof importRowReportSchema>;

export const importCountsSchema = z.object(
  Object.fromEntries(IMPORT_OUTCOMES.map((outcome) => [outcome, z.number().int()])) as Record<
    ImportOutcome,
    z.ZodNumber
  >,
);
export type ImportCounts = z.infer<typeof importCountsSchema>;

export const importReportSchema = z.object({
  importId: z.string().nullable().describe('Set when the import was committed'),
  dryRun: z.boolean(),
  committed: z.boolean(),
  fileName: z.string(),
  sha256: z.string(),
  format: z.enum(IMPORT_FORMATS),
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  mappingName: z.string().nullable(),
  columns: columnMappingSchema.nullable(),
  problems: z.array(z.string()).describe('What keeps the whole file from being imported'),
  problemDetails: z.array(importMessageSchema).describe('The problems as codes, one for each'),
  warnings: z.array(z.string()),
  warningDetails: z.array(importMessageSchema).describe('The warnings as codes, one for each'),
  counts: importCountsSchema,
  rows: z.array(importRowReportSchema),
});
export type ImportReport = z.infer<typeof importReportSchema>;

export const importMappingRecordSchema = z.object({
  name: z.string(),
  columns: columnMappingSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ImportMappingRecord = z.infer<typeof importMappingRecordSchema>;

export const importQuerySchema = z.object({
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  format: z.enum(IMPORT_FORMATS).optional(),
  encoding: z.enum(ENCODINGS).optional(),
  mapping: mappingNameSchema.optional(),
  saveMapping: mappingNameSchema.optional(),
  visibility: visibilitySchema.optional(),
  articleCode: z.string().optional(),
  note: z.string().trim().max(2000).optional().describe('Why (for a draft submitted for review)'),
});

const nameReadingSchema = z.object({
  text: z.string().min(1),
  script: z.enum(['Cyrl', 'Latn']),
  language: z.string().min(2),
});

/** One spreadsheet row as read and mapped: the facts it states and the cells they came from. */
export const importDraftRowSchema = z.object({
  line: z.number().int().positive(),
  cells: z.array(z.object({ column: z.string(), field: z.enum(IMPORT_FIELDS), value: z.string() }).strict()),
  person: z.object({
    names: z.array(nameReadingSchema).min(1),
    birthDate: z.string().nullable(),
    gender: z.enum(['female', 'male', 'other']).nullable(),
    region: z.string().nullable(),
    occupations: z.array(z.string()),
    biography: z.string().nullable(),
  }),
  episode: z
    .object({
      detainedOn: z.string(),
      articles: z.array(z.object({ number: z.string(), part: z.string().nullable() })),
      sentenceMonths: z.number().int().nonnegative().nullable(),
      facility: z.string().nullable(),
      release: z.object({ releasedOn: z.string(), mode: z.string() }).nullable(),
    })
    .nullable(),
  sourceUrls: z.array(z.string()),
});
export type ImportDraftRow = z.infer<typeof importDraftRowSchema>;

/**
 * An import kept as a draft for review (docs/decisions/0024): what the file said once read and
 * mapped — never the file's bytes — and how to import it. Only cells of mapped columns are kept:
 * a column someone chose to ignore is not the registry's to hold.
 */
export const importDraftSchema = z
  .object({
    fileName: z.string().min(1),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    format: z.enum(IMPORT_FORMATS),
    encoding: z.string().nullable(),
    delimiter: z.string().nullable(),
    mappingName: mappingNameSchema.nullable(),
    columns: columnMappingSchema.nullable(),
    saveMapping: mappingNameSchema.nullable(),
    visibility: visibilitySchema.describe('The visibility of the records it creates'),
    articleCode: z.string().regex(/^[A-Z]{2}-[A-Z]{2,10}$/),
    rows: z.array(importDraftRowSchema).describe('A spreadsheet’s rows (empty for an export file)'),
    document: exportDocumentSchema.nullable().describe('An export file’s records (null for a spreadsheet)'),
    submitted: importCountsSchema.describe('What the dry run reported when the draft was submitted'),
    submittedOutcomes: z
      .array(z.enum(IMPORT_OUTCOMES))
      .describe('Each row’s outcome in that dry run, in the order of the report’s rows'),
  })
  .strict();
export type ImportDraft = z.infer<typeof importDraftSchema>;
