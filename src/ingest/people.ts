import { withLetters } from './letters.js';
import { CASES, type Gender, declineName, nominativeCandidates } from '../names/case-forms.js';
import { FIRST_NAME_GROUPS, firstNameGroupKeys } from '../names/first-names.js';
import { detectCyrillicLanguage } from '../names/script.js';
import type { NameLanguage } from '../names/systems.js';
import type { ArticleLanguage } from './language.js';

/**
 * Person mentions: runs of two or three capitalised name words in one script ("Ales Bialiatski",
 * "Марии Колесниковой"), cut at words that are capitalised for another reason (places, months,
 * organisations, titles). Russian and Belarusian mentions come with the nominatives their case
 * forms may stand for, which is what the registry stores and the name search is asked.
 */
export interface PersonMention {
  start: number;
  end: number;
  /** As written in the text. */
  text: string;
  /** The name in the nominative, as it would be recorded (the text itself for Latin names). */
  name: string;
  script: 'Latn' | 'Cyrl';
  /** What to ask the cross-script search, best guess first. */
  queries: string[];
}

const NOT_NAMES = new Set(
  `
the a an on in at by for of to from and or but as he she it they we his her their this that these those
after before when while with without during since until about over under there here then than also
monday tuesday wednesday thursday friday saturday sunday january february march april may june july
august september october november december belarus belarusian belarusians minsk lithuania lithuanian
vilnius poland polish warsaw ukraine ukrainian kyiv russia russian moscow united states america american
washington european union eu germany german latvia riga britain british france french usa us u.s
president minister ministry embassy envoy special state department court supreme regional district
city prosecutor office committee kgb police nobel peace prize laureate human rights centre center
viasna vyasna memorial ovd-info reuters afp ap tass belta interfax radio free europe liberty rfe/rl
article articles part criminal code colony prison penal correctional facility no. number new old
political prisoners prisoner journalist journalists activist opposition leader lawyer former chief
editor analyst spokesman spokeswoman spokesperson sources source statement thursday's friday's
mr mrs ms dr sir madam judge investigator envoy ambassador general gomel homel grodno hrodna brest vitebsk viciebsk mogilev mahiliou
babruisk bobruisk navapolatsk novopolotsk zhodzina shklou orsha baranovichi
tsikhanouskaya lukashenko trump coale putin biden rubio kellogg
belavia belaruskali potash
white house kremlin twitter telegram x facebook instagram youtube
christmas easter covid day independence victory freedom constitution день независимости победы конституции дзень незалежнасці перамогі
в на по с со к о об от из за для до при про после перед когда как что он она они мы его её их этот эта
это эти тот та те также ещё уже и а но или же ли бы не ни
понедельник вторник среда четверг пятница суббота воскресенье январь февраль март апрель май июнь
июль август сентябрь октябрь ноябрь декабрь
беларусь белоруссия беларуси белоруссии минск минске литва литву литве вильнюс вильнюсе польша польшу
польше варшава украина россия москва сша соединенные соединённые штаты европейский союз евросоюз ес германия
латвия
президент министр судья адвокат следователь посол министерство посольство посланник госдепартамент суд верховный областной районный
городской прокуратура прокурор кгб милиция гувд гуубопик мвд нобелевская нобелевский премия лауреат
правозащитный центр вясна мемориал овд-инфо рейтер тасс белта интерфакс радио свобода
статья статьи статье ч часть уголовный кодекс ук колония тюрьма исправительная
лукашенко тихановская трамп коул путин байден
белавиа беларуськалий
пц правозащитники
у ў ад да пры пра пасля перад калі як што ён яна яны мы яго яе іх гэты гэта
беларусі мінск мінску літва літву літве вільня вільні польшча польшчу
прэзідэнт міністр суддзя адвакат пасольства суд вярхоўны абласны раённы гарадскі пракуратура міліцыя
праваабарончы цэнтр радыё свабода артыкул артыкула частка кодэкс калонія турма лукашэнка
`
    .split(/\s+/)
    .filter(Boolean),
);

const NAME_WORD = withLetters(/^(?:\p{Lu}[\p{Ll}'’ʼ]+(?:-\p{Lu}[\p{Ll}'’ʼ]+)?)$/u);

function scriptOf(word: string): 'Latn' | 'Cyrl' | null {
  if (/^[\p{Script=Cyrillic}'’ʼ-]+$/u.test(word)) return 'Cyrl';
  if (/^[\p{Script=Latin}'’ʼ-]+$/u.test(word)) return 'Latn';
  return null;
}

const FEMININE_FIRST = /[ая]$/u;
const MASCULINE_A_NAMES = /^(илья|ілля|никита|мікіта|кузьма|фома|лука)$/u;

function genderOfFirstName(name: string): Gender {
  const lower = name.toLowerCase();
  return FEMININE_FIRST.test(lower) && !MASCULINE_A_NAMES.test(lower) ? 'f' : 'm';
}

/** First names exactly as listed (Анна, not the Анн a declension table can also read "Анну" as). */
const LISTED_FIRST_NAMES: ReadonlySet<string> = new Set(
  FIRST_NAME_GROUPS.flatMap((group) => group.names.map((name) => name.toLowerCase())),
);

const NOMINATIVE_SURNAME: Readonly<Record<Gender, RegExp>> = {
  f: /(?:а|я|о|их|ых|ук|юк|ко|ич|іч|ь|ян|ен)$/u,
  m: /(?:[бвгджзклмнпрстфхцчшщў]|ий|ый|ой|ь|о|их|ых|ко|і|ы|й)$/u,
};

/** Endings that mark a surname as declined, not as written in a passport. */
const OBLIQUE_SURNAME: Readonly<Record<Gender, RegExp>> = {
  f: /(?:ой|ую|ей|ого|ому|ым|им|(?:ов|ев|ин|ын)ая|ай|ага|аму)$/u,
  m: /(?:ого|его|ому|ему|ым|им|ыми|ими|ага|яга|аму|ым)$/u,
};

function combinations(lists: readonly (readonly string[])[], limit: number): string[][] {
  let combos: string[][] = [[]];
  for (const options of lists) {
    combos = combos.flatMap((prefix) => options.map((option) => [...prefix, option])).slice(0, limit);
  }
  return combos;
}

const readings = new Map<string, { name: string; queries: string[] }>();

/** Articles repeat names, and reading one is the costly part of finding mentions: keep them. */
function cyrillicReading(
  words: readonly string[],
  text: string,
  articleLanguage: ArticleLanguage | undefined,
): { name: string; queries: string[] } {
  const key = `${articleLanguage ?? ''}|${text}`;
  let reading = readings.get(key);
  if (!reading) {
    if (readings.size > 10_000) readings.clear();
    reading = readCyrillic(words, text, articleLanguage);
    readings.set(key, reading);
  }
  return reading;
}

/**
 * The nominative a declined mention stands for: of every reading its words allow, one that our
 * declension of it gives back the mention in some case, with a known first name whose gender
 * agrees ("Анну Тестову" → Анна Тестова, not Анн Тестов).
 */
function readCyrillic(
  words: readonly string[],
  text: string,
  articleLanguage: ArticleLanguage | undefined,
): { name: string; queries: string[] } {
  const preferred: NameLanguage =
    articleLanguage === 'be' || articleLanguage === 'ru' ? articleLanguage : detectCyrillicLanguage(text);
  const languages: readonly NameLanguage[] = preferred === 'be' ? ['be', 'ru'] : ['ru', 'be'];
  const alternatives = words.map((word, i) =>
    nominativeCandidates(word, { kind: i === 0 && words.length > 1 ? 'first' : 'surname' }).slice(0, 4),
  );
  const firstOptions = alternatives[0] ?? [];
  const knownFirstOptions = firstOptions.filter((option) => firstNameGroupKeys(option).length > 0);
  if (words.length > 1 && knownFirstOptions.length > 0) alternatives[0] = knownFirstOptions;
  const asWritten = words.join(' ');
  let best: { name: string; score: number } = { name: asWritten, score: -1 };
  for (const combo of combinations(alternatives, 64)) {
    const name = combo.join(' ');
    const first = combo[0] ?? '';
    const knownFirst = words.length > 1 && firstNameGroupKeys(first).length > 0;
    for (const gender of ['f', 'm'] as const) {
      const fits =
        name === asWritten ||
        languages.some((language) => {
          const forms = declineName(name, { language, gender });
          return CASES.some((c) => forms[c].includes(asWritten));
        });
      const native =
        name !== asWritten &&
        CASES.some((c) => declineName(name, { language: preferred, gender })[c].includes(asWritten));
      if (!fits) continue;
      const agrees = words.length > 1 && genderOfFirstName(first) === gender;
      const listed = words.length > 1 && LISTED_FIRST_NAMES.has(first.toLowerCase());
      const surnames = combo.slice(words.length > 1 ? 1 : 0);
      const plausible = surnames.every(
        (word) =>
          NOMINATIVE_SURNAME[gender].test(word.toLowerCase()) &&
          !OBLIQUE_SURNAME[gender].test(word.toLowerCase()),
      );
      const score =
        (knownFirst ? 4 : 0) +
        (listed ? 3 : 0) +
        (agrees ? 2 : 0) +
        (plausible ? 2 : 0) +
        (name === asWritten ? 1 : 0) +
        (native ? 0.5 : 0) -
        // Belarusian writes a final в after a vowel as ў: "Шаблонава" is Шаблонаў, not Шаблонав.
        (preferred === 'be' && combo.some((word) => /[аеёіоуыэюя]в$/iu.test(word)) ? 1 : 0);
      if (score > best.score) best = { name, score };
    }
  }
  const queries = [best.name, asWritten, ...combinations(alternatives, 12).map((combo) => combo.join(' '))];
  return { name: best.name, queries: [...new Set(queries)].slice(0, 12) };
}

const NAME_TOKEN = withLetters(/[\p{L}'’ʼ.-]+/gu);

export function findPersonMentions(text: string, language?: ArticleLanguage): PersonMention[] {
  const mentions: PersonMention[] = [];
  const words = [...text.matchAll(NAME_TOKEN)].map((match) => ({
    text: match[0].replace(/[.'’ʼ-]+$/u, ''),
    start: match.index,
  }));
  let run: { text: string; start: number }[] = [];
  const flush = () => {
    if (run.length >= 2 && run.length <= 4) {
      const scripts = new Set(run.map((word) => scriptOf(word.text)));
      const first = run[0];
      const last = run[run.length - 1];
      if (scripts.size === 1 && first && last) {
        const script = scripts.has('Cyrl') ? 'Cyrl' : 'Latn';
        const start = first.start;
        const end = last.start + last.text.length;
        const asWritten = text.slice(start, end);
        const reading =
          script === 'Cyrl'
            ? cyrillicReading(
                run.map((word) => word.text),
                asWritten,
                language,
              )
            : { name: asWritten, queries: [asWritten] };
        mentions.push({ start, end, text: asWritten, name: reading.name, script, queries: reading.queries });
      }
    }
    run = [];
  };
  for (const [index, word] of words.entries()) {
    const previous = words[index - 1];
    const adjacent =
      previous !== undefined &&
      /^[ \u00a0]+$/.test(text.slice(previous.start + previous.text.length, word.start));
    // "в Бресте Павла Примерова": a capitalised word in the locative after в/у is a place.
    const place =
      previous !== undefined &&
      /^(?:в|во|у|ў)$/iu.test(previous.text) &&
      /[еі]$/u.test(word.text) &&
      scriptOf(word.text) === 'Cyrl';
    const isName =
      !place &&
      NAME_WORD.test(word.text) &&
      !NOT_NAMES.has(word.text.toLowerCase()) &&
      scriptOf(word.text) !== null;
    if (!isName || (!adjacent && run.length > 0)) flush();
    if (isName) run.push(word);
  }
  flush();
  return mentions;
}
