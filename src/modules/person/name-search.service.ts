import type { Db } from '../../db/database.js';
import {
  type CandidateInput,
  type NameInput,
  type RankedHit,
  buildNameIndexEntries,
  candidateLookup,
  findPossibleDuplicates,
  rankCandidates,
} from '../../names/matcher.js';
import type { RomanizationSystem } from '../../names/systems.js';
import { replaceNameKeys, selectCandidatePersonIds } from './name-key.repository.js';
import { selectNames } from './person.repository.js';
import type { ReadScope } from '../user/access.js';

/**
 * Cross-script name search over the name_keys index (docs/decisions/0003-name-search.md): the
 * index finds candidates by canonical token, names/ ranks them in memory with the reason.
 */

/** How many candidate persons the index may hand to the ranking; beyond this the ranking is the cost. */
export const CANDIDATE_LIMIT = 400;

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
  const entries = names.flatMap((name) => buildNameIndexEntries(asNameInput(name)));
  await replaceNameKeys(db, personId, entries);
}

async function candidatesFor(
  db: Db,
  queries: readonly string[],
  scope: ReadScope,
  excludeId?: string,
): Promise<CandidateInput[]> {
  const keys = new Set<string>();
  const prefixes = new Set<string>();
  for (const query of queries) {
    const lookup = candidateLookup(query);
    lookup.keys.forEach((key) => keys.add(key));
    lookup.prefixes.forEach((prefix) => prefixes.add(prefix));
  }
  const ids = (
    await selectCandidatePersonIds(db, { keys: [...keys], prefixes: [...prefixes] }, CANDIDATE_LIMIT, scope)
  ).filter((id) => id !== excludeId);
  const byPerson = new Map<string, NameInput[]>(ids.map((id) => [id, []]));
  for (const row of await selectNames(db, ids)) {
    byPerson.get(row.personId)?.push(asNameInput({ ...row, script: row.script as NameInput['script'] }));
  }
  return ids.map((personId) => ({ personId, names: byPerson.get(personId) ?? [] }));
}

/** Ranked persons for a query typed in any script and spelling; each hit says why it matched. */
export async function searchNames(
  db: Db,
  query: string,
  limit: number,
  scope: ReadScope,
): Promise<RankedHit[]> {
  return rankCandidates(query, await candidatesFor(db, [query], scope), { limit });
}

/** Existing persons whose names match these above the warning threshold (warn, never block). */
export async function possibleDuplicates(
  db: Db,
  names: readonly StoredName[],
  scope: ReadScope,
  excludePersonId?: string,
): Promise<RankedHit[]> {
  const inputs = names.map(asNameInput);
  const candidates = await candidatesFor(
    db,
    inputs.map((name) => name.text),
    scope,
    excludePersonId,
  );
  return findPossibleDuplicates(inputs, candidates);
}
