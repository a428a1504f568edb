import type { Db } from '../../db/database.js';
import { AppError, type ErrorIssue } from '../../lib/errors.js';
import { isCertainlyBefore } from '../../lib/partial-date.js';
import { encodeNameForms } from '../../names/forms.js';
import { buildNameIndexEntries, type NameInput } from '../../names/matcher.js';
import { type Change, recordRevisions } from '../history/history.service.js';
import { type Clock, timestamp } from '../shared/clock.js';
import { inTransaction } from '../shared/transaction.js';
import type { Viewer } from '../user/access.js';
import {
  type TableRows,
  existingIds,
  fixedRows,
  insertTableRows,
  personRows,
  selectArticleIdsByReference,
} from './bulk.repository.js';
import {
  type RegistryBundle,
  type RegistryPerson,
  registryFixedSchema,
  registryPersonSchema,
} from './bulk.schema.js';

/**
 * Bulk load of a whole registry (docs/decisions/0009-benchmarks-bulk-load-and-stock-in-sql.md): one transaction, multi-row
 * INSERTs per chunk of persons, the same validation (zod create schemas), stored rows, name-search
 * keys and history revisions (one per record, hash-chained) as the one-by-one service path, without
 * the per-record round trips. Duplicate warnings are the one thing left out: they warn a person
 * typing a name, and a bulk load has nobody to warn.
 */

export interface BulkServiceDeps {
  db: Db;
  clock: Clock;
  viewer: Viewer;
}

export interface BulkInput {
  fixed: unknown;
  persons: Iterable<unknown>;
}

export interface BulkLoadOptions {
  /** Persons per round of INSERTs (default 1000). */
  chunk?: number;
  onProgress?: (persons: number) => void;
}

export interface BulkLoadReport {
  persons: number;
  rows: Record<string, number>;
  revisions: number;
  /** Where the time went, milliseconds: zod, name keys, history (diff + SHA-256), SQL. */
  phasesMs: { validate: number; nameKeys: number; history: number; sql: number };
}

function nameInputsOf(person: Pick<RegistryPerson, 'names'>): NameInput[] {
  return person.names.map((name) => ({
    text: name.text,
    script: name.script,
    language: name.language,
    system: name.system ?? null,
  }));
}

/** The name_keys rows of a person, as reindexPersonNames writes them (the last entry of a key wins). */
export function nameKeyRowsOf(person: Pick<RegistryPerson, 'id' | 'names'>) {
  const entries = nameInputsOf(person).flatMap(buildNameIndexEntries);
  return [...new Map(entries.map((entry) => [entry.key, entry])).values()].map((entry) => ({
    personId: person.id,
    key: entry.key,
    variant: entry.variant,
    system: entry.system,
  }));
}

/** The stored key groups of a person, as reindexPersonNames writes them (name_forms). */
export function nameFormRowOf(person: Pick<RegistryPerson, 'id' | 'names'>) {
  return { personId: person.id, forms: encodeNameForms(nameInputsOf(person)) };
}

function validationError(where: string, error: unknown): AppError {
  const issues: ErrorIssue[] =
    error instanceof Error && 'issues' in error && Array.isArray(error.issues)
      ? (error.issues as { path: PropertyKey[]; message: string }[]).map((issue) => ({
          path: [where, ...issue.path.map(String)].join('.'),
          message: issue.message,
        }))
      : [{ path: where, message: String(error) }];
  return new AppError(
    'validation_failed',
    issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '),
    issues,
  );
}

/** The rules episode.service checks one by one, on a person's whole list of episodes. */
function episodeIssues(person: RegistryPerson, where: string, today: string): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  let open = 0;
  person.episodes.forEach((episode, index) => {
    const at = `${where}.episodes.${index}`;
    if (isCertainlyBefore(today, episode.detainedOn))
      issues.push({ path: `${at}.detainedOn`, message: `${episode.detainedOn} is in the future` });
    const released = episode.release?.releasedOn;
    if (released && isCertainlyBefore(released, episode.detainedOn))
      issues.push({
        path: `${at}.release.releasedOn`,
        message: `${released} is before the detention on ${episode.detainedOn}`,
      });
    if (released && isCertainlyBefore(today, released))
      issues.push({ path: `${at}.release.releasedOn`, message: `${released} is in the future` });
    const notBefore = (path: string, date: string | null | undefined, limit: string, what: string) => {
      if (date && isCertainlyBefore(date, limit))
        issues.push({ path: `${at}.${path}`, message: `${date} is before ${what} ${limit}` });
    };
    notBefore('verdictOn', episode.verdictOn, episode.detainedOn, 'the detention on');
    episode.facilityStays.forEach((stay, stayIndex) => {
      notBefore(
        `facilityStays.${stayIndex}.to`,
        stay.to,
        stay.from ?? episode.detainedOn,
        'the start of the stay',
      );
      notBefore(`facilityStays.${stayIndex}.from`, stay.from, episode.detainedOn, 'the detention on');
    });
    if (!episode.release) open += 1;
  });
  if (open > 1)
    issues.push({
      path: `${where}.episodes`,
      message: `${open} episodes have no release; a person is held in one at a time`,
    });
  return issues;
}

export function createBulkService(deps: BulkServiceDeps) {
  const record = (db: Db, changes: Change[]) => recordRevisions(db, deps.viewer, deps.clock, changes);

  return {
    /** Loads the bundle all or nothing; a bad record names itself (persons.<n>.…) and nothing is written. */
    async load(input: BulkInput, options: BulkLoadOptions = {}): Promise<BulkLoadReport> {
      const chunk = options.chunk ?? 1000;
      const phasesMs = { validate: 0, nameKeys: 0, history: 0, sql: 0 };
      const rows: Record<string, number> = {};
      let revisions = 0;
      let persons = 0;
      const now = timestamp(deps.clock);
      const today = now.slice(0, 10);
      const time = async <T>(phase: keyof typeof phasesMs, work: () => T | Promise<T>): Promise<T> => {
        const start = performance.now();
        try {
          return await work();
        } finally {
          phasesMs[phase] += performance.now() - start;
        }
      };

      return inTransaction(deps.db, async (trx) => {
        const write = async (tableRows: TableRows) => {
          const counts = await time('sql', () => insertTableRows(trx, tableRows));
          for (const [table, count] of Object.entries(counts)) rows[table] = (rows[table] ?? 0) + count;
        };
        const parsed = registryFixedSchema.safeParse(input.fixed);
        if (!parsed.success) throw validationError('fixed', parsed.error);
        // An article already stored (same code and number) is reused: the bundle's id points to it.
        const storedArticles = await selectArticleIdsByReference(trx);
        const articleIds = new Map<string, string>();
        for (const article of parsed.data.articles) {
          const existing = storedArticles.get(`${article.code} ${article.number}`);
          if (existing) articleIds.set(article.id, existing);
        }
        const fixed: RegistryBundle = {
          ...parsed.data,
          articles: parsed.data.articles.filter((article) => !articleIds.has(article.id)),
        };
        const known = {
          legalArticles: new Set([...fixed.articles.map((article) => article.id), ...articleIds.values()]),
          facilities: new Set(fixed.facilities.map((facility) => facility.id)),
          releaseBatches: new Set(fixed.batches.map((batch) => batch.id)),
        };
        await write(fixedRows(fixed, now));
        revisions += await time('history', () =>
          record(trx, [
            ...fixed.articles.map((after) => ({
              entity: 'legal article',
              recordId: after.id,
              action: 'create' as const,
              before: null,
              after,
            })),
            ...fixed.facilities.map((after) => ({
              entity: 'facility',
              recordId: after.id,
              action: 'create' as const,
              before: null,
              after,
            })),
            ...fixed.batches.map((after) => ({
              entity: 'batch',
              recordId: after.id,
              action: 'create' as const,
              before: null,
              after,
            })),
          ]),
        );

        /** References outside the bundle must exist in the database (asked once per chunk). */
        async function checkReferences(batch: readonly RegistryPerson[], first: number): Promise<void> {
          const wanted = {
            legalArticles: new Set<string>(),
            facilities: new Set<string>(),
            releaseBatches: new Set<string>(),
          };
          for (const person of batch)
            for (const episode of person.episodes) {
              episode.charges.forEach((charge) => wanted.legalArticles.add(charge.articleId));
              episode.facilityStays.forEach((stay) => wanted.facilities.add(stay.facilityId));
              if (episode.release?.batchId) wanted.releaseBatches.add(episode.release.batchId);
            }
          for (const table of ['legalArticles', 'facilities', 'releaseBatches'] as const) {
            const unknown = [...wanted[table]].filter((id) => !known[table].has(id));
            const found = await existingIds(trx, table, unknown);
            found.forEach((id) => known[table].add(id));
            const missing = unknown.find((id) => !found.has(id));
            if (missing) {
              const owner = batch.findIndex((person) => JSON.stringify(person.episodes).includes(missing));
              throw new AppError(
                'rule_violated',
                `persons.${first + owner}: ${table} ${missing} does not exist`,
                [
                  {
                    path: `persons.${first + owner}.episodes`,
                    message: `${table} ${missing} does not exist`,
                  },
                ],
              );
            }
          }
        }

        async function flush(batch: RegistryPerson[]): Promise<void> {
          if (batch.length === 0) return;
          await checkReferences(batch, persons - batch.length);
          const keys = await time('nameKeys', () => batch.flatMap((person) => nameKeyRowsOf(person)));
          const forms = await time('nameKeys', () => batch.map((person) => nameFormRowOf(person)));
          await write(personRows(batch, keys, forms, now));
          revisions += await time('history', () =>
            record(
              trx,
              batch.flatMap((person): Change[] => {
                const { episodes, conditionEvents, recognitions, ...fields } = person;
                return [
                  { entity: 'person', recordId: person.id, action: 'create', before: null, after: fields },
                  ...episodes.map((episode): Change => ({
                    entity: 'episode',
                    recordId: episode.id,
                    action: 'create',
                    before: null,
                    after: { ...episode, personId: person.id },
                  })),
                  ...conditionEvents.map((event): Change => ({
                    entity: 'condition event',
                    recordId: event.id,
                    action: 'create',
                    before: null,
                    after: { ...event, personId: person.id },
                  })),
                  ...recognitions.map((recognition): Change => ({
                    entity: 'recognition',
                    recordId: recognition.id,
                    action: 'create',
                    before: null,
                    after: { ...recognition, personId: person.id },
                  })),
                ];
              }),
            ),
          );
          options.onProgress?.(persons);
        }

        let batch: RegistryPerson[] = [];
        for (const raw of input.persons) {
          const where = `persons.${persons}`;
          const person = await time('validate', () => {
            const result = registryPersonSchema.safeParse(raw);
            if (!result.success) throw validationError(where, result.error);
            const issues = episodeIssues(result.data, where, today);
            if (issues.length > 0)
              throw new AppError(
                'rule_violated',
                issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '),
                issues,
              );
            return result.data;
          });
          for (const episode of person.episodes)
            for (const charge of episode.charges)
              charge.articleId = articleIds.get(charge.articleId) ?? charge.articleId;
          batch.push(person);
          persons += 1;
          if (batch.length >= chunk) {
            await flush(batch);
            batch = [];
          }
        }
        await flush(batch);
        return { persons, rows, revisions, phasesMs };
      });
    },
  };
}
export type BulkService = ReturnType<typeof createBulkService>;
