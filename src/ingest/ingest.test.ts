import { describe, expect, it } from 'vitest';
import { AppError } from '../lib/errors.js';
import { readArticle } from './article.js';
import { findDates, localDayOf } from './dates.js';
import { extractFacts } from './extract.js';
import { MAX_ARTICLE_BYTES, decodeArticleBytes } from './input.js';
import { findNumbers } from './numbers.js';
import { findPersonMentions } from './people.js';
import { splitSentences } from './sentences.js';
import { findArticles, findTerms } from './terms.js';
import type { Extraction } from './types.js';

const minsk = { publishedOn: '2025-12-15', timeZone: 'UTC' };
const read = (text: string, published = '2025-12-15') =>
  readArticle(text, { published, timeZone: 'Europe/Minsk', today: published });
const ofKind = <K extends Extraction['kind']>(found: Extraction[], kind: K) =>
  found.filter((e): e is Extract<Extraction, { kind: K }> => e.kind === kind);

describe('reading input', () => {
  it('refuses empty, binary, non-UTF-8 and oversized input with a message naming the problem', () => {
    expect(() => decodeArticleBytes(new Uint8Array())).toThrow(/empty/);
    expect(() => decodeArticleBytes('  \n ')).toThrow(/empty/);
    expect(() => decodeArticleBytes(new Uint8Array([65, 0, 66]))).toThrow(/binary/);
    expect(() => decodeArticleBytes(new Uint8Array([0xff, 0xfe, 0x41]))).toThrow(/not UTF-8/);
    expect(() => decodeArticleBytes('a'.repeat(MAX_ARTICLE_BYTES + 1))).toThrow(/at most 5 MB/);
    try {
      decodeArticleBytes(new Uint8Array([0]));
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('validation_failed');
    }
  });

  it('reads HTML as text only: scripts and styles dropped, JSON-LD read as data, entities decoded', () => {
    const article = readArticle(
      `<!doctype html><html><head><title>Page title</title>
       <meta property="og:site_name" content="Synthetic News">
       <script type="application/ld+json">{"@type":"NewsArticle","headline":"Belarus frees 12","datePublished":"2025-12-13T22:30:00Z"}</script>
       <style>p{color:red}</style><script>alert('x')</script></head>
       <body><nav>Menu</nav><article><h1>Belarus frees 12</h1><p>Belarus released 12 prisoners on Saturday &amp; more.</p>
       <p onclick="evil()">Second <b>paragraph</b>.</p><script>document.write('<p>injected</p>')</script></article></body></html>`,
      { timeZone: 'Europe/Minsk', today: '2025-12-20' },
    );
    expect(article.format).toBe('html');
    expect(article.text).not.toMatch(/alert|evil|injected|color|Menu|<|>/);
    expect(article.text).toContain('Belarus released 12 prisoners on Saturday & more.');
    expect(article.title).toBe('Belarus frees 12');
    expect(article.publisher).toBe('Synthetic News');
    // 22:30 UTC on the 13th is already the 14th in Minsk.
    expect(article.publishedOn).toBe('2025-12-14');
    expect(article.publishedFrom).toBe('json-ld');
  });

  it('takes the publication day from meta, <time>, a dateline, by hand, or else today', () => {
    const meta = readArticle(
      '<html><head><meta property="article:published_time" content="2025-09-12T08:00:00+03:00"></head><body><p>Text.</p></body></html>',
      { timeZone: 'Europe/Minsk', today: '2025-12-20' },
    );
    expect([meta.publishedOn, meta.publishedFrom]).toEqual(['2025-09-12', 'meta']);
    const time = readArticle('<p>Text <time datetime="2025-06-21">Saturday</time>.</p>', {
      timeZone: 'Europe/Minsk',
      today: '2025-12-20',
    });
    expect([time.publishedOn, time.publishedFrom]).toEqual(['2025-06-21', 'time']);
    const dateline = readArticle('Headline\n\nMINSK, Dec 13 (Reuters) - Belarus released 123 prisoners.', {
      timeZone: 'Europe/Minsk',
      today: '2026-01-05',
    });
    expect([dateline.publishedOn, dateline.publishedFrom, dateline.publisher]).toEqual([
      '2025-12-13',
      'dateline',
      'Reuters',
    ]);
    const given = readArticle('<p>x</p>', {
      published: '2025-01-02',
      timeZone: 'Europe/Minsk',
      today: '2025-12-20',
    });
    expect(given.publishedFrom).toBe('given');
    expect(read('Nothing dated.', '2025-03-03').publishedOn).toBe('2025-03-03');
  });

  it('converts timestamps to the day in the country', () => {
    expect(localDayOf('2025-12-13T21:30:00Z', 'Europe/Minsk')).toBe('2025-12-14');
    expect(localDayOf('2025-12-13T20:30:00Z', 'Europe/Minsk')).toBe('2025-12-13');
    expect(localDayOf('not a date', 'Europe/Minsk')).toBeNull();
  });
});

describe('sentences, numbers, dates', () => {
  it('splits sentences with offsets, keeping abbreviations and initials inside', () => {
    const text =
      'Mr. A. Testau was freed on Dec. 13. Суд по ч. 1 ст. 342 приговорил его. Third one!\n\nHeadline';
    const sentences = splitSentences(text);
    expect(sentences.map((s) => s.text)).toEqual([
      'Mr. A. Testau was freed on Dec. 13.',
      'Суд по ч. 1 ст. 342 приговорил его.',
      'Third one!',
      'Headline',
    ]);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('reads numbers in digits with thousands separators and in words', () => {
    const values = (text: string) => findNumbers(text).map((n) => n.value);
    expect(values('1,150 and 1 110 and 52')).toEqual([1150, 1110, 52]);
    expect(values('fifty-two people, twelve more')).toEqual([52, 12]);
    expect(values('двенадцать человек, к четырём годам')).toEqual([12, 4]);
  });

  it('resolves dates against the publication day, preferring the past', () => {
    const dates = (text: string, language: 'en' | 'ru' | 'be' = 'en') =>
      findDates(text, language, minsk).map((d) => d.date);
    // 2025-12-15 is a Monday.
    expect(dates('on Saturday')).toEqual(['2025-12-13']);
    expect(dates('on Tuesday')).toEqual(['2025-12-09']);
    expect(dates('in November')).toEqual(['2025-11']);
    expect(dates('on December 20')).toEqual(['2024-12-20']);
    expect(dates('on 9 August 2020')).toEqual(['2020-08-09']);
    expect(dates('позавчера', 'ru')).toEqual(['2025-12-13']);
    expect(dates('в субботу', 'ru')).toEqual(['2025-12-13']);
    expect(dates('в ноябре', 'ru')).toEqual(['2025-11']);
    expect(dates('В понедельник', 'ru')).toEqual(['2025-12-15']);
    expect(dates('во вторник', 'ru')).toEqual(['2025-12-09']);
    expect(dates('учора і ў лістападзе', 'be')).toEqual(['2025-12-14', '2025-11']);
  });

  it('never reads a count as a year or a day', () => {
    const found = findDates('On 11 September 52 were freed', 'en', minsk);
    expect(found.map((d) => [d.date, d.text])).toEqual([['2025-09-11', 'On 11 September']]);
    expect(findDates('11 сентября 52 человека', 'ru', minsk).map((d) => d.date)).toEqual(['2025-09-11']);
    const [release] = ofKind(extractFacts(read('On 11 September 52 were freed.')), 'release_event');
    expect(release?.facts).toMatchObject({ count: 52, releasedOn: '2025-09-11' });
  });

  it('reads terms and criminal-code articles', () => {
    const months = (text: string) => findTerms(text).map((t) => t.months);
    expect(months('to four years')).toEqual([48]);
    expect(months('to three and a half years')).toEqual([42]);
    expect(months('to two years and six months')).toEqual([30]);
    expect(months('an eight-year term')).toEqual([96]);
    expect(months('к 4 годам и 6 месяцам')).toEqual([54]);
    expect(months('к полутора годам')).toEqual([18]);
    expect(months('к пяти годам')).toEqual([60]);
    expect(findArticles('under Part 3 of Article 361-1').map((a) => [a.part, a.number])).toEqual([
      ['3', '361-1'],
    ]);
    expect(findArticles('по ч. 1 ст. 342 УК').map((a) => [a.part, a.number])).toEqual([['1', '342']]);
    expect(findArticles('по статьям 342 и 361-1').map((a) => a.number)).toEqual(['342', '361-1']);
  });
});

describe('person mentions', () => {
  it('finds capitalised names in both scripts and cuts at places and titles', () => {
    const names = (text: string) => findPersonMentions(text).map((m) => [m.text, m.name]);
    expect(names('Nobel Peace Prize laureate Ales Bialiatski and Maria Kalesnikava in Minsk')).toEqual([
      ['Ales Bialiatski', 'Ales Bialiatski'],
      ['Maria Kalesnikava', 'Maria Kalesnikava'],
    ]);
    expect(names('Alexander Lukashenko pardoned them')).toEqual([]);
  });

  it('reads Russian case forms back to the nominative', () => {
    const names = (text: string) => findPersonMentions(text, 'ru').map((m) => m.name);
    expect(names('освобождение Алеся Беляцкого и Марии Колесниковой')).toEqual([
      'Алесь Беляцкий',
      'Мария Колесникова',
    ]);
    expect(names('задержали журналистку Анну Тестову')).toEqual(['Анна Тестова']);
    expect(names('суд над Игорем Лосиком')).toEqual(['Игорь Лосик']);
    const [mention] = findPersonMentions('приговорил Ивана Синтетикова', 'ru');
    expect(mention?.queries).toContain('Иван Синтетиков');
  });
});

describe('extraction', () => {
  const article = read(
    `Belarus frees 123 prisoners, including Ales Bialiatski, as US lifts sanctions

MINSK, Dec 13 (Reuters) - Belarus released 123 prisoners on Saturday, including Nobel laureate Ales Bialiatski and Maria Kalesnikava. The United States lifted sanctions on potash. Most of the freed were taken to Ukraine. Viasna said more than 1,100 political prisoners remain behind bars.`,
    '2025-12-13',
  );
  const found = extractFacts(article);

  it('folds the headline and the lead into one release with its count, date, people and destination', () => {
    const releases = ofKind(found, 'release_event');
    expect(releases).toHaveLength(1);
    const [release] = releases;
    expect(release?.facts).toMatchObject({
      count: 123,
      releasedOn: '2025-12-13',
      dateFrom: 'text',
      destinationCountry: 'UA',
      counterparts: ['United States'],
      mode: 'negotiated',
    });
    expect(release?.facts.people.map((p) => p.name)).toEqual(['Ales Bialiatski', 'Maria Kalesnikava']);
    expect(release?.evidence.alsoAt).toHaveLength(1);
  });

  it('carries evidence: the sentence, its offsets and a confidence', () => {
    for (const extraction of found) {
      expect(article.text.slice(extraction.evidence.start, extraction.evidence.end)).toBe(
        extraction.evidence.sentence,
      );
      expect(extraction.confidence).toBeGreaterThan(0);
      expect(extraction.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('reads concessions and published totals with their qualifier', () => {
    expect(ofKind(found, 'concession').map((c) => c.facts)).toEqual([
      { kind: 'sanctions_relief', target: 'potash', givenBy: 'United States', announcedOn: null },
    ]);
    expect(ofKind(found, 'count_observation').map((c) => c.facts)).toEqual([
      {
        organisation: 'Viasna',
        metric: 'held',
        count: 1100,
        qualifier: 'more_than',
        observedOn: '2025-12-13',
      },
    ]);
  });

  it('reads sentences and arrests in Russian', () => {
    const russian = extractFacts(
      read(
        'Суд приговорил Ивана Синтетикова к четырём годам колонии усиленного режима по ч. 1 ст. 342 УК. Позавчера в Минске задержали Анну Тестову.',
      ),
    );
    expect(
      ofKind(russian, 'sentence').map((s) => [s.facts.person.name, s.facts.months, s.facts.regime]),
    ).toEqual([['Иван Синтетиков', 48, 'strengthened']]);
    expect(ofKind(russian, 'sentence')[0]?.facts.articles).toEqual([{ number: '342', part: '1' }]);
    expect(ofKind(russian, 'arrest').map((a) => [a.facts.person.name, a.facts.detainedOn])).toEqual([
      ['Анна Тестова', '2025-12-13'],
    ]);
  });

  it('leaves out judges, prosecutors and lawyers named beside the prisoner', () => {
    const found = extractFacts(
      read(
        'Judge Ivan Sudzin sentenced Ihar Testovich to three years, lawyer Olga Zashchyta said on Friday.',
      ),
    );
    expect(ofKind(found, 'sentence').map((s) => s.facts.person.name)).toEqual(['Ihar Testovich']);
    const russian = extractFacts(read('Судья Иван Судьин приговорил Игоря Тестовича к трём годам.'));
    expect(ofKind(russian, 'sentence').map((s) => s.facts.person.name)).toEqual(['Игорь Тестович']);
  });

  it('proposes nothing for calls for release, denied relief, or an article without facts', () => {
    expect(extractFacts(read('Rights groups called for the release of 1,000 political prisoners.'))).toEqual(
      [],
    );
    expect(extractFacts(read('The EU said it had no plans to lift sanctions on potash.'))).toEqual([]);
    expect(extractFacts(read('The weather in Minsk was mild on Thursday.'))).toEqual([]);
  });

  it('tells a pardon from a deal, and falls back to the publication day when the text gives no date', () => {
    const [pardon] = ofKind(
      extractFacts(read('Lukashenko pardoned 25 people convicted of extremism.')),
      'release_event',
    );
    expect(pardon?.facts).toMatchObject({
      count: 25,
      mode: 'pardon',
      releasedOn: '2025-12-15',
      dateFrom: 'publication',
    });
    const [plain] = ofKind(extractFacts(read('Belarus released 7 prisoners on Friday.')), 'release_event');
    expect(plain?.facts).toMatchObject({ mode: 'other', releasedOn: '2025-12-12', dateFrom: 'text' });
    expect(pardon?.confidence).toBeLessThan(plain?.confidence ?? 0);
  });

  it('takes a part of the freed for what it is, not a second release', () => {
    const releases = ofKind(
      extractFacts(read('Belarus released 52 prisoners on Thursday. Among them were 14 foreign nationals.')),
      'release_event',
    );
    expect(releases.map((r) => r.facts.count)).toEqual([52]);
  });
});

describe('the wider vocabulary of releases and totals', () => {
  const releases = (text: string, published = '2025-12-15') =>
    ofKind(extractFacts(read(text, published)), 'release_event').map((e) => [
      e.facts.count,
      e.facts.releasedOn,
    ]);
  const totals = (text: string, published = '2025-12-15') =>
    ofKind(extractFacts(read(text, published)), 'count_observation').map((e) => [
      e.facts.metric,
      e.facts.count,
      e.facts.observedOn,
    ]);

  it.each([
    ['Nine political prisoners were let go on Thursday.', 9, '2025-12-11'],
    ['Seven more were set free on Friday, relatives said.', 7, '2025-12-12'],
    ['На свободу вышли 20 политзаключённых, сообщила «Весна».', 20, '2025-12-15'],
    ['В воскресенье отпустили 6 политзаключённых.', 6, '2025-12-14'],
    ['Отпущены 5 человек, осуждённых по политическим статьям.', 5, '2025-12-15'],
    ['У чацвер на волю выйшлі 5 палітвязняў.', 5, '2025-12-11'],
    ['Улады выпусцілі 4 палітвязняў у пятніцу.', 4, '2025-12-12'],
  ])('reads a release in “%s”', (text, count, date) => {
    expect(releases(text)).toEqual([[count, date]]);
  });

  it.each([
    ['The number of political prisoners in Belarus stands at 1,134, according to Viasna.', 'held', 1134],
    ['The number of political prisoners has fallen to 1,099, Viasna said.', 'held', 1099],
    ['Viasna said the number of political prisoners stood at almost 1,231.', 'held', 1231],
    ['По данным «Весны», число политзаключённых составляет 1 118 человек.', 'held', 1118],
    ['Количество политзаключённых достигло 1 152, сообщает «Весна».', 'held', 1152],
    ['Паводле «Вясны», колькасць палітвязняў складае 1 098 чалавек.', 'held', 1098],
    ['«Вясна» сообщает, что политзаключёнными сейчас признаны 1 127 человек.', 'held', 1127],
    ['«Весна» признала политзаключёнными ещё 14 человек.', 'new_recognitions', 14],
    ['«Вясна» в ноябре признала политзаключёнными 33 человека.', 'new_recognitions', 33],
  ])('reads a published total in “%s”', (text, metric, count) => {
    expect(totals(text).map(([m, c]) => [m, c])).toEqual([[metric, count]]);
  });

  it('reads two totals of one sentence each by its own words, dated by its own period', () => {
    expect(
      totals(
        'The number of political prisoners stands at 1,134, according to Viasna, which added 27 people to its list last month.',
        '2025-11-18',
      ),
    ).toEqual([
      ['held', 1134, '2025-11-18'],
      ['new_recognitions', 27, '2025-10'],
    ]);
    expect(
      totals('На прошлой неделе «Весна» признала политзаключёнными ещё 14 человек.', '2025-12-03'),
    ).toEqual([['new_recognitions', 14, '2025-11']]);
  });

  it('reads “jailed X for five years” as a sentence, and never a term served as a new one', () => {
    const found = extractFacts(
      read('A court in Viciebsk jailed Synthetic Testava for five years on Wednesday, Viasna said.'),
    );
    expect(
      ofKind(found, 'sentence').map((e) => [e.facts.person.name, e.facts.months, e.facts.verdictOn]),
    ).toEqual([['Synthetic Testava', 60, '2025-12-10']]);
    const served = extractFacts(read('Synthetic Testava was let go on Monday after serving four years.'));
    expect(ofKind(served, 'sentence')).toEqual([]);
  });
});

describe('ages, facility numbers, follow-up sentences and the day before', () => {
  it('never reads an age as a term, nor a colony’s number as a count', () => {
    expect(
      findTerms('sentenced Synthetic Testau, a 34-year-old engineer, to three and a half years'),
    ).toEqual([expect.objectContaining({ months: 42 })]);
    expect(findTerms('Synthetic Testau, 52 years old, was detained')).toEqual([]);
    const freed = extractFacts(
      read('Вчера из исправительной колонии №15 вышли на свободу 6 политзаключённых.'),
    );
    expect(ofKind(freed, 'release_event').map((e) => e.facts.count)).toEqual([6]);
    const colony = extractFacts(read('Synthetic Testau walked free from Penal Colony No. 4 on Monday.'));
    expect(ofKind(colony, 'release_event').map((e) => e.facts.count)).toEqual([null]);
  });

  it('reads “N of them are still behind bars” as held, apart from the total recognised since a year', () => {
    const found = extractFacts(
      read(
        'More than 4,000 people have been recognised as political prisoners since 2020, according to Viasna, and 1,180 of them are still behind bars.',
      ),
    );
    expect(ofKind(found, 'count_observation').map((e) => [e.facts.metric, e.facts.count])).toEqual([
      ['recognised_total', 4000],
      ['held', 1180],
    ]);
  });

  it('dates a verdict by the sentence that follows it, and “накануне” as the day before', () => {
    const verdict = extractFacts(
      read(
        'Суд приговорил блогера Дениса Тестова к шести годам колонии. Приговор вынесен во вторник.',
        '2025-02-26',
      ),
    );
    expect(ofKind(verdict, 'sentence').map((e) => [e.facts.months, e.facts.verdictOn])).toEqual([
      [72, '2025-02-25'],
    ]);
    expect(findDates('Освобождённые накануне 18 граждан.', 'ru', minsk).map((d) => d.date)).toEqual([
      '2025-12-14',
    ]);
    expect(findDates('Их помиловали накануне.', 'ru', minsk).map((d) => d.date)).toEqual(['2025-12-14']);
    expect(findDates('Их помиловали накануне Дня независимости.', 'ru', minsk)).toEqual([]);
  });

  it('takes no holiday for a person', () => {
    const found = extractFacts(read('Belarus pardoned 16 people on Tuesday, a day before Independence Day.'));
    expect(ofKind(found, 'release_event')[0]?.facts.people).toEqual([]);
  });
});

describe('reported days, relative days, asides and the topic of a total', () => {
  const facts = (text: string, published = '2025-12-15') => extractFacts(read(text, published));

  it('dates a release by the sentence after it, never by the day it was reported', () => {
    const found = facts(
      'Belarus has released 21 political prisoners, Viasna said on Friday. They were freed on Wednesday from two colonies.',
      '2025-04-11',
    );
    expect(ofKind(found, 'release_event').map((e) => [e.facts.count, e.facts.releasedOn])).toEqual([
      [21, '2025-04-09'],
    ]);
  });

  it('dates “a day after” by the other day of the sentence, and never reads it against the publication', () => {
    const found = facts(
      'Washington eased sanctions on Belaruskali, the potash producer, on Monday, a day after Minsk freed 16 prisoners.',
      '2025-09-23',
    );
    expect(ofKind(found, 'release_event').map((e) => e.facts.releasedOn)).toEqual(['2025-09-21']);
    expect(ofKind(found, 'concession').map((e) => e.facts.target)).toEqual(['Belaruskali']);
    expect(findDates('Four more were freed a day later.', 'en', minsk)).toEqual([]);
  });

  it('reads clemency, “walked out of”, and a person freed without a count', () => {
    expect(
      ofKind(
        facts('Belarus has granted clemency to 30 people, the press service said.'),
        'release_event',
      ).map((e) => [e.facts.count, e.facts.mode]),
    ).toEqual([[30, 'pardon']]);
    const walked = facts('Synthetic Testava walked out of Penal Colony No. 4 on Thursday after a pardon.');
    expect(
      ofKind(walked, 'release_event').map((e) => [e.facts.count, e.facts.people.map((p) => p.name)]),
    ).toEqual([[null, ['Synthetic Testava']]]);
  });

  it('reads totals of people held on political grounds, “bringing the total to”, and demands that count them', () => {
    const metricCount = (text: string) =>
      ofKind(facts(text), 'count_observation').map((e) => [e.facts.metric, e.facts.count]);
    expect(metricCount('According to Viasna, 1,165 people remain imprisoned on political grounds.')).toEqual([
      ['held', 1165],
    ]);
    expect(
      metricCount('По подсчётам «Весны», за решёткой по политическим мотивам остаются 1 131 человек.'),
    ).toEqual([['held', 1131]]);
    expect(
      metricCount(
        'Viasna recognised 33 more people as political prisoners in November, bringing the total to 1,110.',
      ),
    ).toEqual([
      ['new_recognitions', 33],
      ['held', 1110],
    ]);
    const demand = facts("Viasna said: 'Each of the more than 1,100 political prisoners must be freed.'");
    expect(ofKind(demand, 'release_event')).toEqual([]);
    expect(ofKind(demand, 'count_observation').map((e) => [e.facts.count, e.facts.qualifier])).toEqual([
      [1100, 'more_than'],
    ]);
    expect(
      ofKind(
        facts('Паводле «Вясны», у Беларусі 1 133 палітвязні. За верасень палітвязнямі прызнаныя 29 чалавек.'),
        'count_observation',
      ).map((e) => [e.facts.metric, e.facts.count, e.facts.observedOn]),
    ).toEqual([
      ['held', 1133, '2025-12-15'],
      ['new_recognitions', 29, '2025-09'],
    ]);
  });

  it('reads a published count of the freed since a date as a released total', () => {
    const found = facts('«Весна» сообщает: всего с июля 2024 года помилованы более 300 человек.');
    expect(
      ofKind(found, 'count_observation').map((e) => [e.facts.metric, e.facts.count, e.facts.observedOn]),
    ).toEqual([['released', 300, '2025-12-15']]);
    expect(ofKind(found, 'release_event')).toEqual([]);
  });

  it('reads a sentence told as an aside of a release, and “handed X a five-year sentence”', () => {
    const aside = facts(
      'Synthetic Testau, sentenced in 2022 to seven years, was among 12 prisoners released on Monday.',
    );
    expect(
      ofKind(aside, 'sentence').map((e) => [e.facts.person.name, e.facts.months, e.facts.verdictOn]),
    ).toEqual([['Synthetic Testau', 84, '2022']]);
    expect(ofKind(aside, 'release_event').map((e) => e.facts.count)).toEqual([12]);
    const handed = facts('A court on Monday handed Synthetic Testau, 29, a five-year prison sentence.');
    expect(ofKind(handed, 'sentence').map((e) => [e.facts.months, e.facts.verdictOn])).toEqual([
      [60, '2025-12-15'],
    ]);
  });
});

describe('parts of the freed, pronoun arrests, places before names', () => {
  const facts = (text: string, published = '2025-12-15') => extractFacts(read(text, published));

  it('counts “13 freed Belarusian political prisoners”, and the whole, not the part, of “three were among 18”', () => {
    expect(
      ofKind(
        facts('Lithuania received 13 freed Belarusian political prisoners on Thursday.'),
        'release_event',
      ).map((e) => e.facts.count),
    ).toEqual([13]);
    expect(
      ofKind(facts('Three journalists were among 18 detainees pardoned on Thursday.'), 'release_event').map(
        (e) => e.facts.count,
      ),
    ).toEqual([18]);
  });

  it('takes a pronoun’s arrest for the one person the sentence before named, dated to the month or year', () => {
    const found = facts(
      'Суд приговорил Елену Тестову к трём годам колонии. Ее задержали в январе.',
      '2025-04-15',
    );
    expect(ofKind(found, 'arrest').map((e) => [e.facts.person.name, e.facts.detainedOn])).toEqual([
      ['Елена Тестова', '2025-01'],
    ]);
    const year = facts('Суд приговорил Ольгу Тестову к восьми годам колонии. Её задержали в 2024 году.');
    expect(ofKind(year, 'arrest').map((e) => e.facts.detainedOn)).toEqual(['2024']);
    const two = facts(
      'Суд приговорил Ольгу Тестову и Анну Пробную к восьми годам. Её задержали в 2024 году.',
    );
    expect(ofKind(two, 'arrest')).toEqual([]);
    expect(findDates('Яе затрымалі ў траўні.', 'be', minsk).map((d) => d.date)).toEqual(['2025-05']);
  });

  it('reads a place before a name as a place, and a Belarusian surname in -ава as -аў', () => {
    expect(findPersonMentions('задержали в Бресте Павла Тестова', 'ru').map((m) => m.name)).toEqual([
      'Павел Тестов',
    ]);
    expect(findPersonMentions('суд асудзіў Віктара Шаблонава да 5 гадоў', 'be').map((m) => m.name)).toEqual([
      'Віктар Шаблонаў',
    ]);
  });
});

describe('negated, hypothetical and planned releases; relative days in three languages', () => {
  const facts = (text: string, published = '2025-12-17') => extractFacts(read(text, published));
  const releases = (text: string) => ofKind(facts(text), 'release_event').map((e) => e.facts.count);

  it('reads no release where the verb is negated in its own clause, and still reads the clause beside it', () => {
    expect(releases('No prisoners were released on Monday, contrary to rumours.')).toEqual([]);
    expect(
      releases('Nobody has been freed since the talks began, and 1,160 political prisoners remain.'),
    ).toEqual([]);
    expect(releases('The 30 prisoners named by the envoy have not been released.')).toEqual([]);
    expect(releases('Ни один из 40 политзаключённых не освобождён.')).toEqual([]);
    expect(releases('Обещанные 25 человек освобождены так и не были.')).toEqual([]);
    expect(releases('Нікога з 12 палітвязняў не вызвалілі.')).toEqual([]);
    expect(releases('Minsk freed 12 prisoners on Monday; none of the others was released.')).toEqual([12]);
    expect(releases('Не менее 20 политзаключённых вышли на свободу в понедельник.')).toEqual([20]);
    expect(releases('No fewer than 15 prisoners were freed on Monday.')).toEqual([15]);
    const total = facts('No one was set free this week, and Viasna counts 1,158 political prisoners.');
    expect(ofKind(total, 'count_observation').map((e) => e.facts.count)).toEqual([1158]);
  });

  it('reads no release in a plan, a promise, a possibility or a condition', () => {
    expect(releases('Another 40 prisoners are expected to be freed before the new year.')).toEqual([]);
    expect(releases('Ten more detainees are due to be released on Friday.')).toEqual([]);
    expect(releases('Minsk may release up to 50 prisoners if sanctions are eased.')).toEqual([]);
    expect(releases('Lukashenko promised to pardon 16 people convicted of extremism.')).toEqual([]);
    expect(releases('Ещё 30 политзаключённых будут помилованы к празднику.')).toEqual([]);
    expect(releases('Власти освободят 12 человек, если Литва откроет границу.')).toEqual([]);
    expect(releases('Лукашенко пообещал освободить 20 человек.')).toEqual([]);
    expect(releases('Улады паабяцалі вызваліць 14 палітвязняў.')).toEqual([]);
    expect(releases('Яшчэ 8 палітвязняў будуць вызвалены ў снежні.')).toEqual([]);
    // Not a plan: these were set free, and the relief denied is the EU's, not a release's.
    expect(releases('Four more were set free in Homel on Friday.')).toEqual([4]);
    expect(releases('ЕС не намерен снимать санкции, несмотря на освобождение 14 политзаключённых.')).toEqual([
      14,
    ]);
  });

  it('dates Belarusian and Russian weekdays with “last”, days ago, last month and last week', () => {
    const day = (text: string, language: 'en' | 'ru' | 'be') =>
      findDates(text, language, { publishedOn: '2025-12-17', timeZone: 'UTC' }).map((d) => d.date);
    expect(day('Яго затрымалі ў мінулую пятніцу.', 'be')).toEqual(['2025-12-12']);
    expect(day('Яе затрымалі ў мінулую сераду.', 'be')).toEqual(['2025-12-10']);
    expect(day('Суд адбыўся ў сераду.', 'be')).toEqual(['2025-12-17']);
    expect(day('Его задержали в прошлую среду.', 'ru')).toEqual(['2025-12-10']);
    expect(day('Яго затрымалі ўчора.', 'be')).toEqual(['2025-12-16']);
    expect(day('Яго затрымалі чатыры дні таму.', 'be')).toEqual(['2025-12-13']);
    expect(day('Яго затрымалі ў мінулым месяцы.', 'be')).toEqual(['2025-11']);
    expect(day('Яго затрымалі ў мінулым годзе.', 'be')).toEqual(['2024']);
    expect(day('He was detained last week.', 'en')).toEqual(['2025-12']);
    expect(day('Его задержали на прошлой неделе.', 'ru')).toEqual(['2025-12']);
    expect(day('Яго затрымалі на мінулым тыдні.', 'be')).toEqual(['2025-12']);
  });

  it('dates an arrest by a later sentence that tells it again', () => {
    const found = facts(
      'Затрыманая праваабаронца Вольга Пробная, паведамляе «Вясна». Яе затрымалі ў панядзелак.',
    );
    expect(ofKind(found, 'arrest').map((e) => [e.facts.person.name, e.facts.detainedOn])).toEqual([
      ['Вольга Пробная', '2025-12-15'],
    ]);
  });
});
