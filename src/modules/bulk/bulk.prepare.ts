import { z } from 'zod';
import { AppError, type ErrorIssue } from '../../lib/errors.js';
import { isCertainlyBefore } from '../../lib/partial-date.js';
import { encodeNameForms } from '../../names/forms.js';
import { buildNameIndexEntries, type NameInput } from '../../names/matcher.js';
import { type DiffedChange, creationDiffed } from '../history/history.diff.js';
import { idSchema } from '../shared/common.schema.js';
import { type RegistryPerson, registryPersonSchema } from './bulk.schema.js';

/**
 * The part of a bulk load that needs no database: each person checked (zod create schema and the
 * rules episode.service checks one by one), its name-search rows derived and its records' history
 * diffs written. Pure. The name rows, the largest part, are derived from the raw names alone, so
 * that a worker thread (bulk.workers.ts) can derive them while the loading thread checks, diffs
 * and writes; the result is the same in either thread.
 */

export interface NameKeyRow {
  personId: string;
  key: string;
  variant: string;
  system: string;
}

export interface NameFormRow {
  personId: string;
  forms: string;
}

export interface PreparedPersons {
  persons: RegistryPerson[];
  keys: NameKeyRow[];
  forms: NameFormRow[];
  /** The creation of each person and of everything it carries, in the order they are recorded. */
  changes: DiffedChange[];
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
export function nameKeyRowsOf(
  person: Pick<RegistryPerson, 'id' | 'names'>,
  inputs: readonly NameInput[] = nameInputsOf(person),
): NameKeyRow[] {
  const byKey = new Map<string, NameKeyRow>();
  for (const input of inputs)
    for (const { key, variant, system } of buildNameIndexEntries(input))
      byKey.set(key, { personId: person.id, key, variant, system });
  return [...byKey.values()];
}

/** The stored key groups of a person, as reindexPersonNames writes them (name_forms). */
export function nameFormRowOf(
  person: Pick<RegistryPerson, 'id' | 'names'>,
  inputs: readonly NameInput[] = nameInputsOf(person),
): NameFormRow {
  return { personId: person.id, forms: encodeNameForms(inputs) };
}

export function validationError(where: string, error: unknown): AppError {
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

/** One person checked; a bad one names itself (persons.<n>.…). */
export function checkPerson(raw: unknown, index: number, today: string): RegistryPerson {
  const where = `persons.${index}`;
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
}

/** A chunk's name_keys and name_forms rows. */
export type NameRows = Pick<PreparedPersons, 'keys' | 'forms'>;

/** The name rows of checked persons. */
export function nameRowsOf(persons: readonly Pick<RegistryPerson, 'id' | 'names'>[]): NameRows {
  const keys: NameKeyRow[] = [];
  const forms: NameFormRow[] = [];
  for (const person of persons) {
    // One input object per name for both: the romanized spellings are memoised per object.
    const inputs = nameInputsOf(person);
    keys.push(...nameKeyRowsOf(person, inputs));
    forms.push(nameFormRowOf(person, inputs));
  }
  return { keys, forms };
}

/** The revisions a person's creation records: the person, then its episodes, events and recognitions. */
export function creationsOf(persons: readonly RegistryPerson[]): DiffedChange[] {
  return persons.flatMap((person) => {
    const { episodes, conditionEvents, recognitions, ...fields } = person;
    const personId = person.id;
    return [
      creationDiffed('person', personId, fields),
      ...episodes.map((episode) => creationDiffed('episode', episode.id, { ...episode, personId })),
      ...conditionEvents.map((event) => creationDiffed('condition event', event.id, { ...event, personId })),
      ...recognitions.map((recognition) =>
        creationDiffed('recognition', recognition.id, { ...recognition, personId }),
      ),
    ];
  });
}

/**
 * Charges point to the stored article where the bundle's article (same code and number) is
 * already in the database; done before the diffs, so that history names the stored article.
 */
export function pointToStoredArticles(
  persons: readonly RegistryPerson[],
  storedArticleIds: ReadonlyMap<string, string>,
): void {
  if (storedArticleIds.size === 0) return;
  for (const person of persons)
    for (const episode of person.episodes)
      for (const charge of episode.charges)
        charge.articleId = storedArticleIds.get(charge.articleId) ?? charge.articleId;
}

/** What the name rows of a person are derived from, checked by the same schemas as the whole person. */
const namesOfPersonSchema = z.object({ id: idSchema, names: registryPersonSchema.shape.names });

/** The part of a raw person its name rows need (what is posted to a worker thread). */
export function namesOfRaw(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null) return raw;
  const { id, names } = raw as { id?: unknown; names?: unknown };
  return { id, names };
}

/**
 * The name rows of raw persons, as nameRowsOf gives them for the checked persons. A person whose id
 * or names do not pass is left out: checkPerson refuses it, and names its error in input order.
 */
export function nameRowsOfRaw(raw: readonly unknown[]): NameRows {
  const persons: Pick<RegistryPerson, 'id' | 'names'>[] = [];
  for (const person of raw) {
    const parsed = namesOfPersonSchema.safeParse(person);
    if (parsed.success) persons.push(parsed.data);
  }
  return nameRowsOf(persons);
}
