/**
 * Romanization systems a Latin spelling of a Belarusian or Russian name can follow.
 * The ids are stored in the database (person_names.system): never rename or remove one.
 */
export const ROMANIZATION_SYSTEMS = [
  'press-passport',
  'national-2007',
  'national-2023',
  'bgn-pcgn',
  'iso-9',
  'ala-lc',
  'icao-9303',
  'lacinka',
  'wikipedia',
  'mvd-310',
  'german',
  'polish',
  'french',
  'other',
] as const;

export type RomanizationSystem = (typeof ROMANIZATION_SYSTEMS)[number];

/** The source languages whose Cyrillic spelling we can romanize. */
export const NAME_LANGUAGES = ['be', 'ru'] as const;
export type NameLanguage = (typeof NAME_LANGUAGES)[number];

/** Short human labels, written to follow "the" in "why it matched" messages. */
export const ROMANIZATION_SYSTEM_LABELS: Readonly<Record<RomanizationSystem, string>> = {
  'press-passport': 'press/passport spelling',
  'national-2007': 'national 2007 romanization',
  'national-2023': 'national 2023 romanization',
  'bgn-pcgn': 'BGN/PCGN romanization',
  'iso-9': 'ISO 9 transliteration',
  'ala-lc': 'ALA-LC (Library of Congress) romanization',
  'icao-9303': 'ICAO 9303 passport transliteration',
  lacinka: 'Łacinka spelling',
  wikipedia: 'English Wikipedia/press spelling',
  'mvd-310': 'Russian passport (MVD 310) spelling',
  german: 'German press spelling',
  polish: 'Polish press spelling',
  french: 'French press spelling',
  other: 'other spelling',
};

/**
 * Which systems are generated from a name in each language, in the order their spellings are
 * preferred when two systems give the same text (the first one names the match in messages).
 * The national 2023 system also covers Russian-language place names, so it applies to both.
 * 'icao-9303' is listed for Russian only: for Belarusian the passport spelling is ICAO-based and
 * is produced as 'press-passport'. 'other' has no table.
 */
export const SYSTEMS_BY_LANGUAGE: Readonly<Record<NameLanguage, readonly RomanizationSystem[]>> = {
  be: [
    'press-passport',
    'national-2007',
    'lacinka',
    'national-2023',
    'bgn-pcgn',
    'ala-lc',
    'iso-9',
    'german',
    'polish',
    'french',
  ],
  ru: [
    'wikipedia',
    'icao-9303',
    'bgn-pcgn',
    'mvd-310',
    'national-2023',
    'ala-lc',
    'iso-9',
    'german',
    'polish',
    'french',
  ],
};

const SYSTEM_SET: ReadonlySet<string> = new Set(ROMANIZATION_SYSTEMS);

export function isRomanizationSystem(value: unknown): value is RomanizationSystem {
  return typeof value === 'string' && SYSTEM_SET.has(value);
}

export function isNameLanguage(value: unknown): value is NameLanguage {
  return value === 'be' || value === 'ru';
}
