import { existsSync, readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import writeXlsxFile from 'write-excel-file/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildServices, type Services } from '../../app.js';
import type { Db } from '../../db/database.js';
import { AppError } from '../../lib/errors.js';
import { describeEachDialect } from '../../../test/database.js';
import { aFacility, anArticle, fixedClock } from '../../../test/factories.js';
import { tableCounts } from '../../../test/snapshot.js';
import type { ImportOptionsInput } from './import.schema.js';

const csv = (name: string, text: string) => ({ name, bytes: Buffer.from(text) });

const GOOD = [
  'Імя;Имя (рус);Дата нараджэння;Пол;Рэгіён;Дата затрымання;Артыкулы;Прысуд;Установа;Дата вызвалення;Спосаб вызвалення;Крыніца',
  'Сінтэтычная Імпартава;Синтетическая Импортова;14.08.1985;ж;Гродна;08.2021;342 ч.2; 3 г. 6 мес.;Synthetic colony No. 99;;;https://example.org/import-1',
  'Сінтэтычны Другі;;1990;м;=HYPERLINK("http://evil.example","x");2020;361-1;2 years;;2022-03;pardon;',
].join('\n');

async function expectRefused(
  services: Services,
  db: Db,
  file: { name: string; bytes: Buffer },
  pattern: RegExp,
  options: ImportOptionsInput = {},
) {
  const before = await tableCounts(db);
  const report = await services.imports.dryRun(file, options);
  const said = [...report.problems, ...report.rows.flatMap((row) => row.messages)].join('\n');
  expect(said).toMatch(pattern);
  await expect(services.imports.run(file, options)).rejects.toThrow(AppError);
  await expect(services.imports.run(file, options)).rejects.toMatchObject({ code: 'validation_failed' });
  expect(await tableCounts(db)).toEqual(before);
  return report;
}

describeEachDialect('spreadsheet import', (database) => {
  let services: Services;

  beforeAll(async () => {
    services = buildServices(database().db, fixedClock);
    await aFacility(services);
    await anArticle(services, '342');
  });

  it('dry run: says per row and per cell what would happen, and writes nothing', async () => {
    const before = await tableCounts(database().db);
    const report = await services.imports.dryRun(csv('list.csv', GOOD));
    expect(report.delimiter).toBe(';');
    expect(report.encoding).toBe('utf8');
    expect(report.problems).toEqual([]);
    expect(report.counts).toMatchObject({ create: 2, reject: 0 });
    const [first, second] = report.rows;
    expect(first?.actions.map((action) => `${action.entity}:${action.action}`)).toEqual([
      'person:create',
      'episode:create',
      'source:create',
      'citation:create',
    ]);
    expect(first?.cells.find((cell) => cell.column === 'Дата нараджэння')).toMatchObject({
      field: 'birthDate',
    });
    expect(second?.actions).toContainEqual(
      expect.objectContaining({ entity: 'legal_article', action: 'create' }),
    );
    expect(report.committed).toBe(false);
    expect(await tableCounts(database().db)).toEqual(before);
  });

  it('runs in one transaction, records the import with its SHA-256, and changes nothing the second time', async () => {
    const file = csv('list.csv', GOOD);
    const report = await services.imports.run(file, { visibility: 'public', saveMapping: 'synthetic-watch' });
    expect(report.committed).toBe(true);
    expect(report.importId).not.toBeNull();
    const personId = report.rows[0]?.recordId ?? '';
    const person = await services.persons.get(personId);
    expect(person.names.map((name) => `${name.language}:${name.text}`)).toEqual([
      'be:Сінтэтычная Імпартава',
      'ru:Синтетическая Импортова',
    ]);
    expect(person.birthDate).toBe('1985-08-14');
    const [episode] = (await services.episodes.find({ personId, limit: 10, offset: 0 })).items;
    expect(episode).toMatchObject({ detainedOn: '2021-08', sentenceMonths: 42 });
    expect(episode?.charges).toMatchObject([{ articleNumber: '342', part: '2' }]);
    expect(episode?.facilityStays).toMatchObject([{ facilityName: 'Synthetic colony No. 99' }]);
    const second = await services.persons.get(report.rows[1]?.recordId ?? '');
    expect(second.region).toBe('=HYPERLINK("http://evil.example","x")');

    const history = await database()
      .db.selectFrom('revisions')
      .selectAll()
      .where('recordId', '=', personId)
      .execute();
    expect(history[0]?.reason).toBe(`import ${report.importId} of list.csv (sha256 ${report.sha256})`);
    const stored = await database().db.selectFrom('imports').selectAll().execute();
    expect(stored).toMatchObject([
      { id: report.importId, sha256: report.sha256, mappingName: 'synthetic-watch' },
    ]);
    expect(JSON.parse(stored[0]?.counts ?? '{}')).toMatchObject({ create: 2 });

    const before = await tableCounts(database().db);
    const revisions = await database().db.selectFrom('revisions').select('seq').execute();
    const again = await services.imports.run(file, { visibility: 'public', mapping: 'synthetic-watch' });
    expect(again.counts).toMatchObject({ create: 0, update: 0, merge: 0, unchanged: 2 });
    expect(again.warnings.join()).toMatch(/imported before/);
    expect(await tableCounts(database().db)).toEqual(before);
    expect(await database().db.selectFrom('revisions').select('seq').execute()).toHaveLength(
      revisions.length,
    );
  });

  it('updates what a newer version of the file adds, and the CSV export escapes the formula', async () => {
    const newer = GOOD.replace(
      ';;;https://example.org/import-1',
      ';2025-09-11;negotiated;https://example.org/import-1',
    );
    const report = await services.imports.run(csv('list-v2.csv', newer), { visibility: 'public' });
    expect(report.counts).toMatchObject({ update: 1, unchanged: 1 });
    expect(report.rows[0]?.actions).toContainEqual(
      expect.objectContaining({ entity: 'episode', action: 'update', fields: ['release'] }),
    );
    const persons = (await services.exports.csv()).find(({ table }) => table.name === 'persons')?.text ?? '';
    expect(persons).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
  });

  it('merges a row into a stored person found by the duplicate check with the same birth date', async () => {
    const stored = await services.persons.create({
      names: [{ text: 'Sintetychnaya Merhava', script: 'Latn', language: 'en', isPrimary: true }],
      birthDate: '1977-03-03',
      occupations: [],
      ties: [],
      visibility: 'public',
      anonymous: false,
    });
    const report = await services.imports.run(
      csv('merge.csv', 'Name,Birth date,Occupation\nSintetychnaja Merhava,03.03.1977,teacher\n'),
    );
    expect(report.rows[0]).toMatchObject({ outcome: 'merge', recordId: stored.id });
    expect((await services.persons.get(stored.id)).names.map((name) => name.text)).toEqual([
      'Sintetychnaya Merhava',
      'Sintetychnaja Merhava',
    ]);
    const other = await services.imports.dryRun(
      csv('other.csv', 'Name,Birth date\nSintetychnaja Merhava,1950\n'),
    );
    expect(other.rows[0]?.outcome).toBe('create');
    expect(other.rows[0]?.messages.join()).toMatch(
      new RegExp(`possible duplicate of .* \\(${stored.id}, score`),
    );
  });

  it('reads XLSX workbooks, dates typed as dates included', async () => {
    const bytes = await writeXlsxFile([
      [{ value: 'Name' }, { value: 'Date of birth' }, { value: 'Detained' }, { value: 'Sentence months' }],
      [
        { value: 'Synthetic Excelava' },
        { value: new Date(Date.UTC(1981, 5, 2)), format: 'dd.mm.yyyy' },
        { value: '2022' },
        { value: 24 },
      ],
    ]).toBuffer();
    const report = await services.imports.run({ name: 'list.xlsx', bytes });
    expect(report.counts.create).toBe(1);
    const person = await services.persons.get(report.rows[0]?.recordId ?? '');
    expect(person.birthDate).toBe('1981-06-02');
  });

  it('skips a duplicate row inside the file and says so', async () => {
    const text = 'Name,Birth date\nSynthetic Twiceva,1970\nSynthetic Twiceva,1970\n';
    const report = await services.imports.run(csv('twice.csv', text));
    expect(report.rows.map((row) => row.outcome)).toEqual(['create', 'duplicate']);
    expect(report.rows[1]?.messages).toEqual(['the same as line 2: skipped']);
  });

  describe('bad input: a clear report, and nothing written', () => {
    it('a wrong encoding', async () => {
      const bytes = iconv.encode('Імя\nСінтэтычная Кадзіроўка\n', 'win1251');
      await expectRefused(
        services,
        database().db,
        { name: 'cp.csv', bytes },
        /not valid UTF-8.*--encoding cp1251/,
        {
          encoding: 'utf8',
        },
      );
      const detected = await services.imports.dryRun({ name: 'cp.csv', bytes });
      expect(detected).toMatchObject({ encoding: 'cp1251', problems: [] });
      expect(detected.rows[0]?.cells[0]?.value).toBe('Сінтэтычная Кадзіроўка');
    });

    it('a ragged row', async () => {
      await expectRefused(
        services,
        database().db,
        csv('ragged.csv', 'Name,Birth date\nSynthetic Raggedava,1970,extra\n'),
        /the row has 3 cells but the header has 2 columns/,
      );
    });

    it('an unknown column', async () => {
      await expectRefused(
        services,
        database().db,
        csv('unknown.csv', 'Name,Shoe size\nSynthetic Shoeva,42\n'),
        /columns not in the mapping: "Shoe size"/,
      );
      const ignored = await services.imports.dryRun(
        csv('unknown.csv', 'Name,Shoe size\nSynthetic Shoeva,42\n'),
        {
          columns: { Name: 'name', 'Shoe size': null },
        },
      );
      expect(ignored.problems).toEqual([]);
    });

    it('an impossible date', async () => {
      const report = await expectRefused(
        services,
        database().db,
        csv('date.csv', 'Name,Detained\nSynthetic Datava,31.02.2021\n'),
        /"31.02.2021" is not a real date: that month has 28 days/,
      );
      expect(report.rows[0]?.cells[1]?.problem).toMatch(/28 days/);
    });

    it('a vague date', async () => {
      await expectRefused(
        services,
        database().db,
        csv('vague.csv', 'Name,Detained\nSynthetic Vesnava,весна 2021\n'),
        /"весна 2021" is vague/,
      );
    });

    it('a number with spaces is read, a word where a number belongs is not', async () => {
      const report = await services.imports.dryRun(
        csv('n.csv', 'Name,Detained,Sentence months\nSynthetic Numberava,2021,1 234\n'),
      );
      expect(report.rows[0]?.outcome).toBe('create');
      await expectRefused(
        services,
        database().db,
        csv('n.csv', 'Name,Detained,Sentence months\nSynthetic Numberava,2021,many\n'),
        /"many" is not a whole number/,
      );
    });

    it('a file over the size limit, refused before it is read', async () => {
      const small = buildServices(database().db, fixedClock, { importMaxBytes: 1024 });
      const bytes = Buffer.alloc(2048, 'a');
      await expect(small.imports.dryRun({ name: 'big.csv', bytes })).rejects.toThrow(
        /the file is 2048 bytes; imports take at most 1024 bytes/,
      );
    });

    it('the same person twice, described differently', async () => {
      await expectRefused(
        services,
        database().db,
        csv(
          'twice.csv',
          'Name,Birth date,Region\nSynthetic Doubleva,1970,Minsk\nSynthetic Doubleva,1970,Brest\n',
        ),
        /line 2 describes the same person/,
      );
    });

    it('a release without its mode, a name in another script, an unknown facility', async () => {
      await expectRefused(
        services,
        database().db,
        csv('r.csv', 'Name,Detained,Released\nSynthetic Releaseva,2021,2022\n'),
        /a release date needs a release mode/,
      );
      await expectRefused(
        services,
        database().db,
        csv('s.csv', 'Name\n测试\n'),
        /not written in Cyrillic or Latin/,
      );
      await expectRefused(
        services,
        database().db,
        csv('f.csv', 'Name,Detained,Facility\nSynthetic Facilitava,2021,Nowhere colony\n'),
        /facility "Nowhere colony" is not in the registry/,
      );
    });

    it('a file that is not what it says', async () => {
      await expectRefused(
        services,
        database().db,
        { name: 'x.xlsx', bytes: Buffer.from('not a zip') },
        /not a readable XLSX workbook/,
      );
      await expectRefused(
        services,
        database().db,
        { name: 'x.json', bytes: Buffer.from('{"format":"other"}') },
        /not an unfree export/,
      );
      await expectRefused(
        services,
        database().db,
        { name: 'x.json', bytes: Buffer.from('{') },
        /not valid JSON/,
      );
      await expectRefused(
        services,
        database().db,
        { name: 'x.json', bytes: Buffer.from('{"format":"unfree-export","version":99}') },
        /version 99 cannot be read/,
      );
    });
  });
});

const CHINA = '/work/shared/datasets/china-cppc/chinese-political-prisoners.csv';

describeEachDialect('the China political prisoner list (real data, read from shared/)', (database) => {
  it.skipIf(!existsSync(CHINA))('gets a report for every row and writes nothing', async () => {
    const services = buildServices(database().db, fixedClock);
    const bytes = readFileSync(CHINA);
    const before = await tableCounts(database().db);
    const report = await services.imports.dryRun({ name: 'chinese-political-prisoners.csv', bytes });
    expect(report.rows.length).toBeGreaterThan(900);
    expect(report.counts.reject).toBeGreaterThan(0);
    expect(report.rows[0]?.messages.join()).toMatch(/not written in Cyrillic or Latin/);
    expect(await tableCounts(database().db)).toEqual(before);
  });
});
if (!existsSync(CHINA)) console.log(`China list absent (${CHINA}): its import test is skipped`);
