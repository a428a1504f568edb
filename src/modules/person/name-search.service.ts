import type { Db } from '../../db/database.js';
import { AppError } from '../../lib/errors.js';
import { decodeNameForms, encodeNameForms } from '../../names/forms.js';
import {
  CANDIDATE_LIMIT,
  addedPrefixes,
  coOccurringLookup,
  lookupOfSlots,
  lookupSlots,
  planCandidates,
  widenSlots,
  withCoOccurringKeys,
} from '../../names/lookup.js';
import {
  type CandidateInput,
  type NameInput,
  type RankedHit,
  buildNameIndexEntries,
  findPossibleDuplicates,
  rankCandidates,
} from '../../names/matcher.js';
import type { RomanizationSystem } from '../../names/systems.js';
import {
  replaceNameForms,
  replaceNameKeys,
  selectCandidates,
  selectCoOccurringKeys,
  selectKeyCounts,
  selectNameForms,
} from './name-key.repository.js';
import { selectNames } from './person.repository.js';
import type { ReadScope } from '../user/access.js';

/**
 * Cross-script name search over the name_keys index (docs/decisions/0003-name-search.md and
 * 0011-name-search-at-scale.md): the index finds and bounds candidates by canonical token, names/
 * ranks them in memory from their stored key groups (name_forms) and says why each matched.
 */

export { CANDIDATE_LIMIT };

/** Longer queries are refused (the API and CLI refuse them first): a name, not a paragraph. */
export const MAX_QUERY_LENGTH = 200;

type StoredName = Pick<NameInput, 'text' | 'script' | 'language'> & { system?: string | null };

function asNameInput(name: StoredName): NameInput {
  return {
    text: name.text,
    script: name.script,
    language: name.language,
    system: (name.system ?? null) as RomanizationSystem | null,
  };
}

/** Rebuilds the index rows of one person from their names; call inside the write's transaction. */
export async function reindexPersonNames(
  db: Db,
  personId: string,
  names: readonly StoredName[],
): Promise<void> {
  const inputs = names.map(asNameInput);
  await replaceNameKeys(db, personId, inputs.flatMap(buildNameIndexEntries));
  await replaceNameForms(db, personId, encodeNameForms(inputs));
}

function checkQuery(query: string): void {
  if (query.length > MAX_QUERY_LENGTH) {
    const message = `a name is at most ${MAX_QUERY_LENGTH} characters (got ${query.length})`;
    throw new AppError('validation_failed', `q: ${message}`, [{ path: 'q', message }]);
  }
}

/**
 * Ids of the best-bounded persons the scope may see, best first, for one query or for all the
 * names of a new person at once (their words are slots of one bound: 3 to 5 round trips in all).
 */
async function candidateIds(db: Db, queries: readonly string[], scope: ReadScope): Promise<string[]> {
  const slots = queries.flatMap((query) => lookupSlots(query));
  if (slots.length === 0) return [];
  const counts = await selectKeyCounts(db, lookupOfSlots(slots));
  let plan = planCandidates(slots, counts);
  let planned = slots;
  const wider = widenSlots(slots, plan);
  if (wider) {
    const more = await selectKeyCounts(db, { keys: [], prefixes: addedPrefixes(slots, wider) });
    const known = new Set(counts.map((count) => count.key));
    counts.push(...more.filter((count) => !known.has(count.key)));
    plan = planCandidates((planned = wider), counts);
  }
  const coOccurring = coOccurringLookup(planned, plan, counts);
  if (coOccurring) {
    const closer = withCoOccurringKeys(
      planned,
      coOccurring,
      await selectCoOccurringKeys(db, coOccurring.anchorKeys),
    );
    const known = new Set(counts.map((count) => count.key));
    const added = [...new Set(closer.flatMap((slot) => slot.keys))].filter((key) => !known.has(key));
    counts.push(...(await selectKeyCounts(db, { keys: added, prefixes: [] })));
    plan = planCandidates(closer, counts);
  }
  const limit = CANDIDATE_LIMIT * Math.min(MAX_NAMES_BOUNDED_TOGETHER, Math.max(1, queries.length));
  return selectCandidates(db, plan.keys, plan.anchorKeys, limit, scope);
}

/** A new person's names share one candidate lookup, with room for this many names' candidates. */
const MAX_NAMES_BOUNDED_TOGETHER = 4;

/** The candidates' names and stored key groups, in the order of ids. */
async function loadCandidates(db: Db, ids: readonly string[]): Promise<CandidateInput[]> {
  const byPerson = new Map<string, CandidateInput>();
  for (const row of await selectNameForms(db, ids)) {
    const forms = decodeNameForms(row.forms);
    if (forms) byPerson.set(row.personId, { personId: row.personId, ...forms });
  }
  // Persons without readable stored forms (written before 0009, or by older rules) rank from their names.
  const missing = ids.filter((id) => !byPerson.has(id));
  const names = new Map<string, NameInput[]>(missing.map((id) => [id, []]));
  for (const row of await selectNames(db, missing)) {
    names.get(row.personId)?.push(asNameInput({ ...row, script: row.script as NameInput['script'] }));
  }
  for (const [personId, list] of names) byPerson.set(personId, { personId, names: list });
  return ids.flatMap((id) => byPerson.get(id) ?? []);
}

/** Ranked persons for a query typed in any script and spelling; each hit says why it matched. */
export async function searchNames(
  db: Db,
  query: string,
  limit: number,
  scope: ReadScope,
): Promise<RankedHit[]> {
  checkQuery(query);
  const candidates = await loadCandidates(db, await candidateIds(db, [query], scope));
  return rankCandidates(query, candidates, { limit });
}

/** Existing persons whose names match these above the warning threshold (warn, never block). */
export async function possibleDuplicates(
  db: Db,
  names: readonly StoredName[],
  scope: ReadScope,
  excludePersonId?: string,
): Promise<RankedHit[]> {
  const inputs = names.map(asNameInput);
  const ids = (
    await candidateIds(
      db,
      inputs.map((name) => name.text),
      scope,
    )
  ).filter((id) => id !== excludePersonId);
  return findPossibleDuplicates(inputs, await loadCandidates(db, ids));
}
