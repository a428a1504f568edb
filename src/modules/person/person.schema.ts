import { z } from 'zod';
import { ROMANIZATION_SYSTEMS } from '../../names/systems.js';
import {
  countryCodeSchema,
  idSchema,
  nonEmptyText,
  optionalText,
  paginationSchema,
  partialDateSchema,
  queryBooleanSchema,
  recordMetaSchema,
  visibilitySchema,
} from '../shared/common.schema.js';

export const SCRIPTS = ['Cyrl', 'Latn'] as const;
export const GENDERS = ['female', 'male', 'other'] as const;
export const TIE_KINDS = ['citizenship', 'origin', 'residence', 'family', 'other'] as const;
export const PERSON_STATUSES = ['held', 'released', 'died_in_custody', 'not_detained'] as const;

export const personNameSchema = z.object({
  text: nonEmptyText(300),
  script: z.enum(SCRIPTS).describe('ISO 15924 script code'),
  language: z
    .string()
    .regex(/^[a-z]{2,3}$/, 'must be an ISO 639 language code such as be, ru, en, pl')
    .describe('ISO 639-1 (or -3) language code'),
  system: z.enum(ROMANIZATION_SYSTEMS).nullable().optional().describe('Romanization system, when known'),
  isPrimary: z.boolean().default(false),
});
export type PersonNameInput = z.input<typeof personNameSchema>;

export const personTieSchema = z.object({
  kind: z.enum(TIE_KINDS),
  country: countryCodeSchema,
  note: optionalText(500),
});

const personFields = {
  names: z
    .array(personNameSchema)
    .min(1, 'a person needs at least one name')
    .max(100)
    .refine((names) => names.filter((name) => name.isPrimary).length <= 1, 'only one name can be primary'),
  birthDate: partialDateSchema.nullable().optional(),
  gender: z.enum(GENDERS).nullable().optional(),
  region: optionalText(200),
  occupations: z.array(nonEmptyText(100)).max(50).default([]),
  ties: z.array(personTieSchema).max(50).default([]),
  biography: optionalText(20000),
  internalNotes: optionalText(20000).describe('Editors’ notes: never shown to the public'),
  contacts: optionalText(5000).describe(
    'Relatives’ and lawyers’ contacts: confidential, shown only to roles granted it',
  ),
  visibility: visibilitySchema.default('public'),
  anonymous: z
    .boolean()
    .default(false)
    .describe('Counted in every statistic, never shown by name (at the family’s request)'),
};

export const createPersonSchema = z.object(personFields).strict();
export type CreatePersonInput = z.input<typeof createPersonSchema>;
export type CreatePerson = z.output<typeof createPersonSchema>;

export const updatePersonSchema = z
  .object({
    names: personFields.names.optional(),
    birthDate: personFields.birthDate,
    gender: personFields.gender,
    region: personFields.region,
    occupations: z.array(nonEmptyText(100)).max(50).optional(),
    ties: z.array(personTieSchema).max(50).optional(),
    biography: personFields.biography,
    internalNotes: personFields.internalNotes,
    contacts: personFields.contacts,
    visibility: visibilitySchema.optional(),
    anonymous: z.boolean().optional(),
    version: z
      .number()
      .int()
      .positive()
      .optional()
      .describe('The version you edited; a stale one is refused'),
  })
  .strict();
export type UpdatePerson = z.output<typeof updatePersonSchema>;

export const daysRangeSchema = z
  .object({ min: z.number().int(), max: z.number().int() })
  .describe('Days in custody as a range: partial dates make the exact figure uncertain');

export const personRecordSchema = recordMetaSchema.extend({
  names: z.array(personNameSchema.extend({ id: z.string(), isPrimary: z.boolean() })),
  displayName: z.string(),
  birthDate: z.string().nullable(),
  gender: z.enum(GENDERS).nullable(),
  region: z.string().nullable(),
  occupations: z.array(z.string()),
  ties: z.array(personTieSchema.extend({ note: z.string().nullable() })),
  biography: z.string().nullable(),
  internalNotes: z.string().nullable().describe('null when the viewer may not see it'),
  contacts: z.string().nullable().describe('null when the viewer may not see it'),
  visibility: visibilitySchema,
  anonymous: z.boolean(),
  status: z.enum(PERSON_STATUSES).describe('Derived from the detention episodes'),
  daysInCustody: daysRangeSchema,
  episodeCount: z.number().int(),
});
export type PersonRecord = z.infer<typeof personRecordSchema>;

export const PERSON_SORTS = ['name', '-name', 'createdAt', '-createdAt', 'birthDate', '-birthDate'] as const;

export const personFilterSchema = paginationSchema.extend({
  q: z.string().trim().min(1).max(200).optional().describe('Part of any name, in any script'),
  status: z.enum(['held', 'released']).optional(),
  gender: z.enum(GENDERS).optional(),
  region: z.string().optional(),
  occupation: z.string().optional(),
  tieCountry: countryCodeSchema
    .optional()
    .describe('Persons with any tie (citizenship, origin…) to this country'),
  visibility: visibilitySchema.optional(),
  anonymous: queryBooleanSchema.optional(),
  heldOn: z.iso.date().optional().describe('Persons certainly held on this day (YYYY-MM-DD)'),
  facilityId: idSchema.optional().describe('Persons with an episode that passed through this facility'),
  articleId: idSchema.optional().describe('Persons charged under this legal article in any episode'),
  sentenceMonthsMin: z.coerce
    .number()
    .int()
    .min(0)
    .max(1200)
    .optional()
    .describe('Sentenced to at least this many months'),
  sentenceMonthsMax: z.coerce
    .number()
    .int()
    .min(0)
    .max(1200)
    .optional()
    .describe('Sentenced to at most this many months'),
  detainedFrom: z.iso
    .date()
    .optional()
    .describe('Detained on or after this day (any reading of a partial date)'),
  detainedTo: z.iso
    .date()
    .optional()
    .describe('Detained on or before this day (any reading of a partial date)'),
  sort: z.enum(PERSON_SORTS).default('name'),
});
export type PersonFilter = z.output<typeof personFilterSchema>;

export const heldOnQuerySchema = z.object({ date: z.iso.date() });
export const heldOnResultSchema = z.object({
  personId: z.string(),
  date: z.string(),
  held: z.enum(['yes', 'no', 'maybe']),
  episodeId: z.string().nullable(),
});

export const nameMatchSchema = z.object({
  personId: z.string(),
  score: z.number().describe('0…1; 1 is the same spelling'),
  matchedVariant: z.string().describe('The spelling that matched best'),
  system: z
    .string()
    .describe('Where that spelling comes from: a romanization system, "observed" or "cyrillic"'),
  matchedName: z.string().describe('The stored name the spelling belongs to'),
  reason: z.string().describe('Why it matched, in words'),
});
export type NameMatch = z.infer<typeof nameMatchSchema>;

export const searchHitSchema = nameMatchSchema.extend({
  displayName: z.string(),
  status: z.enum(PERSON_STATUSES),
  birthDate: z.string().nullable(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const searchQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .min(1, 'type a name')
    .max(200)
    .describe('A name in any script and spelling, in any order'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const searchResultSchema = z.object({ query: z.string(), items: z.array(searchHitSchema) });

export const duplicateCheckSchema = z
  .object({
    names: z.array(personNameSchema.pick({ text: true, script: true, language: true, system: true })).min(1),
    excludePersonId: z.uuid().optional().describe('Leave this person out (when editing them)'),
  })
  .strict();

export const createdPersonSchema = personRecordSchema.extend({
  duplicateWarnings: z
    .array(nameMatchSchema)
    .describe('Existing persons whose names match this one: a warning, the person was created anyway'),
});

export const mergeSchema = z
  .object({
    duplicateId: z.uuid().describe('The record to fold into this one; its id will redirect here'),
    version: z.number().int().positive().optional(),
  })
  .strict();
