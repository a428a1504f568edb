import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalTokens } from './canonical.js';
import {
  DIFFERENT_FIRST_NAMES_CAP,
  FIRST_NAME_EQUIVALENT_SIMILARITY,
  INITIAL_SIMILARITY,
  editDistance,
  editDistanceWithin,
  normalizedSimilarity,
  scoreNames,
  scoreNamesDetailed,
  scoreUpperBound,
  tokenSimilarity,
  tokenSimilarityAtLeast,
} from './similarity.js';

const score = (query: string, candidate: string): number =>
  scoreNames(canonicalTokens(query), canonicalTokens(candidate));

describe('edit distance', () => {
  it('counts insertions, deletions, substitutions and adjacent transpositions', () => {
    expect(editDistance('losik', 'losik')).toBe(0);
    expect(editDistance('losik', 'losk')).toBe(1);
    expect(editDistance('losik', 'lozik')).toBe(1);
    expect(editDistance('losik', 'lsoik')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kalesnikava', 'kolesnikova')).toBe(2);
    expect(editDistance('a'.repeat(80), 'b'.repeat(80))).toBe(80);
  });

  it('normalises by the longer token', () => {
    expect(normalizedSimilarity('kalesnikava', 'kolesnikova')).toBeCloseTo(1 - 2 / 11);
    expect(normalizedSimilarity('', '')).toBe(1);
  });
});

describe('token similarity', () => {
  it('treats equivalent first names as nearly equal', () => {
    const sim = tokenSimilarity('uladzimir', 'vladimir');
    expect(sim.kind).toBe('first-name');
    expect(sim.similarity).toBe(FIRST_NAME_EQUIVALENT_SIMILARITY);
  });

  it('caps two different known first names', () => {
    const sim = tokenSimilarity('marja', 'marina');
    expect(sim.kind).toBe('different-first-name');
    expect(sim.similarity).toBeLessThanOrEqual(DIFFERENT_FIRST_NAMES_CAP);
  });

  it('matches an initial against a name starting with it', () => {
    expect(tokenSimilarity('m', 'marja')).toEqual({ similarity: INITIAL_SIMILARITY, kind: 'initial' });
    expect(tokenSimilarity('k', 'marja').similarity).toBe(0);
  });
});

describe('scoreNames', () => {
  it('is 1 for the same tokens in any order', () => {
    expect(score('Maryia Kalesnikava', 'Kalesnikava Maryia')).toBe(1);
  });

  it('scores a surname-only query by the surname, with a tie-breaking touch for the extra token', () => {
    expect(score('Kalesnikava', 'Maryia Kalesnikava')).toBeGreaterThan(0.98);
    expect(score('Kalesnikava', 'Kalesnikava')).toBe(1);
  });

  it('tolerates one- and two-letter typos', () => {
    expect(score('Maria Kalesnikva', 'Maryia Kalesnikava')).toBeGreaterThan(0.9);
    expect(score('Maria Kalesnkva', 'Maryia Kalesnikava')).toBeGreaterThan(0.85);
    expect(score('Bialaitski', 'Bialiatski')).toBeGreaterThan(0.85);
  });

  it('counts first-name equivalents as a match', () => {
    expect(score('Vladimir Labkovich', 'Uladzimir Labkovich')).toBeGreaterThan(0.95);
    expect(score('Ales Bialiatski', 'Aliaksandr Bialiatski')).toBeGreaterThan(0.95);
  });

  it('keeps the gender pair apart in ranking', () => {
    const forHer = score('Tsikhanouskaya', 'Sviatlana Tsikhanouskaya');
    const forHim = score('Tsikhanouskaya', 'Siarhei Tsikhanouski');
    expect(forHer).toBeGreaterThan(forHim + 0.1);
    expect(score('Siarhei Tsikhanouski', 'Siarhei Tsikhanouski')).toBeGreaterThan(
      score('Siarhei Tsikhanouski', 'Sviatlana Tsikhanouskaya') + 0.3,
    );
  });

  it('does not let a shared first name carry a different surname', () => {
    expect(score('Maryia Kalesnik', 'Maryia Kalesnikava')).toBeLessThan(0.85);
    expect(score('Maryna Kalesnikava', 'Maryia Kalesnikava')).toBeLessThan(0.8);
  });

  it('gives less weight to an unmatched patronymic', () => {
    const withPatronymic = score('Mikalai Mikalaevich Dziadok', 'Mikalai Dziadok');
    expect(withPatronymic).toBeGreaterThan(0.85);
  });

  it('reports which token matched which', () => {
    const detail = scoreNamesDetailed(['kalesnikava', 'marja'], ['marja', 'kalesnikava']);
    expect(detail.matches).toEqual([
      { query: 0, candidate: 1, similarity: 1, kind: 'exact' },
      { query: 1, candidate: 0, similarity: 1, kind: 'exact' },
    ]);
  });

  it('is 0 for empty input', () => {
    expect(scoreNames([], ['a'])).toBe(0);
    expect(scoreNames(['a'], [])).toBe(0);
  });
});

/** Tokens over a few letters (so that random pairs are often close) plus known first names. */
const letters = fc.constantFrom('a', 'e', 'i', 'k', 'l', 'n', 's', 'v', 'z', 'h');
const token = fc.oneof(
  fc.array(letters, { minLength: 0, maxLength: 14 }).map((chars) => chars.join('')),
  fc.constantFrom('uladzimir', 'vladimir', 'aliaksandr', 'aleksandr', 'aliaksandra', 'maryja', 'marina'),
  fc.constantFrom('mikalaevich', 'ivanovna', 'kalesnikava', 'kalesnik', 'm', 'ma'),
);

describe('bounded edit distance', () => {
  it('equals the edit distance when it is within the bound, and says "more" otherwise', () => {
    fc.assert(
      fc.property(token, token, fc.integer({ min: 0, max: 16 }), (a, b, max) => {
        const full = editDistance(a, b);
        expect(editDistanceWithin(a, b, max)).toBe(full <= max ? full : max + 1);
      }),
      { numRuns: 3000 },
    );
  });

  it('counts a transposition as one edit inside the band', () => {
    expect(editDistanceWithin('kalesnikvaa', 'kalesnikava', 1)).toBe(1);
    expect(editDistanceWithin('kalesnikava', 'kolesnikova', 1)).toBe(2);
    expect(editDistanceWithin('abc', 'abcdef', 2)).toBe(3);
  });
});

describe('token similarity above a floor', () => {
  it('is the token similarity when that reaches the floor, and null below it', () => {
    fc.assert(
      fc.property(token, token, fc.constantFrom(0.5, 0.7, 0.8, 0.85, 0.95), (query, candidate, floor) => {
        const full = tokenSimilarity(query, candidate);
        expect(tokenSimilarityAtLeast(query, candidate, floor)).toEqual(
          full.similarity >= floor ? full : null,
        );
      }),
      { numRuns: 3000 },
    );
  });
});

describe('score upper bound', () => {
  it('is at least the score of every group made of the tokens (the ranking prunes by it)', () => {
    const group = fc.array(token, { minLength: 0, maxLength: 5 });
    fc.assert(
      fc.property(
        fc.array(token, { minLength: 0, maxLength: 5 }),
        fc.array(group, { maxLength: 4 }),
        (query, groups) => {
          const bound = scoreUpperBound(query, new Set(groups.flat()));
          for (const keys of groups)
            expect(bound + 1e-9).toBeGreaterThanOrEqual(scoreNamesDetailed(query, keys).score);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('is the score itself for a single group whose tokens each match once', () => {
    expect(scoreUpperBound(['marja', 'kalesnikava'], ['marja', 'kalesnikava'])).toBe(1);
    const query = ['uladzimir', 'labkovich'];
    const keys = ['vladimir', 'labkovich'];
    expect(scoreUpperBound(query, keys)).toBeCloseTo(scoreNamesDetailed(query, keys).score + 0.0, 9);
    expect(scoreUpperBound([], ['a'])).toBe(0);
    expect(scoreUpperBound(['kalesnikava'], [])).toBe(0);
  });
});
