import { canonicalPieces, type CanonicalPiece } from './canonical.js';
import { equivalentFirstNameKeys, firstNameGroupsOfKey } from './first-names.js';
import { hasCyrillic } from './script.js';
import { tokenSimilarity, tokenSimilarityAtLeast } from './similarity.js';

/**
 * What a query looks up in the name index, and how much each key found there is worth
 * (docs/decisions/0011-name-search-at-scale.md). Pure: the database side is
 * modules/person/name-key.repository.ts, the in-memory side is eval/evaluate.ts.
 */

/** Letters of a query token used for the prefix lookup. Three keeps "kal%"-sized candidate sets. */
export const LOOKUP_PREFIX_LENGTH = 3;

/**
 * Query words beyond this many are ignored: the ranking compares at most eight tokens, and a
 * pasted paragraph must not turn into hundreds of index lookups.
 */
export const MAX_QUERY_TOKENS = 8;

/**
 * A key found by prefix counts only if it is at least this similar to the query word (the same
 * normalised edit similarity the ranking uses): "kalesnikava" keeps "kalesnikova" (0.91) and drops
 * "kalinin" (0.36); two slips pass in a word of seven letters or more (0.71). Lower floors let
 * thousands of look-alike rows into the candidate SQL for no recall on the benchmark or eval set.
 */
export const KEY_SIMILARITY_FLOOR = 0.7;

/**
 * How many candidate persons, best upper bound first, the ranking scores (each costs about
 * 0.05 ms with its stored key groups). The bound orders them well enough that at 100,000 persons
 * the cap cuts the expected person only among namesakes (docs/benchmarks.md, Name search).
 */
export const CANDIDATE_LIMIT = 100;

/** A known first name counts half when the query has other words, as in the ranking. */
const FIRST_NAME_SLOT_WEIGHT = 0.5;

export interface CandidateLookup {
  /** Find index entries whose key equals one of these. */
  readonly keys: readonly string[];
  /** …or starts with one of these (typos after the first letters). */
  readonly prefixes: readonly string[];
}

/** Canonical token lists of a query: Cyrillic is read as Belarusian and as Russian. */
export function queryReadings(query: string): CanonicalPiece[][] {
  if (!hasCyrillic(query)) return [canonicalPieces(query)];
  const readings: CanonicalPiece[][] = [];
  const seen = new Set<string>();
  for (const language of ['be', 'ru'] as const) {
    const pieces = canonicalPieces(query, language);
    const id = pieces.map((piece) => piece.key).join(' ');
    if (pieces.length > 0 && !seen.has(id)) {
      seen.add(id);
      readings.push(pieces);
    }
  }
  return readings;
}

/** One word of the query, in every reading: what it looks up and how much it weighs. */
export interface LookupSlot {
  /** The word's canonical tokens over the readings (one, or two for Cyrillic read be and ru). */
  readonly tokens: readonly string[];
  /** Keys equal to a token or to a first-name equivalent of one. */
  readonly keys: readonly string[];
  readonly prefixes: readonly string[];
  readonly weight: number;
}

/** The query's words (at most MAX_QUERY_TOKENS), each with its keys, prefixes and weight. */
export function lookupSlots(query: string): LookupSlot[] {
  const readings = queryReadings(query);
  const length = Math.min(MAX_QUERY_TOKENS, Math.max(0, ...readings.map((reading) => reading.length)));
  const slots: LookupSlot[] = [];
  for (let i = 0; i < length; i++) {
    const tokens = [...new Set(readings.flatMap((reading) => reading[i]?.key ?? []))];
    const keys = new Set<string>();
    const prefixes = new Set<string>();
    for (const token of tokens) {
      keys.add(token);
      for (const equivalent of equivalentFirstNameKeys(token)) keys.add(equivalent);
      if (token.length > LOOKUP_PREFIX_LENGTH + 1) prefixes.add(token.slice(0, LOOKUP_PREFIX_LENGTH));
    }
    const firstName = length > 1 && tokens.some((token) => firstNameGroupsOfKey(token).length > 0);
    slots.push({
      tokens,
      keys: [...keys],
      prefixes: [...prefixes],
      weight: firstName ? FIRST_NAME_SLOT_WEIGHT : 1,
    });
  }
  return slots;
}

/** Every key and prefix of the slots, for one index lookup. */
export function lookupOfSlots(slots: readonly LookupSlot[]): CandidateLookup {
  return {
    keys: [...new Set(slots.flatMap((slot) => slot.keys))],
    prefixes: [...new Set(slots.flatMap((slot) => slot.prefixes))],
  };
}

/**
 * What to look up in the index for a query: its canonical tokens and their first-name
 * equivalents (Vladimir also looks for uladzimir), plus prefixes of the longer tokens.
 */
export function candidateLookup(query: string): CandidateLookup {
  return lookupOfSlots(lookupSlots(query));
}

/** A key found in the index that counts for one query word. */
export interface WeightedKey {
  readonly key: string;
  /** Index of the query word (slot). */
  readonly slot: number;
  /** How similar the key is to the word, 0…1 (tokenSimilarity). */
  readonly similarity: number;
  /** similarity × the slot's weight, in thousandths: an integer, so SQL can carry it as a literal. */
  readonly weight: number;
}

/**
 * The keys found in the index that count for each query word: those equal to one of its keys, or
 * starting with one of its prefixes and at least KEY_SIMILARITY_FLOOR similar to it. A person's
 * upper bound is then the sum over words of the best weight among its keys (see selectCandidates).
 */
export function weighKeys(slots: readonly LookupSlot[], found: Iterable<string>): WeightedKey[] {
  const weighed: WeightedKey[] = [];
  const exactKeys = slots.map((slot) => new Set(slot.keys));
  for (const key of found) {
    slots.forEach((slot, index) => {
      const exact = exactKeys[index]?.has(key) ?? false;
      if (!exact && !slot.prefixes.some((prefix) => key.startsWith(prefix))) return;
      let similarity = 0;
      for (const token of slot.tokens) {
        // Edit similarity cannot beat 1 − length difference / longer length: skip the far ones.
        const longer = Math.max(token.length, key.length);
        if (!exact && 1 - Math.abs(token.length - key.length) / longer < KEY_SIMILARITY_FLOOR) continue;
        const sim = exact
          ? tokenSimilarity(token, key)
          : tokenSimilarityAtLeast(token, key, KEY_SIMILARITY_FLOOR);
        similarity = Math.max(similarity, sim?.similarity ?? 0);
      }
      if (!exact && similarity < KEY_SIMILARITY_FLOOR) return;
      weighed.push({ key, slot: index, similarity, weight: Math.round(similarity * slot.weight * 1000) });
    });
  }
  return weighed;
}

/**
 * Above this many index rows matched in all, only persons having a key of the rarest query word
 * are grouped (the anchor): a common first name then costs nothing, and a person without any key
 * of the rarest word could not have reached the candidate cap anyway.
 */
export const ANCHOR_ROWS = 2000;

/** Index rows of a person (7.7 on average over the synthetic 100,000: about 3.4 names, 2–3 keys each). */
const KEY_ROWS_PER_PERSON = 8;

export interface CandidatePlan {
  readonly keys: readonly WeightedKey[];
  /** Keys of the rarest query word, or null to group every matched row. */
  readonly anchorKeys: readonly string[] | null;
}

/** Which keys to group persons by, given the keys the index holds and how many persons each has. */
export function planCandidates(
  slots: readonly LookupSlot[],
  counts: readonly { readonly key: string; readonly persons: number }[],
  anchorRows: number = ANCHOR_ROWS,
): CandidatePlan {
  const keys = weighKeys(
    slots,
    counts.map((count) => count.key),
  );
  const persons = new Map(counts.map((count) => [count.key, count.persons]));
  const rowsOfSlot = new Map<number, number>();
  for (const { key, slot } of keys)
    rowsOfSlot.set(slot, (rowsOfSlot.get(slot) ?? 0) + (persons.get(key) ?? 0));
  const total = [...new Set(keys.map((entry) => entry.key))].reduce(
    (sum, key) => sum + (persons.get(key) ?? 0),
    0,
  );
  if (total <= anchorRows || rowsOfSlot.size < 2) return { keys, anchorKeys: null };
  let rarest = -1;
  for (const [slot, rows] of rowsOfSlot)
    if (rarest < 0 || rows < (rowsOfSlot.get(rarest) ?? 0)) rarest = slot;
  // Anchoring reads every key row of each anchored person: worth it only if that is fewer rows.
  if ((rowsOfSlot.get(rarest) ?? 0) * KEY_ROWS_PER_PERSON >= total) return { keys, anchorKeys: null };
  return { keys, anchorKeys: keys.filter((entry) => entry.slot === rarest).map((entry) => entry.key) };
}

/**
 * A word whose best key found is less similar than this probably has a typo in its first three
 * letters (Zhryylik for Zhyrylik): it is looked up again by its first two letters.
 */
export const WIDEN_BELOW_SIMILARITY = 0.8;
const WIDE_PREFIX_LENGTH = 2;

/**
 * The slots again, with two-letter prefixes for the words nothing close was found for, or null
 * when every word found a close key. Costs a second lookup only for queries with such a typo.
 */
export function widenSlots(slots: readonly LookupSlot[], plan: CandidatePlan): LookupSlot[] | null {
  const best = new Map<number, number>();
  for (const { slot, similarity } of plan.keys) best.set(slot, Math.max(best.get(slot) ?? 0, similarity));
  let widened = false;
  const wider = slots.map((slot, index) => {
    if ((best.get(index) ?? 0) >= WIDEN_BELOW_SIMILARITY) return slot;
    const prefixes = slot.tokens
      .filter((token) => token.length > LOOKUP_PREFIX_LENGTH + 1)
      .map((token) => token.slice(0, WIDE_PREFIX_LENGTH));
    if (prefixes.length === 0) return slot;
    widened = true;
    return { ...slot, prefixes: [...new Set([...slot.prefixes, ...prefixes])] };
  });
  return widened ? wider : null;
}

/** The prefixes of `wider` that `slots` did not have: what the second lookup scans. */
export function addedPrefixes(slots: readonly LookupSlot[], wider: readonly LookupSlot[]): string[] {
  const before = new Set(slots.flatMap((slot) => slot.prefixes));
  return [...new Set(wider.flatMap((slot) => slot.prefixes))].filter((prefix) => !before.has(prefix));
}

/**
 * A word for which no key was found by prefix, not even widened (a typo in its first letters:
 * Paitrsuienka for Piatrusenka), gives every person found by the other words the same bound, so
 * the cap cut them by id. Such a word is instead compared with the keys of the persons the other
 * words found, and keys at least this similar count for it.
 */
export const CO_OCCURRING_SIMILARITY_FLOOR = 0.5;

/**
 * The keys of the persons found by the rarest other word are read only when they are at most
 * this many (about 8 index rows each): beyond, the second read would cost more than it saves.
 */
export const CO_OCCURRING_PERSONS_LIMIT = 2000;

export interface CoOccurringLookup {
  /** Keys of the rarest word that found some: their persons' other keys are read. */
  readonly anchorKeys: readonly string[];
  /** The words nothing was found for. */
  readonly unmatched: readonly number[];
}

/** Whether some words found nothing while others did, and whose persons' keys to read; or null. */
export function coOccurringLookup(
  slots: readonly LookupSlot[],
  plan: CandidatePlan,
  counts: readonly { readonly key: string; readonly persons: number }[],
): CoOccurringLookup | null {
  const matched = new Set(plan.keys.map((entry) => entry.slot));
  const unmatched = slots.flatMap((slot, index) =>
    !matched.has(index) && slot.tokens.some((token) => token.length > LOOKUP_PREFIX_LENGTH) ? [index] : [],
  );
  if (unmatched.length === 0 || matched.size === 0) return null;
  const persons = new Map(counts.map((count) => [count.key, count.persons]));
  const rowsOfSlot = new Map<number, number>();
  for (const { key, slot } of plan.keys)
    rowsOfSlot.set(slot, (rowsOfSlot.get(slot) ?? 0) + (persons.get(key) ?? 0));
  let rarest = -1;
  for (const [slot, rows] of rowsOfSlot)
    if (rarest < 0 || rows < (rowsOfSlot.get(rarest) ?? 0)) rarest = slot;
  if ((rowsOfSlot.get(rarest) ?? 0) > CO_OCCURRING_PERSONS_LIMIT) return null;
  const anchorKeys = [
    ...new Set(plan.keys.filter((entry) => entry.slot === rarest).map((entry) => entry.key)),
  ];
  return { anchorKeys, unmatched };
}

/**
 * The slots again, each unmatched word also looking up the found keys at least
 * CO_OCCURRING_SIMILARITY_FLOOR similar to it (as exact keys: weighKeys then weighs them by their
 * similarity, below KEY_SIMILARITY_FLOOR too).
 */
export function withCoOccurringKeys(
  slots: readonly LookupSlot[],
  lookup: CoOccurringLookup,
  found: Iterable<string>,
): LookupSlot[] {
  const keys = [...found];
  return slots.map((slot, index) => {
    if (!lookup.unmatched.includes(index)) return slot;
    const similar = keys.filter((key) =>
      slot.tokens.some((token) => {
        const longer = Math.max(token.length, key.length);
        if (1 - Math.abs(token.length - key.length) / longer < CO_OCCURRING_SIMILARITY_FLOOR) return false;
        return tokenSimilarityAtLeast(token, key, CO_OCCURRING_SIMILARITY_FLOOR) !== null;
      }),
    );
    return similar.length === 0 ? slot : { ...slot, keys: [...new Set([...slot.keys, ...similar])] };
  });
}
