import { z } from 'zod';
import { importReportSchema } from '../import/import.schema.js';
import { idSchema, optionalText, paginationSchema, visibilitySchema } from '../shared/common.schema.js';
import { DRAFT_KIND_NAMES } from './draft.kinds.js';

export const DRAFT_ACTIONS = ['create', 'update', 'delete', 'merge'] as const;
export type DraftAction = (typeof DRAFT_ACTIONS)[number];
export const DRAFT_STATUSES = ['pending', 'published', 'rejected', 'withdrawn'] as const;
export type DraftStatus = (typeof DRAFT_STATUSES)[number];

/** A change as an editor asked for it; `payload` has already passed the kind's own schema. */
export interface DraftChange {
  kind: (typeof DRAFT_KIND_NAMES)[number];
  action: DraftAction;
  targetId?: string | null;
  payload: Record<string, unknown>;
  note?: string | null;
}

export const draftFilterSchema = paginationSchema.extend({
  status: z.enum(DRAFT_STATUSES).default('pending'),
  kind: z.enum(DRAFT_KIND_NAMES).optional(),
  targetId: idSchema.optional().describe('Drafts that change this record'),
  mine: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional()
    .describe('Only my own drafts'),
});
export type DraftFilter = z.output<typeof draftFilterSchema>;

const userRefSchema = z.object({ id: z.string(), displayName: z.string() });

export const draftRecordSchema = z.object({
  id: idSchema,
  kind: z.enum(DRAFT_KIND_NAMES),
  action: z.enum(DRAFT_ACTIONS),
  targetId: z.string().nullable().describe('The record changed (null for a creation)'),
  payload: z.record(z.string(), z.unknown()).describe('The change, in the format of the resource’s API'),
  summary: z.string(),
  note: z.string().nullable().describe('Why the editor made the change'),
  visibility: visibilitySchema.describe('The strictest visibility the change touches'),
  status: z.enum(DRAFT_STATUSES),
  author: userRefSchema,
  reviewer: userRefSchema.nullable(),
  reviewedAt: z.string().nullable(),
  reviewNote: z.string().nullable(),
  resultId: z.string().nullable().describe('The record the published change created or changed'),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type DraftRecord = z.infer<typeof draftRecordSchema>;

export const submittedDraftSchema = z.object({
  draft: draftRecordSchema,
  preview: z
    .record(z.string(), z.unknown())
    .nullable()
    .describe(
      'The record as it would be once published (a trial run, rolled back), with its duplicate warnings',
    ),
});
export type SubmittedDraft = z.infer<typeof submittedDraftSchema>;

export const draftDetailSchema = draftRecordSchema.extend({
  changes: z
    .record(z.string(), z.object({ from: z.unknown(), to: z.unknown() }))
    .describe('Field by field, the record now beside the record as the draft would leave it'),
  stale: z
    .boolean()
    .describe(
      'The record has changed since the draft was made: publishing will be refused (an import: it would now do otherwise than when submitted)',
    ),
  report: importReportSchema
    .nullable()
    .optional()
    .describe('An import draft: its dry run against the registry as it is now (null once closed)'),
});
export type DraftDetail = z.infer<typeof draftDetailSchema>;

export const reviewSchema = z
  .object({
    note: optionalText(2000).describe('The reviewer’s note to the editor'),
    version: z.number().int().positive().optional().describe('The draft version you reviewed'),
  })
  .strict();
export type Review = z.output<typeof reviewSchema>;

export const rejectSchema = reviewSchema.extend({
  note: z.string().trim().min(1, 'say why the draft is rejected').max(2000),
});

export const publishedDraftSchema = z.object({
  draft: draftRecordSchema,
  record: z
    .record(z.string(), z.unknown())
    .nullable()
    .describe('The record as published (null after a delete)'),
});
