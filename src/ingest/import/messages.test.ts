import { describe, expect, it } from 'vitest';
import { editBe } from '../../edit/messages/be.js';
import { editRu } from '../../edit/messages/ru.js';
import {
  readArticles,
  readGender,
  readName,
  readPartialDate,
  readSentenceMonths,
  readUrls,
} from './cells.js';
import {
  englishOf,
  IMPORT_MESSAGE_TEXTS,
  type ImportMessage,
  type ImportMessageCode,
  importMessage,
  plainMessage,
  sayIn,
} from './messages.js';
import { interpretTable } from './rows.js';

/** Parameters that fill every placeholder any message has. */
const SAMPLE = {
  value: '31.02.2021',
  days: 28,
  unit: 'dz',
  cells: 2,
  columns: 3,
  fields: 'articles',
  name: 'N',
  id: 'I',
  reason: 'R',
  score: '0.97',
  count: 2,
  ids: 'A, B',
  line: 4,
  columns_: '"X"',
  column: 'C',
  at: '2026-01-15',
  code: 'BY-CC',
  number: '342',
  text: 'T',
};
const CODES = Object.keys(IMPORT_MESSAGE_TEXTS) as ImportMessageCode[];
const every = (code: ImportMessageCode): ImportMessage => ({ code, params: SAMPLE });

describe('import messages', () => {
  it('keeps the readers’ English texts and gives each problem its code and parameters', () => {
    const results = [
      readPartialDate('31.02.2021'),
      readPartialDate('весна 2021'),
      readPartialDate('03/04/2021'),
      readSentenceMonths('пожизненно'),
      readSentenceMonths('3 parsecs'),
      readArticles('ст. абв'),
      readGender('x'),
      readName('名前'),
      readUrls('ftp://example.org'),
    ];
    const issues = results.map((result) => (result.ok ? null : result.issue));
    expect(issues.map((issue) => issue?.code)).toEqual([
      'dateNotReal',
      'dateVague',
      'dateAmbiguous',
      'termLife',
      'termUnit',
      'articleUnreadable',
      'genderUnreadable',
      'nameScript',
      'urlInvalid',
    ]);
    expect(issues[0]?.params).toEqual({ value: '31.02.2021', days: 28 });
    for (const [index, result] of results.entries()) {
      if (result.ok) throw new Error('expected a refusal');
      expect(englishOf(result.issue), String(index)).toBe(result.message);
    }
    expect(results[0]).toMatchObject({ message: '"31.02.2021" is not a real date: that month has 28 days' });
  });

  it('codes the problems of a row, with the English the CLI gives', () => {
    const { rows } = interpretTable(
      { headers: ['Name', 'Released'], rows: [{ line: 2, cells: ['', '2021'] }], delimiter: ',' },
      { Name: 'name', Released: 'releasedOn' },
    );
    expect(rows[0]?.problems.map((problem) => problem.code)).toEqual([
      'noName',
      'detentionMissing',
      'releaseModeMissing',
    ]);
    expect(rows[0]?.problems.map(englishOf)).toEqual([
      'no name: a person needs at least one name',
      'releasedOn describe a detention: the row needs the date of detention (detainedOn)',
      'a release date needs a release mode (releaseMode): how was the person freed?',
    ]);
  });

  it('names the cell’s column first, and says an uncoded message as given', () => {
    expect(englishOf({ ...importMessage('urlInvalid', { value: 'x' }), column: 'Source' })).toBe(
      'Source: "x" is not an http(s) address',
    );
    expect(englishOf(plainMessage('a rule of the episode'))).toBe('a rule of the episode');
    expect(sayIn(editRu.importMessages, plainMessage('a rule of the episode'))).toBe('a rule of the episode');
  });

  it('says every code in Belarusian and Russian, with every parameter it has', () => {
    for (const code of CODES) {
      const english = englishOf(every(code));
      for (const [language, catalog] of [
        ['be', editBe.importMessages],
        ['ru', editRu.importMessages],
      ] as const) {
        const said = sayIn(catalog, every(code));
        expect(said.length, `${language} ${code}`).toBeGreaterThan(0);
        if (code !== 'text') expect(said, `${language} ${code}`).not.toBe(english);
        // A parameter the English shows is shown in the translation too.
        for (const value of Object.values(SAMPLE))
          if (english.includes(String(value)) && String(value).length > 1)
            expect(said, `${language} ${code} ${String(value)}`).toContain(String(value));
      }
    }
  });
});
