import { describe, expect, it } from 'vitest';
import { canonicalKey } from './canonical.js';
import { readGallery, readQueries } from './eval/evaluate.js';
import galleryData from './eval/gallery.json' with { type: 'json' };
import queriesData from './eval/queries.json' with { type: 'json' };
import {
  DUPLICATE_WARNING_THRESHOLD,
  LOOKUP_PREFIX_LENGTH,
  buildNameIndexEntries,
  candidateLookup,
  findPossibleDuplicates,
  rankCandidates,
  type CandidateInput,
  type NameInput,
} from './matcher.js';

const be = (text: string): NameInput => ({ text, script: 'Cyrl', language: 'be' });
const ru = (text: string): NameInput => ({ text, script: 'Cyrl', language: 'ru' });
const latin = (text: string, system: NameInput['system'] = null): NameInput => ({
  text,
  script: 'Latn',
  language: 'en',
  system,
});

const PEOPLE: CandidateInput[] = [
  {
    personId: 'kalesnikava',
    names: [be('Марыя Калеснікава'), ru('Мария Колесникова'), latin('Maria Kalesnikava')],
  },
  { personId: 'maryna', names: [be('Марына Калеснікава'), ru('Марина Колесникова')] },
  { personId: 'kalesnik', names: [be('Марыя Калеснік'), ru('Мария Колесник')] },
  { personId: 'her', names: [be('Святлана Ціханоўская'), ru('Светлана Тихановская')] },
  { personId: 'him', names: [be('Сяргей Ціханоўскі'), ru('Сергей Тихановский')] },
  { personId: 'bialiatski', names: [be('Алесь Бяляцкі'), ru('Алесь Беляцкий')] },
  { personId: 'poczobut', names: [be('Андрэй Пачобут'), ru('Анджей Почобут'), latin('Andrzej Poczobut')] },
  { personId: 'kara-murza', names: [ru('Владимир Кара-Мурза')] },
  { personId: 'labkovich', names: [be('Уладзімір Лабковіч')] },
];

const top = (query: string): ReturnType<typeof rankCandidates>[number] | undefined =>
  rankCandidates(query, PEOPLE)[0];

describe('buildNameIndexEntries', () => {
  it('gives one entry per distinct canonical token over every romanization', () => {
    const entries = buildNameIndexEntries(be('Марыя Калеснікава'));
    const keys = entries.map((e) => e.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(expect.arrayContaining([canonicalKey('Maryia'), canonicalKey('Kalesnikava')]));
    // Polish/German -awa and national -ie- spellings fold onto the same key: no extra rows.
    expect(keys.length).toBeLessThanOrEqual(4);
    for (const entry of entries) expect(entry.variant.length).toBeGreaterThan(0);
  });

  it('credits a token to a romanization system, and an observed Latin spelling to itself', () => {
    expect(buildNameIndexEntries(be('Алесь Бяляцкі'))[0]?.system).toBe('press-passport');
    expect(buildNameIndexEntries(latin('Andrzej Poczobut'))).toEqual([
      { key: canonicalKey('Andrzej'), variant: 'Andrzej Poczobut', system: 'observed' },
      { key: canonicalKey('Poczobut'), variant: 'Andrzej Poczobut', system: 'observed' },
    ]);
    expect(buildNameIndexEntries(latin('Aleś Bialacki', 'lacinka'))[0]?.system).toBe('lacinka');
  });

  it('indexes hyphenated names by their parts and joined', () => {
    const keys = buildNameIndexEntries(ru('Владимир Кара-Мурза')).map((e) => e.key);
    expect(keys).toEqual(expect.arrayContaining(['kara', 'murza', 'karamurza']));
  });
});

describe('candidateLookup', () => {
  it('looks up every query token, first-name equivalents and prefixes', () => {
    const lookup = candidateLookup('Vladimir Labkovich');
    expect(lookup.keys).toEqual(expect.arrayContaining(['vladimir', canonicalKey('Uladzimir'), 'labkovich']));
    expect(lookup.prefixes).toEqual(expect.arrayContaining(['vla', 'lab']));
    for (const prefix of lookup.prefixes) expect(prefix).toHaveLength(LOOKUP_PREFIX_LENGTH);
  });

  it('reads a Cyrillic query both as Belarusian and as Russian', () => {
    const keys = candidateLookup('Ганна').keys;
    expect(keys).toEqual(expect.arrayContaining([canonicalKey('Hanna'), canonicalKey('Ganna')]));
  });

  it('finds every indexed person by any of the spellings in the worked examples', () => {
    const indexed = new Map<string, Set<string>>();
    for (const person of PEOPLE) {
      for (const name of person.names) {
        for (const entry of buildNameIndexEntries(name)) {
          indexed.set(entry.key, (indexed.get(entry.key) ?? new Set()).add(person.personId));
        }
      }
    }
    const found = (query: string): Set<string> =>
      new Set(candidateLookup(query).keys.flatMap((key) => [...(indexed.get(key) ?? [])]));
    for (const query of ['Kaliesnikava', 'Kaleśnikava', 'Kolesnikova', 'Калеснікава', 'Колесникова']) {
      expect(found(query), query).toContain('kalesnikava');
    }
    for (const query of ['Bialiatski', 'Byalyatski', 'Beliatsky', 'Bialacki', 'Бяляцкі', 'Беляцкий']) {
      expect(found(query), query).toContain('bialiatski');
    }
  });
});

describe('rankCandidates', () => {
  it('says why, naming the system: the national 2007 example of the design', () => {
    const hit = top('Kaliesnikava');
    expect(hit?.personId).toBe('kalesnikava');
    expect(hit?.system).toBe('national-2007');
    expect(hit?.reason).toBe('matches Kaliesnikava, the national 2007 romanization of Калеснікава');
  });

  it('credits a Cyrillic query to the Cyrillic name', () => {
    const hit = top('Колесникова Мария');
    expect(hit?.personId).toBe('kalesnikava');
    expect(hit?.system).toBe('cyrillic');
    expect(hit?.reason).toBe('matches Мария Колесникова');
  });

  it('credits a recorded spelling as such', () => {
    expect(top('Andrzej Poczobut')?.reason).toBe('matches Andrzej Poczobut, a recorded spelling');
  });

  it('explains near matches and first-name equivalents', () => {
    expect(top('Maria Kalesnikva')?.reason).toContain('Kalesnikva ≈ Kalesnikava');
    const vladimir = top('Vladimir Labkovich');
    expect(vladimir?.personId).toBe('labkovich');
    expect(vladimir?.reason).toContain('Vladimir is another form of Uladzimir');
  });

  it('ranks the right member of a gender pair first', () => {
    expect(top('Tsikhanouskaya')?.personId).toBe('her');
    expect(top('Tsikhanouski')?.personId).toBe('him');
    expect(top('Sergei Tikhanovsky')?.personId).toBe('him');
    expect(top('Тихановская')?.personId).toBe('her');
  });

  it('ranks the person above look-alikes sharing a first name or a surname', () => {
    const hits = rankCandidates('Maria Kolesnikova', PEOPLE);
    expect(hits.map((h) => h.personId).slice(0, 3)).toEqual(['kalesnikava', 'kalesnik', 'maryna']);
    // Same first name, surname three letters shorter: close, but not a duplicate.
    expect(hits[0]?.score).toBe(1);
    expect(hits[1]?.score ?? 1).toBeLessThan(DUPLICATE_WARNING_THRESHOLD);
    expect(hits[2]?.score ?? 1).toBeLessThan(DUPLICATE_WARNING_THRESHOLD);
  });

  it('finds a hyphenated name typed joined or spaced', () => {
    expect(top('Karamurza')?.personId).toBe('kara-murza');
    expect(top('Kara Murza Vladimir')?.personId).toBe('kara-murza');
  });

  it('respects limit and minScore, and returns nothing for an empty query', () => {
    expect(rankCandidates('Kalesnikava', PEOPLE, { limit: 1 })).toHaveLength(1);
    expect(rankCandidates('Zzyzx', PEOPLE)).toEqual([]);
    expect(rankCandidates(' - ', PEOPLE)).toEqual([]);
  });
});

describe('rankCandidates pruned by the upper bound', () => {
  const gallery = readGallery(galleryData);
  const queries = readQueries(queriesData, gallery);
  const everyone: CandidateInput[] = gallery.map((person) => ({ personId: person.id, names: person.names }));

  it('gives the same hits, scores and reasons as scoring every candidate (evaluation set, limits 1 and 5)', () => {
    // Every twelfth query (29), against the whole gallery (344 persons): the full set takes minutes.
    queries.forEach(({ query }, index) => {
      if (index % 12 !== 0) return;
      const minScore = index % 24 === 0 ? 0 : 0.5;
      const exhaustive = rankCandidates(query, everyone, { limit: 5, minScore, exhaustive: true });
      expect(rankCandidates(query, everyone, { limit: 5, minScore })).toEqual(exhaustive);
      expect(rankCandidates(query, everyone, { limit: 1, minScore })).toEqual(exhaustive.slice(0, 1));
    });
  });

  it('keeps the earlier candidate of a tie, as the exhaustive ranking does', () => {
    const twins: CandidateInput[] = [1, 2, 3].map((n) => ({
      personId: `twin-${n}`,
      names: [be('Марыя Калеснікава')],
    }));
    expect(rankCandidates('Kalesnikava', twins, { limit: 2 }).map((hit) => hit.personId)).toEqual([
      'twin-1',
      'twin-2',
    ]);
  });
});

describe('findPossibleDuplicates', () => {
  it('warns with a reason when any name of the new person matches', () => {
    const hits = findPossibleDuplicates([latin('Svetlana Tikhanovskaya')], PEOPLE);
    expect(hits.map((h) => h.personId)).toEqual(['her']);
    expect(hits[0]?.reason).toContain('Svetlana Tikhanovskaya');
  });

  it('stays quiet for a relative with the same surname', () => {
    expect(findPossibleDuplicates([be('Вольга Калеснікава'), latin('Volha Kalesnikava')], PEOPLE)).toEqual(
      [],
    );
  });
});
