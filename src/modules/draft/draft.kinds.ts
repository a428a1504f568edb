import type { z } from 'zod';
import { AppError } from '../../lib/errors.js';
import { createBatchSchema, updateBatchSchema } from '../batch/batch.schema.js';
import { createCitationSchema, updateCitationSchema } from '../citation/citation.schema.js';
import {
  createConditionEventSchema,
  updateConditionEventSchema,
} from '../condition-event/condition-event.schema.js';
import {
  createCountObservationSchema,
  updateCountObservationSchema,
} from '../count-observation/count-observation.schema.js';
import { createCounterpartSchema, updateCounterpartSchema } from '../counterpart/counterpart.schema.js';
import { createEpisodeSchema, updateEpisodeSchema } from '../episode/episode.schema.js';
import { createFacilitySchema, updateFacilitySchema } from '../facility/facility.schema.js';
import { createLegalArticleSchema, updateLegalArticleSchema } from '../legal-article/legal-article.schema.js';
import { createPersonSchema, mergeSchema, updatePersonSchema } from '../person/person.schema.js';
import {
  IMPORT_OUTCOMES,
  type ImportCounts,
  type ImportDraft,
  importDraftSchema,
  type ImportReport,
} from '../import/import.schema.js';
import { acceptSchema } from '../proposal/proposal.schema.js';
import { createRecognitionSchema, updateRecognitionSchema } from '../recognition/recognition.schema.js';
import { createSourceSchema, updateSourceSchema } from '../source/source.schema.js';

/**
 * What a draft needs of a record: its id, its version, and who may see it. The id is null when
 * the change made no record of its own (an import whose every row is stored already).
 */
export interface DraftableRecord {
  id: string | null;
  version: number;
  visibility?: string;
}

/** The five-verb service of a kind, seen loosely: a draft's payload was validated by `create`/`update`. */
export interface DraftableService {
  get(id: string): Promise<DraftableRecord>;
  create(input: never): Promise<DraftableRecord>;
  update(id: string, patch: never): Promise<DraftableRecord>;
  delete(id: string): Promise<void>;
}

/**
 * The services a draft can be applied through. Stated here rather than taken from app.ts's
 * Services, which itself holds the draft service: the types would otherwise chase each other.
 */
export interface DraftTargets {
  persons: DraftableService & {
    merge(id: string, duplicateId: string, version?: number): Promise<DraftableRecord>;
  };
  episodes: DraftableService;
  recognitions: DraftableService;
  legalArticles: DraftableService;
  facilities: DraftableService;
  counterparts: DraftableService;
  batches: DraftableService;
  conditionEvents: DraftableService;
  countObservations: DraftableService;
  sources: DraftableService;
  citations: DraftableService;
  /** An import is one draft of many rows: run (or dry-run) from what its file said (0024). */
  imports: {
    runDraft(draft: ImportDraft, draftId?: string): Promise<ImportReport>;
    dryRunDraft(draft: ImportDraft): Promise<ImportReport>;
  };
  /** Accepting a proposal is its one change: it writes the fact through the owning services. */
  proposals: {
    get(id: string): Promise<DraftableRecord & { kind: string; evidence: { sentence: string } }>;
    accept(id: string, input: never): Promise<DraftableRecord>;
  };
}

export interface DraftKind {
  /** Human name, for summaries and messages. */
  entity: string;
  create: z.ZodType;
  update: z.ZodType;
  /** Only persons can be merged. */
  merge?: z.ZodType;
  service(services: DraftTargets): DraftableService;
  /** The draft's summary, when the record has no name of its own to show. */
  describe?(
    change: { action: string; payload: Record<string, unknown> },
    target: DraftableRecord | null,
  ): string;
  /**
   * A change of many records, reviewed by what it would do now rather than by a field diff: the
   * report, and whether it now differs from what the editor saw (imports).
   */
  /**
   * How a published draft is applied, when it must know the draft (an import's history names it);
   * otherwise through the service's create / update / delete.
   */
  publish?(
    services: DraftTargets,
    payload: Record<string, unknown>,
    draftId: string,
  ): Promise<DraftableRecord>;
  recheck?(
    services: DraftTargets,
    payload: Record<string, unknown>,
  ): Promise<{ report: unknown; stale: boolean }>;
}

const onlyAccepted = () =>
  Promise.reject(
    new AppError('validation_failed', 'a proposal can only be accepted through a draft (action update)'),
  );

/** A proposal seen as a draftable record: its update is its acceptance (docs/decisions/0010). */
function proposalTarget(services: DraftTargets): DraftableService {
  return {
    get: (id) => services.proposals.get(id),
    create: onlyAccepted,
    update: (id, input) => services.proposals.accept(id, input),
    delete: onlyAccepted,
  };
}

const onlyCreated = () =>
  Promise.reject(new AppError('validation_failed', 'an import draft can only be created (action create)'));

/** An import seen as a draftable record: creating it runs the import; its record is the report. */
async function runImport(services: DraftTargets, draft: ImportDraft, draftId?: string) {
  const report = await services.imports.runDraft(draft, draftId);
  return { ...report, id: report.importId, version: 1, visibility: draft.visibility };
}

function importTarget(services: DraftTargets): DraftableService {
  return {
    get: onlyCreated,
    create: (draft: ImportDraft) => runImport(services, draft),
    update: onlyCreated,
    delete: onlyCreated,
  };
}

const sameCounts = (a: ImportCounts, b: ImportCounts) =>
  IMPORT_OUTCOMES.every((outcome) => a[outcome] === b[outcome]);

/**
 * Every kind of record an editor may change through a draft, keyed by the record kind used in
 * history and citations. A new resource is reviewable once it is listed here.
 */
export const DRAFT_KINDS = {
  person: {
    entity: 'person',
    create: createPersonSchema,
    update: updatePersonSchema,
    merge: mergeSchema,
    service: (services) => services.persons,
  },
  episode: {
    entity: 'detention episode',
    create: createEpisodeSchema,
    update: updateEpisodeSchema,
    service: (services) => services.episodes,
  },
  recognition: {
    entity: 'recognition',
    create: createRecognitionSchema,
    update: updateRecognitionSchema,
    service: (services) => services.recognitions,
  },
  legal_article: {
    entity: 'legal article',
    create: createLegalArticleSchema,
    update: updateLegalArticleSchema,
    service: (services) => services.legalArticles,
  },
  facility: {
    entity: 'facility',
    create: createFacilitySchema,
    update: updateFacilitySchema,
    service: (services) => services.facilities,
  },
  counterpart: {
    entity: 'counterpart',
    create: createCounterpartSchema,
    update: updateCounterpartSchema,
    service: (services) => services.counterparts,
  },
  batch: {
    entity: 'release batch',
    create: createBatchSchema,
    update: updateBatchSchema,
    service: (services) => services.batches,
  },
  condition_event: {
    entity: 'condition event',
    create: createConditionEventSchema,
    update: updateConditionEventSchema,
    service: (services) => services.conditionEvents,
  },
  count_observation: {
    entity: 'count observation',
    create: createCountObservationSchema,
    update: updateCountObservationSchema,
    service: (services) => services.countObservations,
  },
  source: {
    entity: 'source',
    create: createSourceSchema,
    update: updateSourceSchema,
    service: (services) => services.sources,
  },
  citation: {
    entity: 'citation',
    create: createCitationSchema,
    update: updateCitationSchema,
    service: (services) => services.citations,
  },
  proposal: {
    entity: 'proposal',
    create: acceptSchema,
    update: acceptSchema,
    service: proposalTarget,
    describe: (_change, target) => {
      const proposal = target as { kind?: string; evidence?: { sentence?: string } } | null;
      const sentence = proposal?.evidence?.sentence ?? '';
      const quote = sentence.length > 90 ? `${sentence.slice(0, 89)}…` : sentence;
      return `accept the ${proposal?.kind ?? ''} proposal “${quote}”`;
    },
  },
  import: {
    entity: 'import',
    create: importDraftSchema,
    update: importDraftSchema,
    service: importTarget,
    publish: (services, payload, draftId) => runImport(services, payload as ImportDraft, draftId),
    describe: (change) => {
      const draft = change.payload as Partial<ImportDraft>;
      const rows = draft.rows?.length ?? 0;
      const what = draft.document ? 'an export file' : `${rows} row${rows === 1 ? '' : 's'}`;
      // The full SHA-256 is in the payload and in the import's history; twelve digits tell files apart.
      return `import ${what} of ${draft.fileName ?? ''} (sha256 ${(draft.sha256 ?? '').slice(0, 12)}…)`;
    },
    recheck: async (services, payload) => {
      const draft = importDraftSchema.safeParse(payload);
      if (!draft.success) return { report: null, stale: true };
      const report = await services.imports.dryRunDraft(draft.data);
      const { submitted, submittedOutcomes } = draft.data;
      const rowChanged =
        report.rows.length !== submittedOutcomes.length ||
        report.rows.some((row, index) => row.outcome !== submittedOutcomes[index]);
      return { report, stale: rowChanged || !sameCounts(report.counts, submitted) };
    },
  },
} as const satisfies Record<string, DraftKind>;

export type DraftKindName = keyof typeof DRAFT_KINDS;
export const DRAFT_KIND_NAMES = Object.keys(DRAFT_KINDS) as [DraftKindName, ...DraftKindName[]];
