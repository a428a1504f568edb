import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { buildServices } from '../../app.js';
import { describeEachDialect } from '../../../test/database.js';
import { aPerson, fixedClock } from '../../../test/factories.js';
import type { Db } from '../../db/database.js';
import * as nameKeyCounts from '../../db/migrations/0016-name-key-counts.js';
import { syntheticRegistry } from '../../synthetic/registry.js';
import { canonicalPieces } from '../../names/canonical.js';
import { selectKeyCounts } from './name-key.repository.js';

/** The kept table, and the same figures counted again from name_keys. */
async function keptAndRecounted(db: Db) {
  const kept = await db.selectFrom('nameKeyCounts').select(['key', 'persons']).orderBy('key').execute();
  const recount = await db
    .selectFrom('nameKeys')
    .select((eb) => ['key', eb.fn.countAll<number | string>().as('persons')])
    .groupBy('key')
    .orderBy('key')
    .execute();
  return {
    kept: kept.map((row) => [row.key, Number(row.persons)]),
    recounted: recount.map((row) => [row.key, Number(row.persons)]),
  };
}

async function expectKeptEqualsRecount(db: Db, step: string) {
  const { kept, recounted } = await keptAndRecounted(db);
  expect(recounted.length, step).toBeGreaterThan(0);
  expect(kept, step).toEqual(recounted);
}

const named = (latin: string, cyrillic: string) =>
  aPerson({
    names: [
      { text: latin, script: 'Latn', language: 'en', system: 'press-passport', isPrimary: true },
      { text: cyrillic, script: 'Cyrl', language: 'be', system: null, isPrimary: false },
    ],
  });

describeEachDialect('name_key_counts (persons per name-search key)', (database) => {
  const services = () => buildServices(database().db, fixedClock);
  /** Persons counted under the key of a written word. */
  const personsOf = async (word: string) => {
    const key = canonicalPieces(word)[0]?.key ?? word;
    return (await selectKeyCounts(database().db, { keys: [key], prefixes: [] }))[0]?.persons ?? 0;
  };

  it('equals a recount of name_keys after creates, updates, merges, deletes, bulk loads and a reindex', async () => {
    const db = database().db;
    const { persons } = services();
    const first = await persons.create(named('Maryja Zhyrkevich', 'Марыя Жыркевіч'));
    const second = await persons.create(named('Hanna Zhyrkevich', 'Ганна Жыркевіч'));
    const third = await persons.create(named('Ales Pakhomau', 'Алесь Пахомаў'));
    await expectKeptEqualsRecount(db, 'after creates');
    expect(await personsOf('Zhyrkevich')).toBe(2);

    await persons.update(third.id, {
      names: [
        {
          text: 'Ales Zhyrkevich',
          script: 'Latn',
          language: 'en',
          system: 'press-passport',
          isPrimary: true,
        },
      ],
    });
    await expectKeptEqualsRecount(db, 'after an update of names');
    expect(await personsOf('Zhyrkevich')).toBe(3);
    expect(await personsOf('Pakhomau'), 'a key whose last person goes is removed').toBe(0);

    await persons.merge(first.id, second.id);
    await expectKeptEqualsRecount(db, 'after a merge');
    expect(await personsOf('Zhyrkevich')).toBe(2);

    await persons.delete(third.id);
    await expectKeptEqualsRecount(db, 'after a delete');
    expect(await personsOf('Zhyrkevich')).toBe(1);

    const bundle = syntheticRegistry({ persons: 60, seed: 16, today: '2026-01-14' });
    await services().bulk.load({ fixed: bundle.fixed, persons: [...bundle.persons] }, { chunk: 25 });
    await expectKeptEqualsRecount(db, 'after a bulk load');

    await persons.reindexAll();
    await expectKeptEqualsRecount(db, 'after reindexing every person');
  });

  it('is backfilled by its migration from the keys already there, and dropped by its down', async () => {
    const db = database().db;
    const person = await services().persons.create(named('Mikola Babrovich', 'Мікола Бабровіч'));
    await services().persons.create(named('Iryna Babrovich', 'Ірына Бабровіч'));
    await nameKeyCounts.down(db as unknown as Kysely<unknown>);
    const extraKey = canonicalPieces('Zzbackfilled')[0]?.key ?? 'zzbackfilled';
    // Written while no trigger counts it: only the backfill can.
    await db
      .insertInto('nameKeys')
      .values({ personId: person.id, key: extraKey, variant: 'Zzbackfilled', system: 'observed' })
      .execute();
    await nameKeyCounts.up(db as unknown as Kysely<unknown>);
    await expectKeptEqualsRecount(db, 'after the migration ran on a filled index');
    expect(await personsOf('Zzbackfilled')).toBe(1);
    expect(await personsOf('Babrovich')).toBe(2);
    await db.deleteFrom('nameKeys').where('key', '=', extraKey).execute();
    expect(await personsOf('Zzbackfilled'), 'the triggers are back').toBe(0);
  });
});
