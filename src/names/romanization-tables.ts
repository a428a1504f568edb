import type { NameLanguage, RomanizationSystem } from './systems.js';

/**
 * Letter tables of every romanization system, transcribed from /work/shared/romanization.md
 * (the source of truth). Keys are lower-case Cyrillic letters; "'" stands for the Belarusian
 * apostrophe (’ ʼ ' ` are normalised to it before lookup). The engine in romanize.ts applies case.
 */

/** A letter whose spelling depends on where it stands. */
export interface LetterForms {
  /** After a consonant: the usual spelling. */
  readonly base: string;
  /** Word-initially or after a vowel, ь, ъ, ў or the apostrophe (iotated е ё ю я). */
  readonly iotated?: string;
  /** Overrides keyed by the previous Cyrillic letter (ля → la in Łacinka, шё → sho in WP:RUS). */
  readonly after?: Readonly<Record<string, string>>;
  /** Overrides keyed by the next Cyrillic letter (French ге → gue). */
  readonly before?: Readonly<Record<string, string>>;
  /** Between two vowels (German and French double s so it is not read as z). */
  readonly intervocalic?: string;
}

export type Letter = string | LetterForms;

export type SoftSign =
  /** Written as a mark (’ ʹ ') or omitted (''); `beforeVowel` overrides it before a given letter. */
  | { readonly kind: 'text'; readonly text: string; readonly beforeVowel?: Readonly<Record<string, string>> }
  /** Written as an acute on the preceding Latin letter (ź ś ń ć ĺ); omitted after other letters. */
  | { readonly kind: 'acute'; readonly acute: Readonly<Record<string, string>> };

export interface RomanizationTable {
  readonly letters: Readonly<Record<string, Letter>>;
  readonly softSign: SoftSign;
  /** Łacinka and Polish: hard л is ł, soft л (before е ё і и ю я ь) is l. */
  readonly hardL?: string;
  /** Replacements for the last letters of a word (-ий → -y in WP:RUS). */
  readonly endings?: Readonly<Record<string, string>>;
  /** Letter groups spelt as one (кс → x in German and French press). */
  readonly clusters?: Readonly<Record<string, string>>;
}

/** One way to spell a system: the first profile of a system is what romanize() returns. */
export interface RomanizationProfile {
  /** Short id, for tests and debugging (e.g. 'press-ya'). */
  readonly id: string;
  readonly table: RomanizationTable;
}

const iot = (base: string, iotated: string, after?: Record<string, string>): LetterForms =>
  after ? { base, iotated, after } : { base, iotated };

const omitSoftSign: SoftSign = { kind: 'text', text: '' };
const textSoftSign = (text: string): SoftSign => ({ kind: 'text', text });
const HUSHING = ['ж', 'ч', 'ш', 'щ'] as const;
const allAfter = (letters: readonly string[], value: string): Record<string, string> =>
  Object.fromEntries(letters.map((letter) => [letter, value]));

function extend(
  base: RomanizationTable,
  changes: Partial<Omit<RomanizationTable, 'letters'>> & { letters?: Record<string, Letter> },
): RomanizationTable {
  return { ...base, ...changes, letters: { ...base.letters, ...(changes.letters ?? {}) } };
}

/** Letters spelt the same in every system; Russian-only letters included so mixed input never breaks. */
const SHARED: Record<string, Letter> = {
  а: 'a',
  б: 'b',
  в: 'v',
  д: 'd',
  з: 'z',
  і: 'i',
  и: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  ы: 'y',
  э: 'e',
  ъ: '',
  "'": '',
};

// ---------------------------------------------------------------- Belarusian

/** National system, 2000 instruction as amended in 2007 (UN-endorsed, Łacinka-based). */
const BE_NATIONAL_2007: RomanizationTable = {
  letters: {
    ...SHARED,
    г: 'h',
    ґ: 'g',
    е: iot('ie', 'je'),
    ё: iot('io', 'jo'),
    ж: 'ž',
    // і after the apostrophe: the tables give only "i"; "ji" (as in Łacinka) is unconfirmed.
    й: 'j',
    ў: 'ŭ',
    х: 'ch',
    ц: 'c',
    ч: 'č',
    ш: 'š',
    щ: 'šč',
    ю: iot('iu', 'ju'),
    я: iot('ia', 'ja'),
  },
  softSign: { kind: 'acute', acute: { z: 'ź', s: 'ś', n: 'ń', c: 'ć', l: 'ĺ' } },
};

/** 2023 system (resolution No. 19): the 2007 system with digraphs instead of diacritics. */
const BE_NATIONAL_2023: RomanizationTable = {
  letters: {
    ...SHARED,
    г: 'g',
    ґ: 'g',
    е: iot('ie', 'je'),
    ё: iot('io', 'jo'),
    ж: 'zh',
    й: 'j',
    ў: 'w',
    // Unconfirmed in romanization.md ("h?"): h is the only spelling the decree coverage suggests.
    х: 'h',
    ц: 'c',
    ч: 'ch',
    ш: 'sh',
    щ: 'shch',
    ю: iot('iu', 'ju'),
    я: iot('ia', 'ja'),
  },
  softSign: omitSoftSign,
};

/**
 * Belarusian passports (MVD 2008–10, ICAO 9303 baseline) as activists spell their names in English.
 * Clerks and newspapers vary, so the press/passport system has several profiles (see below).
 */
const BE_PASSPORT: RomanizationTable = {
  letters: {
    ...SHARED,
    г: 'h',
    ґ: 'g',
    е: 'e',
    ё: 'io',
    ж: 'zh',
    й: 'i',
    ў: 'u',
    х: 'kh',
    ц: 'ts',
    ч: 'ch',
    ш: 'sh',
    щ: 'shch',
    ю: 'iu',
    я: 'ia',
  },
  softSign: omitSoftSign,
};

/** English press: y-forms where the vowel starts a syllable (Yauhen, Tsikhanouskaya), -ый → -y (Dzmitry). */
const BE_PRESS = extend(BE_PASSPORT, {
  letters: { е: iot('e', 'ye'), ё: iot('io', 'yo'), ю: iot('iu', 'yu'), я: iot('ia', 'ya') },
  endings: { ый: 'y' },
});

/** BGN/PCGN 1979: ye for е everywhere, w for ў, ’ for ь and ” for the apostrophe. */
const BE_BGN: RomanizationTable = {
  letters: {
    ...SHARED,
    г: 'h',
    ґ: 'g',
    е: 'ye',
    ё: 'yo',
    ж: 'zh',
    й: 'y',
    ў: 'w',
    х: 'kh',
    ц: 'ts',
    ч: 'ch',
    ш: 'sh',
    щ: 'shch',
    ю: 'yu',
    я: 'ya',
    ъ: '”',
    "'": '”',
  },
  softSign: textSoftSign('’'),
};

const BE_ISO_9: RomanizationTable = {
  letters: {
    ...SHARED,
    г: 'g',
    ґ: 'g̀',
    е: 'e',
    ё: 'ë',
    ж: 'ž',
    і: 'ì',
    й: 'j',
    ў: 'ŭ',
    х: 'h',
    ц: 'c',
    ч: 'č',
    ш: 'š',
    щ: 'ŝ',
    э: 'è',
    ю: 'û',
    я: 'â',
    ъ: 'ʺ',
    "'": '’',
  },
  softSign: textSoftSign('ʹ'),
};

/** ALA-LC without its tie-bars (i͡a → ia, t͡s → ts, z͡h → zh): no keyboard or catalogue search keeps them. */
const BE_ALA_LC: RomanizationTable = {
  letters: {
    ...SHARED,
    г: 'h',
    ґ: 'g',
    е: 'e',
    ё: 'io',
    ж: 'zh',
    й: 'ĭ',
    ў: 'ŭ',
    х: 'kh',
    ц: 'ts',
    ч: 'ch',
    ш: 'sh',
    щ: 'shch',
    э: 'ė',
    ю: 'iu',
    я: 'ia',
    ъ: 'ʺ',
  },
  softSign: textSoftSign('ʹ'),
};

/** Classical Łacinka. After л the iotated vowels lose their i (ля → la) because ł/l already marks softness. */
const BE_LACINKA: RomanizationTable = {
  letters: {
    ...SHARED,
    г: 'h',
    ґ: 'g',
    е: iot('ie', 'je', { л: 'e' }),
    ё: iot('io', 'jo', { л: 'o' }),
    // After the apostrophe і is written ji (siamji); the tables do not list it, so it is our reading.
    і: { base: 'i', after: { "'": 'ji' } },
    ж: 'ž',
    й: 'j',
    ў: 'ŭ',
    х: 'ch',
    ц: 'c',
    ч: 'č',
    ш: 'š',
    щ: 'šč',
    ю: iot('iu', 'ju', { л: 'u' }),
    я: iot('ia', 'ja', { л: 'a' }),
  },
  hardL: 'ł',
  softSign: { kind: 'acute', acute: { z: 'ź', s: 'ś', n: 'ń', c: 'ć' } },
};

/** German press (Duden-style): w for в, s for з, z for ц, sch/tsch, j-forms (Bjaljazki, Zichanouskaja). */
const BE_GERMAN: RomanizationTable = {
  letters: {
    ...SHARED,
    в: 'w',
    г: 'h',
    ґ: 'g',
    з: 's',
    с: { base: 's', intervocalic: 'ss' },
    е: iot('e', 'je'),
    ё: iot('jo', 'jo', allAfter(HUSHING, 'o')),
    // romanization.md gives "sh" for ж in German press; Duden's "sch" is the 'german-sch' profile.
    ж: 'sh',
    й: 'j',
    ў: 'u',
    х: 'ch',
    ц: 'z',
    ч: 'tsch',
    ш: 'sch',
    щ: 'schtsch',
    ю: 'ju',
    я: 'ja',
  },
  softSign: omitSoftSign,
};

/** Polish press: Łacinka-like л and iotation with Polish digraphs (cz sz ż w), -ская → -ska (Cichanouska). */
const POLISH_HARD_VOWEL_AFTER = ['л', 'ж', 'ц', 'ч', 'ш', 'щ'] as const;
const BE_POLISH: RomanizationTable = {
  letters: {
    ...SHARED,
    в: 'w',
    г: 'h',
    ґ: 'g',
    е: iot('ie', 'je', allAfter(POLISH_HARD_VOWEL_AFTER, 'e')),
    ё: iot('io', 'jo', allAfter(POLISH_HARD_VOWEL_AFTER, 'o')),
    ж: 'ż',
    й: 'j',
    ў: 'u',
    х: 'ch',
    ц: 'c',
    ч: 'cz',
    ш: 'sz',
    щ: 'szcz',
    ю: iot('iu', 'ju', allAfter(POLISH_HARD_VOWEL_AFTER, 'u')),
    я: iot('ia', 'ja', allAfter(POLISH_HARD_VOWEL_AFTER, 'a')),
  },
  hardL: 'ł',
  softSign: { kind: 'acute', acute: { z: 'ź', s: 'ś', n: 'ń', c: 'ć' } },
  endings: { ская: 'ska', цкая: 'cka' },
};

/** French press copies Belarusian passport spellings but writes у as ou, ч tch, ш ch, ж j, й ï. */
const BE_FRENCH: RomanizationTable = {
  letters: {
    ...SHARED,
    г: 'h',
    ґ: 'g',
    с: { base: 's', intervocalic: 'ss' },
    е: 'e',
    ё: 'io',
    ж: 'j',
    й: 'ï',
    у: 'ou',
    ў: 'u',
    х: 'kh',
    ц: 'ts',
    ч: 'tch',
    ш: 'ch',
    щ: 'chtch',
    ю: 'iou',
    я: 'ia',
  },
  softSign: omitSoftSign,
  endings: { ая: 'aïa', ый: 'y' },
};

// ---------------------------------------------------------------- Russian

const RU_SHARED: Record<string, Letter> = { ...SHARED, ґ: 'g', ў: 'u' };

/** BGN/PCGN 1947. Its middle dot for ambiguous pairs (тс → t·s, зг → z·h) is left out: nobody types it. */
const RU_BGN: RomanizationTable = {
  letters: {
    ...RU_SHARED,
    г: 'g',
    е: iot('e', 'ye'),
    ё: iot('ë', 'yë'),
    ж: 'zh',
    й: 'y',
    ў: 'w',
    х: 'kh',
    ц: 'ts',
    ч: 'ch',
    ш: 'sh',
    щ: 'shch',
    ъ: '”',
    ю: 'yu',
    я: 'ya',
  },
  softSign: textSoftSign('’'),
};

/**
 * ICAO Doc 9303, used by Russian passports since 2014. The FMS order 26 spelling of 2010–13
 * (tc for ц, otherwise like this) is not generated: the canonical key folds tc into ts.
 */
const RU_ICAO: RomanizationTable = {
  letters: {
    ...RU_SHARED,
    г: 'g',
    е: 'e',
    ё: 'e',
    ж: 'zh',
    й: 'i',
    х: 'kh',
    ц: 'ts',
    ч: 'ch',
    ш: 'sh',
    щ: 'shch',
    ъ: 'ie',
    ю: 'iu',
    я: 'ia',
  },
  softSign: omitSoftSign,
};

const RU_ISO_9: RomanizationTable = {
  letters: {
    ...RU_SHARED,
    г: 'g',
    е: 'e',
    ё: 'ë',
    ж: 'ž',
    і: 'ì',
    й: 'j',
    ў: 'ŭ',
    х: 'h',
    ц: 'c',
    ч: 'č',
    ш: 'š',
    щ: 'ŝ',
    ъ: 'ʺ',
    э: 'è',
    ю: 'û',
    я: 'â',
  },
  softSign: textSoftSign('ʹ'),
};

const RU_ALA_LC: RomanizationTable = {
  letters: {
    ...RU_SHARED,
    г: 'g',
    е: 'e',
    ё: 'ë',
    ж: 'zh',
    й: 'ĭ',
    ў: 'ŭ',
    х: 'kh',
    ц: 'ts',
    ч: 'ch',
    ш: 'sh',
    щ: 'shch',
    ъ: 'ʺ',
    э: 'ė',
    ю: 'iu',
    я: 'ia',
  },
  softSign: textSoftSign('ʹ'),
};

/**
 * WP:RUS, the English Wikipedia convention: BGN without apostrophes, yo for ё (o after hushing
 * consonants), -y for -ий/-ый. "y" for ь before и and о (Ilyin, Ilyich) is WP:RUS, not in the tables.
 */
const RU_WIKIPEDIA: RomanizationTable = {
  letters: {
    ...RU_SHARED,
    г: 'g',
    е: iot('e', 'ye'),
    ё: iot('yo', 'yo', allAfter(HUSHING, 'o')),
    ж: 'zh',
    й: 'y',
    х: 'kh',
    ц: 'ts',
    ч: 'ch',
    ш: 'sh',
    щ: 'shch',
    ю: 'yu',
    я: 'ya',
  },
  softSign: { kind: 'text', text: '', beforeVowel: { и: 'y', о: 'y' } },
  endings: { ий: 'y', ый: 'y' },
};

/** English newspapers' habits beyond WP:RUS: Alexei, Sergei, Yuri, Alexander. */
const RU_PRESS = extend(RU_WIKIPEDIA, {
  letters: { й: { base: 'y', after: { а: 'i', е: 'i', о: 'i', у: 'i', ы: 'i', э: 'i', я: 'i' } } },
  endings: { ий: 'i', ый: 'y' },
  clusters: { кс: 'x' },
});

/** MVD order 310 (Russian passports 1997–2010). */
const RU_MVD_310: RomanizationTable = {
  letters: {
    ...RU_SHARED,
    г: 'g',
    е: 'e',
    ё: 'e',
    ж: 'zh',
    й: 'y',
    х: 'kh',
    ц: 'ts',
    ч: 'ch',
    ш: 'sh',
    щ: 'shch',
    ъ: '"',
    ю: 'yu',
    я: 'ya',
  },
  softSign: textSoftSign("'"),
};

/** 2023 Belarusian system applied to a Russian form (Chajchicy, Shalashino); е/ё as in Belarusian. */
const RU_NATIONAL_2023 = extend(BE_NATIONAL_2023, {});

/** German press (Duden): Alexej Nawalny, Wladimir Kara-Mursa, Ilja Jaschin, Tichanowskaja. */
const RU_GERMAN = extend(BE_GERMAN, {
  letters: {
    г: 'g',
    // Duden writes й as i after a, o, u at the end of a syllable: Nikolai, Tolstoi (but Sergej).
    й: { base: 'j', after: { а: 'i', о: 'i', у: 'i' } },
  },
  endings: { ий: 'i', ый: 'y' },
  clusters: { кс: 'x' },
});

const RU_POLISH = extend(BE_POLISH, {
  letters: { г: 'g', и: { base: 'i', after: { ж: 'y', ц: 'y', ш: 'y', щ: 'y' } } },
  endings: { ская: 'ska', цкая: 'cka', ский: 'ski', цкий: 'cki', ый: 'y', ий: 'ij' },
});

/** French press: Alexeï Navalny, Vladimir Kara-Mourza, Ilia Iachine, Sergueï Tikhanovski. */
const RU_FRENCH = extend(BE_FRENCH, {
  letters: {
    г: { base: 'g', before: { е: 'gu', и: 'gu', ы: 'gu', э: 'gu', ё: 'gu' } },
    е: 'e',
  },
  endings: { ая: 'aïa', ий: 'i', ый: 'y', ин: 'ine' },
  clusters: { кс: 'x' },
});

// ---------------------------------------------------------------- profiles

const profile = (id: string, table: RomanizationTable): RomanizationProfile => ({ id, table });

/** German "sch" for ж (Duden) next to the "sh" romanization.md gives. */
const withGermanSch = (table: RomanizationTable): RomanizationTable =>
  extend(table, { letters: { ж: 'sch' } });

/**
 * Profiles per language and system. The first profile is the system's own spelling; the others are
 * the variants seen in the wild for the same system (passport clerks, newspapers).
 * A system missing for a language has no table (romanize throws).
 */
export const PROFILES: Readonly<
  Record<NameLanguage, Partial<Record<RomanizationSystem, readonly RomanizationProfile[]>>>
> = {
  be: {
    'press-passport': [
      profile('passport', BE_PASSPORT),
      profile('press', BE_PRESS),
      profile('press-y', extend(BE_PRESS, { letters: { й: 'y' } })),
      profile(
        'press-ya',
        extend(BE_PASSPORT, { letters: { ё: 'yo', ю: 'yu', я: 'ya' }, endings: { ый: 'y' } }),
      ),
      profile('mvd-2008', extend(BE_PASSPORT, { letters: { й: 'j', ў: 'w' } })),
      profile('passport-ie', extend(BE_PASSPORT, { letters: { е: iot('ie', 'e') } })),
    ],
    'national-2007': [profile('national-2007', BE_NATIONAL_2007)],
    'national-2023': [profile('national-2023', BE_NATIONAL_2023)],
    'bgn-pcgn': [profile('bgn-pcgn', BE_BGN)],
    'iso-9': [profile('iso-9', BE_ISO_9)],
    'ala-lc': [profile('ala-lc', BE_ALA_LC)],
    lacinka: [profile('lacinka', BE_LACINKA)],
    german: [profile('german', BE_GERMAN), profile('german-sch', withGermanSch(BE_GERMAN))],
    polish: [profile('polish', BE_POLISH)],
    french: [profile('french', BE_FRENCH)],
  },
  ru: {
    wikipedia: [profile('wikipedia', RU_WIKIPEDIA), profile('english-press', RU_PRESS)],
    'icao-9303': [profile('icao-9303', RU_ICAO)],
    'bgn-pcgn': [profile('bgn-pcgn', RU_BGN)],
    'mvd-310': [profile('mvd-310', RU_MVD_310)],
    'national-2023': [profile('national-2023', RU_NATIONAL_2023)],
    'iso-9': [profile('iso-9', RU_ISO_9)],
    'ala-lc': [profile('ala-lc', RU_ALA_LC)],
    german: [profile('german', RU_GERMAN), profile('german-sch', withGermanSch(RU_GERMAN))],
    polish: [profile('polish', RU_POLISH)],
    french: [profile('french', RU_FRENCH)],
  },
};

/**
 * Systems that have no table of their own for a language but an obvious equivalent: a Belarusian
 * passport spelling *is* the ICAO one, and a Russian passport spelling since 2014 is ICAO 9303.
 */
export const SYSTEM_ALIASES: Readonly<
  Record<NameLanguage, Partial<Record<RomanizationSystem, RomanizationSystem>>>
> = {
  be: { 'icao-9303': 'press-passport' },
  ru: { 'press-passport': 'icao-9303' },
};
