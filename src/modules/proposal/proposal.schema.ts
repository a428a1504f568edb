import { z } from 'zod';
import { COUNT_METRICS, COUNT_QUALIFIERS } from '../count-observation/count-observation.schema.js';
import { CONCESSION_KINDS } from '../batch/batch.schema.js';
import { RELEASE_MODES, SENTENCE_REGIMES } from '../episode/episode.schema.js';
import {
  countryCodeSchema,
  idSchema,
  isoDaySchema,
  paginationSchema,
  partialDateSchema,
  recordMetaSchema,
  visibilitySchema,
} from '../shared/common.schema.js';
import { sourceRecordSchema } from '../source/source.schema.js';

export const PROPOSAL_KINDS = [
  'release_event',
  'sentence',
  'arrest',
  'count_observation',
  'concession',
  'new_person',
  'person_link',
] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];
export const PROPOSAL_STATUSES = ['pending', 'accepted', 'rejected'] as const;

const text = (max = 500) => z.string().trim().min(1).max(max);

export const namedPersonSchema = z.object({
  text: text(300).describe('The name as written in the article'),
  name: text(300).describe('The name as it would be recorded (nominative)'),
  script: z.enum(['Latn', 'Cyrl']),
  queries: z.array(z.string()).max(20).default([]),
  start: z.number().int().min(0).optional(),
  end: z.number().int().min(0).optional(),
  personId: idSchema.nullable().optional().describe('The registry person this mention is, once linked'),
});

const qualifier = z.enum(COUNT_QUALIFIERS).default('exact');

/** What an editor may send back as the edited payload, one schema per kind. */
export const PAYLOAD_SCHEMAS = {
  release_event: z.object({
    count: z.number().int().min(0).max(1_000_000).nullable(),
    qualifier,
    releasedOn: partialDateSchema.nullable(),
    dateFrom: z.enum(['text', 'publication']).nullable().optional(),
    people: z.array(namedPersonSchema).max(500).default([]),
    destination: z.string().max(200).nullable().optional(),
    destinationCountry: countryCodeSchema.nullable().optional(),
    forcedExile: z.boolean().nullable().optional(),
    counterparts: z.array(text(300)).max(20).default([]),
    mode: z.enum(RELEASE_MODES).default('negotiated').describe('How the linked people leave custody'),
    title: text(300).optional(),
  }),
  sentence: z.object({
    person: namedPersonSchema,
    months: z.number().int().min(0).max(1200).nullable(),
    regime: z.enum(SENTENCE_REGIMES).nullable().optional(),
    articles: z
      .array(z.object({ number: text(20), part: z.string().max(20).nullable() }))
      .max(20)
      .default([]),
    verdictOn: partialDateSchema.nullable().optional(),
    episodeId: idSchema.optional().describe('The episode to sentence; default: the person’s open one'),
    detainedOn: partialDateSchema.optional().describe('Creates an episode when the person has no open one'),
  }),
  arrest: z.object({ person: namedPersonSchema, detainedOn: partialDateSchema.nullable() }),
  count_observation: z.object({
    organisation: text(200),
    metric: z.enum(COUNT_METRICS),
    count: z.number().int().min(0).max(10_000_000),
    qualifier,
    observedOn: partialDateSchema,
  }),
  concession: z.object({
    kind: z.enum(CONCESSION_KINDS),
    target: z.string().max(300).nullable(),
    givenBy: z.string().max(300).nullable(),
    announcedOn: partialDateSchema.nullable().optional(),
    batchId: idSchema
      .optional()
      .describe('The batch it was given for; default: the one accepted from this article'),
  }),
  new_person: z.object({
    name: text(300),
    script: z.enum(['Latn', 'Cyrl']),
    language: z.string().regex(/^[a-z]{2,3}$/),
    mentions: z.array(z.string()).max(50).default([]),
  }),
  person_link: z.object({
    text: text(300),
    name: text(300),
    personId: idSchema,
    displayName: z.string(),
    score: z.number(),
    reason: z.string(),
  }),
} as const satisfies Record<ProposalKind, z.ZodType>;

export type PayloadOf<K extends ProposalKind> = z.output<(typeof PAYLOAD_SCHEMAS)[K]>;

export const evidenceSchema = z.object({
  sentence: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  alsoAt: z.array(z.object({ start: z.number().int(), end: z.number().int() })),
});
export type ProposalEvidence = z.infer<typeof evidenceSchema>;

export const proposalRecordSchema = recordMetaSchema.extend({
  sourceId: z.string(),
  kind: z.enum(PROPOSAL_KINDS),
  payload: z.record(z.string(), z.unknown()),
  evidence: evidenceSchema,
  confidence: z.number().describe('0…1: how sure the rules are'),
  status: z.enum(PROPOSAL_STATUSES),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  reason: z.string().nullable(),
  resultType: z.string().nullable().describe('The kind of record accepting it created or changed'),
  resultId: z.string().nullable(),
});
export type ProposalRecord = z.infer<typeof proposalRecordSchema>;

export const proposalFilterSchema = paginationSchema.extend({
  sourceId: idSchema.optional(),
  status: z.enum(PROPOSAL_STATUSES).optional(),
  kind: z.enum(PROPOSAL_KINDS).optional(),
});
export type ProposalFilter = z.output<typeof proposalFilterSchema>;

export const ingestSchema = z
  .object({
    text: z.string().max(12_000_000).optional().describe('The article as plain text'),
    html: z.string().max(12_000_000).optional().describe('The article as a saved HTML page'),
    published: z
      .union([isoDaySchema, z.iso.datetime({ offset: true })])
      .nullable()
      .optional()
      .describe('Publication day (or timestamp), when the page does not say or says wrong'),
    publisher: z.string().trim().max(300).nullable().optional(),
    url: z
      .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
      .nullable()
      .optional(),
    title: z.string().trim().max(1000).nullable().optional(),
    country: countryCodeSchema.default('BY').describe('Whose time zone resolves "on Saturday"'),
    visibility: visibilitySchema.default('internal').describe('Of the stored copy of the article'),
  })
  .strict()
  .refine((input) => (input.text === undefined) !== (input.html === undefined), {
    message: 'give the article as exactly one of text or html',
    path: ['text'],
  });
export type IngestInput = z.output<typeof ingestSchema>;

export const ingestResultSchema = z.object({
  source: sourceRecordSchema,
  proposals: z.array(proposalRecordSchema),
  message: z.string().describe('What was found, or why nothing was'),
  publishedFrom: z.string().describe('Where the publication day came from'),
});

export const acceptSchema = z
  .object({
    payload: z
      .record(z.string(), z.unknown())
      .optional()
      .describe('The payload as edited; default: as proposed'),
    visibility: visibilitySchema.default('internal').describe('Of the record accepting creates'),
    version: z.number().int().positive().optional(),
  })
  .strict();
export type AcceptInput = z.output<typeof acceptSchema>;

export const rejectSchema = z
  .object({
    reason: z.string().trim().min(1, 'say why it is rejected').max(2000),
    version: z.number().int().positive().optional(),
  })
  .strict();
