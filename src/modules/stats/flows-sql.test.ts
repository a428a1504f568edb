import fc from 'fast-check';
import { expect, it } from 'vitest';
import { addDays } from '../../lib/partial-date.js';
import { buildServices } from '../../app.js';
import { describeEachDialect } from '../../../test/database.js';
import { fixedClock } from '../../../test/factories.js';
import { syntheticRegistry } from '../../synthetic/registry.js';
import { RELEASE_MODES } from '../../stats/facts.js';
import { flowTable } from '../../stats/flows.js';
import { dealLedger } from '../../stats/deals.js';
import {
  aroundBatches,
  cumulativeReleasesByRoute,
  releasedVsImprisoned,
} from '../../stats/revolving-door.js';
import type { Db } from '../../db/database.js';
import type { Granularity } from '../../stats/periods.js';
import type { StatsService } from './stats.service.js';
import type { RegistryPerson } from '../bulk/bulk.schema.js';
import { selectBatchFacts, selectEpisodeFacts, selectRecognitionFacts } from './stats.repository.js';
import { aPrecision, drawnEpisode, recordedAs } from '../../../test/partial-dates.js';

/**
 * Flows counted per recorded date in SQL (stats.service flows) must equal stats/flows.ts flowTable
 * over every episode and recognition: periods, the unallocated dates, totals and undated
 * recognitions, for every granularity and windows that cut partial dates at either end.
 */
const TODAY = '2026-01-14';

/** The revolving door as the service serves it must equal the pure functions over every fact. */
async function expectDoorEqual(db: Db, stats: StatsService, from: string, to: string, step: Granularity) {
  const [episodes, recognitions, batches] = await Promise.all([
    selectEpisodeFacts(db),
    selectRecognitionFacts(db),
    selectBatchFacts(db, ['public', 'internal', 'confidential']),
  ]);
  expect(await stats.revolvingDoor({ from, to }, step), `door ${from}…${to} by ${step}`).toEqual({
    from,
    to,
    periods: releasedVsImprisoned(episodes, from, to, step),
    aroundBatches: aroundBatches(batches, episodes, recognitions),
    cumulativeByRoute: cumulativeReleasesByRoute(episodes, from, to, step),
  });
}

describeEachDialect('flows in SQL equal the pure flow table', (database) => {
  it('on a synthetic registry, by day, week, month and year, over several windows', async () => {
    const { fixed, persons } = syntheticRegistry({ persons: 300, seed: 8, today: TODAY });
    const services = buildServices(database().db, fixedClock);
    await services.bulk.load({ fixed, persons: [...persons] });
    const episodes = await selectEpisodeFacts(database().db);
    const recognitions = await selectRecognitionFacts(database().db);
    const windows = [
      { from: '2016-06-15', to: '2025-11-20' },
      { from: '2021-03-01', to: '2021-03-31' },
      { from: '2020-12-30', to: '2021-01-02' },
      { from: '2010-01-01', to: TODAY },
    ];
    for (const window of windows)
      for (const step of ['day', 'week', 'month', 'year'] as const) {
        if (step === 'day' && window.from < '2020-01-01') continue;
        const served = await services.stats.flows(window, step);
        expect(served, `${window.from}…${window.to} by ${step}`).toEqual(
          flowTable({ episodes, recognitions }, window.from, window.to, step),
        );
        await expectDoorEqual(database().db, services.stats, window.from, window.to, step);
      }
    const batches = await selectBatchFacts(database().db, ['public', 'internal', 'confidential']);
    expect(batches.length).toBeGreaterThan(0);
    const deals = await services.stats.deals({}, 'month');
    expect(deals.ledger).toEqual(dealLedger(batches, episodes));
    expect(deals.ledger.batches.some((batch) => batch.identified > 0)).toBe(true);
  });

  it('on random registries with partial dates, every release mode and undated recognitions (fast-check)', async () => {
    const db = database().db;
    const services = buildServices(db, fixedClock);
    const synthetic = syntheticRegistry({ persons: 10, seed: 5, today: TODAY });
    const persons = synthetic.persons;
    let next = 1;
    const id = () => `0190dddd-0000-7000-8000-${String(next++).padStart(12, '0')}`;
    // Batches of their own (the file's other test may have loaded the synthetic ones), loaded once.
    const batches = synthetic.fixed.batches.slice(0, 3).map((batch) => ({ ...batch, id: id() }));
    await services.bulk.load({ fixed: { articles: [], facilities: [], batches }, persons: [] });
    const fixed = { articles: [], facilities: [], batches: [] };
    const template = [...persons].find((person) => person.episodes.length > 0)!;
    const anEpisode = fc.record({
      start: fc.integer({ min: 0, max: 3600 }),
      length: fc.option(fc.integer({ min: 1, max: 1500 }), { nil: null, freq: 4 }),
      detained: aPrecision,
      released: aPrecision,
      mode: fc.constantFrom(...RELEASE_MODES),
      batch: fc.integer({ min: -3, max: batches.length - 1 }),
    });
    const aRecognition = fc.record({
      start: fc.option(fc.integer({ min: 0, max: 3600 }), { nil: null, freq: 5 }),
      precision: aPrecision,
      afterRelease: fc.boolean(),
    });
    const aPerson = fc.record({
      episodes: fc.array(anEpisode, { minLength: 0, maxLength: 3 }),
      recognitions: fc.array(aRecognition, { maxLength: 2 }),
    });
    const aWindow = fc.record({
      start: fc.integer({ min: -400, max: 3800 }),
      length: fc.integer({ min: 0, max: 1200 }),
      step: fc.constantFrom('day', 'week', 'month', 'year' as const),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(aPerson, { minLength: 1, maxLength: 25 }),
        aWindow,
        async (people, window) => {
          await db.deleteFrom('persons').execute();
          const loaded: RegistryPerson[] = people.map((person) => ({
            ...template,
            id: id(),
            conditionEvents: [],
            recognitions: person.recognitions.map((recognition) => ({
              id: id(),
              organisation: 'Synthetic',
              recognisedOn:
                recognition.start === null
                  ? null
                  : recordedAs(addDays('2016-01-01', recognition.start), recognition.precision),
              endedOn: null,
              endReason: null,
              afterRelease: recognition.afterRelease,
              note: null,
              visibility: 'public' as const,
            })),
            episodes: person.episodes.map((entry, index) =>
              drawnEpisode(template.episodes[0]!, id(), entry, entry.length === null && index === 0, {
                mode: entry.mode,
                batchId: batches[entry.batch]?.id ?? null,
              }),
            ),
          }));
          await services.bulk.load({ fixed, persons: loaded });
          const from = addDays('2016-01-01', window.start);
          const to = addDays(from, window.step === 'day' ? window.length % 120 : window.length);
          const served = await services.stats.flows({ from, to }, window.step);
          const episodes = await selectEpisodeFacts(db);
          const recognitions = await selectRecognitionFacts(db);
          expect(served).toEqual(flowTable({ episodes, recognitions }, from, to, window.step));
          await expectDoorEqual(db, services.stats, from, to, window.step);
        },
      ),
      { numRuns: 15 },
    );
  });
});
