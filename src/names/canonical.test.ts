import { describe, expect, it } from 'vitest';
import { canonicalKey, canonicalPieces, canonicalTokens } from './canonical.js';
import { buildNameIndexEntries } from './matcher.js';
import { normalizedSimilarity } from './similarity.js';

const key = (text: string): string => canonicalKey(text);

/** Every spelling in the list gets one and the same key. */
function expectSameKey(spellings: readonly string[]): void {
  const keys = new Set(spellings.map(key));
  expect([...keys], spellings.join(', ')).toHaveLength(1);
}

describe('each fold', () => {
  it('lower-cases and strips or spells out diacritics', () => {
    expectSameKey(['Łosik', 'LOSIK', 'losik']);
    expectSameKey(['Kaleśnikava', 'Kalesnikava']);
    expectSameKey(['Ščyrakova', 'Shchyrakova', 'Ŝirakova'.replace('Ŝi', 'Ŝy')]);
    expectSameKey(['Žanna', 'Zhanna', 'Żanna']);
  });

  it('reads x as ks (Alexander, Alexei)', () => expectSameKey(['Alexander', 'Aleksander']));
  it('folds German tsch and French/English tch into ch (ч)', () =>
    expectSameKey(['Statkevich', 'Statkewitsch', 'Statkevitch', 'Statkievič', 'Statkiewicz']));
  it('folds German sch and Polish sz into sh (ш)', () => expectSameKey(['Yashin', 'Jaschin', 'Jaszyn']));
  it('folds Polish szcz and Łacinka šč into shch (щ)', () =>
    expectSameKey(['Szczyrakowa', 'Ščyrakova', 'Shchyrakova']));
  it('folds kh into ch: х is kh in English, ch in Łacinka, German and Polish', () =>
    expectSameKey(['Tsikhanouskaya', 'Cichanoŭskaja', 'Cichanouskaja']));
  it('folds ts, tz and the FMS passport tc into c (ц)', () =>
    expectSameKey(['Matskevich', 'Mackievič', 'Matzkevich', 'Matckevich']));
  it('reads w as v (German and Polish в, BGN ў)', () => expectSameKey(['Kalesnikawa', 'Kalesnikava']));
  it('folds ia/ya/ja, iu/yu/ju, io/yo/jo and runs like iia, yia', () => {
    expectSameKey(['Maryia', 'Maryja', 'Maryya', 'Mariia', 'Mariya', 'Marija', 'Maria', 'Мария', 'Марыя']);
    expectSameKey(['Yulia', 'Yuliya', 'Iuliia', 'Julija', 'Julia']);
    expectSameKey(['Fyodor', 'Fiodor', 'Fjodor', 'Fëdor']);
  });
  it('reads ie/ye/je as e', () => {
    expectSameKey(['Kaliesnikava', 'Kalyesnikava', 'Kalesnikava']);
    expectSameKey(['Yevgeny', 'Evgeny', 'Jewgeni', 'Ievgenii']);
  });
  it('folds -iy/-ii/-ij/-yy/-yi/-y/-i endings', () => {
    expectSameKey(['Dzmitry', 'Dzmitryi', 'Dzmitryj', 'Dzmitriy']);
    expectSameKey(['Navalny', 'Navalnyy', 'Navalnyi', 'Navalnyj', "Naval'nyy", 'Naval’nyy', 'Navalʹnyj']);
    expectSameKey(['Beliatskii', 'Belyatskiy', 'Belyatsky', 'Beliatskij', 'Beliatskiĭ']);
  });
  it('reads i/y/j after a vowel as the same glide (й)', () =>
    expectSameKey(['Mikalai', 'Mikalay', 'Mikalaj', 'Mikałaj']));
  it('reads u/w/ŭ after a vowel as ў, which meets the Russian v', () => {
    expectSameKey(['Tsikhanouski', 'Tsikhanowski', 'Cichanoŭski', 'Tsikhanovski']);
    expectSameKey(['Liubou', 'Lyubov', 'Ljuboŭ']);
  });
  it('reads ы and и/і alike', () => expectSameKey(['Maryna', 'Marina']));
  it('ignores doubled letters', () => {
    expectSameKey(['Natallia', 'Natalia', 'Natalja', 'Natallya']);
    expectSameKey(['Lossik', 'Losik']);
  });
  it('keeps ч/х apart from ц and ш apart from с', () => {
    expect(key('Cichanoŭskaja')).not.toBe(key('Cicanoŭskaja'));
    expect(key('Šuk')).not.toBe(key('Suk'));
  });
  it('romanizes Cyrillic first, in the detected language', () => {
    expect(key('Бяляцкі')).toBe(key('Bialiatski'));
    expect(key('Беляцкий')).toBe(key('Beliatskii'));
    expect(key('Мікалай Дзядок')).toBe(key('Mikalai Dziadok'));
    // No letter tells Belarusian here, so it is read as Russian unless the language is given.
    expect(key('Ганна Лойка')).toBe(key('Ganna Loika'));
    expect(canonicalKey('Ганна Лойка', 'be')).toBe(key('Hanna Loika'));
  });
});

describe('tokens', () => {
  it('splits on spaces, hyphens and punctuation, not on apostrophes', () => {
    expect(canonicalTokens('Vladimir Kara-Murza')).toEqual(['vladimir', 'kara', 'murza']);
    expect(canonicalTokens("Aleksey Naval'nyy")).toEqual(['aleksej', 'navalni']);
    expect(canonicalTokens('Losik, Ihar')).toEqual(['losik', 'ihar']);
    expect(canonicalTokens('  ')).toEqual([]);
  });

  it('keeps the written word of every token', () => {
    expect(canonicalPieces('Sviatłana Cichanoŭskaja')).toEqual([
      { raw: 'Sviatłana', key: 'svjatlana' },
      { raw: 'Cichanoŭskaja', key: 'cichanovskaja' },
    ]);
  });

  it('is stable when applied to its own output', () => {
    for (const name of [
      'Maryia Kalesnikava',
      'Tsikhanouskaya',
      'Dzmitry',
      'Mikalai Dziadok',
      'Shchyrakova',
      'Yauhen',
    ]) {
      expect(key(key(name))).toBe(key(name));
    }
  });
});

describe('worked families of romanization.md', () => {
  const families = [
    {
      names: [
        { text: 'Алесь Бяляцкі', language: 'be' },
        { text: 'Алесь Беляцкий', language: 'ru' },
      ],
      sameLanguage: [
        ['Bialiatski', 'Byalyatski', 'Бяляцкі', 'Bialiacki'],
        ['Beliatsky', 'Belyatskiy', 'Beliatskii', 'Беляцкий'],
      ],
      all: ['Bialiatski', 'Byalyatski', 'Beliatsky', 'Bialacki', 'Бяляцкі', 'Беляцкий'],
    },
    {
      names: [
        { text: 'Марыя Калеснікава', language: 'be' },
        { text: 'Мария Колесникова', language: 'ru' },
      ],
      sameLanguage: [
        ['Kalesnikava', 'Kaliesnikava', 'Kaleśnikava', 'Калеснікава'],
        ['Kolesnikova', 'Колесникова'],
      ],
      all: ['Kalesnikava', 'Kolesnikova', 'Kaliesnikava', 'Kaleśnikava', 'Калеснікава', 'Колесникова'],
    },
    {
      names: [
        { text: 'Святлана Ціханоўская', language: 'be' },
        { text: 'Светлана Тихановская', language: 'ru' },
      ],
      sameLanguage: [
        ['Tsikhanouskaya', 'Cichanoŭskaja'],
        ['Tikhanovskaya', 'Tichanowskaja'],
      ],
      all: ['Tsikhanouskaya', 'Cichanoŭskaja', 'Tikhanovskaya', 'Tichanowskaja'],
    },
    {
      names: [
        { text: 'Мікалай Дзядок', language: 'be' },
        { text: 'Николай Дедок', language: 'ru' },
      ],
      sameLanguage: [['Dziadok', 'Dzyadok'], ['Dedok']],
      all: ['Dziadok', 'Dzyadok', 'Dedok'],
    },
  ] as const;

  it.each(families)('same-language spellings of $names.0.text collapse to one key', ({ sameLanguage }) => {
    for (const spellings of sameLanguage) expectSameKey(spellings);
  });

  it.each(families)(
    'every spelling of $names.0.text lands exactly on an index key of its Cyrillic forms',
    (family) => {
      const indexKeys = new Set(
        family.names.flatMap((name) =>
          buildNameIndexEntries({ text: name.text, script: 'Cyrl', language: name.language }).map(
            (e) => e.key,
          ),
        ),
      );
      for (const spelling of family.all) expect(indexKeys, spelling).toContain(key(spelling));
    },
  );

  it('the Belarusian and Russian forms stay within a small edit distance (except дз/д)', () => {
    expect(normalizedSimilarity(key('Bialiatski'), key('Beliatsky'))).toBeGreaterThanOrEqual(0.75);
    expect(normalizedSimilarity(key('Kalesnikava'), key('Kolesnikova'))).toBeGreaterThanOrEqual(0.8);
    expect(normalizedSimilarity(key('Tsikhanouskaya'), key('Tikhanovskaya'))).toBeGreaterThanOrEqual(0.9);
  });
});

describe('different people stay apart', () => {
  it('Kalesnikava is not Kolesnik', () => {
    expect(key('Kalesnikava')).not.toBe(key('Kolesnik'));
    expect(normalizedSimilarity(key('Kalesnikava'), key('Kalesnik'))).toBeLessThan(0.8);
  });
  it('Maria is not Marina', () => expect(key('Maria')).not.toBe(key('Marina')));
  it('Tsikhanouski is not Tsikhanouskaya', () => expect(key('Tsikhanouski')).not.toBe(key('Tsikhanouskaya')));
  it('Aliaksandr is not Aliaksandra', () => expect(key('Aliaksandr')).not.toBe(key('Aliaksandra')));
});
