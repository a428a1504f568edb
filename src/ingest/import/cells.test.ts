import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../lib/errors.js';
import {
  readArticles,
  readCount,
  readGender,
  readName,
  readPartialDate,
  readReleaseMode,
  readSentenceMonths,
  readUrls,
} from './cells.js';
import { decodeText, firstInvalidUtf8Byte } from './encoding.js';
import { guessMapping } from './mapping.js';
import { detectDelimiter, readCsv } from './table.js';

const value = <T>(result: { ok: true; value: T } | { ok: false; message: string }) =>
  result.ok ? result.value : `error: ${result.message}`;

describe('dates in spreadsheets', () => {
  it.each([
    ['14.08.2021', '2021-08-14'],
    ['4.8.2021', '2021-08-04'],
    ['2021-08-14', '2021-08-14'],
    ['2021-8-4', '2021-08-04'],
    ['2021-08', '2021-08'],
    ['08.2021', '2021-08'],
    ['2021', '2021'],
    [' 2021 ', '2021'],
    ['2021-08-14T00:00:00.000Z', '2021-08-14'],
  ])('%s → %s, precision kept', (text, expected) => {
    expect(value(readPartialDate(text))).toBe(expected);
  });

  it('refuses impossible dates, naming the month length', () => {
    expect(value(readPartialDate('31.02.2021'))).toBe(
      'error: "31.02.2021" is not a real date: that month has 28 days',
    );
    expect(value(readPartialDate('29.02.2024'))).toBe('2024-02-29');
    expect(value(readPartialDate('13.2021'))).toMatch(/not a real date/);
  });

  it('refuses vague and ambiguous dates instead of inventing a day or month', () => {
    expect(value(readPartialDate('весна 2021'))).toMatch(
      /vague: a season .* cannot be stored without inventing a month/,
    );
    expect(value(readPartialDate('summer 2020'))).toMatch(/vague/);
    expect(value(readPartialDate('восень 2020'))).toMatch(/vague/);
    expect(value(readPartialDate('04/08/2021'))).toMatch(/ambiguous/);
    expect(value(readPartialDate('yesterday'))).toMatch(/is not a date: write DD.MM.YYYY/);
  });
});

describe('numbers, terms, articles and words', () => {
  it('reads numbers with spaces and thousands separators', () => {
    expect(value(readCount('1 234'))).toBe(1234);
    expect(value(readCount('1\u00a0234'))).toBe(1234);
    expect(value(readCount('1,234'))).toBe(1234);
    expect(value(readCount('12a'))).toMatch(/not a whole number/);
    expect(value(readCount('1.5'))).toMatch(/not a whole number/);
  });

  it('reads terms in English, Russian and Belarusian', () => {
    expect(value(readSentenceMonths('3 years'))).toBe(36);
    expect(value(readSentenceMonths('2 г. 6 мес.'))).toBe(30);
    expect(value(readSentenceMonths('1 год 6 месяцев'))).toBe(18);
    expect(value(readSentenceMonths('15 гадоў'))).toBe(180);
    expect(value(readSentenceMonths('18 months'))).toBe(18);
    expect(value(readSentenceMonths('36'))).toMatch(/no unit/);
    expect(value(readSentenceMonths('пожизненно'))).toMatch(/life sentence/);
    expect(value(readSentenceMonths('2019-12-07'))).toMatch(/is a date, not a term/);
  });

  it('reads article lists with parts', () => {
    expect(value(readArticles('342 ч.2; 361-1'))).toEqual([
      { number: '342', part: '2' },
      { number: '361-1', part: null },
    ]);
    expect(value(readArticles('ст. 130 ч. 3, art. 293'))).toEqual([
      { number: '130', part: '3' },
      { number: '293', part: null },
    ]);
    expect(value(readArticles('hooliganism'))).toMatch(/not an article number/);
  });

  it('reads genders, release modes, names and addresses', () => {
    expect(value(readGender('ж'))).toBe('female');
    expect(value(readGender('Male'))).toBe('male');
    expect(value(readGender('?'))).toMatch(/not a gender/);
    expect(value(readReleaseMode('помилован'))).toBe('pardon');
    expect(value(readReleaseMode('Sentence served'))).toBe('sentence_served');
    expect(value(readReleaseMode('escaped'))).toMatch(/not a release mode/);
    expect(value(readName('Сінтэтычная Тэставая'))).toEqual({
      text: 'Сінтэтычная Тэставая',
      script: 'Cyrl',
      language: 'be',
    });
    expect(value(readName('Синтетическая  Тестова'))).toEqual({
      text: 'Синтетическая Тестова',
      script: 'Cyrl',
      language: 'ru',
    });
    expect(value(readName('Synthetic Testava'))).toEqual({
      text: 'Synthetic Testava',
      script: 'Latn',
      language: 'en',
    });
    expect(value(readName('测试'))).toMatch(/not written in Cyrillic or Latin/);
    expect(value(readUrls('https://example.org/a https://example.org/b'))).toEqual([
      'https://example.org/a',
      'https://example.org/b',
    ]);
    expect(value(readUrls('javascript:alert(1)'))).toMatch(/not an http/);
  });
});

describe('encodings and CSV', () => {
  const cyrillic = 'Імя;Дата нараджэння\nСінтэтычная Тэставая;01.02.1980\n';

  it('reads UTF-8 with and without a byte-order mark', () => {
    expect(decodeText(Buffer.from(cyrillic)).text).toBe(cyrillic);
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(cyrillic)])).text).toBe(
      cyrillic,
    );
  });

  it('detects Windows-1251, or takes it when given', () => {
    const bytes = iconv.encode(cyrillic, 'win1251');
    expect(decodeText(bytes)).toEqual({ text: cyrillic, encoding: 'cp1251', detected: true });
    expect(decodeText(bytes, 'cp1251')).toEqual({ text: cyrillic, encoding: 'cp1251', detected: false });
  });

  it('refuses a wrong or unknown encoding with a message that says what to do', () => {
    expect(() => decodeText(iconv.encode(cyrillic, 'win1251'), 'utf8')).toThrow(
      /not valid UTF-8 .*--encoding cp1251/,
    );
    expect(() => decodeText(Buffer.from(cyrillic), 'cp1251')).toThrow(/is UTF-8, not Windows-1251/);
    expect(() => decodeText(Buffer.from('\ufeffName', 'utf16le'))).toThrow(/NUL bytes/);
    expect(() => decodeText(Buffer.from([0x41, 0x80, 0x81, 0x82, 0x84, 0x85, 0x86]))).toThrow(AppError);
    expect(firstInvalidUtf8Byte(Buffer.from([0x41, 0xc3]))).toBe(1);
  });

  it('detects comma, semicolon and tab delimiters', () => {
    expect(detectDelimiter('a,b,c\n1,2,3')).toBe(',');
    expect(detectDelimiter('a;b;c\n1;2;3')).toBe(';');
    expect(detectDelimiter('a\tb\tc\n1\t2\t3')).toBe('\t');
    expect(detectDelimiter('"a;b",c,d\n')).toBe(',');
    expect(readCsv('a\tb\n1\t2\n').rows).toEqual([{ line: 2, cells: ['1', '2'] }]);
  });

  it('refuses broken quoting and duplicate headers', () => {
    expect(() => readCsv('a,b\n"1,2\n')).toThrow(/the CSV cannot be read/);
    expect(() => readCsv('a,a\n1,2\n')).toThrow(/appears twice/);
    expect(() => readCsv('')).toThrow(/empty/);
  });
});

describe('the automatic column mapping', () => {
  it('guesses headers in English, Belarusian and Russian', () => {
    expect(guessMapping(['Name', 'Date of Birth', 'Gender', 'Place', 'Source'])).toEqual({
      Name: 'name',
      'Date of Birth': 'birthDate',
      Gender: 'gender',
      Place: 'region',
      Source: 'sourceUrl',
    });
    expect(guessMapping(['Імя', 'Дата затрымання', 'Артыкулы', 'Прысуд', 'Дата вызвалення'])).toEqual({
      Імя: 'name',
      'Дата затрымання': 'detainedOn',
      Артыкулы: 'articles',
      Прысуд: 'sentence',
      'Дата вызвалення': 'releasedOn',
    });
    expect(guessMapping(['ФИО', 'Дата рождения', 'Статьи', 'Учреждение', 'Колонка'])).toEqual({
      ФИО: 'name',
      'Дата рождения': 'birthDate',
      Статьи: 'articles',
      Учреждение: 'facility',
    });
  });
});
