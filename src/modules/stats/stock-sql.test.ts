import fc from 'fast-check';
import { expect, it } from 'vitest';
import { addDays } from '../../lib/partial-date.js';
import { buildServices } from '../../app.js';
import { describeEachDialect } from '../../../test/database.js';
import { fixedClock } from '../../../test/factories.js';
import { mulberry32 } from '../../synthetic/names.js';
import { syntheticRegistry } from '../../synthetic/registry.js';
import { stockOn, stockSeries } from '../../stats/stock.js';
import type { RegistryPerson } from '../bulk/bulk.schema.js';
import { selectEpisodeFacts } from './stats.repository.js';
import { aPrecision, drawnEpisode } from '../../../test/partial-dates.js';

/**
 * The stock in SQL (day counts + irregular episodes) must equal the pure stats/stock.ts over the
 * same episodes, including the cases the day counts alone get wrong: a person with overlapping
 * episodes, spans that partial dates leave inverted, release on the day of detention.
 */
const TODAY = '2026-01-14';

function irregularPersons(template: RegistryPerson): RegistryPerson[] {
  const random = mulberry32(77);
  const id = (n: number) => `0190ffff-0000-7000-8000-${String(n).padStart(12, '0')}`;
  let next = 1;
  const episode = (detainedOn: string, releasedOn: string | null) => ({
    ...template.episodes[0]!,
    id: id(next++),
    detainedOn,
    verdictOn: null,
    facilityStays: [],
    release: releasedOn === null ? null : { releasedOn, mode: 'pardon' as const, batchId: null },
  });
  const person = (episodes: ReturnType<typeof episode>[]): RegistryPerson => ({
    ...template,
    id: id(next++),
    conditionEvents: [],
    recognitions: [],
    episodes,
  });
  const out = [
    person([episode('2021', '2021-06-10'), episode('2021-03', null)]), // overlapping, open
    person([episode('2020-05-01', '2022-01-01'), episode('2021-01-01', '2021-12-01')]), // nested
    person([episode('2022-07', '2022-07-20')]), // certain span inverted
    person([episode('2023', '2023')]), // both imprecise
    person([episode('2024-02-02', '2024-02-02')]), // released the day of detention
    person([episode('2019-03-01', '2020-01'), episode('2020-01', '2020-06-30'), episode('2020-06', null)]),
  ];
  for (let i = 0; i < 25; i++) {
    const start = 2017 + Math.floor(random() * 8);
    const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
    out.push(
      person([
        episode(`${start}`, `${start + 1}-${month}`),
        episode(`${start + 1}`, random() < 0.5 ? null : `${start + 2}`),
      ]),
    );
  }
  return out;
}

describeEachDialect('stock in SQL equals the pure stock', (database) => {
  it('on every month end, week end and chosen day of a synthetic registry with irregular episodes', async () => {
    const { fixed, persons } = syntheticRegistry({ persons: 150, seed: 21, today: TODAY });
    const all = [...persons];
    const services = buildServices(database().db, fixedClock);
    await services.bulk.load({ fixed, persons: [...all, ...irregularPersons(all[0]!)] });
    const facts = await selectEpisodeFacts(database().db);

    for (const step of ['month', 'year', 'week'] as const) {
      const served = await services.stats.series({ from: '2016-06-15', to: '2025-11-20' }, step);
      expect(served.points).toEqual(
        stockSeries(facts, '2016-06-15', '2025-11-20', step).map((point) => ({
          period: point.period,
          day: point.day,
          min: point.min,
          max: point.max,
        })),
      );
    }
    for (const day of [
      '2016-01-01',
      '2020-12-31',
      '2021-03-15',
      '2021-06-10',
      '2022-07-10',
      '2023-06-30',
      '2024-02-02',
      TODAY,
    ]) {
      expect((await services.stats.stockOn(day)).held, day).toEqual(stockOn(facts, day));
    }
  });

  it('on random registries: persons with overlapping, nested and partial-dated episodes (fast-check)', async () => {
    const db = database().db;
    const services = buildServices(db, fixedClock);
    // Persons and episodes only (no articles, facilities or batches), so the file's other test may
    // have loaded its own before.
    const { persons } = syntheticRegistry({ persons: 10, seed: 5, today: TODAY });
    const fixed = { articles: [], facilities: [], batches: [] };
    const template = [...persons].find((person) => person.episodes.length > 0)!;
    const anEpisodeOf = fc.record({
      start: fc.integer({ min: 0, max: 3600 }),
      length: fc.option(fc.integer({ min: 0, max: 1500 }), { nil: null, freq: 4 }),
      detained: aPrecision,
      released: aPrecision,
    });
    const registry = fc.array(fc.array(anEpisodeOf, { minLength: 1, maxLength: 3 }), {
      minLength: 1,
      maxLength: 25,
    });
    let next = 1;
    const id = () => `0190eeee-0000-7000-8000-${String(next++).padStart(12, '0')}`;
    await fc.assert(
      fc.asyncProperty(registry, fc.integer({ min: 0, max: 3800 }), async (people, offset) => {
        await db.deleteFrom('persons').execute();
        const loaded: RegistryPerson[] = people.map((episodes) => ({
          ...template,
          id: id(),
          conditionEvents: [],
          recognitions: [],
          // One open episode at most per person: the others are closed, however short.
          episodes: episodes.map((entry, index) =>
            drawnEpisode(template.episodes[0]!, id(), entry, entry.length === null && index === 0, {
              mode: 'pardon',
              batchId: null,
            }),
          ),
        }));
        await services.bulk.load({ fixed, persons: loaded });
        const facts = await selectEpisodeFacts(db);
        const served = await services.stats.series({ from: '2015-06-15', to: '2026-01-10' }, 'month');
        expect(served.points.map((point) => [point.day, point.min, point.max])).toEqual(
          stockSeries(facts, '2015-06-15', '2026-01-10', 'month').map((point) => [
            point.day,
            point.min,
            point.max,
          ]),
        );
        const day = addDays('2015-12-01', offset);
        expect((await services.stats.stockOn(day)).held, day).toEqual(stockOn(facts, day));
      }),
      { numRuns: 10 },
    );
  });
});
