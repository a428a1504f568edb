import { firstNameGroupsOfKey } from './first-names.js';

/**
 * Name similarity on canonical tokens (see canonical.ts): per-token normalised edit distance,
 * order-free best assignment of query tokens to candidate tokens, first-name equivalence.
 * Measured best of the methods tried (romanization.md): Jaro–Winkler and trigrams let more
 * look-alike surnames through at the same recall.
 */

/** Two spellings of one first name (Uladzimir, Vladimir) are nearly as good as the same spelling. */
export const FIRST_NAME_EQUIVALENT_SIMILARITY = 0.95;
/**
 * Two different known first names (Maria, Marina; Aliaksandr, Aliaksandra) are different people
 * however few letters separate them, so their similarity is capped.
 */
export const DIFFERENT_FIRST_NAMES_CAP = 0.5;
/** An initial ("M.") against a name starting with that letter. */
export const INITIAL_SIMILARITY = 0.85;
/**
 * A first name that matches (same name or an equivalent form) counts half as much as a surname:
 * first names are shared by thousands, so "Hanna X" must not look like "Hanna Y" just because X
 * and Y share a few letters. A first name that does not match keeps its full weight.
 */
const MATCHED_FIRST_NAME_WEIGHT = 0.5;
/** A query token left unmatched counts this much when it looks like a patronymic (often left out). */
const UNMATCHED_PATRONYMIC_WEIGHT = 0.25;
/** Each candidate token nothing in the query matched lowers the score a little: a tie-breaker. */
const UNMATCHED_CANDIDATE_PENALTY = 0.01;
/** Longer names are truncated: the assignment is exponential in the candidate's token count. */
const MAX_TOKENS = 8;

const PATRONYMIC = /(?:ovich|evich|avich|ovna|evna|avna|ichna)$/;

let rowA = new Uint16Array(32);
let rowB = new Uint16Array(32);
let rowC = new Uint16Array(32);

/** Grows the three reused distance rows to hold at least `width` cells. */
function ensureRows(width: number): void {
  if (rowA.length >= width) return;
  rowA = new Uint16Array(width * 2);
  rowB = new Uint16Array(width * 2);
  rowC = new Uint16Array(width * 2);
}

/**
 * Optimal-string-alignment distance: Levenshtein plus adjacent transpositions counted as one edit
 * (Kalesnikvaa), the commonest typing slip besides a wrong or missing letter.
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  const width = b.length + 1;
  ensureRows(width);
  let twoBack = rowA;
  let previous = rowB;
  let current = rowC;
  for (let j = 0; j < width; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j < width; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let best = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        best = Math.min(best, (twoBack[j - 2] ?? 0) + 1);
      }
      current[j] = best;
    }
    const recycled = twoBack;
    twoBack = previous;
    previous = current;
    current = recycled;
  }
  return previous[b.length] ?? 0;
}

/**
 * editDistance(a, b) when it is at most `max`, otherwise max + 1: only the diagonal band of width
 * 2 × max + 1 is computed (an alignment of cost ≤ max never leaves it), and it stops as soon as
 * two rows exceed the bound. The lookup weighs thousands of prefix-found keys against a floor.
 */
export function editDistanceWithin(a: string, b: string, max: number): number {
  if (a === b) return 0;
  const cap = max + 1;
  if (Math.abs(a.length - b.length) > max) return cap;
  if (a.length === 0 || b.length === 0) return Math.max(a.length, b.length);
  const width = b.length + 1;
  ensureRows(width + 1);
  let twoBack = rowA;
  let previous = rowB;
  let current = rowC;
  for (let j = 0; j < width; j++) previous[j] = Math.min(j, cap);
  let previousMin = 0;
  for (let i = 1; i <= a.length; i++) {
    const lo = Math.max(1, i - max);
    const hi = Math.min(b.length, i + max);
    current[0] = Math.min(i, cap);
    // Out-of-band neighbours read by this row and the next are at least cap (|i − j| > max).
    current[lo - 1] = lo > 1 ? cap : (current[0] ?? cap);
    if (hi < b.length) current[hi + 1] = cap;
    let rowMin = lo > 1 ? cap : (current[0] ?? cap);
    const ca = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let best = Math.min(
        (previous[j] ?? cap) + 1,
        (current[j - 1] ?? cap) + 1,
        (previous[j - 1] ?? cap) + cost,
      );
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        best = Math.min(best, (twoBack[j - 2] ?? cap) + 1);
      }
      current[j] = best;
      if (best < rowMin) rowMin = best;
    }
    // Every cell of a later row comes from this row, the one before (+1 for a transposition) or
    // its own left neighbour: once both are past the bound, so is the distance.
    if (rowMin > max && previousMin >= max) return cap;
    previousMin = rowMin;
    const recycled = twoBack;
    twoBack = previous;
    previous = current;
    current = recycled;
  }
  return Math.min(previous[b.length] ?? cap, cap);
}

/** 1 − distance / longer length: 1 for equal tokens, 0 for nothing in common. */
export function normalizedSimilarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 1 : 1 - editDistance(a, b) / longer;
}

export type TokenMatchKind = 'exact' | 'first-name' | 'initial' | 'edit' | 'different-first-name';

export interface TokenSimilarity {
  readonly similarity: number;
  readonly kind: TokenMatchKind;
}

const EXACT: TokenSimilarity = { similarity: 1, kind: 'exact' };

/** Similarity of two canonical tokens, with first-name groups and initials taken into account. */
export function tokenSimilarity(query: string, candidate: string): TokenSimilarity {
  if (query === candidate) return EXACT;
  const shorter = query.length <= candidate.length ? query : candidate;
  const longer = shorter === query ? candidate : query;
  if (shorter.length <= 2) {
    return { similarity: longer.startsWith(shorter) ? INITIAL_SIMILARITY : 0, kind: 'initial' };
  }
  const similarity = normalizedSimilarity(query, candidate);
  const queryGroups = firstNameGroupsOfKey(query);
  if (queryGroups.length > 0) {
    const candidateGroups = firstNameGroupsOfKey(candidate);
    if (candidateGroups.length > 0) {
      if (queryGroups.some((id) => candidateGroups.includes(id))) {
        return { similarity: Math.max(similarity, FIRST_NAME_EQUIVALENT_SIMILARITY), kind: 'first-name' };
      }
      return { similarity: Math.min(similarity, DIFFERENT_FIRST_NAMES_CAP), kind: 'different-first-name' };
    }
  }
  return { similarity, kind: 'edit' };
}

/**
 * tokenSimilarity(query, candidate) when its similarity is at least `floor`, otherwise null;
 * the same value, without the full edit distance of the far pairs.
 */
export function tokenSimilarityAtLeast(
  query: string,
  candidate: string,
  floor: number,
): TokenSimilarity | null {
  if (query === candidate || Math.min(query.length, candidate.length) <= 2 || floor <= 0) {
    const sim = tokenSimilarity(query, candidate);
    return sim.similarity >= floor ? sim : null;
  }
  const queryGroups = firstNameGroupsOfKey(query);
  if (queryGroups.length > 0 && firstNameGroupsOfKey(candidate).length > 0) {
    const sim = tokenSimilarity(query, candidate);
    return sim.similarity >= floor ? sim : null;
  }
  const longer = Math.max(query.length, candidate.length);
  // The largest distance d with 1 − d / longer ≥ floor, in the same floating-point arithmetic.
  let max = Math.min(longer, Math.floor((1 - floor) * longer) + 1);
  while (max > 0 && 1 - max / longer < floor) max--;
  const distance = editDistanceWithin(query, candidate, max);
  if (distance > max) return null;
  const similarity = 1 - distance / longer;
  return similarity >= floor ? { similarity, kind: 'edit' } : null;
}

export interface TokenMatch {
  /** Index into the query tokens. */
  readonly query: number;
  /** Index into the candidate tokens, or null when the query token matched nothing. */
  readonly candidate: number | null;
  readonly similarity: number;
  readonly kind: TokenMatchKind | 'none';
}

export interface NameScore {
  /** 0…1; 1 when every query token equals a distinct candidate token. */
  readonly score: number;
  readonly matches: readonly TokenMatch[];
}

export type TokenSimilarityFn = (query: string, candidate: string) => TokenSimilarity;

/**
 * Scores query tokens against candidate tokens in any order: each query token is paired with at
 * most one candidate token so that the summed similarity is highest (exact search over the
 * candidate subsets, fine for names of a few tokens). The score is the mean over query tokens, so
 * a surname-only query scores 1 against the full name; unmatched patronymics weigh less, and
 * candidate tokens the query does not mention cost a small tie-breaking penalty.
 */
export function scoreNamesDetailed(
  queryTokens: readonly string[],
  candidateTokens: readonly string[],
  similarityOf: TokenSimilarityFn = tokenSimilarity,
): NameScore {
  const query = queryTokens.slice(0, MAX_TOKENS);
  const candidate = candidateTokens.slice(0, MAX_TOKENS);
  if (query.length === 0 || candidate.length === 0) {
    return {
      score: 0,
      matches: query.map((_, i) => ({ query: i, candidate: null, similarity: 0, kind: 'none' })),
    };
  }
  const sims: TokenSimilarity[][] = query.map((q) => candidate.map((c) => similarityOf(q, c)));

  // best[mask] after processing query tokens 0..i: highest total using exactly the candidate
  // tokens in mask; choice[i][mask] remembers which candidate token (or -1) query token i took.
  const states = 1 << candidate.length;
  let best = new Float64Array(states).fill(-1);
  best[0] = 0;
  const choice: Int8Array[] = [];
  for (let i = 0; i < query.length; i++) {
    const next = new Float64Array(states).fill(-1);
    const picked = new Int8Array(states).fill(-2);
    const row = sims[i] ?? [];
    for (let mask = 0; mask < states; mask++) {
      const total = best[mask] ?? -1;
      if (total < 0) continue;
      if (total > (next[mask] ?? -1)) {
        next[mask] = total;
        picked[mask] = -1;
      }
      for (let j = 0; j < candidate.length; j++) {
        if (mask & (1 << j)) continue;
        const sim = row[j]?.similarity ?? 0;
        if (sim <= 0) continue;
        const target = mask | (1 << j);
        const value = total + sim;
        if (value > (next[target] ?? -1)) {
          next[target] = value;
          picked[target] = j;
        }
      }
    }
    best = next;
    choice.push(picked);
  }
  let bestMask = 0;
  for (let mask = 1; mask < states; mask++) if ((best[mask] ?? -1) > (best[bestMask] ?? -1)) bestMask = mask;

  const matches: TokenMatch[] = [];
  let mask = bestMask;
  for (let i = query.length - 1; i >= 0; i--) {
    const j = choice[i]?.[mask] ?? -1;
    if (j >= 0) {
      const sim = sims[i]?.[j];
      matches.push({ query: i, candidate: j, similarity: sim?.similarity ?? 0, kind: sim?.kind ?? 'edit' });
      mask &= ~(1 << j);
    } else {
      matches.push({ query: i, candidate: null, similarity: 0, kind: 'none' });
    }
  }
  matches.reverse();

  let weighted = 0;
  let weights = 0;
  let matchedCandidates = 0;
  const multiToken = query.length > 1;
  for (const match of matches) {
    const token = query[match.query] ?? '';
    const unmatchedPatronymic = match.candidate === null && PATRONYMIC.test(token);
    const matchedFirstName =
      multiToken &&
      (match.kind === 'first-name' || (match.kind === 'exact' && firstNameGroupsOfKey(token).length > 0));
    const weight = unmatchedPatronymic
      ? UNMATCHED_PATRONYMIC_WEIGHT
      : matchedFirstName
        ? MATCHED_FIRST_NAME_WEIGHT
        : 1;
    weighted += weight * match.similarity;
    weights += weight;
    if (match.candidate !== null) matchedCandidates++;
  }
  const unmatchedCandidates = candidate.length - matchedCandidates;
  const score = Math.max(0, weighted / weights - UNMATCHED_CANDIDATE_PENALTY * unmatchedCandidates);
  return { score, matches };
}

/**
 * An upper bound on scoreNamesDetailed(queryTokens, group).score for every group made of these
 * candidate tokens (the distinct keys of all of a person's groups), without the assignment: each
 * query token takes its best similarity to any token, with whichever weight that match would have
 * (or stays unmatched), and the weighted mean is maximised over those choices (Dinkelbach's
 * iteration: a handful of passes). The ranking skips the full score of a person whose bound cannot
 * reach the hits already found.
 */
export function scoreUpperBound(
  queryTokens: readonly string[],
  candidateTokens: Iterable<string>,
  similarityOf: TokenSimilarityFn = tokenSimilarity,
): number {
  const query = queryTokens.slice(0, MAX_TOKENS);
  if (query.length === 0) return 0;
  const multiToken = query.length > 1;
  // Per query token: best similarity of a match weighing 1, of one weighing half (a first name).
  const full = new Float64Array(query.length);
  const half = new Float64Array(query.length);
  const firstName = query.map((token) => firstNameGroupsOfKey(token).length > 0);
  let any = false;
  for (const candidate of candidateTokens) {
    any = true;
    for (let i = 0; i < query.length; i++) {
      const sim = similarityOf(query[i] ?? '', candidate);
      if (sim.similarity <= 0) continue;
      const halved = multiToken && (sim.kind === 'first-name' || (sim.kind === 'exact' && firstName[i]));
      const best = halved ? half : full;
      if (sim.similarity > (best[i] ?? 0)) best[i] = sim.similarity;
    }
  }
  if (!any) return 0;
  const unmatchedWeight = query.map((token) => (PATRONYMIC.test(token) ? UNMATCHED_PATRONYMIC_WEIGHT : 1));
  let ratio = 0;
  for (let pass = 0; ; pass++) {
    if (pass === 32) return 1; // not converged (never seen): no bound below the highest score
    let weighted = 0;
    let weights = 0;
    for (let i = 0; i < query.length; i++) {
      // The choice with the most weighted − ratio × weight: unmatched, a full or a half match.
      let bestValue = -ratio * (unmatchedWeight[i] ?? 1);
      let choice: [number, number] = [0, unmatchedWeight[i] ?? 1];
      const f = full[i] ?? 0;
      if (f > 0 && f - ratio > bestValue) [bestValue, choice] = [f - ratio, [f, 1]];
      const h = half[i] ?? 0;
      if (h > 0 && MATCHED_FIRST_NAME_WEIGHT * (h - ratio) > bestValue)
        [bestValue, choice] = [
          MATCHED_FIRST_NAME_WEIGHT * (h - ratio),
          [MATCHED_FIRST_NAME_WEIGHT * h, MATCHED_FIRST_NAME_WEIGHT],
        ];
      weighted += choice[0];
      weights += choice[1];
    }
    const next = weighted / weights;
    if (next <= ratio) break;
    ratio = next;
  }
  return ratio;
}

/** Order-free similarity of two names given as canonical tokens, 0…1. */
export function scoreNames(queryTokens: readonly string[], candidateTokens: readonly string[]): number {
  return scoreNamesDetailed(queryTokens, candidateTokens).score;
}
