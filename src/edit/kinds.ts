import type { z } from 'zod';
import type { Services } from '../app.js';
import { batchFormFields } from '../modules/batch/batch.form.js';
import { citationFormFields } from '../modules/citation/citation.form.js';
import { conditionEventFormFields } from '../modules/condition-event/condition-event.form.js';
import { countObservationFormFields } from '../modules/count-observation/count-observation.form.js';
import { counterpartFormFields } from '../modules/counterpart/counterpart.form.js';
import { DRAFT_KINDS, type DraftKindName } from '../modules/draft/draft.kinds.js';
import { episodeFormFields } from '../modules/episode/episode.form.js';
import { facilityFormFields } from '../modules/facility/facility.form.js';
import { legalArticleFormFields } from '../modules/legal-article/legal-article.form.js';
import { personFormFields } from '../modules/person/person.form.js';
import { recognitionFormFields } from '../modules/recognition/recognition.form.js';
import { sourceFormFields } from '../modules/source/source.form.js';
import type { Page } from '../modules/shared/common.schema.js';
import type { Field } from './form.js';
import { personFilterSchema } from '../modules/person/person.schema.js';
import { episodeFilterSchema } from '../modules/episode/episode.schema.js';
import { recognitionFilterSchema } from '../modules/recognition/recognition.schema.js';
import { conditionEventFilterSchema } from '../modules/condition-event/condition-event.schema.js';
import { batchFilterSchema } from '../modules/batch/batch.schema.js';
import { counterpartFilterSchema } from '../modules/counterpart/counterpart.schema.js';
import { sourceFilterSchema } from '../modules/source/source.schema.js';
import { citationFilterSchema } from '../modules/citation/citation.schema.js';
import { facilityFilterSchema } from '../modules/facility/facility.schema.js';
import { legalArticleFilterSchema } from '../modules/legal-article/legal-article.schema.js';
import { countObservationFilterSchema } from '../modules/count-observation/count-observation.schema.js';

/** A record as the editors' pages handle it: the kinds' own records, seen loosely. */
export type AnyRecord = Record<string, unknown> & { id: string; version: number };

/** The five verbs of a kind's service, seen loosely: payloads are parsed by the kind's schemas first. */
export interface LooseService {
  get(id: string): Promise<AnyRecord>;
  find(filter: Record<string, unknown>): Promise<Page<AnyRecord>>;
  create(input: never): Promise<AnyRecord>;
  update(id: string, patch: never): Promise<AnyRecord>;
  delete(id: string): Promise<void>;
}

/** One kind of record the editors' interface creates and changes through the generic form. */
/** Kinds with a form: a proposal's draft comes from accepting it on the ingestion page, an import's from the upload page. */
export type EditableKindName = Exclude<DraftKindName, 'proposal' | 'import'>;

export interface EditableKind {
  /** The address segment: /edit/<path>. */
  path: string;
  kind: EditableKindName;
  fields: readonly Field[];
  create: z.ZodType;
  update: z.ZodType;
  /** The kind's find filter (pagination defaults and all). */
  filter: z.ZodType;
  service(services: Services): LooseService;
  /** A record's name in lists and titles. */
  label(record: AnyRecord): string;
  /** Fields a new record's form may take from the address (?personId=…), e.g. from a person's page. */
  prefill?: readonly string[];
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const loose = (service: unknown) => service as LooseService;

const kinds: Omit<EditableKind, 'create' | 'update'>[] = [
  {
    path: 'persons',
    kind: 'person',
    filter: personFilterSchema,
    fields: personFormFields,
    service: (services) => loose(services.persons),
    label: (record) => text(record.displayName),
  },
  {
    path: 'episodes',
    kind: 'episode',
    filter: episodeFilterSchema,
    fields: episodeFormFields,
    service: (services) => loose(services.episodes),
    label: (record) => `${text(record.detainedOn)} ${text(record.place)}`.trim(),
    prefill: ['personId'],
  },
  {
    path: 'recognitions',
    kind: 'recognition',
    filter: recognitionFilterSchema,
    fields: recognitionFormFields,
    service: (services) => loose(services.recognitions),
    label: (record) => `${text(record.organisation)} ${text(record.recognisedOn)}`.trim(),
    prefill: ['personId'],
  },
  {
    path: 'condition-events',
    kind: 'condition_event',
    filter: conditionEventFilterSchema,
    fields: conditionEventFormFields,
    service: (services) => loose(services.conditionEvents),
    label: (record) => `${text(record.kind)} ${text(record.startedOn)}`.trim(),
    prefill: ['personId', 'episodeId'],
  },
  {
    path: 'batches',
    kind: 'batch',
    filter: batchFilterSchema,
    fields: batchFormFields,
    service: (services) => loose(services.batches),
    label: (record) => `${text(record.releasedOn)} ${text(record.title)}`.trim(),
  },
  {
    path: 'counterparts',
    kind: 'counterpart',
    filter: counterpartFilterSchema,
    fields: counterpartFormFields,
    service: (services) => loose(services.counterparts),
    label: (record) => text(record.name),
  },
  {
    path: 'sources',
    kind: 'source',
    filter: sourceFilterSchema,
    fields: sourceFormFields,
    service: (services) => loose(services.sources),
    label: (record) => text(record.title),
  },
  {
    path: 'citations',
    kind: 'citation',
    filter: citationFilterSchema,
    fields: citationFormFields,
    service: (services) => loose(services.citations),
    label: (record) => `${text(record.subjectType)} ${text(record.field)}`.trim(),
    prefill: ['sourceId', 'subjectType', 'subjectId'],
  },
  {
    path: 'facilities',
    kind: 'facility',
    filter: facilityFilterSchema,
    fields: facilityFormFields,
    service: (services) => loose(services.facilities),
    label: (record) => text(record.name),
  },
  {
    path: 'legal-articles',
    kind: 'legal_article',
    filter: legalArticleFilterSchema,
    fields: legalArticleFormFields,
    service: (services) => loose(services.legalArticles),
    label: (record) => `${text(record.code)} ${text(record.number)} ${text(record.titleEn)}`.trim(),
  },
  {
    path: 'count-observations',
    kind: 'count_observation',
    filter: countObservationFilterSchema,
    fields: countObservationFormFields,
    service: (services) => loose(services.countObservations),
    label: (record) => `${text(record.organisation)} ${text(record.observedOn)}: ${String(record.count)}`,
  },
];

/** Every kind of the editors' forms, in the order of the navigation; validated by the draft kinds' schemas. */
export const EDITABLE_KINDS: readonly EditableKind[] = kinds.map((kind) => ({
  ...kind,
  create: DRAFT_KINDS[kind.kind].create,
  update: DRAFT_KINDS[kind.kind].update,
}));

export function editableKind(path: string): EditableKind | undefined {
  return EDITABLE_KINDS.find((kind) => kind.path === path);
}

export function editableKindOf(kind: string): EditableKind | undefined {
  return EDITABLE_KINDS.find((candidate) => candidate.kind === kind);
}
