import { romanize } from '../names/romanize.js';
import type { NameLanguage, RomanizationSystem } from '../names/systems.js';

/**
 * Seeded generator of SYNTHETIC Belarusian/Russian persons for the name-search benchmark.
 *
 * Every person is an invented combination: a real first name (from the groups of
 * src/names/first-names.json, so first-name equivalence is exercised), a patronymic made from
 * another real first name, and a surname built from syllables or common word stems plus a
 * Belarusian/Russian surname suffix. None of this is a list of real people; any match with a
 * living person is a coincidence of common stems.
 *
 * Every person gets a Belarusian and a Russian Cyrillic form with gender agreement
 * (-скі/-ская ~ -ский/-ская, -аў/-ава ~ -ов/-ова, -ін/-іна, -іч for both), and one or two Latin
 * spellings produced by src/names/romanize.ts. Surnames are drawn from a finite pool with a
 * long-tailed distribution (shared surnames) and the pool contains near neighbours (one syllable
 * or one suffix apart), so the gallery looks like a registry rather than a list of unique strings.
 */

/** Deterministic 32-bit PRNG (mulberry32): same seed, same stream, on every platform. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;

export function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

export type Gender = 'male' | 'female';

/** A Belarusian and a Russian spelling of the same piece of a name. */
export interface Pair {
  readonly be: string;
  readonly ru: string;
}

interface FirstName extends Pair {
  /** Patronymic stem when this is a father's name: be + 'іч' / be − 'в' + 'ўна', ru + 'ич' / 'на'. */
  readonly patronymic?: Pair;
}

/** Real, common first names (Belarusian form, Russian form), all in src/names/first-names.json. */
const MALE_FIRST_NAMES: readonly FirstName[] = [
  { be: 'Аляксандр', ru: 'Александр', patronymic: { be: 'Аляксандрав', ru: 'Александров' } },
  { be: 'Сяргей', ru: 'Сергей', patronymic: { be: 'Сяргеев', ru: 'Сергеев' } },
  { be: 'Уладзімір', ru: 'Владимир', patronymic: { be: 'Уладзімірав', ru: 'Владимиров' } },
  { be: 'Мікалай', ru: 'Николай', patronymic: { be: 'Мікалаев', ru: 'Николаев' } },
  { be: 'Віктар', ru: 'Виктор', patronymic: { be: 'Віктарав', ru: 'Викторов' } },
  { be: 'Андрэй', ru: 'Андрей', patronymic: { be: 'Андрэев', ru: 'Андреев' } },
  { be: 'Аляксей', ru: 'Алексей', patronymic: { be: 'Аляксеев', ru: 'Алексеев' } },
  { be: 'Дзмітрый', ru: 'Дмитрий', patronymic: { be: 'Дзмітрыев', ru: 'Дмитриев' } },
  { be: 'Юрый', ru: 'Юрий', patronymic: { be: "Юр'ев", ru: 'Юрьев' } },
  { be: 'Павел', ru: 'Павел', patronymic: { be: 'Паўлав', ru: 'Павлов' } },
  { be: 'Ігар', ru: 'Игорь', patronymic: { be: 'Ігарав', ru: 'Игорев' } },
  { be: 'Яўген', ru: 'Евгений', patronymic: { be: 'Яўгенав', ru: 'Евгеньев' } },
  { be: 'Валянцін', ru: 'Валентин', patronymic: { be: 'Валянцінав', ru: 'Валентинов' } },
  { be: 'Генадзь', ru: 'Геннадий', patronymic: { be: 'Генадзев', ru: 'Геннадьев' } },
  { be: 'Міхаіл', ru: 'Михаил', patronymic: { be: 'Міхайлав', ru: 'Михайлов' } },
  { be: 'Максім', ru: 'Максим', patronymic: { be: 'Максімав', ru: 'Максимов' } },
  { be: 'Леанід', ru: 'Леонид', patronymic: { be: 'Леанідав', ru: 'Леонидов' } },
  { be: 'Раман', ru: 'Роман', patronymic: { be: 'Раманав', ru: 'Романов' } },
  { be: 'Іван', ru: 'Иван', patronymic: { be: 'Іванав', ru: 'Иванов' } },
  { be: 'Васіль', ru: 'Василий', patronymic: { be: 'Васілев', ru: 'Васильев' } },
  { be: 'Пятро', ru: 'Пётр', patronymic: { be: 'Пятров', ru: 'Петров' } },
  { be: 'Барыс', ru: 'Борис', patronymic: { be: 'Барысав', ru: 'Борисов' } },
  { be: 'Алег', ru: 'Олег', patronymic: { be: 'Алегав', ru: 'Олегов' } },
  { be: 'Канстанцін', ru: 'Константин', patronymic: { be: 'Канстанцінав', ru: 'Константинов' } },
  { be: 'Станіслаў', ru: 'Станислав', patronymic: { be: 'Станіславав', ru: 'Станиславов' } },
  { be: 'Віталь', ru: 'Виталий', patronymic: { be: 'Віталев', ru: 'Витальев' } },
  { be: 'Уладзіслаў', ru: 'Владислав', patronymic: { be: 'Уладзіславав', ru: 'Владиславов' } },
  { be: 'Рыгор', ru: 'Григорий', patronymic: { be: 'Рыгорав', ru: 'Григорьев' } },
  { be: 'Вадзім', ru: 'Вадим', patronymic: { be: 'Вадзімав', ru: 'Вадимов' } },
  { be: 'Дзяніс', ru: 'Денис', patronymic: { be: 'Дзянісав', ru: 'Денисов' } },
  { be: 'Кірыл', ru: 'Кирилл', patronymic: { be: 'Кірылав', ru: 'Кириллов' } },
  { be: 'Антон', ru: 'Антон', patronymic: { be: 'Антонав', ru: 'Антонов' } },
  { be: 'Руслан', ru: 'Руслан', patronymic: { be: 'Русланав', ru: 'Русланов' } },
  { be: 'Эдуард', ru: 'Эдуард', patronymic: { be: 'Эдуардав', ru: 'Эдуардов' } },
  { be: 'Арцём', ru: 'Артём', patronymic: { be: 'Арцёмав', ru: 'Артёмов' } },
  // Ілья's patronymic (Ільіч, Ільінічна) is irregular: used as a first name only.
  { be: 'Ілья', ru: 'Илья' },
  { be: 'Яраслаў', ru: 'Ярослав', patronymic: { be: 'Яраславав', ru: 'Ярославов' } },
  { be: 'Фёдар', ru: 'Фёдор', patronymic: { be: 'Фёдарав', ru: 'Фёдоров' } },
];

const FATHERS: readonly FirstName[] = MALE_FIRST_NAMES.filter((name) => name.patronymic !== undefined);

const FEMALE_FIRST_NAMES: readonly FirstName[] = [
  { be: 'Марыя', ru: 'Мария' },
  { be: 'Святлана', ru: 'Светлана' },
  { be: 'Вольга', ru: 'Ольга' },
  { be: 'Алена', ru: 'Елена' },
  { be: 'Ганна', ru: 'Анна' },
  { be: 'Наталля', ru: 'Наталья' },
  { be: 'Таццяна', ru: 'Татьяна' },
  { be: 'Ірына', ru: 'Ирина' },
  { be: 'Вікторыя', ru: 'Виктория' },
  { be: 'Кацярына', ru: 'Екатерина' },
  { be: 'Людміла', ru: 'Людмила' },
  { be: 'Юлія', ru: 'Юлия' },
  { be: 'Анастасія', ru: 'Анастасия' },
  { be: "Дар'я", ru: 'Дарья' },
  { be: 'Ксенія', ru: 'Ксения' },
  { be: 'Марына', ru: 'Марина' },
  { be: 'Аксана', ru: 'Оксана' },
  { be: 'Надзея', ru: 'Надежда' },
  { be: 'Галіна', ru: 'Галина' },
  { be: 'Валянціна', ru: 'Валентина' },
  { be: 'Ларыса', ru: 'Лариса' },
  { be: 'Яўгенія', ru: 'Евгения' },
  { be: 'Аляксандра', ru: 'Александра' },
  { be: 'Паліна', ru: 'Полина' },
  { be: 'Аліна', ru: 'Алина' },
  { be: 'Лілія', ru: 'Лилия' },
  { be: 'Вера', ru: 'Вера' },
  { be: "Соф'я", ru: 'Софья' },
];

/**
 * Syllables of surname roots as (Belarusian, Russian) pairs: akanne (ка/ко), dzekanne and
 * tsekanne (дзя/де, ця/те), і/и, э/е, so that the two Cyrillic forms differ the way real ones do.
 */
// prettier-ignore
const SYLLABLES: readonly Pair[] = [
  ['ба', 'бо'], ['бя', 'бе'], ['бу', 'бу'], ['ва', 'во'], ['ві', 'ви'], ['га', 'го'], ['гу', 'гу'],
  ['да', 'до'], ['дзя', 'де'], ['дзі', 'ди'], ['жа', 'жо'], ['за', 'зо'], ['зя', 'зе'], ['ка', 'ко'],
  ['кі', 'ки'], ['ку', 'ку'], ['ла', 'ло'], ['ля', 'ле'], ['лі', 'ли'], ['лу', 'лу'], ['ма', 'мо'],
  ['мі', 'ми'], ['мя', 'ме'], ['на', 'но'], ['ня', 'не'], ['ні', 'ни'], ['па', 'по'], ['пя', 'пе'],
  ['пі', 'пи'], ['ра', 'ро'], ['ры', 'ры'], ['ру', 'ру'], ['рэ', 'ре'], ['са', 'со'], ['ся', 'се'],
  ['сі', 'си'], ['та', 'то'], ['ця', 'те'], ['ці', 'ти'], ['ту', 'ту'], ['ха', 'хо'], ['хі', 'хи'],
  ['ча', 'ча'], ['чу', 'чу'], ['шу', 'шу'], ['ша', 'ша'], ['шы', 'ши'], ['бы', 'бы'], ['вы', 'вы'],
  ['ды', 'ды'], ['мы', 'мы'], ['сы', 'сы'], ['ты', 'ты'], ['ла', 'ла'], ['ка', 'ка'], ['ра', 'ра'],
  ['да', 'да'], ['ма', 'ма'], ['ба', 'ба'], ['га', 'га'], ['на', 'на'], ['за', 'за'], ['шэ', 'ше'],
  ['жы', 'жи'], ['ца', 'ца'], ['пу', 'пу'], ['ду', 'ду'], ['му', 'му'], ['ню', 'ню'], ['лю', 'лю'],
].map(([be, ru]) => ({ be: be as string, ru: ru as string }));

/** Consonants or clusters that close a root before the suffix. */
// prettier-ignore
const CODAS: readonly Pair[] = [
  ['к', 'к'], ['ч', 'ч'], ['ш', 'ш'], ['н', 'н'], ['р', 'р'], ['л', 'л'], ['с', 'с'], ['т', 'т'],
  ['д', 'д'], ['б', 'б'], ['в', 'в'], ['м', 'м'], ['сн', 'сн'], ['ск', 'ск'], ['рк', 'рк'],
  ['нк', 'нк'], ['шк', 'шк'], ['рн', 'рн'], ['зл', 'зл'], ['ст', 'ст'], ['ж', 'ж'], ['ц', 'ц'],
].map(([be, ru]) => ({ be: be as string, ru: ru as string }));

/** Common Slavic word stems (smith, miller, oak…): realistic roots, not anybody's name. */
// prettier-ignore
const WORD_STEMS: readonly Pair[] = [
  ['Кавал', 'Ковал'], ['Мельнік', 'Мельник'], ['Кузняц', 'Кузнец'], ['Новік', 'Новик'],
  ['Бондар', 'Бондар'], ['Крав', 'Крав'], ['Шавел', 'Шевел'], ['Дубр', 'Дубр'], ['Казл', 'Козл'],
  ['Жук', 'Жук'], ['Сак', 'Сок'], ['Варабей', 'Воробей'], ['Рыбак', 'Рыбак'], ['Лысак', 'Лысак'],
  ['Бялоў', 'Белов'], ['Грыб', 'Гриб'], ['Мароз', 'Мороз'], ['Карп', 'Карп'], ['Макар', 'Макар'],
  ['Кляшч', 'Клещ'], ['Барсук', 'Барсук'], ['Гарбач', 'Горбач'], ['Пятрус', 'Петрус'],
  ['Сямён', 'Семён'], ['Латыш', 'Латыш'], ['Палын', 'Полын'], ['Ляснік', 'Лесник'], ['Валынец', 'Волынец'],
  ['Грамык', 'Громык'], ['Шыпіл', 'Шипил'], ['Кулік', 'Кулик'], ['Сінік', 'Синик'], ['Гарэл', 'Горел'],
].map(([be, ru]) => ({ be: be as string, ru: ru as string }));

/** Surname suffix families: masculine and feminine forms in both languages. */
export interface SuffixType {
  readonly id: string;
  readonly male: Pair;
  readonly female: Pair;
  /** How common the family is among generated surnames. */
  readonly weight: number;
}

export const SUFFIXES: readonly SuffixType[] = [
  { id: 'ov', male: { be: 'аў', ru: 'ов' }, female: { be: 'ава', ru: 'ова' }, weight: 14 },
  { id: 'ikov', male: { be: 'ікаў', ru: 'иков' }, female: { be: 'ікава', ru: 'икова' }, weight: 5 },
  { id: 'ev', male: { be: 'еў', ru: 'ев' }, female: { be: 'ева', ru: 'ева' }, weight: 5 },
  { id: 'in', male: { be: 'ін', ru: 'ин' }, female: { be: 'іна', ru: 'ина' }, weight: 7 },
  { id: 'ski', male: { be: 'скі', ru: 'ский' }, female: { be: 'ская', ru: 'ская' }, weight: 9 },
  { id: 'ouski', male: { be: 'оўскі', ru: 'овский' }, female: { be: 'оўская', ru: 'овская' }, weight: 7 },
  { id: 'euski', male: { be: 'еўскі', ru: 'евский' }, female: { be: 'еўская', ru: 'евская' }, weight: 3 },
  { id: 'ovich', male: { be: 'овіч', ru: 'ович' }, female: { be: 'овіч', ru: 'ович' }, weight: 9 },
  { id: 'evich', male: { be: 'евіч', ru: 'евич' }, female: { be: 'евіч', ru: 'евич' }, weight: 7 },
  { id: 'enka', male: { be: 'енка', ru: 'енко' }, female: { be: 'енка', ru: 'енко' }, weight: 8 },
  { id: 'uk', male: { be: 'ук', ru: 'ук' }, female: { be: 'ук', ru: 'ук' }, weight: 4 },
  { id: 'chuk', male: { be: 'чук', ru: 'чук' }, female: { be: 'чук', ru: 'чук' }, weight: 3 },
  { id: 'ik', male: { be: 'ік', ru: 'ик' }, female: { be: 'ік', ru: 'ик' }, weight: 4 },
  { id: 'ka', male: { be: 'ыка', ru: 'ико' }, female: { be: 'ыка', ru: 'ико' }, weight: 2 },
];
const SUFFIX_WEIGHT = SUFFIXES.reduce((sum, suffix) => sum + suffix.weight, 0);

function pickSuffix(random: Random): SuffixType {
  let r = random() * SUFFIX_WEIGHT;
  for (const suffix of SUFFIXES) {
    r -= suffix.weight;
    if (r < 0) return suffix;
  }
  return SUFFIXES[SUFFIXES.length - 1] as SuffixType;
}

/**
 * A surname root as aligned (Belarusian, Russian) pieces: syllables and a closing consonant, or
 * one word stem. Kept as pieces so a near neighbour changes the same piece in both languages.
 */
export interface Root {
  readonly pieces: readonly Pair[];
}

/** A surname in the pool: one root, one suffix family. */
export interface SurnameEntry {
  readonly root: Root;
  readonly suffix: SuffixType;
}

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1).toLowerCase();

function rootText(root: Root, language: NameLanguage): string {
  return capitalize(root.pieces.map((piece) => piece[language]).join(''));
}

function syllableRoot(random: Random): Root {
  const r = random();
  const count = r < 0.4 ? 1 : r < 0.9 ? 2 : 3;
  const pieces: Pair[] = [];
  for (let i = 0; i < count; i++) pieces.push(pick(random, SYLLABLES));
  pieces.push(pick(random, CODAS));
  return { pieces };
}

/**
 * A look-alike root (Kalesnikau / Kalasnikau / Kalesnichau): one syllable replaced, or the
 * closing consonant, or (for a word stem) a consonant added.
 */
function neighbourRoot(random: Random, root: Root): Root {
  const pieces = [...root.pieces];
  if (pieces.length === 1) return { pieces: [...pieces, pick(random, CODAS)] };
  const at = Math.floor(random() * pieces.length);
  pieces[at] = at === pieces.length - 1 ? pick(random, CODAS) : pick(random, SYLLABLES);
  return { pieces };
}

/** The surname in a language and gender: gender agreement happens here. */
export function surnameOf(entry: SurnameEntry, language: NameLanguage, gender: Gender): string {
  const suffix = gender === 'female' ? entry.suffix.female : entry.suffix.male;
  return rootText(entry.root, language) + suffix[language];
}

/**
 * The pool of surnames for a gallery of `count` persons: about one surname per four persons,
 * a quarter of them near neighbours of another (one syllable or the suffix family changed).
 */
export function surnamePool(count: number, random: Random): SurnameEntry[] {
  const size = Math.max(50, Math.min(60_000, Math.round(count / 4)));
  const pool: SurnameEntry[] = [];
  const seen = new Set<string>();
  let guard = 0;
  while (pool.length < size && guard++ < size * 20) {
    let entry: SurnameEntry;
    const r = random();
    const previous = pool.length > 0 ? pick(random, pool) : undefined;
    if (previous && r < 0.15) entry = { root: neighbourRoot(random, previous.root), suffix: previous.suffix };
    else if (previous && r < 0.25) entry = { root: previous.root, suffix: pickSuffix(random) };
    else if (r < 0.4) entry = { root: { pieces: [pick(random, WORD_STEMS)] }, suffix: pickSuffix(random) };
    else entry = { root: syllableRoot(random), suffix: pickSuffix(random) };
    const id = surnameOf(entry, 'be', 'male');
    if (seen.has(id)) continue;
    seen.add(id);
    pool.push(entry);
  }
  return pool;
}

/**
 * Long-tailed draw from the pool (weights 1/(rank + 20)): the commonest surname is shared by
 * about 0.5 % of the gallery, like the commonest Belarusian surnames, and most are rare.
 */
function surnameSampler(pool: readonly SurnameEntry[], random: Random): () => SurnameEntry {
  const cumulative = new Float64Array(pool.length);
  let total = 0;
  for (let i = 0; i < pool.length; i++) {
    total += 1 / (i + 21);
    cumulative[i] = total;
  }
  return () => {
    const r = random() * total;
    let lo = 0;
    let hi = pool.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 0) < r) lo = mid + 1;
      else hi = mid;
    }
    return pool[lo] as SurnameEntry;
  };
}

export interface NameParts {
  readonly first: string;
  readonly patronymic: string | null;
  readonly surname: string;
}

export interface SyntheticName {
  readonly text: string;
  readonly script: 'Cyrl' | 'Latn';
  readonly language: string;
  readonly system: RomanizationSystem | null;
  readonly isPrimary: boolean;
}

export interface SyntheticPerson {
  readonly id: string;
  readonly gender: Gender;
  /** The pieces of the name in each language, for building queries. */
  readonly parts: Readonly<Record<NameLanguage, NameParts>>;
  /** How the Cyrillic names are written: "First Patronymic Surname" or "Surname First Patronymic". */
  readonly order: 'first-last' | 'last-first';
  readonly names: readonly SyntheticName[];
}

export const SYNTHETIC_BIOGRAPHY = 'SYNTHETIC — generated for benchmarks';

function patronymicOf(father: FirstName, language: NameLanguage, gender: Gender): string | null {
  const stem = father.patronymic?.[language];
  if (stem === undefined) return null;
  if (language === 'be') return gender === 'male' ? `${stem}іч` : `${stem.slice(0, -1)}ўна`;
  return gender === 'male' ? `${stem}ич` : `${stem}на`;
}

/** A name as written in Cyrillic in the person's order. */
export function cyrillicText(parts: NameParts, order: SyntheticPerson['order']): string {
  const words =
    order === 'first-last'
      ? [parts.first, parts.patronymic, parts.surname]
      : [parts.surname, parts.first, parts.patronymic];
  return words.filter((word) => word !== null).join(' ');
}

/** "First Surname", the way Latin spellings are usually written. */
export const firstLast = (parts: NameParts): string => `${parts.first} ${parts.surname}`;

/** Deterministic UUIDv7-shaped id: a monotonic time part (like real ids) and PRNG bits. */
function syntheticId(index: number, random: Random): string {
  const time = (1_767_225_600_000 + index).toString(16).padStart(12, '0');
  let rest = '';
  for (let i = 0; i < 5; i++)
    rest += Math.floor(random() * 0x10000)
      .toString(16)
      .padStart(4, '0');
  const variant = ((parseInt(rest.slice(4, 5), 16) & 0x3) | 0x8).toString(16);
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${rest.slice(0, 3)}-${variant}${rest.slice(5, 8)}-${rest.slice(8, 20)}`;
}

/**
 * `count` synthetic persons, identical for the same (count, seed). The surname pool scales with
 * count, so a prefix of a larger gallery is not the same as a smaller gallery.
 */
export function generatePersons(count: number, seed: number): SyntheticPerson[] {
  return [...streamPersons(count, seed)];
}

/** The persons of generatePersons(count, seed) one at a time, for galleries too large to hold. */
export function* streamPersons(count: number, seed: number): Generator<SyntheticPerson> {
  const random = mulberry32(seed);
  const pool = surnamePool(count, random);
  const drawSurname = surnameSampler(pool, random);
  for (let index = 0; index < count; index++) {
    const gender: Gender = random() < 0.72 ? 'male' : 'female';
    const first = pick(random, gender === 'male' ? MALE_FIRST_NAMES : FEMALE_FIRST_NAMES);
    const father = pick(random, FATHERS);
    const withPatronymic = random() < 0.7;
    const surname = drawSurname();
    const parts = {
      be: {
        first: first.be,
        patronymic: withPatronymic ? patronymicOf(father, 'be', gender) : null,
        surname: surnameOf(surname, 'be', gender),
      },
      ru: {
        first: first.ru,
        patronymic: withPatronymic ? patronymicOf(father, 'ru', gender) : null,
        surname: surnameOf(surname, 'ru', gender),
      },
    };
    const order = random() < 0.6 ? 'first-last' : 'last-first';
    const names: SyntheticName[] = [
      { text: cyrillicText(parts.be, order), script: 'Cyrl', language: 'be', system: null, isPrimary: true },
      { text: cyrillicText(parts.ru, order), script: 'Cyrl', language: 'ru', system: null, isPrimary: false },
      {
        text: romanize(firstLast(parts.be), 'be', 'press-passport'),
        script: 'Latn',
        language: 'en',
        system: 'press-passport',
        isPrimary: false,
      },
    ];
    const second = random();
    if (second < 0.3) {
      names.push({
        text: romanize(firstLast(parts.ru), 'ru', 'wikipedia'),
        script: 'Latn',
        language: 'en',
        system: 'wikipedia',
        isPrimary: false,
      });
    } else if (second < 0.45) {
      names.push({
        text: romanize(firstLast(parts.be), 'be', 'national-2007'),
        script: 'Latn',
        language: 'en',
        system: 'national-2007',
        isPrimary: false,
      });
    }
    yield { id: syntheticId(index, random), gender, parts, order, names };
  }
}
