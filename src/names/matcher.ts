import {
  canonicalPieces,
  gapsOnlySeparate,
  piecesOfSeparatedWords,
  type CanonicalPiece,
} from './canonical.js';
import { queryReadings } from './lookup.js';
import { romanizeAllWords } from './romanize.js';
import { detectCyrillicLanguage, hasCyrillic } from './script.js';
import {
  editDistance,
  scoreNamesDetailed,
  scoreUpperBound,
  tokenSimilarity,
  type NameScore,
  type TokenSimilarity,
} from './similarity.js';
import {
  ROMANIZATION_SYSTEM_LABELS,
  isNameLanguage,
  type NameLanguage,
  type RomanizationSystem,
} from './systems.js';

/**
 * The pure core of name search and duplicate warnings.
 *
 * Index design: one entry per distinct canonical TOKEN of a name (not per full name). Each stored
 * name is expanded into every romanization (Cyrillic) or kept as observed (Latin), each spelling
 * is cut into canonical tokens, and each distinct token becomes an entry {key, variant, system}.
 * Per-token keys let the database find a person from any one word of the query with an equality
 * lookup on an ordinary B-tree index (`key = ?`), whatever the word order, with or without the
 * first name or a patronymic; a prefix lookup (`key LIKE 'kal%'`, also a B-tree range) catches
 * typos after the first letters. Full-name keys would need the whole name right and in order.
 * Candidates found that way are then ranked here, in memory, against all their spellings.
 * Entries per name stay few because the canonical folds collapse most systems' spellings:
 * the 13 spellings of "Святлана Ціханоўская" give 5 keys, the 8 of "Марыя Калеснікава" just 2
 * (3 per name on average over the evaluation gallery).
 */

export interface NameInput {
  readonly text: string;
  readonly script: 'Cyrl' | 'Latn';
  readonly language: string;
  readonly system?: RomanizationSystem | null;
}

export type EntrySystem = RomanizationSystem | 'observed' | 'cyrillic';

export interface NameIndexEntry {
  /** Canonical token: what the database indexes and looks up. */
  readonly key: string;
  /** The spelling the token comes from (first one found), for display. */
  readonly variant: string;
  readonly system: EntrySystem;
}

/**
 * Score at or above which a new person's name raises a "possible duplicate" warning.
 * Calibrated on src/names/eval (npm run eval:names): true matches, typos included, score 0.833
 * and up, 99 % of them 0.867 and up (95 % keep 0.905); the closest must-not-match names (a
 * different surname two letters away with the same first name) reach 0.841. 0.85 warns for all
 * but the two worst typos and for none of the must-not-match names. eval/floors.test.ts guards it.
 */
export const DUPLICATE_WARNING_THRESHOLD = 0.85;

/** One way of writing a stored name, cut into canonical pieces. */
interface Spelling {
  readonly text: string;
  readonly system: EntrySystem;
  readonly pieces: readonly CanonicalPiece[];
}

/** Spellings that fold to the same canonical tokens: scored once, explained by the closest one. */
interface KeyGroup {
  readonly keys: readonly string[];
  readonly spellings: readonly Spelling[];
  /** Only spelt so by rarely used systems (see FUZZY_RARE_SPELLING_FACTOR). */
  readonly rare: boolean;
}

/**
 * Systems whose spellings people seldom type for a person's name: catalogues, transliteration
 * standards, foreign press. An exact match with one of them is as good as any, but a near miss
 * is more likely a different name that happens to look alike in that system ("Statkevich" is two
 * letters from the German "Sjankewitsch" of Зянькевіч), so near misses are discounted a little.
 */
const RARE_SYSTEMS: ReadonlySet<EntrySystem> = new Set([
  'iso-9',
  'ala-lc',
  'national-2023',
  'german',
  'polish',
  'french',
]);
const FUZZY_RARE_SPELLING_FACTOR = 0.97;

interface PreparedName {
  readonly input: NameInput;
  readonly groups: readonly KeyGroup[];
  /** Pieces of the Cyrillic name, to show which Cyrillic words a partial match stands for. */
  readonly cyrillicPieces: readonly CanonicalPiece[] | null;
}

function nameLanguage(name: NameInput): NameLanguage {
  return isNameLanguage(name.language) ? name.language : detectCyrillicLanguage(name.text);
}

function isCyrillicName(name: NameInput): boolean {
  return name.script === 'Cyrl' || hasCyrillic(name.text);
}

const HYPHEN_BETWEEN_LETTERS = /(\p{L})\p{Pd}(?=\p{L})/gu;
/**
 * A name without a dash has no joined spelling in any system: romanization writes letters only,
 * so every spelling's dashes are the written name's.
 */
const ANY_DASH = /\p{Pd}/u;
const WHITESPACE = /\s+/;

/** Hyphenated names are also typed joined (Kara-Murza, Karamurza); pieces keep the written word. */
function joinedSpelling(spelling: Spelling, language: NameLanguage | undefined): Spelling | null {
  const joined = spelling.text.replace(HYPHEN_BETWEEN_LETTERS, '$1');
  if (joined === spelling.text) return null;
  const writtenWords = spelling.text.split(WHITESPACE);
  const joinedWords = joined.split(WHITESPACE);
  const pieces = canonicalPieces(joined, language).map((piece) => {
    const index = joinedWords.indexOf(piece.raw);
    const written = writtenWords.length === joinedWords.length ? writtenWords[index] : undefined;
    return written === undefined ? piece : { raw: written, key: piece.key };
  });
  return { text: spelling.text, system: spelling.system, pieces };
}

function groupSpellings(spellings: readonly Spelling[]): KeyGroup[] {
  const groups = new Map<string, { keys: string[]; spellings: Spelling[]; rare: boolean }>();
  for (const spelling of spellings) {
    const { pieces } = spelling;
    const [head] = pieces;
    if (!head) continue;
    let id = head.key;
    for (let index = 1; index < pieces.length; index++) id += ` ${pieces[index]?.key}`;
    const rare = RARE_SYSTEMS.has(spelling.system);
    const group = groups.get(id);
    if (!group) groups.set(id, { keys: pieces.map((piece) => piece.key), spellings: [spelling], rare });
    else {
      group.spellings.push(spelling);
      group.rare &&= rare;
    }
  }
  return [...groups.values()];
}

const prepared = new WeakMap<NameInput, PreparedName>();

/**
 * Every spelling of a stored name with its canonical pieces, memoised per name object: a Cyrillic
 * name gives its romanizations in every system (then itself), a Latin one just itself.
 */
function prepare(name: NameInput): PreparedName {
  const cached = prepared.get(name);
  if (cached) return cached;
  const language = isCyrillicName(name) ? nameLanguage(name) : undefined;
  const spellings: Spelling[] = [];
  if (language !== undefined) {
    // Cut into pieces word by word from memos (names share words), not by parsing each spelling.
    const { gaps, spellings: romanized } = romanizeAllWords(name.text, language);
    // Every spelling has the name's gaps: checked once.
    const separated = gapsOnlySeparate(gaps, gaps.length - 1);
    for (const { text, system, words } of romanized) {
      const pieces =
        (separated ? piecesOfSeparatedWords(words, language) : null) ?? canonicalPieces(text, language);
      spellings.push({ text, system, pieces });
    }
    spellings.push({ text: name.text, system: 'cyrillic', pieces: canonicalPieces(name.text, language) });
  } else {
    const system = name.system && name.system !== 'other' ? name.system : 'observed';
    spellings.push({ text: name.text, system, pieces: canonicalPieces(name.text) });
  }
  const joined = ANY_DASH.test(name.text)
    ? spellings.map((spelling) => joinedSpelling(spelling, language)).filter((s) => s !== null)
    : [];
  const cyrillic = language !== undefined ? spellings[spellings.length - 1] : undefined;
  const result: PreparedName = {
    input: name,
    groups: groupSpellings([...spellings, ...joined]),
    cyrillicPieces: cyrillic?.pieces ?? null,
  };
  prepared.set(name, result);
  return result;
}

/**
 * Index entries of one stored name: one per distinct canonical token over all its spellings
 * (see the note at the top), credited to the first spelling that gives it: the system tables
 * come before the raw Cyrillic.
 */
export function buildNameIndexEntries(name: NameInput): NameIndexEntry[] {
  const entries: NameIndexEntry[] = [];
  const seen = new Set<string>();
  for (const group of prepare(name).groups) {
    const first = group.spellings[0];
    if (!first) continue;
    for (const key of group.keys) {
      if (seen.has(key)) continue;
      seen.add(key);
      entries.push({ key, variant: first.text, system: first.system });
    }
  }
  return entries;
}

export { type CandidateLookup, LOOKUP_PREFIX_LENGTH, candidateLookup } from './lookup.js';

/** The canonical tokens of one spelling group of a stored name: all the ranking needs to score it. */
export interface StoredKeyGroup {
  readonly keys: readonly string[];
  /** Only spelt so by rarely used systems (near misses discounted, see RARE_SYSTEMS). */
  readonly rare: boolean;
}

/**
 * The key groups of a stored name, in ranking order. Computed when the name is written and
 * stored (names/forms.ts), so that ranking does not romanize candidates' names at query time.
 */
export function nameKeyGroups(name: NameInput): StoredKeyGroup[] {
  return prepare(name).groups.map((group) => ({ keys: group.keys, rare: group.rare }));
}

export interface CandidateInput {
  readonly personId: string;
  readonly names: readonly NameInput[];
  /**
   * nameKeyGroups of each name, in the same order, as stored at index time; computed from the
   * names when absent. Only the hits that are returned are then prepared in full, for the reason.
   */
  readonly keyGroups?: readonly (readonly StoredKeyGroup[])[];
}

export interface RankOptions {
  /** Keep at most this many hits (default 20). */
  readonly limit?: number;
  /** Drop hits scoring below this (default 0.5). */
  readonly minScore?: number;
  /**
   * Score every candidate (default: skip those whose upper bound cannot reach the hits already
   * scored; the same hits either way, see rankCandidates).
   */
  readonly exhaustive?: boolean;
}

export interface RankedHit {
  readonly personId: string;
  /** 0…1; compare with DUPLICATE_WARNING_THRESHOLD. */
  readonly score: number;
  /** The spelling that matched best (a romanization, the recorded Latin spelling or the Cyrillic). */
  readonly matchedVariant: string;
  readonly system: EntrySystem;
  /** The stored name the matched spelling belongs to. */
  readonly matchedName: string;
  /** Why it matched, for people: "matches Kaliesnikava, the national 2007 romanization of Калеснікава". */
  readonly reason: string;
}

const SCORE_EPSILON = 1e-9;

interface Scored {
  readonly name: PreparedName;
  readonly group: KeyGroup;
  readonly reading: readonly CanonicalPiece[];
  readonly detail: NameScore;
}

interface BestMatch extends Scored {
  /** The spelling of the group closest to the query as written. */
  readonly spelling: Spelling;
  readonly surface: number;
}

/**
 * How far the matched words are as written, before canonical folding. Among spellings with the
 * same score this picks the one the user actually typed: "Kaliesnikava" is credited to the
 * national 2007 spelling, not to the passport spelling that folds to the same key.
 */
function surfaceDistance(scored: Scored, spelling: Spelling): number {
  let total = 0;
  for (const match of scored.detail.matches) {
    if (match.candidate === null) continue;
    const said = scored.reading[match.query]?.raw.toLowerCase() ?? '';
    const stored = spelling.pieces[match.candidate]?.raw.toLowerCase() ?? '';
    total += editDistance(said, stored);
  }
  return total;
}

function closestSpelling(scored: Scored): BestMatch | null {
  let best: BestMatch | null = null;
  for (const spelling of scored.group.spellings) {
    const surface = surfaceDistance(scored, spelling);
    if (best === null || surface < best.surface) best = { ...scored, spelling, surface };
    if (surface === 0) break; // the query as written: no later spelling can be closer
  }
  return best;
}

/** Distinct raw words, in order (a word split into several tokens is shown once). */
function words(pieces: readonly (CanonicalPiece | undefined)[]): string {
  const out: string[] = [];
  for (const piece of pieces) if (piece && out[out.length - 1] !== piece.raw) out.push(piece.raw);
  return out.join(' ');
}

/**
 * The words of the stored spelling the query matched, and the same words of the stored name:
 * a surname-only query "Kaliesnikava" is explained with "Kaliesnikava" and "Калеснікава".
 */
function matchedWords(best: BestMatch): { shown: string; original: string } {
  const { spelling, name, detail } = best;
  const used = new Set<number>();
  for (const match of detail.matches) if (match.candidate !== null) used.add(match.candidate);
  if (used.size === spelling.pieces.length || used.size === 0) {
    return { shown: spelling.text, original: name.input.text };
  }
  const indices = [...used].sort((x, y) => x - y);
  const shown = words(indices.map((i) => spelling.pieces[i]));
  const cyrillic = name.cyrillicPieces;
  const aligned = cyrillic !== null && cyrillic.length === spelling.pieces.length;
  const original = aligned ? words(indices.map((i) => cyrillic[i])) : name.input.text;
  return { shown, original };
}

function explain(best: BestMatch): string {
  const { spelling, name, reading, detail } = best;
  const exact = detail.matches.every((m) => m.kind === 'exact' || m.kind === 'none');
  const verb = exact ? 'matches' : 'is close to';
  const { shown, original } = matchedWords(best);
  let head: string;
  if (spelling.system === 'cyrillic') {
    head = `${verb} ${shown}`;
  } else if (spelling.system === 'observed') {
    head = `${verb} ${shown}, a recorded spelling`;
  } else {
    const label = ROMANIZATION_SYSTEM_LABELS[spelling.system];
    head = name.cyrillicPieces
      ? `${verb} ${shown}, the ${label} of ${original}`
      : `${verb} ${shown}, the recorded ${label}`;
  }
  const notes: string[] = [];
  for (const match of detail.matches) {
    if (match.candidate === null) continue;
    const said = reading[match.query]?.raw;
    const stored = spelling.pieces[match.candidate]?.raw;
    if (said === undefined || stored === undefined) continue;
    if (match.kind === 'first-name') notes.push(`${said} is another form of ${stored}`);
    else if (match.kind === 'edit') notes.push(`${said} ≈ ${stored}`);
    else if (match.kind === 'initial') notes.push(`${said} as an initial of ${stored}`);
    else if (match.kind === 'different-first-name')
      notes.push(`${said} and ${stored} are different first names`);
  }
  return notes.length > 0 ? `${head} (${notes.join('; ')})` : head;
}

/**
 * Memoises token similarity within one ranking: the same token pairs recur across candidates.
 * One map per query token (a handful), so a lookup builds no combined key.
 */
function memoisedSimilarity(): (query: string, candidate: string) => TokenSimilarity {
  const byQuery = new Map<string, Map<string, TokenSimilarity>>();
  return (query, candidate) => {
    let cache = byQuery.get(query);
    if (cache === undefined) byQuery.set(query, (cache = new Map<string, TokenSimilarity>()));
    let sim = cache.get(candidate);
    if (sim === undefined) {
      sim = tokenSimilarity(query, candidate);
      cache.set(candidate, sim);
    }
    return sim;
  };
}

/**
 * Memoises group scores within one ranking, per reading: a person's Latin spellings mostly fold
 * to the groups of their Cyrillic names, and namesakes share groups.
 */
function memoisedGroupScore(
  readingKeys: readonly (readonly string[])[],
  similarity: (query: string, candidate: string) => TokenSimilarity,
): (reading: number, keys: readonly string[]) => NameScore {
  const byReading = readingKeys.map(() => new Map<string, NameScore>());
  return (reading, keys) => {
    const cache = byReading[reading];
    const id = keys.join(' ');
    let score = cache?.get(id);
    if (score === undefined) {
      score = scoreNamesDetailed(readingKeys[reading] ?? [], keys, similarity);
      cache?.set(id, score);
    }
    return score;
  };
}

function discountRare(detail: NameScore, group: StoredKeyGroup): NameScore {
  if (!group.rare || detail.matches.every((m) => m.kind === 'exact' || m.kind === 'none')) return detail;
  return { ...detail, score: detail.score * FUZZY_RARE_SPELLING_FACTOR };
}

/** A key group of one of the candidate's names that reached the candidate's best score. */
interface TiedGroup {
  readonly nameIndex: number;
  readonly group: StoredKeyGroup;
  readonly reading: readonly CanonicalPiece[];
  readonly detail: NameScore;
}

interface CandidateScore {
  readonly score: number;
  /** Every group (of every name, in every reading) within SCORE_EPSILON of the best, in order. */
  readonly tied: readonly TiedGroup[];
}

/** The candidate's best score over its names' key groups and the query's readings. */
function scoreCandidate(
  candidate: CandidateInput,
  readings: readonly (readonly CanonicalPiece[])[],
  groupScore: (reading: number, keys: readonly string[]) => NameScore,
): CandidateScore {
  const tied: TiedGroup[] = [];
  let bestScore = -1;
  candidate.names.forEach((name, nameIndex) => {
    const groups = candidate.keyGroups?.[nameIndex] ?? prepare(name).groups;
    for (const group of groups) {
      readings.forEach((reading, r) => {
        const detail = discountRare(groupScore(r, group.keys), group);
        if (detail.score > bestScore + SCORE_EPSILON) {
          bestScore = detail.score;
          tied.length = 0;
          tied.push({ nameIndex, group, reading, detail });
        } else if (detail.score > bestScore - SCORE_EPSILON) {
          tied.push({ nameIndex, group, reading, detail });
        }
      });
    }
  });
  return { score: bestScore, tied };
}

/**
 * The spelling that explains a scored candidate: among its tied groups, the spelling closest to
 * the query as written. Prepares (romanizes) only the names involved. Null when a stored group is
 * no longer produced by the rules (an index older than the code: `unfree db reindex-names`).
 */
function explainScore(candidate: CandidateInput, scored: CandidateScore): BestMatch | null {
  let best: BestMatch | null = null;
  for (const tied of scored.tied) {
    const input = candidate.names[tied.nameIndex];
    if (input === undefined) continue;
    const name = prepare(input);
    const id = tied.group.keys.join(' ');
    const group = name.groups.find((g) => g.keys.join(' ') === id);
    if (group === undefined) continue;
    const closest = closestSpelling({ name, group, reading: tied.reading, detail: tied.detail });
    if (closest && (best === null || closest.surface < best.surface)) best = closest;
    // Only a strictly closer spelling replaces the best: after one as written, the other tied
    // names need not be romanized at all.
    if (best?.surface === 0) break;
  }
  return best;
}

function roundScore(score: number): number {
  return Math.round(score * 1000) / 1000;
}

/** Inserts a score into the descending list of the best `limit`. */
function keepBest(best: number[], score: number, limit: number): void {
  if (best.length >= limit && score <= (best[limit - 1] ?? -1)) return;
  let at = best.length;
  while (at > 0 && (best[at - 1] ?? 0) < score) at--;
  best.splice(at, 0, score);
  if (best.length > limit) best.pop();
}

/** At least the candidate's best score over its names' groups and the query's readings. */
function candidateUpperBound(
  candidate: CandidateInput,
  readingKeys: readonly (readonly string[])[],
  similarity: (query: string, candidate: string) => TokenSimilarity,
): number {
  const keys = new Set<string>();
  candidate.names.forEach((name, nameIndex) => {
    for (const group of candidate.keyGroups?.[nameIndex] ?? prepare(name).groups)
      for (const key of group.keys) keys.add(key);
  });
  let bound = 0;
  for (const reading of readingKeys) bound = Math.max(bound, scoreUpperBound(reading, keys, similarity));
  return bound;
}

/**
 * Ranks candidate persons (typically those the index lookup returned) against a query in any
 * script and spelling: every spelling of every stored name is scored order-free per token, and
 * each person keeps its best. Equal scores keep the input order. Scoring uses the stored key
 * groups; only the hits returned are explained.
 */
export function rankCandidates(
  query: string,
  candidates: readonly CandidateInput[],
  options: RankOptions = {},
): RankedHit[] {
  const limit = options.limit ?? 20;
  const minScore = options.minScore ?? 0.5;
  const readings = queryReadings(query);
  if (readings.length === 0) return [];
  const readingKeys = readings.map((reading) => reading.map((piece) => piece.key));

  const similarity = memoisedSimilarity();
  const groupScore = memoisedGroupScore(readingKeys, similarity);
  const pruning = options.exhaustive !== true;
  // The best `limit` rounded scores so far, highest first: a later candidate enters the hits only
  // by beating the last of them (ties keep the earlier candidate), and rounding keeps order.
  const best: number[] = [];
  const scored: { candidate: CandidateInput; order: number; rounded: number; score: CandidateScore }[] = [];
  candidates.forEach((candidate, order) => {
    if (pruning) {
      // The epsilon covers the floating-point sums: the bound must never be below the score.
      const bound = candidateUpperBound(candidate, readingKeys, similarity) + SCORE_EPSILON;
      if (bound < minScore) return;
      if (best.length >= limit && roundScore(bound) <= (best[limit - 1] ?? -1)) return;
    }
    const score = scoreCandidate(candidate, readings, groupScore);
    if (score.tied.length === 0 || score.score < minScore) return;
    const rounded = roundScore(score.score);
    scored.push({ candidate, order, rounded, score });
    if (pruning) keepBest(best, rounded, limit);
  });
  scored.sort((a, b) => b.rounded - a.rounded || a.order - b.order);

  const hits: RankedHit[] = [];
  for (const entry of scored) {
    if (hits.length >= limit) break;
    let best = explainScore(entry.candidate, entry.score);
    let rounded = entry.rounded;
    if (best === null && pruning) {
      // Stale stored groups: its fresh score may differ from the one the others were pruned by.
      return rankCandidates(query, candidates, { ...options, exhaustive: true });
    }
    if (best === null) {
      // Stale stored groups: score this candidate from its names instead.
      const fresh = { personId: entry.candidate.personId, names: entry.candidate.names };
      const score = scoreCandidate(fresh, readings, groupScore);
      best = score.score >= minScore ? explainScore(fresh, score) : null;
      rounded = roundScore(score.score);
    }
    if (best === null) continue;
    hits.push({
      personId: entry.candidate.personId,
      score: rounded,
      matchedVariant: best.spelling.text,
      system: best.spelling.system,
      matchedName: best.name.input.text,
      reason: explain(best),
    });
  }
  return hits;
}

/**
 * Possible duplicates of a person about to be created: every one of its names is used as a query
 * and each existing person keeps its best hit. Warn, never block: the reason says why.
 */
export function findPossibleDuplicates(
  names: readonly NameInput[],
  candidates: readonly CandidateInput[],
  threshold: number = DUPLICATE_WARNING_THRESHOLD,
): RankedHit[] {
  const best = new Map<string, RankedHit>();
  for (const name of names) {
    for (const hit of rankCandidates(name.text, candidates, {
      minScore: threshold,
      limit: candidates.length,
    })) {
      const previous = best.get(hit.personId);
      if (!previous || hit.score > previous.score) best.set(hit.personId, hit);
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score);
}
