import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, earliestDay, latestDay } from '../lib/partial-date.js';
import type { EpisodeFact } from './facts.js';
import { flowTable } from './flows.js';
import { stockOn } from './stock.js';

/**
 * Properties that must hold for any registry, checked on random ones (fast-check):
 * the stock is the number of open episodes, flows reconcile with the change in stock, and partial
 * dates widen a figure into a range but never move a total silently.
 */
const ORIGIN = '2015-01-01';

interface ConcreteEpisode {
  detained: string;
  released: string | null;
}

const concreteEpisode = fc
  .record({
    start: fc.integer({ min: 0, max: 3000 }),
    length: fc.option(fc.integer({ min: 1, max: 2000 }), { nil: null }),
  })
  .map(({ start, length }): ConcreteEpisode => ({
    detained: addDays(ORIGIN, start),
    released: length === null ? null : addDays(ORIGIN, start + length),
  }));

const precision = fc.constantFrom<'year' | 'month' | 'day'>('year', 'month', 'day');

function truncate(day: string, to: 'year' | 'month' | 'day'): string {
  return to === 'year' ? day.slice(0, 4) : to === 'month' ? day.slice(0, 7) : day;
}

function fact(index: number, detainedOn: string, releasedOn: string | null): EpisodeFact {
  return {
    id: `e${index}`,
    personId: `p${index}`,
    detainedOn,
    releasedOn,
    releaseMode: releasedOn ? 'sentence_served' : null,
    batchId: null,
    forcedExile: null,
    citizenshipStripped: null,
    destinationCountry: null,
    articles: [],
    sentenceMonths: null,
  };
}

const heldOn = (episodes: readonly ConcreteEpisode[], day: string) =>
  episodes.filter(
    (episode) => episode.detained <= day && (episode.released === null || episode.released > day),
  ).length;

const aDay = fc.integer({ min: -30, max: 5200 }).map((offset) => addDays(ORIGIN, offset));

describe('stock and flow properties', () => {
  it('the stock on any day is exactly the number of open episodes, when dates are exact', () => {
    fc.assert(
      fc.property(fc.array(concreteEpisode, { maxLength: 60 }), aDay, (episodes, day) => {
        const facts = episodes.map((episode, index) => fact(index, episode.detained, episode.released));
        expect(stockOn(facts, day, { unit: 'episode' })).toEqual({
          min: heldOn(episodes, day),
          max: heldOn(episodes, day),
        });
      }),
      { numRuns: 300 },
    );
  });

  it('inflow minus outflow over a window equals the change in stock', () => {
    fc.assert(
      fc.property(
        fc.array(concreteEpisode, { maxLength: 60 }),
        fc.integer({ min: 0, max: 4000 }),
        fc.integer({ min: 0, max: 1500 }),
        fc.constantFrom<'day' | 'week' | 'month' | 'year'>('day', 'month', 'year'),
        (episodes, startOffset, length, granularity) => {
          const facts = episodes.map((episode, index) => fact(index, episode.detained, episode.released));
          const table = flowTable(
            { episodes: facts },
            addDays(ORIGIN, startOffset),
            addDays(ORIGIN, startOffset + length),
            granularity,
          );
          // The table widens the window to whole periods; reconcile over exactly that window.
          const before = addDays(table.window.first, -1);
          const net = table.periods.reduce((sum, period) => sum + period.net.min, 0);
          expect(table.periods.every((period) => period.net.min === period.net.max)).toBe(true);
          expect(net).toBe(heldOn(episodes, table.window.last) - heldOn(episodes, before));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('partial dates give a range that holds every possible reading, never a silent guess', () => {
    const partialEpisode = fc.tuple(concreteEpisode, precision, precision);
    fc.assert(
      fc.property(fc.array(partialEpisode, { maxLength: 40 }), aDay, fc.nat(), (entries, day, seed) => {
        const facts = entries.map(([episode, detainedPrecision, releasedPrecision], index) =>
          fact(
            index,
            truncate(episode.detained, detainedPrecision),
            episode.released ? truncate(episode.released, releasedPrecision) : null,
          ),
        );
        const range = stockOn(facts, day, { unit: 'episode' });
        // Any reading of the partial dates (a day inside each range, release after detention).
        let state = seed;
        const next = () => (state = (state * 1103515245 + 12345) % 2147483648);
        const reading = facts.map((episode) => {
          const detained = pick(episode.detainedOn, next);
          const released = episode.releasedOn ? pick(episode.releasedOn, next) : null;
          return {
            detained,
            released: released !== null && released <= detained ? addDays(detained, 1) : released,
          };
        });
        const count = heldOn(reading, day);
        expect(count).toBeGreaterThanOrEqual(range.min);
        expect(count).toBeLessThanOrEqual(range.max);
        // Exact dates stay exact: the range only widens where a date is partial.
        if (
          facts.every(
            (episode) => episode.detainedOn.length === 10 && (episode.releasedOn?.length ?? 10) === 10,
          )
        ) {
          expect(range.min).toBe(range.max);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('partial dates never move a total between periods silently: every event is counted once', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(concreteEpisode, precision), { maxLength: 40 }), (entries) => {
        const facts = entries.map(([episode, detainedPrecision], index) =>
          fact(index, truncate(episode.detained, detainedPrecision), null),
        );
        const table = flowTable({ episodes: facts }, '2010-01-01', '2030-12-31', 'month');
        const allocated = table.periods.reduce((sum, period) => sum + period.detentions.min, 0);
        const unallocated = table.unallocated.reduce((sum, bucket) => sum + bucket.detentions, 0);
        expect(allocated + unallocated).toBe(facts.length);
        expect(table.totals.detentions).toEqual({ min: facts.length, max: facts.length });
      }),
      { numRuns: 200 },
    );
  });
});

/** A day inside a partial date's range, chosen by the generator. */
function pick(partial: string, next: () => number): string {
  const first = earliestDay(partial);
  const last = latestDay(partial);
  const span = Math.round((Date.parse(last) - Date.parse(first)) / 86_400_000);
  return addDays(first, next() % (span + 1));
}
