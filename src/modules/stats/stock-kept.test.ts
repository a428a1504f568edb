import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import fc from 'fast-check';
import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { buildServices } from '../../app.js';
import { describeEachDialect } from '../../../test/database.js';
import { testApp } from '../../../test/app.js';
import { anEpisode, aPerson, fixedClock } from '../../../test/factories.js';
import { aPrecision, type Precision, recordedAs } from '../../../test/partial-dates.js';
import type { Db } from '../../db/database.js';
import * as stockDayDeltas from '../../db/migrations/0018-stock-day-deltas.js';
import { AppError } from '../../lib/errors.js';
import { addDays } from '../../lib/partial-date.js';
import { dayDeltasOf } from '../../stats/stock-events.js';
import { stockOn } from '../../stats/stock.js';
import { syntheticRegistry } from '../../synthetic/registry.js';
import { recomputeStockEvents, selectEpisodeFacts, selectKeptDayDeltas } from './stats.repository.js';

/**
 * The stock kept on write (migration 0018) against a full recomputation from every episode, after
 * every path that writes episodes or releases: if one forgets to keep it, the published count is
 * silently wrong, so each step compares.
 */
async function expectKeptEqualsRecomputed(db: Db, step: string) {
  const kept = await selectKeptDayDeltas(db);
  expect(kept, step).toEqual(dayDeltasOf(await recomputeStockEvents(db)));
}

const CHECK_DAYS = ['2019-06-30', '2020-12-31', '2021-08-15', '2022-03-01', '2024-01-01', '2026-01-14'];

/** And the figures served from it against the pure stats/stock.ts, on a few days. */
async function expectServedEqualsPure(db: Db, step: string) {
  const services = buildServices(db, fixedClock);
  const facts = await selectEpisodeFacts(db);
  for (const day of CHECK_DAYS)
    expect((await services.stats.stockOn(day)).held, `${step}, ${day}`).toEqual(stockOn(facts, day));
}

const BIN = fileURLToPath(new URL('../../../bin/unfree.js', import.meta.url));
// The real binary is spawned; on a loaded machine a spawn can take seconds.
const SPAWNING = { timeout: 120_000 };

async function unfree(databaseUrl: string, ...args: string[]) {
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [BIN, '--database-url', databaseUrl, ...args],
      {
        env: { ...process.env, NODE_NO_WARNINGS: '1' },
      },
    );
    return { code: 0, stdout, stderr: '' };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return failed;
  }
}

const IMPORTED = [
  'Імя;Дата нараджэння;Дата затрымання;Артыкулы;Дата вызвалення;Спосаб вызвалення',
  'Сінтэтычная Стокава;14.08.1985;08.2021;342;;',
  'Сінтэтычны Стокаў;1990;2020;342;2022-03;pardon',
].join('\n');

describeEachDialect('the stock kept on write equals a full recomputation', (database) => {
  it('after creates, updates, releases, overlaps, merges, deletes, bulk loads, imports and a published draft', async () => {
    const db = database().db;
    const services = buildServices(db, fixedClock);
    await expectKeptEqualsRecomputed(db, 'empty registry');

    const first = await services.persons.create(aPerson());
    const second = await services.persons.create(aPerson());
    const open = await services.episodes.create(anEpisode(first.id, { detainedOn: '2020-05' }));
    const closed = await services.episodes.create(
      anEpisode(first.id, {
        detainedOn: '2021-03-02',
        release: { releasedOn: '2022-01', mode: 'pardon' },
      }),
    );
    const inverted = await services.episodes.create(
      anEpisode(second.id, { detainedOn: '2021-07', release: { releasedOn: '2021-07-20', mode: 'pardon' } }),
    );
    await expectKeptEqualsRecomputed(db, 'after creates (one person with overlapping episodes)');
    const corrections = await db.selectFrom('stockCorrections').select('personId').distinct().execute();
    expect(corrections.map((row) => row.personId).sort(), 'persons with a correction').toEqual(
      [first.id, second.id].sort(),
    );

    await services.episodes.update(open.id, { detainedOn: '2019' });
    await expectKeptEqualsRecomputed(db, 'after a change of detention date');
    await services.episodes.update(open.id, { release: { releasedOn: '2021-05', mode: 'sentence_served' } });
    await expectKeptEqualsRecomputed(db, 'after a release added');
    await services.episodes.update(closed.id, { release: { releasedOn: '2023', mode: 'pardon' } });
    await expectKeptEqualsRecomputed(db, 'after a release date changed');
    await services.episodes.update(inverted.id, { release: null });
    await expectKeptEqualsRecomputed(db, 'after a release removed');
    await services.episodes.update(inverted.id, {
      release: { releasedOn: '2021-07-10', mode: 'pardon' },
    });

    const third = await services.persons.create(aPerson());
    await services.episodes.create(
      anEpisode(third.id, { detainedOn: '2021', release: { releasedOn: '2024-02', mode: 'pardon' } }),
    );
    await services.persons.merge(first.id, third.id);
    await expectKeptEqualsRecomputed(db, 'after a merge moved episodes');
    await services.episodes.delete(closed.id);
    await expectKeptEqualsRecomputed(db, 'after an episode delete');
    await services.persons.delete(second.id);
    await expectKeptEqualsRecomputed(db, 'after a person delete (episodes and releases cascade)');
    await expectServedEqualsPure(db, 'after the services');

    const bundle = syntheticRegistry({ persons: 80, seed: 18, today: '2026-01-14' });
    await services.bulk.load({ fixed: bundle.fixed, persons: [...bundle.persons] }, { chunk: 30 });
    await expectKeptEqualsRecomputed(db, 'after a bulk load');

    const report = await services.imports.run({ name: 'list.csv', bytes: Buffer.from(IMPORTED) });
    expect(report.committed).toBe(true);
    await expectKeptEqualsRecomputed(db, 'after an import');

    const editor = await testApp(db, { as: 'editor', canPublish: false });
    const reviewer = await testApp(db, { as: 'reviewer' });
    try {
      const person = await services.persons.create(aPerson());
      const submitted = await editor.inject({
        method: 'POST',
        url: '/api/v1/episodes',
        payload: {
          personId: person.id,
          detainedOn: '2022-02',
          release: { releasedOn: '2022-02-25', mode: 'pardon' },
        },
      });
      expect(submitted.statusCode).toBe(202);
      await expectKeptEqualsRecomputed(db, 'after a draft is submitted (nothing written)');
      const draftId = submitted.json<{ draft: { id: string } }>().draft.id;
      const published = await reviewer.inject({
        method: 'POST',
        url: `/api/v1/drafts/${draftId}/publish`,
        payload: {},
      });
      expect(published.statusCode).toBe(200);
    } finally {
      await editor.close();
      await reviewer.close();
    }
    await expectKeptEqualsRecomputed(db, 'after a draft is published');
    await expectServedEqualsPure(db, 'at the end');
  });

  it(
    'is checked by `unfree stats verify`, which names the days where the kept state went wrong',
    SPAWNING,
    async () => {
      const db = database().db;
      const services = buildServices(db, fixedClock);
      const person = await services.persons.create(aPerson());
      await services.episodes.create(
        anEpisode(person.id, {
          detainedOn: '2017-02-03',
          release: { releasedOn: '2017-09', mode: 'pardon' },
        }),
      );
      const report = await services.stats.verifyKeptStock();
      expect(report.differences).toEqual([]);
      expect(report.days).toBeGreaterThan(0);
      const verified = await unfree(database().url, 'stats', 'verify');
      expect(verified.code, verified.stderr).toBe(0);
      expect(verified.stdout).toMatch(/^Kept stock equals a recomputation/);

      // As if a write had gone around the triggers.
      const day = '2017-02-03';
      const right = (await selectKeptDayDeltas(db)).find((delta) => delta.day === day)!;
      const wrong = right.certain + 4;
      await db.updateTable('stockDayDeltas').set({ certain: wrong }).where('day', '=', day).execute();
      expect((await services.stats.verifyKeptStock()).differences).toEqual([
        {
          day,
          kept: { min: wrong, max: right.possible },
          recomputed: { min: right.certain, max: right.possible },
        },
      ]);
      const refused = await unfree(database().url, 'stats', 'verify');
      expect(refused.code).not.toBe(0);
      expect(refused.stdout).toContain(
        `PROBLEM: ${day}: kept ${wrong}/${right.possible}, recomputed ${right.certain}/${right.possible}`,
      );
      await db.updateTable('stockDayDeltas').set({ certain: right.certain }).where('day', '=', day).execute();
    },
  );

  it('is backfilled by its migration from the episodes already there, and dropped by its down', async () => {
    const db = database().db;
    const services = buildServices(db, fixedClock);
    const person = await services.persons.create(aPerson());
    await services.episodes.create(
      anEpisode(person.id, { detainedOn: '2018-04', release: { releasedOn: '2018-04-20', mode: 'pardon' } }),
    );
    await stockDayDeltas.down(db as unknown as Kysely<unknown>);
    // Written while no trigger keeps the stock: only the backfill can count them.
    const other = await services.persons.create(aPerson());
    await services.episodes.create(anEpisode(other.id, { detainedOn: '2019' }));
    await services.episodes.create(
      anEpisode(other.id, {
        detainedOn: '2019-11-03',
        release: { releasedOn: '2020-06', mode: 'sentence_served' },
      }),
    );
    await stockDayDeltas.up(db as unknown as Kysely<unknown>);
    await expectKeptEqualsRecomputed(db, 'after the migration ran on a filled registry');
    expect((await selectKeptDayDeltas(db)).length).toBeGreaterThan(0);
    await services.persons.delete(other.id);
    await expectKeptEqualsRecomputed(db, 'the triggers are back');
  });

  it('after random sequences of creates, updates, deletes, merges and bulk loads (fast-check)', async () => {
    const db = database().db;
    const services = buildServices(db, fixedClock);
    const { persons } = syntheticRegistry({ persons: 10, seed: 7, today: '2026-01-14' });
    const template = [...persons].find((person) => person.episodes.length > 0)!;
    const aSpan = fc.record({
      start: fc.integer({ min: 0, max: 3600 }),
      length: fc.option(fc.integer({ min: 0, max: 1500 }), { nil: null, freq: 3 }),
      detained: aPrecision,
      released: aPrecision,
    });
    type Span = { start: number; length: number | null; detained: Precision; released: Precision };
    const datesOf = (span: Span) => {
      const detained = addDays('2016-01-01', span.start);
      const releasedDay = addDays(detained, Math.max(1, span.length ?? 1));
      const released = releasedDay > '2025-12-31' ? '2025-12-31' : releasedDay;
      return {
        detainedOn: recordedAs(detained, span.detained),
        release:
          span.length === null
            ? null
            : { releasedOn: recordedAs(released, span.released), mode: 'pardon' as const },
      };
    };
    const anOperation = fc.oneof(
      fc.record({
        kind: fc.constant('createPerson' as const),
        spans: fc.array(aSpan, { minLength: 1, maxLength: 3 }),
      }),
      fc.record({ kind: fc.constant('addEpisode' as const), pick: fc.nat(), span: aSpan }),
      fc.record({ kind: fc.constant('updateEpisode' as const), pick: fc.nat(), span: aSpan }),
      fc.record({ kind: fc.constant('deleteEpisode' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('mergePersons' as const), pick: fc.nat(), other: fc.nat() }),
      fc.record({ kind: fc.constant('deletePerson' as const), pick: fc.nat() }),
      fc.record({
        kind: fc.constant('bulkLoad' as const),
        spans: fc.array(fc.array(aSpan, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 4 }),
      }),
    );
    let next = 1;
    const id = () => `0190dddd-0000-7000-8000-${String(next++).padStart(12, '0')}`;
    const pickFrom = async (table: 'persons' | 'episodes', pick: number) => {
      const rows = await db.selectFrom(table).select('id').orderBy('id').execute();
      return rows.length === 0 ? null : rows[pick % rows.length]!.id;
    };
    /** A write the services refuse (dates they reject) must leave everything as it was. */
    let written = 0;
    const refusedOrDone = async (write: () => Promise<unknown>) => {
      try {
        await write();
        written += 1;
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
      }
    };

    await fc.assert(
      fc.asyncProperty(fc.array(anOperation, { minLength: 3, maxLength: 10 }), async (operations) => {
        await db.deleteFrom('persons').execute();
        for (const [index, operation] of operations.entries()) {
          switch (operation.kind) {
            case 'createPerson': {
              const person = await services.persons.create(aPerson());
              for (const span of operation.spans)
                await refusedOrDone(() => services.episodes.create(anEpisode(person.id, datesOf(span))));
              break;
            }
            case 'addEpisode': {
              const personId = await pickFrom('persons', operation.pick);
              if (personId)
                await refusedOrDone(() =>
                  services.episodes.create(anEpisode(personId, datesOf(operation.span))),
                );
              break;
            }
            case 'updateEpisode': {
              const episodeId = await pickFrom('episodes', operation.pick);
              if (episodeId)
                await refusedOrDone(() => services.episodes.update(episodeId, datesOf(operation.span)));
              break;
            }
            case 'deleteEpisode': {
              const episodeId = await pickFrom('episodes', operation.pick);
              if (episodeId) await refusedOrDone(() => services.episodes.delete(episodeId));
              break;
            }
            case 'mergePersons': {
              const kept = await pickFrom('persons', operation.pick);
              const duplicate = await pickFrom('persons', operation.other);
              if (kept && duplicate && kept !== duplicate)
                await refusedOrDone(() => services.persons.merge(kept, duplicate));
              break;
            }
            case 'deletePerson': {
              const personId = await pickFrom('persons', operation.pick);
              if (personId) await refusedOrDone(() => services.persons.delete(personId));
              break;
            }
            case 'bulkLoad': {
              const loaded = operation.spans.map((spans) => ({
                ...template,
                id: id(),
                conditionEvents: [],
                recognitions: [],
                // One open episode at most per person, as the bulk load requires.
                episodes: spans.map((span, position) => {
                  const dates = datesOf(position === 0 ? span : { ...span, length: span.length ?? 1 });
                  return {
                    ...template.episodes[0]!,
                    id: id(),
                    detainedOn: dates.detainedOn,
                    verdictOn: null,
                    charges: [],
                    facilityStays: [],
                    release: dates.release && { ...dates.release, batchId: null },
                  };
                }),
              }));
              await refusedOrDone(() =>
                services.bulk.load({
                  fixed: { articles: [], facilities: [], batches: [] },
                  persons: loaded,
                }),
              );
              break;
            }
          }
          await expectKeptEqualsRecomputed(db, `after step ${index + 1}, ${operation.kind}`);
        }
      }),
      { numRuns: 12 },
    );
    expect(written, 'writes the services accepted: the property is not vacuous').toBeGreaterThan(20);
  });
});
