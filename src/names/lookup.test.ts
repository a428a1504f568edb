import { describe, expect, it } from 'vitest';
import { canonicalKey } from './canonical.js';
import {
  KEY_SIMILARITY_FLOOR,
  MAX_QUERY_TOKENS,
  candidateLookup,
  lookupSlots,
  planCandidates,
  weighKeys,
} from './lookup.js';

describe('lookupSlots', () => {
  it('gives one slot per query word with its keys, first-name equivalents and prefix', () => {
    const [first, surname] = lookupSlots('Vladimir Labkovich');
    expect(first?.tokens).toEqual(['vladimir']);
    expect(first?.keys).toEqual(expect.arrayContaining(['vladimir', canonicalKey('Uladzimir')]));
    expect(first?.prefixes).toEqual(['vla']);
    expect(first?.weight).toBe(0.5);
    expect(surname).toMatchObject({
      tokens: ['labkovich'],
      keys: ['labkovich'],
      prefixes: ['lab'],
      weight: 1,
    });
  });

  it('puts the Belarusian and Russian readings of a Cyrillic word in the same slot', () => {
    const slots = lookupSlots('Ганна');
    expect(slots).toHaveLength(1);
    expect(slots[0]?.tokens).toEqual([canonicalKey('Hanna'), canonicalKey('Ganna')]);
    expect(slots[0]?.weight).toBe(1);
  });

  it('has no slots for what has no letters, and at most eight for a pasted paragraph', () => {
    for (const nothing of ['', '   ', '🙂🙂', "'; --", '.*', '%_%', '(?:+)+$', '\\']) {
      expect(lookupSlots(nothing), nothing).toEqual([]);
    }
    // Metacharacters around letters are separators: the letters are looked up as typed.
    expect(lookupSlots('(?:a+)+$').map((slot) => slot.tokens)).toEqual([['a']]);
    expect(lookupSlots('Ivan '.repeat(2000))).toHaveLength(MAX_QUERY_TOKENS);
    expect(candidateLookup('Ivan '.repeat(2000)).keys).toEqual(['ivan']);
  });
});

describe('weighKeys', () => {
  const slots = lookupSlots('Maria Kalesnikova');

  it('keeps exact keys and prefix keys close to the word, drops the far ones', () => {
    const weighed = weighKeys(slots, ['marja', 'kalesnikava', 'kalinin', 'marina']);
    const keys = weighed.map((entry) => `${entry.slot}:${entry.key}`);
    expect(keys).toContain('0:marja');
    expect(keys).toContain('1:kalesnikava');
    expect(keys).not.toContain('1:kalinin');
    // Maria and Marina are different first names, however close: capped below the floor.
    expect(keys).not.toContain('0:marina');
    for (const entry of weighed) {
      expect(entry.similarity).toBeGreaterThanOrEqual(KEY_SIMILARITY_FLOOR);
      expect(Number.isInteger(entry.weight)).toBe(true);
    }
  });

  it('weighs a first name half and an exact surname fully, in thousandths', () => {
    const weighed = weighKeys(slots, [canonicalKey('Maria'), 'kalesnikova']);
    expect(weighed).toEqual([
      { key: canonicalKey('Maria'), slot: 0, similarity: 1, weight: 500 },
      { key: 'kalesnikova', slot: 1, similarity: 1, weight: 1000 },
    ]);
  });
});

describe('planCandidates', () => {
  const slots = lookupSlots('Maria Kalesnikava');

  it('groups every matched row while there are few', () => {
    const plan = planCandidates(slots, [
      { key: 'marja', persons: 900 },
      { key: 'kalesnikava', persons: 40 },
    ]);
    expect(plan.anchorKeys).toBeNull();
    expect(plan.keys.map((entry) => entry.key)).toEqual(['marja', 'kalesnikava']);
  });

  it('anchors on the rarest word when a common one would bring thousands of rows', () => {
    const plan = planCandidates(slots, [
      { key: 'marja', persons: 9000 },
      { key: 'kalesnikava', persons: 40 },
      { key: 'kalesnikova', persons: 12 },
    ]);
    expect(plan.anchorKeys).toEqual(['kalesnikava', 'kalesnikova']);
  });

  it('does not anchor a one-word query', () => {
    const plan = planCandidates(lookupSlots('Maria'), [{ key: 'marja', persons: 9000 }]);
    expect(plan.anchorKeys).toBeNull();
  });
});
