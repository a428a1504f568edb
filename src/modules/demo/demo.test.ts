import { expect, it } from 'vitest';
import { buildServices } from '../../app.js';
import { describeEachDialect } from '../../../test/database.js';
import { fixedClock } from '../../../test/factories.js';
import { tableCounts } from '../../../test/snapshot.js';
import { inTransaction } from '../shared/transaction.js';
import { demoDatasetSchema } from './demo.schema.js';
import { loadDataset, readDemoDataset } from './demo.service.js';
import { seedDemo, seedDemoIfEmpty } from './demo.seed.js';

/** A tiny synthetic dataset in the demo format, to test the loader's all-or-nothing behaviour. */
/** The real dataset holds facts up to 2026; the synthetic tests keep the earlier fixed clock. */
const datasetClock = () => new Date('2026-11-23T12:00:00.000Z');

function syntheticDataset(articleNumber: string, chargedArticle = `BY-CC ${articleNumber}`) {
  return demoDatasetSchema.parse({
    format: 'unfree-demo',
    version: 1,
    sources: [
      { key: 's1', title: 'Synthetic source', url: 'https://example.org/s1', publishedOn: '2025-12-13' },
    ],
    legalArticles: [{ code: 'BY-CC', number: articleNumber, titleEn: 'Synthetic title', sources: ['s1'] }],
    facilities: [{ key: 'f1', name: 'Synthetic colony', type: 'colony', sources: ['s1'] }],
    counterparts: [{ key: 'c1', name: 'Synthetic State', kind: 'state', country: 'LT' }],
    batches: [
      {
        key: 'b1',
        releasedOn: '2025-12-13',
        title: 'Synthetic batch',
        counterparts: [{ counterpart: 'c1', role: 'counterpart' }],
        concessions: [{ kind: 'sanctions_relief', target: 'synthetic', givenBy: 'c1' }],
        sources: ['s1'],
      },
    ],
    persons: [
      {
        key: 'p1',
        names: [{ text: 'Synthetic Demova', script: 'Latn', language: 'en', isPrimary: true }],
        episodes: [
          {
            detainedOn: '2021',
            charges: [{ article: chargedArticle }],
            facilityStays: [{ facility: 'f1' }],
            release: { releasedOn: '2025-12-13', mode: 'negotiated', batch: 'b1' },
            sources: ['s1'],
          },
        ],
        sources: ['s1'],
      },
    ],
    countObservations: [
      { organisation: 'Synthetic NGO', metric: 'held', observedOn: '2025-12-31', count: 7, source: 's1' },
    ],
  });
}

describeEachDialect('demo dataset loader', (database) => {
  it('loads a dataset with every reference resolved and every record cited', async () => {
    const db = database().db;
    const summary = await inTransaction(db, (trx) =>
      loadDataset(buildServices(trx, fixedClock), syntheticDataset('342')),
    );
    expect(summary).toMatchObject({ persons: 1, episodes: 1, batches: 1, sources: 1, countObservations: 1 });
    const services = buildServices(db, fixedClock);
    const [person] = (await services.persons.find({ q: 'demova', limit: 5, offset: 0, sort: 'name' })).items;
    expect(person?.status).toBe('released');
    const [episode] = await services.episodes.listForPerson(person?.id ?? '');
    expect(episode?.release?.batchId).toBeTruthy();
    expect(episode?.charges[0]?.articleNumber).toBe('342');
    const citations = await services.citations.find({ subjectId: person?.id, limit: 10, offset: 0 });
    expect(citations.total).toBe(1);
  });

  it('writes nothing when one reference is broken', async () => {
    const db = database().db;
    const before = await tableCounts(db);
    const attempt = inTransaction(db, (trx) =>
      loadDataset(buildServices(trx, fixedClock), syntheticDataset('343', 'BY-CC 999')),
    );
    await expect(attempt).rejects.toMatchObject({ code: 'rule_violated' });
    await expect(attempt).rejects.toThrow(
      /persons\.0\.episodes\.0\.charges\.0\.article: unknown legal article key "BY-CC 999"/,
    );
    expect(await tableCounts(db)).toEqual(before);
  });
});

describeEachDialect('the real demo dataset', (database) => {
  it('validates, loads in one transaction, and is loaded only into an empty database', async () => {
    const db = database().db;
    const dataset = await readDemoDataset();
    const summary = await seedDemo(db, datasetClock);
    expect(summary.persons).toBe(dataset.persons.length);
    expect(summary.persons).toBeGreaterThanOrEqual(15);
    expect(summary.batches).toBeGreaterThanOrEqual(10);
    expect(await seedDemoIfEmpty(db, datasetClock)).toBeNull();
    // Loading 300-odd sources and their citations on PostgreSQL takes over 30 s under load 25 on two cores.
  }, 120_000);

  it('cites every person, episode and batch, and links named releases to their batches', async () => {
    const services = buildServices(database().db, datasetClock);
    const persons = await services.persons.find({ limit: 500, offset: 0, sort: 'name' });
    for (const person of persons.items) {
      const cited = await services.citations.find({
        subjectType: 'person',
        subjectId: person.id,
        limit: 1,
        offset: 0,
      });
      expect(cited.total, person.displayName).toBeGreaterThan(0);
      for (const episode of await services.episodes.listForPerson(person.id)) {
        const episodeCited = await services.citations.find({
          subjectType: 'episode',
          subjectId: episode.id,
          limit: 1,
          offset: 0,
        });
        expect(episodeCited.total, `${person.displayName} ${episode.detainedOn}`).toBeGreaterThan(0);
      }
    }
    const batches = await services.batches.find({ limit: 500, offset: 0 });
    for (const batch of batches.items) {
      const cited = await services.citations.find({
        subjectType: 'batch',
        subjectId: batch.id,
        limit: 1,
        offset: 0,
      });
      expect(cited.total, batch.title).toBeGreaterThan(0);
    }
    const december = batches.items.find((batch) => batch.releasedOn === '2025-12-13');
    expect(december?.announcedCount).toBe(123);
    expect(december?.identifiedCount).toBeGreaterThanOrEqual(3);
  });

  it('holds the public cases named in the brief, in both Cyrillic forms', async () => {
    const services = buildServices(database().db, datasetClock);
    for (const q of [
      'Bialiatski',
      'Бяляцкі',
      'Беляцкий',
      'Kalesnikava',
      'Калеснікава',
      'Колесникова',
      'Babaryka',
      'Statkevich',
      'Poczobut',
    ]) {
      const found = await services.persons.find({ q, limit: 5, offset: 0, sort: 'name' });
      expect(found.total, q).toBe(1);
    }
    const [statkevich] = (await services.persons.find({ q: 'Statkevich', limit: 1, offset: 0, sort: 'name' }))
      .items;
    expect(
      statkevich?.episodeCount,
      'Statkevich: jailed 2010–2015 and again from 2020',
    ).toBeGreaterThanOrEqual(2);
  });
});
