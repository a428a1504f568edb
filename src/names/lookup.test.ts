import { describe, expect, it } from 'vitest';
import { canonicalKey } from './canonical.js';
import {
  CO_OCCURRING_PERSONS_LIMIT,
  CO_OCCURRING_SIMILARITY_FLOOR,
  KEY_SIMILARITY_FLOOR,
  MAX_QUERY_TOKENS,
  candidateLookup,
  coOccurringLookup,
  lookupSlots,
  planCandidates,
  weighKeys,
  withCoOccurringKeys,
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

describe('coOccurringLookup and withCoOccurringKeys (a typo in the first letters)', () => {
  // Paitrsuienka shares no three-letter (or two-letter) prefix with the key of Piatrusenka.
  const slots = lookupSlots('Ilja Paitrsuienka');
  const ilja = canonicalKey('Ilja');
  const piatrusenka = canonicalKey('Piatrusenka');
  const plan = (persons: number) => ({
    counts: [{ key: ilja, persons }],
    plan: planCandidates(slots, [{ key: ilja, persons }]),
  });

  it('reads the keys of the persons the other words found when a word found nothing', () => {
    const { counts, plan: found } = plan(175);
    expect(found.keys.map((entry) => entry.slot)).toEqual([0]);
    expect(coOccurringLookup(slots, found, counts)).toEqual({ anchorKeys: [ilja], unmatched: [1] });
  });

  it('does not when every word found a key, when none did, or when the other words found too many', () => {
    const both = planCandidates(slots, [
      { key: ilja, persons: 175 },
      { key: slots[1]?.tokens[0] ?? '', persons: 1 },
    ]);
    expect(coOccurringLookup(slots, both, [])).toBeNull();
    expect(coOccurringLookup(slots, planCandidates(slots, []), [])).toBeNull();
    const { counts, plan: many } = plan(CO_OCCURRING_PERSONS_LIMIT + 1);
    expect(coOccurringLookup(slots, many, counts)).toBeNull();
  });

  it('lets the misspelt word look up the found keys at least half similar, weighed by their similarity', () => {
    const { counts, plan: found } = plan(175);
    const lookup = coOccurringLookup(slots, found, counts);
    if (lookup === null) throw new Error('expected a co-occurring lookup');
    const closer = withCoOccurringKeys(slots, lookup, [
      ilja,
      piatrusenka,
      canonicalKey('Ivanovich'),
      'kozlov',
    ]);
    expect(closer[0]).toBe(slots[0]);
    expect(closer[1]?.keys).toEqual([...(slots[1]?.keys ?? []), piatrusenka]);
    const weighed = weighKeys(closer, [ilja, piatrusenka]).find((entry) => entry.key === piatrusenka);
    expect(weighed?.slot).toBe(1);
    expect(weighed?.similarity).toBeGreaterThanOrEqual(CO_OCCURRING_SIMILARITY_FLOOR);
  });
});
