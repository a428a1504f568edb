import { describe, expect, it } from 'vitest';
import { toCsv, defuseCell } from './csv.js';
import { countryName, formatCount, formatPartialDate, plural } from './format.js';
import { localeFromAcceptLanguage } from './locale.js';
import { nameForReader, namesForReader } from './names.js';
import { labelIndexes, niceTicks } from './charts/scale.js';
import { queryString, serverLinks } from './links.js';

describe('partial dates in each locale', () => {
  it.each([
    ['2021', 'en', '2021'],
    ['2021', 'be', '2021'],
    ['2021-08', 'en', 'August 2021'],
    ['2021-08', 'be', 'жнівень 2021'],
    ['2021-08', 'ru', 'август 2021 г.'],
    ['2021-08-14', 'en', '14 August 2021'],
    ['2021-08-14', 'be', '14 жніўня 2021 г.'],
    ['2021-08-14', 'ru', '14 августа 2021 г.'],
    ['2021-01', 'en', 'January 2021'],
  ] as const)('%s in %s is "%s"', (date, locale, expected) => {
    expect(formatPartialDate(date, locale)).toBe(expected);
  });

  it('never shows a year or a month as its first day', () => {
    expect(formatPartialDate('2021', 'en')).not.toMatch(/1 January/);
    expect(formatPartialDate('2021-03', 'en')).not.toMatch(/^1 /);
  });

  it('leaves empty and malformed values alone', () => {
    expect(formatPartialDate(null, 'en')).toBe('');
    expect(formatPartialDate('sometime', 'en')).toBe('sometime');
  });
});

describe('numbers, ranges, countries, plurals', () => {
  it('shows an exact count once and an uncertain one as its range', () => {
    expect(formatCount({ min: 12, max: 12 }, 'en')).toBe('12');
    expect(formatCount({ min: 1150, max: 1162 }, 'en')).toBe('1,150–1,162');
    expect(formatCount({ min: 1150, max: 1162 }, 'ru')).toBe('1\u00a0150–1\u00a0162');
  });

  it('names countries in the reader’s language', () => {
    expect(countryName('LT', 'en')).toBe('Lithuania');
    expect(countryName('LT', 'be')).toBe('Літва');
    expect(countryName('LT', 'ru')).toBe('Литва');
    expect(countryName(null, 'en')).toBe('');
  });

  it('picks the plural form of the locale', () => {
    const forms = { one: '{n} дзень', few: '{n} дні', many: '{n} дзён', other: '{n} дня' };
    expect(plural('be', 1, forms)).toBe('1 дзень');
    expect(plural('be', 3, forms)).toBe('3 дні');
    expect(plural('be', 5, forms)).toBe('5 дзён');
    expect(plural('en', 2, { one: '{n} day', other: '{n} days' })).toBe('2 days');
  });
});

describe('Accept-Language', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['be', 'be'],
    ['be-BY,be;q=0.9', 'be'],
    ['de-DE,de;q=0.9,ru;q=0.8,en;q=0.7', 'ru'],
    ['en;q=0.5,ru;q=0.9', 'ru'],
    ['uk-UA', 'ru'],
    ['fr, de', 'en'],
    ['ru;q=0, be;q=0.1', 'be'],
    ['*', 'en'],
  ] as const)('%s → %s', (header, locale) => {
    expect(localeFromAcceptLanguage(header)).toBe(locale);
  });
});

describe('names in the reader’s script', () => {
  const names = [
    { text: 'Maryia Kalesnikava', script: 'Latn', language: 'en', isPrimary: true },
    { text: 'Марыя Калеснікава', script: 'Cyrl', language: 'be', isPrimary: false },
    { text: 'Мария Колесникова', script: 'Cyrl', language: 'ru', isPrimary: false },
    { text: 'Maryja Kalesnikawa', script: 'Latn', language: 'pl', isPrimary: false },
  ];
  const person = { names, displayName: 'Maryia Kalesnikava' };

  it('puts the Belarusian, Russian or Latin form first', () => {
    expect(nameForReader(person, 'be')).toBe('Марыя Калеснікава');
    expect(nameForReader(person, 'ru')).toBe('Мария Колесникова');
    expect(nameForReader(person, 'en')).toBe('Maryia Kalesnikava');
    expect(namesForReader(names, 'ru').map((n) => n.text)).toEqual([
      'Мария Колесникова',
      'Марыя Калеснікава',
      'Maryia Kalesnikava',
      'Maryja Kalesnikawa',
    ]);
  });

  it('falls back to another Cyrillic form, then to the Latin primary name', () => {
    expect(nameForReader({ names: names.slice(0, 2), displayName: 'x' }, 'ru')).toBe('Марыя Калеснікава');
    expect(nameForReader({ names: [names[0]!, names[3]!], displayName: 'x' }, 'be')).toBe(
      'Maryia Kalesnikava',
    );
    expect(nameForReader({ names: [names[2]!], displayName: 'x' }, 'en')).toBe('Мария Колесникова');
    expect(nameForReader({ names: [], displayName: '(no name)' }, 'en')).toBe('(no name)');
  });
});

describe('CSV injection', () => {
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://x")'])('defuses %j', (cell) => {
    expect(defuseCell(cell)).toBe(`'${cell}`);
  });

  it('leaves ordinary text and numbers alone', () => {
    expect(defuseCell('Minsk')).toBe('Minsk');
    expect(defuseCell('a=b')).toBe('a=b');
    expect(defuseCell(-5)).toBe(-5);
    expect(defuseCell(null)).toBe('');
    expect(toCsv(['a', 'b'], [['=x', 3]])).toBe("a,b\n'=x,3\n");
  });
});

describe('chart scales and links', () => {
  it('makes round ticks that cover the maximum', () => {
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(1150)).toEqual([0, 500, 1000, 1500]);
    expect(niceTicks(100)).toEqual([0, 25, 50, 75, 100]);
    expect(niceTicks(1)).toEqual([0, 1]);
    expect(niceTicks(3)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(0.6, 4, false)).toEqual([0, 0.2, 0.4, 0.6]);
  });

  it('prints at most the labels that fit', () => {
    expect([...labelIndexes(5, 8)]).toEqual([0, 1, 2, 3, 4]);
    expect(labelIndexes(120, 8).size).toBeLessThanOrEqual(8);
  });

  it('builds links with the locale and without empty parameters', () => {
    expect(serverLinks.page('be', '/')).toBe('/be/');
    expect(serverLinks.page('en', '/prisoners', { q: 'Бяляцкі', status: '', page: 2 })).toBe(
      '/en/prisoners?q=%D0%91%D1%8F%D0%BB%D1%8F%D1%86%D0%BA%D1%96&page=2',
    );
    expect(queryString({})).toBe('');
  });
});
