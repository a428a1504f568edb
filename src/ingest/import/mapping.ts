/**
 * Which spreadsheet column holds which field. The guess reads headers in English, Belarusian and
 * Russian; the user corrects it and saves it under a name (one per source list), so the next file
 * from the same source maps the same way. A column mapped to null is ignored on purpose; a column
 * not in the mapping at all is refused, so no data is dropped without anyone deciding it.
 */
export const IMPORT_FIELDS = [
  'name',
  'nameBe',
  'nameRu',
  'nameLatin',
  'birthDate',
  'gender',
  'region',
  'occupations',
  'biography',
  'detainedOn',
  'articles',
  'sentence',
  'sentenceMonths',
  'facility',
  'releasedOn',
  'releaseMode',
  'sourceUrl',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Column header → field, or null for a column deliberately ignored. */
export type ColumnMapping = Record<string, ImportField | null>;

const ALIASES: Record<ImportField, readonly string[]> = {
  name: [
    'name',
    'full name',
    'person',
    'фио',
    'ф.и.о.',
    'имя',
    'имя фамилия',
    'фамилия имя отчество',
    'імя',
    'прозвішча імя',
    'поўнае імя',
    'пiб',
  ],
  nameBe: ['name be', 'name (be)', 'belarusian name', 'імя па-беларуску', 'імя (бел)', 'имя (бел)', 'бел'],
  nameRu: ['name ru', 'name (ru)', 'russian name', 'имя по-русски', 'имя (рус)', 'імя (рус)', 'рус'],
  nameLatin: [
    'name latin',
    'name (latin)',
    'name (en)',
    'latin name',
    'english name',
    'transliteration',
    'латиница',
    'лацінка',
  ],
  birthDate: [
    'birth date',
    'date of birth',
    'born',
    'birthday',
    'dob',
    'дата рождения',
    'год рождения',
    'дата нараджэння',
    'год нараджэння',
  ],
  gender: ['gender', 'sex', 'пол', 'пол (м/ж)', 'падлога'],
  region: ['region', 'place', 'city', 'oblast', 'регион', 'область', 'город', 'рэгіён', 'вобласць', 'горад'],
  occupations: [
    'occupation',
    'occupations',
    'profession',
    'job',
    'профессия',
    'род занятий',
    'прафесія',
    'род заняткаў',
  ],
  biography: ['biography', 'bio', 'about', 'description', 'биография', 'описание', 'біяграфія', 'апісанне'],
  detainedOn: [
    'detained',
    'detained on',
    'date of detention',
    'detention date',
    'arrested',
    'arrest date',
    'date of arrest',
    'дата задержания',
    'задержан',
    'дата ареста',
    'арестован',
    'дата затрымання',
    'затрыманы',
  ],
  articles: [
    'article',
    'articles',
    'charges',
    'criminal code articles',
    'статья',
    'статьи',
    'статьи ук',
    'артыкул',
    'артыкулы',
  ],
  sentence: ['sentence', 'term', 'приговор', 'срок', 'прысуд', 'тэрмін'],
  sentenceMonths: ['sentence months', 'term in months', 'срок (месяцев)', 'тэрмін (месяцаў)'],
  facility: [
    'facility',
    'prison',
    'colony',
    'place of detention',
    'where held',
    'учреждение',
    'колония',
    'место заключения',
    'место содержания',
    'установа',
    'калонія',
    'месца зняволення',
  ],
  releasedOn: [
    'released',
    'released on',
    'release date',
    'date of release',
    'дата освобождения',
    'освобожден',
    'дата вызвалення',
    'вызвалены',
  ],
  releaseMode: [
    'release mode',
    'how released',
    'release type',
    'способ освобождения',
    'основание освобождения',
    'спосаб вызвалення',
  ],
  sourceUrl: ['source', 'sources', 'url', 'link', 'source url', 'источник', 'ссылка', 'крыніца', 'спасылка'],
};

const normalise = (header: string) =>
  header.trim().toLowerCase().replace(/ё/g, 'е').replace(/[_:]+/g, ' ').replace(/\s+/g, ' ');

const LOOKUP = new Map<string, ImportField>(
  IMPORT_FIELDS.flatMap((field) => ALIASES[field].map((alias) => [normalise(alias), field] as const)),
);

export function guessField(header: string): ImportField | undefined {
  return (
    LOOKUP.get(normalise(header)) ??
    ((IMPORT_FIELDS as readonly string[]).find(
      (field) => field.toLowerCase() === normalise(header).replace(/ /g, ''),
    ) as ImportField | undefined)
  );
}

/** The automatic mapping: every header the guess knows, each field at most once (the first column wins). */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const taken = new Set<ImportField>();
  for (const header of headers) {
    const field = guessField(header);
    if (field && !taken.has(field)) {
      mapping[header] = field;
      taken.add(field);
    }
  }
  return mapping;
}
