import { describe, expect, it } from 'vitest';
import { canRomanize, profileIds, romanize, romanizeAll, romanizeWithProfile } from './romanize.js';
import { SYSTEMS_BY_LANGUAGE, type RomanizationSystem } from './systems.js';

/** Rows of [Cyrillic, expected Latin] checked against romanization.md letter by letter. */
type Rows = readonly (readonly [string, string])[];

function checkRows(language: 'be' | 'ru', system: RomanizationSystem, rows: Rows): void {
  describe(`${language} ${system}`, () => {
    it.each(rows)('%s → %s', (cyrillic, latin) => {
      expect(romanize(cyrillic, language, system)).toBe(latin);
    });
  });
}

// Belarusian. Legend of the table: a/b = after a consonant / word-initially or after a vowel, ў, ь, ’.
checkRows('be', 'national-2007', [
  ['га', 'ha'],
  ['ґа', 'ga'],
  ['джа', 'dža'],
  ['дза', 'dza'],
  ['бе', 'bie'],
  ['е', 'je'],
  ['ае', 'aje'],
  ['аўе', 'aŭje'],
  ["з'е", 'zje'],
  ['бё', 'bio'],
  ['ё', 'jo'],
  ['жа', 'ža'],
  ['зь', 'ź'],
  ['і', 'i'],
  ['ай', 'aj'],
  ['ль', 'ĺ'],
  ['нь', 'ń'],
  ['сь', 'ś'],
  ['аў', 'aŭ'],
  ['ха', 'cha'],
  ['ца', 'ca'],
  ['ць', 'ć'],
  ['ча', 'ča'],
  ['ша', 'ša'],
  ['ы', 'y'],
  ['бь', 'b'],
  ['э', 'e'],
  ['бю', 'biu'],
  ['ю', 'ju'],
  ['бя', 'bia'],
  ['я', 'ja'],
  ["з'я", 'zja'],
  ['дзь', 'dź'],
]);

checkRows('be', 'national-2023', [
  ['га', 'ga'],
  ['джа', 'dzha'],
  ['дза', 'dza'],
  ['бе', 'bie'],
  ['е', 'je'],
  ['бё', 'bio'],
  ['ё', 'jo'],
  ['жа', 'zha'],
  ['ай', 'aj'],
  ['ль', 'l'],
  ['аў', 'aw'],
  ['ха', 'ha'], // unconfirmed in romanization.md
  ['ца', 'ca'],
  ['ча', 'cha'],
  ['ша', 'sha'],
  ['шча', 'shcha'],
  ['бю', 'biu'],
  ['ю', 'ju'],
  ['бя', 'bia'],
  ['я', 'ja'],
  // Examples from the decree coverage.
  ["Вераб'ёвічы", 'Vierabjovichy'],
  ['Сафіеўка', 'Safijewka'],
  ['Татаршчына', 'Tatarshchyna'],
  ['Улукаўе', 'Ulukawje'],
  ['Шаркаўшчына', 'Sharkawshchyna'],
  ['Жажэлка', 'Zhazhelka'],
  ['Дзедаў Курган', 'Dziedaw Kurgan'],
]);

checkRows('ru', 'national-2023', [
  ['Чайчицы', 'Chajchicy'],
  ['Шалашино', 'Shalashino'],
]);

checkRows('be', 'press-passport', [
  ['га', 'ha'],
  ['ґа', 'ga'],
  ['джа', 'dzha'],
  ['дза', 'dza'],
  ['бе', 'be'],
  ['е', 'e'],
  ['бё', 'bio'],
  ['ё', 'io'],
  ['жа', 'zha'],
  ['ай', 'ai'],
  ['ль', 'l'],
  ['аў', 'au'],
  ['ха', 'kha'],
  ['ца', 'tsa'],
  ['ча', 'cha'],
  ['ша', 'sha'],
  ['ы', 'y'],
  ['э', 'e'],
  ['бю', 'biu'],
  ['ю', 'iu'],
  ['бя', 'bia'],
  ['я', 'ia'],
  ["з'я", 'zia'],
]);

checkRows('be', 'bgn-pcgn', [
  ['га', 'ha'],
  ['джа', 'dzha'],
  ['бе', 'bye'],
  ['е', 'ye'],
  ['бё', 'byo'],
  ['жа', 'zha'],
  ['ай', 'ay'],
  ['ль', 'l’'],
  ['аў', 'aw'],
  ['ха', 'kha'],
  ['ца', 'tsa'],
  ['ча', 'cha'],
  ['ша', 'sha'],
  ['э', 'e'],
  ['бю', 'byu'],
  ['бя', 'bya'],
  ["з'я", 'z”ya'],
]);

checkRows('be', 'iso-9', [
  ['га', 'ga'],
  ['ґа', 'g̀a'],
  ['джа', 'dža'],
  ['бе', 'be'],
  ['бё', 'bë'],
  ['жа', 'ža'],
  ['і', 'ì'],
  ['ай', 'aj'],
  ['ль', 'lʹ'],
  ['аў', 'aŭ'],
  ['ха', 'ha'],
  ['ца', 'ca'],
  ['ча', 'ča'],
  ['ша', 'ša'],
  ['э', 'è'],
  ['бю', 'bû'],
  ['бя', 'bâ'],
  ["з'я", 'z’â'],
]);

checkRows('be', 'ala-lc', [
  ['га', 'ha'],
  ['джа', 'dzha'],
  ['бе', 'be'],
  ['бё', 'bio'],
  ['жа', 'zha'],
  ['ай', 'aĭ'],
  ['ль', 'lʹ'],
  ['аў', 'aŭ'],
  ['ха', 'kha'],
  ['ца', 'tsa'],
  ['ча', 'cha'],
  ['э', 'ė'],
  ['бю', 'biu'],
  ['бя', 'bia'],
  ["з'я", 'zia'],
]);

checkRows('be', 'lacinka', [
  ['га', 'ha'],
  ['джа', 'dža'],
  ['бе', 'bie'],
  ['е', 'je'],
  ['бё', 'bio'],
  ['ё', 'jo'],
  ['жа', 'ža'],
  ['ай', 'aj'],
  ['ла', 'ła'],
  ['лы', 'ły'],
  ['ле', 'le'],
  ['лё', 'lo'],
  ['лю', 'lu'],
  ['ля', 'la'],
  ['лі', 'li'],
  ['ль', 'l'],
  ['лля', 'lla'],
  ['зь', 'ź'],
  ['нь', 'ń'],
  ['сь', 'ś'],
  ['ць', 'ć'],
  ['аў', 'aŭ'],
  ['ха', 'cha'],
  ['ца', 'ca'],
  ['ча', 'ča'],
  ['ша', 'ša'],
  ['бя', 'bia'],
  ['я', 'ja'],
  ["з'я", 'zja'],
  ["сям'і", 'siamji'],
  ['Касьян', 'Kaśjan'],
]);

// Russian.
checkRows('ru', 'bgn-pcgn', [
  ['га', 'ga'],
  ['бе', 'be'],
  ['е', 'ye'],
  ['ае', 'aye'],
  ['бье', 'b’ye'],
  ['бё', 'bë'],
  ['ё', 'yë'],
  ['жа', 'zha'],
  ['ай', 'ay'],
  ['ха', 'kha'],
  ['ца', 'tsa'],
  ['ча', 'cha'],
  ['ша', 'sha'],
  ['ща', 'shcha'],
  ['объ', 'ob”'],
  ['ы', 'y'],
  ['бь', 'b’'],
  ['э', 'e'],
  ['ю', 'yu'],
  ['я', 'ya'],
  ['Юрий', 'Yuriy'],
  ['Навальный', 'Naval’nyy'],
]);

checkRows('ru', 'icao-9303', [
  ['га', 'ga'],
  ['е', 'e'],
  ['ё', 'e'],
  ['жа', 'zha'],
  ['ай', 'ai'],
  ['ха', 'kha'],
  ['ца', 'tsa'],
  ['ща', 'shcha'],
  ['подъезд', 'podieezd'],
  ['бь', 'b'],
  ['ю', 'iu'],
  ['я', 'ia'],
  ['Юрий', 'Iurii'],
  ['Навальный', 'Navalnyi'],
]);

checkRows('ru', 'iso-9', [
  ['га', 'ga'],
  ['ё', 'ë'],
  ['жа', 'ža'],
  ['ай', 'aj'],
  ['ха', 'ha'],
  ['ца', 'ca'],
  ['ча', 'ča'],
  ['ша', 'ša'],
  ['ща', 'ŝa'],
  ['объ', 'obʺ'],
  ['бь', 'bʹ'],
  ['э', 'è'],
  ['ю', 'û'],
  ['я', 'â'],
  ['Юрий', 'Ûrij'],
  ['Навальный', 'Navalʹnyj'],
]);

checkRows('ru', 'ala-lc', [
  ['ё', 'ë'],
  ['жа', 'zha'],
  ['ай', 'aĭ'],
  ['ха', 'kha'],
  ['ца', 'tsa'],
  ['ща', 'shcha'],
  ['объ', 'obʺ'],
  ['бь', 'bʹ'],
  ['э', 'ė'],
  ['ю', 'iu'],
  ['я', 'ia'],
  ['Юрий', 'Iuriĭ'],
]);

checkRows('ru', 'wikipedia', [
  ['Ельцин', 'Yeltsin'],
  ['бе', 'be'],
  ['ае', 'aye'],
  ['Фёдор', 'Fyodor'],
  ['Горбачёв', 'Gorbachov'],
  ['ай', 'ay'],
  ['ха', 'kha'],
  ['ца', 'tsa'],
  ['ща', 'shcha'],
  ['объ', 'ob'],
  ['бь', 'b'],
  ['Ильин', 'Ilyin'],
  ['ю', 'yu'],
  ['я', 'ya'],
  ['Юрий', 'Yury'],
  ['Достоевский', 'Dostoyevsky'],
  ['Навальный', 'Navalny'],
]);

checkRows('ru', 'mvd-310', [
  ['е', 'e'],
  ['ё', 'e'],
  ['ай', 'ay'],
  ['ха', 'kha'],
  ['ца', 'tsa'],
  ['ща', 'shcha'],
  ['объ', 'ob"'],
  ['бь', "b'"],
  ['ю', 'yu'],
  ['я', 'ya'],
  ['Юрий', 'Yuriy'],
]);

checkRows('ru', 'german', [
  ['Алексей Навальный', 'Alexej Nawalny'],
  ['Владимир Кара-Мурза', 'Wladimir Kara-Mursa'],
  ['Илья Яшин', 'Ilja Jaschin'],
  ['Светлана Тихановская', 'Swetlana Tichanowskaja'],
  ['Николай', 'Nikolai'],
  ['Юрий', 'Juri'],
  ['Чанышева', 'Tschanyschewa'],
  ['Щиракова', 'Schtschirakowa'],
  ['Жуков', 'Shukow'], // "sh" for ж as romanization.md gives; Duden's "sch" is an alternate
]);

checkRows('be', 'german', [
  ['Алесь Бяляцкі', 'Ales Bjaljazki'],
  ['Святлана Ціханоўская', 'Swjatlana Zichanouskaja'],
  ['Марыя Калеснікава', 'Maryja Kalesnikawa'],
  ['Ігар Лосік', 'Ihar Lossik'],
  ['Мікола Статкевіч', 'Mikola Statkewitsch'],
]);

checkRows('ru', 'polish', [
  ['Алексей Навальный', 'Aleksiej Nawalny'],
  ['Владимир Кара-Мурза', 'Władimir Kara-Murza'],
  ['Илья Яшин', 'Ilja Jaszyn'],
  ['Светлана Тихановская', 'Swietłana Tichanowska'],
  ['Анджей Почобут', 'Andżej Poczobut'],
  ['Юрий', 'Jurij'],
  ['Щиракова', 'Szczyrakowa'],
]);

checkRows('be', 'polish', [
  ['Алесь Бяляцкі', 'Aleś Bialacki'],
  ['Святлана Ціханоўская', 'Swiatłana Cichanouska'],
  ['Сяргей Ціханоўскі', 'Siarhiej Cichanouski'],
  ['Віктар Бабарыка', 'Wiktar Babaryka'],
]);

checkRows('ru', 'french', [
  ['Алексей Навальный', 'Alexeï Navalny'],
  ['Владимир Кара-Мурза', 'Vladimir Kara-Mourza'],
  ['Илья Яшин', 'Ilia Iachine'],
  ['Светлана Тихановская', 'Svetlana Tikhanovskaïa'],
  ['Сергей', 'Sergueï'],
]);

checkRows('be', 'french', [['Святлана Ціханоўская', 'Sviatlana Tsikhanouskaïa']]);

describe('worked examples of romanization.md, row by row', () => {
  const rows = [
    {
      be: 'Алесь Бяляцкі',
      press: 'Ales Bialiatski',
      national: 'Alieś Bialiacki',
      bgn: 'Alyes’ Byalyatski',
      lacinka: 'Aleś Bialacki',
      ru: 'Алесь Беляцкий',
      ruForms: {
        'bgn-pcgn': 'Ales’ Belyatskiy',
        'icao-9303': 'Ales Beliatskii',
        wikipedia: 'Ales Belyatsky',
      },
    },
    {
      be: 'Марыя Калеснікава',
      press: 'Maryia Kalesnikava',
      national: 'Maryja Kaliesnikava',
      bgn: 'Maryya Kalyesnikava',
      lacinka: 'Maryja Kalesnikava',
      ru: 'Мария Колесникова',
      ruForms: { 'bgn-pcgn': 'Mariya Kolesnikova', 'icao-9303': 'Mariia Kolesnikova' },
    },
    {
      be: 'Святлана Ціханоўская',
      press: 'Sviatlana Tsikhanouskaia',
      national: 'Sviatlana Cichanoŭskaja',
      bgn: 'Svyatlana Tsikhanowskaya',
      lacinka: 'Sviatłana Cichanoŭskaja',
      ru: 'Тихановская',
      ruForms: { 'bgn-pcgn': 'Tikhanovskaya', 'icao-9303': 'Tikhanovskaia' },
    },
    {
      be: 'Мікалай Дзядок',
      press: 'Mikalai Dziadok',
      national: 'Mikalaj Dziadok',
      bgn: 'Mikalay Dzyadok',
      lacinka: 'Mikałaj Dziadok',
      ru: 'Николай Дедок',
      ruForms: { 'bgn-pcgn': 'Nikolay Dedok', 'icao-9303': 'Nikolai Dedok' },
    },
  ] as const;

  it.each(rows)('$be', (row) => {
    expect(romanize(row.be, 'be', 'press-passport')).toBe(row.press);
    expect(romanize(row.be, 'be', 'national-2007')).toBe(row.national);
    expect(romanize(row.be, 'be', 'bgn-pcgn')).toBe(row.bgn);
    expect(romanize(row.be, 'be', 'lacinka')).toBe(row.lacinka);
    for (const [system, expected] of Object.entries(row.ruForms)) {
      expect(romanize(row.ru, 'ru', system as RomanizationSystem)).toBe(expected);
    }
  });

  it('gives the press -skaya next to the passport -skaia', () => {
    const texts = romanizeAll('Святлана Ціханоўская', 'be').map((r) => r.text);
    expect(texts).toContain('Sviatlana Tsikhanouskaia');
    expect(texts).toContain('Sviatlana Tsikhanouskaya');
  });

  it('classical orthography Калесьнікава gives Kaleśnikava in Łacinka', () => {
    expect(romanize('Марыя Калесьнікава', 'be', 'lacinka')).toBe('Maryja Kaleśnikava');
  });
});

describe('capitalisation', () => {
  it('keeps Title case, with digraphs capitalised on their first letter', () => {
    expect(romanize('Жанна Шчыракова', 'be', 'press-passport')).toBe('Zhanna Shchyrakova');
    expect(romanize('Юрый', 'be', 'press-passport')).toBe('Iuryi');
    expect(romanize('Яўген', 'be', 'bgn-pcgn')).toBe('Yawhyen');
  });

  it('keeps ALL CAPS, including marks written on the previous letter', () => {
    expect(romanize('АЛЕСЬ БЯЛЯЦКІ', 'be', 'national-2007')).toBe('ALIEŚ BIALIACKI');
    expect(romanize('ЖАННА', 'ru', 'icao-9303')).toBe('ZHANNA');
    expect(romanize('ЦІХАНОЎСКАЯ', 'be', 'press-passport')).toBe('TSIKHANOUSKAIA');
  });

  it('treats a one-letter capital (an initial) as Title case', () => {
    expect(romanize('Ю. Зянковіч', 'be', 'press-passport')).toBe('Iu. Ziankovich');
  });

  it('capitalises each part of a hyphenated name', () => {
    expect(romanize('Шарэнда-Панасюк', 'be', 'press-passport')).toBe('Sharenda-Panasiuk');
  });
});

describe('apostrophe, soft sign and mixed input', () => {
  it('reads every apostrophe character as the Belarusian apostrophe', () => {
    for (const apostrophe of ["'", '’', 'ʼ']) {
      expect(romanize(`Соф${apostrophe}я`, 'be', 'national-2007')).toBe('Sofja');
    }
  });

  it('leaves a trailing apostrophe and non-Cyrillic text as they are', () => {
    expect(romanize("Лосік' (Ihar)", 'be', 'press-passport')).toBe("Losik' (Ihar)");
  });

  it('reads a Latin i typed inside a Cyrillic word as і', () => {
    expect(romanize('Калеснiкава', 'be', 'press-passport')).toBe('Kalesnikava');
  });

  it('omits the soft sign in passport spellings and keeps iotation after it', () => {
    expect(romanize('Ілья', 'be', 'press-passport')).toBe('Ilia');
    expect(romanize('Илья', 'ru', 'bgn-pcgn')).toBe('Il’ya');
    expect(romanize('Илья', 'ru', 'wikipedia')).toBe('Ilya');
  });
});

describe('romanizeAll', () => {
  it('covers every applicable system once per distinct text', () => {
    const all = romanizeAll('Марыя Калеснікава', 'be');
    const texts = all.map((r) => r.text);
    expect(new Set(texts).size).toBe(texts.length);
    for (const r of all) expect(SYSTEMS_BY_LANGUAGE.be).toContain(r.system);
    expect(all[0]).toEqual({ system: 'press-passport', text: 'Maryia Kalesnikava' });
    expect(all).toContainEqual({ system: 'national-2007', text: 'Maryja Kaliesnikava' });
    // German and Polish press agree here; the text is credited to the first in the list.
    expect(all).toContainEqual({ system: 'german', text: 'Maryja Kalesnikawa' });
  });

  it('includes the passport and press alternates', () => {
    const texts = romanizeAll('Яўген Аляксандраў', 'be').map((r) => r.text);
    expect(texts).toEqual(
      expect.arrayContaining(['Iauhen Aliaksandrau', 'Yauhen Aliaksandrau', 'Yauhen Alyaksandrau']),
    );
    expect(romanizeAll('Мікалай', 'be').map((r) => r.text)).toEqual(
      expect.arrayContaining(['Mikalai', 'Mikalay', 'Mikalaj']),
    );
    expect(romanizeAll('Дзмітрый', 'be').map((r) => r.text)).toEqual(
      expect.arrayContaining(['Dzmitryi', 'Dzmitry']),
    );
  });

  it('includes the English press habits for Russian names', () => {
    const texts = romanizeAll('Алексей Навальный', 'ru').map((r) => r.text);
    expect(texts).toEqual(expect.arrayContaining(['Aleksey Navalny', 'Alexei Navalny', 'Aleksei Navalnyi']));
    expect(romanizeAll('Юрий', 'ru').map((r) => r.text)).toEqual(
      expect.arrayContaining(['Yury', 'Yuri', 'Iurii']),
    );
  });

  it('credits a text to the system whose main table gives it before any variant', () => {
    const kaliesnikava = romanizeAll('Калеснікава', 'be').find((r) => r.text === 'Kaliesnikava');
    expect(kaliesnikava?.system).toBe('national-2007');
  });
});

describe('systems without a table', () => {
  it('throws for a system that does not apply to the language', () => {
    expect(() => romanize('Алесь', 'be', 'wikipedia')).toThrow(RangeError);
    expect(() => romanize('Алексей', 'ru', 'lacinka')).toThrow(RangeError);
    expect(() => romanize('Алесь', 'be', 'other')).toThrow(RangeError);
    expect(canRomanize('ru', 'lacinka')).toBe(false);
    expect(canRomanize('be', 'other')).toBe(false);
  });

  it('maps passport systems across languages: ICAO is the passport spelling', () => {
    expect(canRomanize('be', 'icao-9303')).toBe(true);
    expect(romanize('Мікалай', 'be', 'icao-9303')).toBe('Mikalai');
    expect(romanize('Николай', 'ru', 'press-passport')).toBe('Nikolai');
  });

  it('has a main profile first for every applicable system', () => {
    for (const language of ['be', 'ru'] as const) {
      for (const system of SYSTEMS_BY_LANGUAGE[language]) {
        expect(canRomanize(language, system)).toBe(true);
        expect(profileIds(language, system).length).toBeGreaterThan(0);
      }
    }
    expect(romanizeWithProfile('Бяляцкі', 'be', 'press-passport', 'press-ya')).toBe('Byalyatski');
  });
});
