import { expect, it } from 'vitest';
import { buildServices } from '../../app.js';
import { describeEachDialect } from '../../../test/database.js';
import { aPerson, fixedClock } from '../../../test/factories.js';
import { isAppError } from '../../lib/errors.js';
import { SYNTHETIC_OCCUPATION, syntheticRegistry } from '../../synthetic/registry.js';
import { stockOn } from '../../stats/stock.js';
import { episodeFilterSchema } from '../episode/episode.schema.js';
import { personFilterSchema } from '../person/person.schema.js';
import { verifyChain } from '../history/history.service.js';
import type { RegistryPerson } from './bulk.schema.js';
import { checkPerson, nameRowsOf } from './bulk.prepare.js';
import { newId } from '../../lib/ids.js';
import { CHUNKS_BEFORE_THREADS } from './bulk.service.js';

const TODAY = '2026-01-14'; // the day before fixedClock's
const registry = (persons: number, seed: number) => {
  const { fixed, persons: stream } = syntheticRegistry({ persons, seed, today: TODAY });
  return { fixed, persons: [...stream] };
};

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error('expected the load to fail');
}

describeEachDialect('bulk load', (database) => {
  const services = () => buildServices(database().db, fixedClock);

  it('refuses a bad person by its place in the input and writes nothing, not even the records before it', async () => {
    const bundle = registry(30, 5);
    const broken = structuredClone(bundle.persons);
    const victim = broken[17] as RegistryPerson;
    victim.episodes = [
      {
        ...victim.episodes[0]!,
        detainedOn: '2025-06-10',
        release: { releasedOn: '2025-05-01', mode: 'pardon' },
      },
    ];
    const error = await failure(
      services().bulk.load({ fixed: bundle.fixed, persons: broken }, { chunk: 10 }),
    );
    expect(error.code).toBe('rule_violated');
    expect(error.message).toContain('persons.17.episodes.0.release.releasedOn');
    expect(await services().persons.count()).toBe(0);
    expect((await verifyChain(database().db)).checked).toBe(0);

    // Chunks sent to a worker thread are checked here as they are sent: the first bad one in input
    // order is still the one named, and a person whose names a worker could not read is refused by
    // its check, not dropped.
    const threads = { chunk: 5, workers: 1, threadsAfterChunks: 1 };
    const twice = structuredClone(broken);
    twice[27] = structuredClone(victim);
    twice[12]!.names = [];
    const first = await failure(services().bulk.load({ fixed: bundle.fixed, persons: twice }, threads));
    expect(first.code).toBe('validation_failed');
    expect(first.message).toContain('persons.12.names');
    expect(await services().persons.count()).toBe(0);
    const later = await failure(services().bulk.load({ fixed: bundle.fixed, persons: broken }, threads));
    expect(later.message).toContain('persons.17.episodes.0.release.releasedOn');
    expect(await services().persons.count()).toBe(0);

    const badStay = structuredClone(bundle.persons);
    badStay[4]!.episodes[0]!.facilityStays = [
      { facilityId: bundle.fixed.facilities[0]!.id, from: '2024-05-01', to: '2024-04-01', note: null },
    ];
    const stay = await failure(services().bulk.load({ fixed: bundle.fixed, persons: badStay }));
    expect(stay.message).toContain(
      'persons.4.episodes.0.facilityStays.0.to: 2024-04-01 is before the start of the stay',
    );

    const missingName = structuredClone(bundle.persons);
    (missingName[3] as { names: unknown[] }).names = [];
    const invalid = await failure(services().bulk.load({ fixed: bundle.fixed, persons: missingName }));
    expect(invalid.code).toBe('validation_failed');
    expect(invalid.message).toContain('persons.3.names');

    const dangling = structuredClone(bundle.persons);
    dangling[2]!.episodes[0]!.charges = [
      { articleId: '0190aaaa-0000-7000-8000-000000000001', part: null, note: null },
    ];
    const unknown = await failure(services().bulk.load({ fixed: bundle.fixed, persons: dangling }));
    expect(unknown.message).toContain('persons.2');
    expect(unknown.message).toContain('does not exist');
    expect(await services().persons.count()).toBe(0);
  });

  it('stores what the services would: records readable, names searchable, stock as in the input, history chained', async () => {
    const bundle = registry(120, 9);
    const report = await services().bulk.load(bundle, { chunk: 25, threadsAfterChunks: 1 });
    expect(report.workers).toBeGreaterThanOrEqual(1); // past the first chunk, worker threads prepared them
    const episodes = bundle.persons.flatMap((person) => person.episodes);
    expect(report.persons).toBe(120);
    expect(report.rows.episodes).toBe(episodes.length);
    expect(report.rows.releases).toBe(episodes.filter((episode) => episode.release).length);
    expect(report.rows.nameKeys).toBeGreaterThan(120 * 3);
    // The stored key groups search ranks from, one row per person, as the person service writes them.
    expect(report.rows.nameForms).toBe(120);

    const someone = bundle.persons.find((person) => person.episodes.length > 1 && !person.anonymous)!;
    const stored = await services().persons.get(someone.id);
    expect(stored.occupations).toEqual([SYNTHETIC_OCCUPATION]);
    expect(stored.episodeCount).toBe(someone.episodes.length);
    expect(stored.names.map((name) => name.text)).toEqual(someone.names.map((name) => name.text));
    const found = await services().episodes.find(episodeFilterSchema.parse({ personId: someone.id }));
    expect(found.total).toBe(someone.episodes.length);

    const latin = someone.names.find((name) => name.script === 'Latn')!.text;
    const hits = await services().persons.search(latin, 5);
    expect(hits.map((hit) => hit.personId)).toContain(someone.id);

    const synthetic = await services().persons.find(
      personFilterSchema.parse({ occupation: SYNTHETIC_OCCUPATION, limit: 1 }),
    );
    expect(synthetic.total).toBe(120);

    const day = '2024-06-30';
    const facts = episodes.map((episode, index) => ({
      id: episode.id,
      personId: bundle.persons.find((person) => person.episodes.includes(episode))!.id,
      detainedOn: episode.detainedOn,
      releasedOn: episode.release?.releasedOn ?? null,
      releaseMode: null,
      batchId: null,
      forcedExile: null,
      citizenshipStripped: null,
      destinationCountry: null,
      articles: [],
      sentenceMonths: index,
    }));
    expect((await services().stats.stockOn(day)).held).toEqual(stockOn(facts, day));

    const records =
      bundle.fixed.articles.length +
      bundle.fixed.facilities.length +
      bundle.fixed.batches.length +
      bundle.persons.reduce(
        (sum, person) =>
          sum + 1 + person.episodes.length + person.conditionEvents.length + person.recognitions.length,
        0,
      );
    expect(report.revisions).toBe(records);
    const chain = await verifyChain(database().db);
    expect(chain).toMatchObject({ ok: true, checked: records });

    // The one-by-one path continues the same chain.
    await services().persons.create(aPerson());
    expect(await verifyChain(database().db)).toMatchObject({ ok: true, checked: records + 1 });
  });

  it('stores the same name rows whether a worker thread or the loading thread prepared a chunk', async () => {
    const bundle = registry(70, 12);
    const withWorkers = { ...bundle, persons: bundle.persons.slice(0, 40) };
    // The second part's articles are found by code and number; its facilities and batches by id.
    const inThisThread = {
      fixed: { ...bundle.fixed, facilities: [], batches: [] },
      persons: bundle.persons.slice(40),
    };
    const threads = { chunk: 10, workers: 2, threadsAfterChunks: 1 };
    expect((await services().bulk.load(withWorkers, threads)).workers).toBe(2);
    expect((await services().bulk.load(inThisThread, { chunk: 10, workers: 0 })).workers).toBe(0);
    const expected = nameRowsOf(bundle.persons.map((person, index) => checkPerson(person, index, TODAY)));
    const ids = bundle.persons.map((person) => person.id);
    const keys = await database()
      .db.selectFrom('nameKeys')
      .select(['personId', 'key', 'variant', 'system'])
      .where('personId', 'in', ids)
      .execute();
    const forms = await database()
      .db.selectFrom('nameForms')
      .select(['personId', 'forms'])
      .where('personId', 'in', ids)
      .execute();
    const order = (rows: { personId: string; key?: string }[]) =>
      rows.map((row) => JSON.stringify(row)).sort();
    expect(order(keys)).toEqual(order(expected.keys));
    expect(order(forms)).toEqual(order(expected.forms));
  });

  it('starts no thread for a load of at most CHUNKS_BEFORE_THREADS chunks, and threads past it', async () => {
    const bundle = registry(CHUNKS_BEFORE_THREADS * 2 + 1, 15);
    const short = { ...bundle, persons: bundle.persons.slice(0, CHUNKS_BEFORE_THREADS) };
    const long = {
      fixed: { ...bundle.fixed, facilities: [], batches: [] },
      persons: bundle.persons.slice(CHUNKS_BEFORE_THREADS),
    };
    expect((await services().bulk.load(short, { chunk: 1, workers: 1 })).workers).toBe(0);
    expect((await services().bulk.load(long, { chunk: 1, workers: 1 })).workers).toBe(1);
  });

  it('points charges and their history to the stored article when a worker thread prepared the chunk', async () => {
    const bundle = registry(60, 14);
    await services().bulk.load({ ...bundle, persons: bundle.persons.slice(0, 20) }, { workers: 0 });
    // Articles are stored once by code and number (earlier tests in this file may have stored them).
    const storedRows = await database().db.selectFrom('legalArticles').select('id').execute();
    const stored = new Set(storedRows.map((row) => row.id));
    // The same articles under other ids, as another bundle would name them.
    const renamed = new Map(bundle.fixed.articles.map((article) => [article.id, newId()]));
    const rest = structuredClone(bundle.persons.slice(20));
    for (const person of rest)
      for (const episode of person.episodes)
        for (const charge of episode.charges) charge.articleId = renamed.get(charge.articleId)!;
    const second = {
      fixed: {
        ...bundle.fixed,
        articles: bundle.fixed.articles.map((article) => ({ ...article, id: renamed.get(article.id)! })),
        facilities: [],
        batches: [],
      },
      persons: rest,
    };
    const threads = { chunk: 10, workers: 1, threadsAfterChunks: 1 };
    expect((await services().bulk.load(second, threads)).workers).toBe(1);

    const episodeIds = rest.flatMap((person) => person.episodes.map((episode) => episode.id));
    const charges = await database()
      .db.selectFrom('episodeCharges')
      .select('articleId')
      .where('episodeId', 'in', episodeIds)
      .execute();
    expect(charges.length).toBeGreaterThan(10);
    expect(charges.every((charge) => stored.has(charge.articleId))).toBe(true);
    const diffs = await database()
      .db.selectFrom('revisions')
      .select('diff')
      .where('entity', '=', 'episode')
      .where('recordId', 'in', episodeIds)
      .execute();
    expect(diffs).toHaveLength(episodeIds.length);
    const text = diffs.map((row) => row.diff).join('\n');
    for (const [storedId, otherId] of renamed) {
      expect(text).not.toContain(otherId);
      if (charges.some((charge) => charge.articleId === storedId)) expect(text).toContain(storedId);
    }
    expect(await verifyChain(database().db)).toMatchObject({ ok: true });
  });
});
