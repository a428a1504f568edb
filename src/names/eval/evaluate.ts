import {
  DUPLICATE_WARNING_THRESHOLD,
  buildNameIndexEntries,
  rankCandidates,
  type CandidateInput,
  type NameInput,
} from '../matcher.js';
import {
  CANDIDATE_LIMIT,
  addedPrefixes,
  coOccurringLookup,
  lookupOfSlots,
  lookupSlots,
  planCandidates,
  widenSlots,
  withCoOccurringKeys,
} from '../lookup.js';

/**
 * Measures name search on the evaluation set, end to end as the application will run it: an
 * in-memory stand-in for the database index (equality and prefix lookups on canonical token keys,
 * weighed, anchored and capped as the SQL does) finds candidates, rankCandidates orders them. Pure: the caller supplies the data.
 */

export interface GalleryPerson {
  readonly id: string;
  readonly synthetic?: boolean;
  readonly names: readonly NameInput[];
}

export interface EvalQuery {
  readonly query: string;
  /** The gallery id the query must find, or null when it must find nobody (no warning). */
  readonly expected: string | null;
  readonly family: string;
}

const fail = (message: string): never => {
  throw new Error(`name evaluation data: ${message}`);
};

function readName(raw: unknown, where: string): NameInput {
  const { text, script, language, system } = (raw ?? {}) as Record<string, unknown>;
  if (typeof text !== 'string' || text.trim() === '') fail(`${where}: name without text`);
  if (script !== 'Cyrl' && script !== 'Latn') fail(`${where}: script must be Cyrl or Latn`);
  if (typeof language !== 'string') fail(`${where}: name without language`);
  return {
    text: text as string,
    script: script as 'Cyrl' | 'Latn',
    language: language as string,
    system: (system ?? null) as NameInput['system'],
  };
}

/** Checks the shape of gallery.json's "persons" (editable data: errors say where). */
export function readGallery(data: unknown): GalleryPerson[] {
  const persons = (data as { persons?: unknown }).persons;
  if (!Array.isArray(persons)) return fail('gallery needs a "persons" array');
  const ids = new Set<string>();
  return persons.map((raw: unknown, i) => {
    const { id, synthetic, names } = (raw ?? {}) as Record<string, unknown>;
    if (typeof id !== 'string' || ids.has(id)) fail(`person ${i}: missing or duplicate id`);
    ids.add(id as string);
    if (!Array.isArray(names) || names.length === 0) fail(`person ${String(id)}: no names`);
    return {
      id: id as string,
      synthetic: synthetic === true,
      names: (names as unknown[]).map((name) => readName(name, `person ${String(id)}`)),
    };
  });
}

/** Checks queries.json's "queries" against the gallery ids. */
export function readQueries(data: unknown, gallery: readonly GalleryPerson[]): EvalQuery[] {
  const queries = (data as { queries?: unknown }).queries;
  if (!Array.isArray(queries)) return fail('queries need a "queries" array');
  const ids = new Set(gallery.map((person) => person.id));
  return queries.map((raw: unknown, i) => {
    const { query, expected, family } = (raw ?? {}) as Record<string, unknown>;
    if (typeof query !== 'string' || typeof family !== 'string') fail(`query ${i}: needs query and family`);
    if (expected !== null && (typeof expected !== 'string' || !ids.has(expected))) {
      fail(
        `query ${i} (${JSON.stringify(query)}): expected ${JSON.stringify(expected)} is not in the gallery`,
      );
    }
    return { query: query as string, expected: expected as string | null, family: family as string };
  });
}

export interface FamilyFigures {
  readonly family: string;
  readonly queries: number;
  /** Queries with an expected person; recall and MRR are over these. */
  readonly positives: number;
  readonly recallAt1: number;
  readonly recallAt5: number;
  readonly mrr: number;
}

export interface QueryOutcome {
  readonly query: EvalQuery;
  /** 1-based rank of the expected person, null if not ranked (or not retrieved). */
  readonly rank: number | null;
  /** Score of the expected person, 0 when not ranked. */
  readonly expectedScore: number;
  /** Whether the index lookup returned the expected person at all. */
  readonly retrieved: boolean;
  readonly top: { readonly personId: string; readonly score: number; readonly reason: string } | null;
}

export interface EvalReport {
  readonly families: readonly FamilyFigures[];
  readonly overall: FamilyFigures;
  readonly threshold: number;
  /** Must-not-match queries whose best hit reaches the threshold. */
  readonly falseWarnings: number;
  readonly negatives: number;
  readonly falseWarningRate: number;
  /** Share of queries with an expected person whose score for that person reaches the threshold. */
  readonly recallAtThreshold: number;
  /** Highest threshold that still keeps 95 % of expected persons at or above it. */
  readonly thresholdFor95Recall: number;
  /** Best score any must-not-match query reached. */
  readonly highestNegativeScore: number;
  readonly outcomes: readonly QueryOutcome[];
}

export interface EvaluateOptions {
  readonly threshold?: number;
  /** How many ranked hits to keep per query (default 20). */
  readonly limit?: number;
}

/** A stand-in for the database: canonical token key → person ids, plus sorted keys for prefixes. */
class MemoryIndex {
  private readonly byKey = new Map<string, Set<string>>();
  private readonly keysOf = new Map<string, Set<string>>();
  private readonly sortedKeys: string[];

  constructor(people: readonly GalleryPerson[]) {
    for (const person of people) {
      for (const name of person.names) {
        for (const entry of buildNameIndexEntries(name)) {
          let ids = this.byKey.get(entry.key);
          if (!ids) this.byKey.set(entry.key, (ids = new Set()));
          ids.add(person.id);
          let keys = this.keysOf.get(person.id);
          if (!keys) this.keysOf.set(person.id, (keys = new Set()));
          keys.add(entry.key);
        }
      }
    }
    this.sortedKeys = [...this.byKey.keys()].sort();
  }

  /** Keys equal to one of `keys` or starting with one of `prefixes`, with how many persons have each. */
  private keyCounts(
    keys: readonly string[],
    prefixes: readonly string[],
  ): { key: string; persons: number }[] {
    const found = new Set(keys.filter((key) => this.byKey.has(key)));
    for (const prefix of prefixes) {
      let low = 0;
      let high = this.sortedKeys.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if ((this.sortedKeys[mid] ?? '') < prefix) low = mid + 1;
        else high = mid;
      }
      for (let i = low; i < this.sortedKeys.length; i++) {
        const key = this.sortedKeys[i] ?? '';
        if (!key.startsWith(prefix)) break;
        found.add(key);
      }
    }
    return [...found].map((key) => ({ key, persons: this.byKey.get(key)?.size ?? 0 }));
  }

  /**
   * The candidates the database would return (name-key.repository.ts selectCandidates): persons
   * with a weighed key, best upper bound first, anchored and capped the same way.
   */
  candidates(query: string): string[] {
    const slots = lookupSlots(query);
    const lookup = lookupOfSlots(slots);
    const counts = this.keyCounts(lookup.keys, lookup.prefixes);
    let plan = planCandidates(slots, counts);
    let planned = slots;
    const wider = widenSlots(slots, plan);
    if (wider) {
      const known = new Set(counts.map((count) => count.key));
      counts.push(
        ...this.keyCounts([], addedPrefixes(slots, wider)).filter((count) => !known.has(count.key)),
      );
      plan = planCandidates((planned = wider), counts);
    }
    const coOccurring = coOccurringLookup(planned, plan, counts);
    if (coOccurring) {
      const found = new Set(
        coOccurring.anchorKeys.flatMap((key) =>
          [...(this.byKey.get(key) ?? [])].flatMap((id) => [...(this.keysOf.get(id) ?? [])]),
        ),
      );
      const closer = withCoOccurringKeys(planned, coOccurring, found);
      const known = new Set(counts.map((count) => count.key));
      const added = [...new Set(closer.flatMap((slot) => slot.keys))].filter((key) => !known.has(key));
      counts.push(...this.keyCounts(added, []));
      plan = planCandidates(closer, counts);
    }
    const anchored =
      plan.anchorKeys && new Set(plan.anchorKeys.flatMap((key) => [...(this.byKey.get(key) ?? [])]));
    const best = new Map<string, Map<number, number>>();
    for (const { key, slot, weight } of plan.keys) {
      for (const id of this.byKey.get(key) ?? []) {
        if (anchored && !anchored.has(id)) continue;
        let slots = best.get(id);
        if (!slots) best.set(id, (slots = new Map<number, number>()));
        slots.set(slot, Math.max(slots.get(slot) ?? 0, weight));
      }
    }
    const bound = (id: string): number => [...(best.get(id)?.values() ?? [])].reduce((sum, w) => sum + w, 0);
    return (
      [...best.keys()]
        // Equal bounds stay in the order found; the database breaks them by person id, as arbitrary.
        .sort((a, b) => bound(b) - bound(a))
        .slice(0, CANDIDATE_LIMIT)
    );
  }
}

function figures(family: string, outcomes: readonly QueryOutcome[]): FamilyFigures {
  const positives = outcomes.filter((o) => o.query.expected !== null);
  const share = (count: number): number => (positives.length === 0 ? 1 : count / positives.length);
  return {
    family,
    queries: outcomes.length,
    positives: positives.length,
    recallAt1: share(positives.filter((o) => o.rank === 1).length),
    recallAt5: share(positives.filter((o) => o.rank !== null && o.rank <= 5).length),
    mrr: share(positives.reduce((sum, o) => sum + (o.rank === null ? 0 : 1 / o.rank), 0)),
  };
}

/** The k-th highest value such that `share` of the values are at or above it. */
function quantileFromTop(values: readonly number[], share: number): number {
  if (values.length === 0) return 1;
  const sorted = [...values].sort((a, b) => b - a);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1));
  return sorted[index] ?? 0;
}

export function evaluate(
  gallery: readonly GalleryPerson[],
  queries: readonly EvalQuery[],
  options: EvaluateOptions = {},
): EvalReport {
  const threshold = options.threshold ?? DUPLICATE_WARNING_THRESHOLD;
  const limit = options.limit ?? 20;
  const index = new MemoryIndex(gallery);
  const people = new Map<string, CandidateInput>(
    gallery.map((person) => [person.id, { personId: person.id, names: person.names }]),
  );

  const outcomes: QueryOutcome[] = queries.map((query) => {
    const ids = index.candidates(query.query);
    const candidates = ids.flatMap((id) => people.get(id) ?? []);
    const hits = rankCandidates(query.query, candidates, { limit, minScore: 0 });
    const position = query.expected === null ? -1 : hits.findIndex((hit) => hit.personId === query.expected);
    const first = hits[0];
    return {
      query,
      rank: position >= 0 ? position + 1 : null,
      expectedScore: position >= 0 ? (hits[position]?.score ?? 0) : 0,
      retrieved: query.expected !== null && ids.includes(query.expected),
      top: first ? { personId: first.personId, score: first.score, reason: first.reason } : null,
    };
  });

  const familyNames = [...new Set(queries.map((q) => q.family))];
  const families = familyNames.map((family) =>
    figures(
      family,
      outcomes.filter((o) => o.query.family === family),
    ),
  );
  const negatives = outcomes.filter((o) => o.query.expected === null);
  const positives = outcomes.filter((o) => o.query.expected !== null);
  const negativeScores = negatives.map((o) => o.top?.score ?? 0);
  const falseWarnings = negativeScores.filter((score) => score >= threshold).length;
  return {
    families,
    overall: figures('overall', outcomes),
    threshold,
    falseWarnings,
    negatives: negatives.length,
    falseWarningRate: negatives.length === 0 ? 0 : falseWarnings / negatives.length,
    recallAtThreshold:
      positives.length === 0
        ? 1
        : positives.filter((o) => o.expectedScore >= threshold).length / positives.length,
    thresholdFor95Recall: quantileFromTop(
      positives.map((o) => o.expectedScore),
      0.95,
    ),
    highestNegativeScore: Math.max(0, ...negativeScores),
    outcomes,
  };
}
