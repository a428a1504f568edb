import { readdirSync, readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServices, type Services } from '../../app.js';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '../../../test/database.js';
import { aFacility, anArticle, anEpisode, aPerson } from '../../../test/factories.js';
import { tableCounts } from '../../../test/snapshot.js';
import { seedDemo } from '../demo/demo.seed.js';
import { escapeFormula } from './export.formats.js';
import { exportJsonSchema } from './export.schema.js';
import { readExportDocument } from '../import/import.json.js';

/** Imports of a whole registry (the demo dataset and more) into a new database: slow on a loaded machine. */
const WHOLE_REGISTRY = { timeout: 120_000 };
const FIXTURES = new URL('../../../test/fixtures/exports/', import.meta.url);
const SCHEMA_FILE = new URL('../../../docs/export/unfree-export-v1.schema.json', import.meta.url);
const MARKER = 'HIDDENMARK';
/** After every date of the demo dataset. */
const fixedClock = () => new Date('2026-11-30T12:00:00.000Z');

/** Public, internal and confidential records and an anonymous person, all synthetic. */
async function seedMixed(services: Services) {
  const article = await anArticle(services, '999-9');
  const colony = await aFacility(services, '=HYPERLINK("http://evil.example","Synthetic colony")');
  const hiddenFacility = await services.facilities.create({
    name: `Facility ${MARKER}`,
    type: 'prison',
    visibility: 'internal',
  });
  const person = await services.persons.create(
    aPerson({
      internalNotes: `notes ${MARKER}`,
      contacts: `contacts ${MARKER}`,
      biography: '+1 raised a flag',
    }),
  );
  const counterpart = await services.counterparts.create({
    name: 'Synthetic Republic',
    kind: 'state',
    country: 'LT',
  });
  const batch = await services.batches.create({
    releasedOn: '2025-09',
    title: 'Synthetic release',
    counterparts: [{ counterpartId: counterpart.id, role: 'counterpart' }],
    concessions: [{ kind: 'sanctions_relief', target: 'potash', givenById: counterpart.id }],
    visibility: 'public',
  });
  const hiddenBatch = await services.batches.create({
    releasedOn: '2025',
    title: `Batch ${MARKER}`,
    counterparts: [],
    concessions: [],
    visibility: 'internal',
  });
  await services.episodes.create(
    anEpisode(person.id, {
      detainedOn: '2021-08',
      charges: [{ articleId: article.id, part: '2' }],
      facilityStays: [
        { facilityId: colony.id, from: '2022' },
        { facilityId: hiddenFacility.id, from: '2023' },
      ],
      release: { releasedOn: '2025-09-11', mode: 'negotiated', batchId: batch.id, forcedExile: true },
    }),
  );
  const second = await services.persons.create(aPerson());
  await services.episodes.create(
    anEpisode(second.id, {
      detainedOn: '2020',
      release: { releasedOn: '2025', mode: 'pardon', batchId: hiddenBatch.id },
    }),
  );
  await services.episodes.create(
    anEpisode(second.id, {
      detainedOn: '2019',
      place: `cell ${MARKER}`,
      visibility: 'confidential',
      release: { releasedOn: '2019', mode: 'sentence_served' },
    }),
  );
  const anonymous = await services.persons.create(
    aPerson({
      names: [{ text: 'Anonymava Secretovna', script: 'Latn', language: 'en', isPrimary: true }],
      anonymous: true,
    }),
  );
  await services.episodes.create(anEpisode(anonymous.id));
  await services.persons.create(
    aPerson({
      names: [{ text: `Internal ${MARKER}`, script: 'Latn', language: 'en', isPrimary: true }],
      visibility: 'internal',
    }),
  );
  await services.recognitions.create({
    personId: person.id,
    organisation: 'Synthetic Watch',
    recognisedOn: '2021-09',
    afterRelease: false,
    visibility: 'public',
  });
  const source = await services.sources.create({
    title: 'Synthetic article',
    url: 'https://example.org/a',
    text: 'copy',
    kind: 'article',
    visibility: 'public',
  });
  const hiddenSource = await services.sources.create({
    title: `Testimony ${MARKER}`,
    kind: 'testimony',
    visibility: 'confidential',
  });
  await services.countObservations.create({
    organisation: 'Synthetic Watch',
    metric: 'held',
    observedOn: '2025-10-01',
    count: 1234,
    qualifier: 'exact',
    visibility: 'public',
    sourceId: source.id,
  });
  await services.countObservations.create({
    organisation: 'Synthetic Watch',
    metric: 'held',
    observedOn: '2025-11-01',
    count: 1200,
    qualifier: 'exact',
    visibility: 'public',
    sourceId: hiddenSource.id,
  });
  return { anonymousId: anonymous.id };
}

describe('the export schema document', () => {
  it('is the one generated from the zod schema (regenerate with `unfree export schema`)', () => {
    const onDisk = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as unknown;
    expect(onDisk).toEqual(exportJsonSchema());
  });

  it('escapes every cell a spreadsheet would run as a formula', () => {
    for (const text of ['=HYPERLINK("x")', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])
      expect(escapeFormula(text)).toBe(`'${text}`);
    expect(escapeFormula('Minsk')).toBe('Minsk');
    expect(escapeFormula('2021-08')).toBe('2021-08');
  });
});

describeEachDialect('export', (database, dialect) => {
  let services: Services;
  let anonymousId: string;
  let empty: TestDatabase | undefined;

  beforeAll(async () => {
    services = buildServices(database().db, fixedClock);
    await seedDemo(database().db, fixedClock);
    ({ anonymousId } = await seedMixed(services));
    empty = await createTestDatabase(dialect);
  });
  afterAll(async () => {
    await empty?.drop();
  });

  it('holds public records only: no hidden record, field or anonymous person, no reference to one', async () => {
    const document = await services.exports.document();
    const text = JSON.stringify(document);
    expect(text).not.toContain(MARKER);
    expect(text).not.toContain(anonymousId);
    expect(text).not.toContain('Anonymava');
    expect(document.persons.length).toBeGreaterThan(5);
    const ids = new Set(
      [...document.facilities, ...document.batches, ...document.sources].map((record) => record.id),
    );
    for (const episode of document.episodes) {
      for (const stay of episode.facilityStays) expect(ids.has(stay.facilityId)).toBe(true);
      if (episode.release?.batchId) expect(ids.has(episode.release.batchId)).toBe(true);
    }
    for (const observation of document.countObservations)
      if (observation.sourceId) expect(ids.has(observation.sourceId)).toBe(true);
  });

  it('validates against the published JSON Schema', async () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object);
    const document = await services.exports.document();
    expect(validate(document), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(validate({ ...document, version: 2 })).toBe(false);
  });

  it(
    'round-trips: export → import into an empty database → export again is identical, and a second import changes nothing',
    WHOLE_REGISTRY,
    async () => {
      const first = await services.exports.document();
      const file = { name: 'unfree-public.json', bytes: Buffer.from(JSON.stringify(first)) };
      if (!empty) throw new Error('no second database');
      const target = buildServices(empty.db, fixedClock);
      const report = await target.imports.run(file);
      expect(report.counts.reject).toBe(0);
      expect(report.counts.create).toBeGreaterThan(10);
      expect(await target.exports.document()).toEqual(first);

      const before = await tableCounts(empty.db);
      const again = await target.imports.run(file);
      expect(again.rows.filter((row) => row.outcome !== 'unchanged')).toEqual([]);
      expect(again.importId).toBeNull();
      expect(await tableCounts(empty.db)).toEqual(before);

      // A newer export of the same registry updates only what changed, field by field.
      const [person] = first.persons;
      const [episode] = first.episodes.filter((item) => item.release === null);
      if (!person || !episode) throw new Error('the seed has persons and an open episode');
      const newer = {
        ...first,
        persons: first.persons.map((item) =>
          item.id === person.id ? { ...item, region: 'Synthetic new region' } : item,
        ),
        episodes: first.episodes.map((item) =>
          item.id === episode.id ? { ...item, sentenceMonths: 18 } : item,
        ),
      };
      const update = await target.imports.run({
        name: 'newer.json',
        bytes: Buffer.from(JSON.stringify(newer)),
      });
      expect(update.rows.filter((row) => row.outcome !== 'unchanged').map((row) => row.actions)).toEqual([
        [{ entity: 'person', action: 'update', id: person.id, fields: ['region'] }],
        [{ entity: 'episode', action: 'update', id: episode.id, fields: ['sentenceMonths'] }],
      ]);
      expect(await target.exports.document()).toEqual(newer);
    },
  );

  it('writes one CSV per table with formulas escaped, and Popolo persons, organizations and memberships', async () => {
    const tables = await services.exports.csv();
    const names = tables.map(({ table }) => table.name);
    for (const name of [
      'persons',
      'person_names',
      'episodes',
      'charges',
      'releases',
      'batches',
      'concessions',
      'sources',
      'count_observations',
    ])
      expect(names).toContain(name);
    const facilities = tables.find(({ table }) => table.name === 'facilities')?.text ?? '';
    expect(facilities).toContain(`"'=HYPERLINK(""http://evil.example"",""Synthetic colony"")"`);
    expect(facilities).not.toMatch(/(^|,)"?=HYPERLINK/m);
    const persons = tables.find(({ table }) => table.name === 'persons')?.text ?? '';
    expect(persons).toContain("'+1 raised a flag");
    const popolo = await services.exports.popolo();
    expect(popolo.persons.length).toBeGreaterThan(5);
    expect(popolo.memberships.some((membership) => membership.role === 'prisoner')).toBe(true);
    expect(JSON.stringify(popolo)).not.toContain(MARKER);
  });

  it('lists the downloads with a checksum each, the date and the licence', async () => {
    const downloads = await services.exports.downloads();
    expect(downloads.generatedAt).toBe(fixedClock().toISOString());
    expect(downloads.licence).toContain('CC BY 4.0');
    const checksums =
      downloads.files.find((entry) => entry.name === 'checksums.txt')?.content.toString() ?? '';
    for (const entry of downloads.files.filter((f) => f.name !== 'checksums.txt')) {
      expect(checksums).toContain(`${entry.sha256}  ${entry.name}`);
    }
  });
});

describeEachDialect('export files of every published version', (_database, dialect) => {
  const files = readdirSync(FIXTURES).filter((name) => name.endsWith('.json'));

  it('has a fixture of the current version', () => {
    expect(files).toContain('unfree-export-v1.json');
  });

  it.each(files)(
    '%s still imports into an empty database and exports the same records',
    WHOLE_REGISTRY,
    async (name) => {
      const bytes = readFileSync(new URL(name, FIXTURES));
      const empty = await createTestDatabase(dialect);
      try {
        const services = buildServices(empty.db, fixedClock);
        const report = await services.imports.run({ name, bytes });
        expect(report.rows.filter((row) => row.outcome === 'reject')).toEqual([]);
        const upgraded = readExportDocument(JSON.parse(bytes.toString('utf8')));
        const exported = await services.exports.document();
        expect({ ...exported, generatedAt: null, licence: null }).toEqual({
          ...upgraded,
          generatedAt: null,
          licence: null,
        });
      } finally {
        await empty.drop();
      }
    },
  );
});
