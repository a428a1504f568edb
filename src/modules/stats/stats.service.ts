import type { Db } from '../../db/database.js';
import { deepFreeze } from '../../lib/deep-freeze.js';
import { ruleViolated } from '../../lib/errors.js';
import { addDays, isoDayOf } from '../../lib/partial-date.js';
import {
  aroundBatchesFromCounts,
  conditionalityScorecard,
  countryDossier,
  cumulativeReleasesByRouteFromCounts,
  dealLedger,
  concessionTimeline,
  flowTableFromCounts,
  flowWindow,
  projectStock,
  reconcile,
  releasedVsImprisonedFromCounts,
  assertIsoDay,
  periodsBetween,
  stockFromDayDeltas,
  dayDeltasOf,
  custodyReport,
  type Granularity,
  type Range,
} from '../../stats/index.js';
import type { ConditionFact, EpisodeFact, PersonFact, RecognitionFact } from '../../stats/facts.js';
import type { Clock } from '../shared/clock.js';
import { readScopeOf, type Viewer, visibleLevels } from '../user/access.js';
import {
  ALL_DAYS,
  countHeldOn,
  selectBatchFacts,
  selectConditionFacts,
  selectCountObservationFacts,
  selectEpisodeFacts,
  selectFlowCounts,
  selectPersonFacts,
  selectRecognitionFacts,
  recomputeStockEvents,
  selectKeptDayDeltas,
} from './stats.repository.js';

export interface StatsServiceDeps {
  db: Db;
  clock: Clock;
  viewer: Viewer;
}

export interface Window {
  from?: string | undefined;
  to?: string | undefined;
}

/** The reads of whole-registry facts (every episode, person, …) that several statistics share. */
interface FactReads {
  episodes(which?: 'all' | 'releasedInBatch'): Promise<EpisodeFact[]>;
  persons(): Promise<PersonFact[]>;
  conditions(): Promise<ConditionFact[]>;
  recognitions(): Promise<RecognitionFact[]>;
}

function readFacts(deps: StatsServiceDeps): FactReads {
  return {
    episodes: (which) => selectEpisodeFacts(deps.db, which),
    persons: () => selectPersonFacts(deps.db, readScopeOf(deps.viewer)),
    conditions: () => selectConditionFacts(deps.db),
    recognitions: () => selectRecognitionFacts(deps.db),
  };
}

/**
 * Each fact set read once and shared, frozen (a statistic that changed its input would throw, not
 * skew the next one): right only within one snapshot, where a second read would be the same.
 */
function rememberFacts(reads: FactReads): FactReads {
  const kept = new Map<string, Promise<unknown>>();
  function once<T>(key: string, read: () => Promise<T[]>): Promise<T[]> {
    let found = kept.get(key) as Promise<T[]> | undefined;
    if (!found) {
      found = read().then((facts) => deepFreeze(facts));
      kept.set(key, found);
    }
    return found;
  }
  return {
    episodes: (which = 'all') => once(`episodes:${which}`, () => reads.episodes(which)),
    persons: () => once('persons', () => reads.persons()),
    conditions: () => once('conditions', () => reads.conditions()),
    recognitions: () => once('recognitions', () => reads.recognitions()),
  };
}

/** Computes the registry's statistics: facts from the database, arithmetic from src/stats. */
export function createStatsService(deps: StatsServiceDeps) {
  return statisticsOver(deps, readFacts(deps));
}

function statisticsOver(deps: StatsServiceDeps, facts: FactReads) {
  const today = () => isoDayOf(deps.clock());
  const levels = visibleLevels(deps.viewer);

  function windowOf(window: Window): { from: string; to: string } {
    const to = window.to ?? today();
    const from = window.from ?? addDays(to, -3652);
    if (from > to) throw ruleViolated('from', `${from} is after to ${to}`);
    return { from, to };
  }

  return {
    today,

    /**
     * These statistics over one snapshot (the static mirror's repeatable-read transaction): every
     * whole-registry fact set is read once for all pages. Never for a server: it would miss writes.
     */
    inSnapshot: () => statisticsOver(deps, rememberFacts(facts)),

    async stockOn(date?: string) {
      const day = date ?? today();
      assertIsoDay(day);
      return { date: day, held: await countHeldOn(deps.db, day) };
    },

    async series(window: Window, step: Granularity) {
      const { from, to } = windowOf(window);
      // Same points as stats/stock.ts stockSeries, from the change per day kept on write (migration 0018).
      const days = periodsBetween(from, to, step).map((period) => ({
        period: period.key,
        day: period.last > to ? to : period.last,
      }));
      const held = stockFromDayDeltas(
        await selectKeptDayDeltas(deps.db),
        days.map((point) => point.day),
      );
      return {
        from,
        to,
        step,
        points: days.map((point, index) => ({ ...point, ...(held[index] ?? { min: 0, max: 0 }) })),
      };
    },

    /**
     * Compares the stock kept on write (migration 0018) with a full recomputation from every
     * episode: the days on which they differ, none when every write path kept it.
     */
    async verifyKeptStock() {
      const [kept, recomputed] = await Promise.all([
        selectKeptDayDeltas(deps.db),
        recomputeStockEvents(deps.db).then(dayDeltasOf),
      ]);
      const byDay = new Map<string, { day: string; kept: Range; recomputed: Range }>();
      const entry = (day: string) => {
        const found = byDay.get(day) ?? { day, kept: { min: 0, max: 0 }, recomputed: { min: 0, max: 0 } };
        byDay.set(day, found);
        return found;
      };
      for (const delta of kept) entry(delta.day).kept = { min: delta.certain, max: delta.possible };
      for (const delta of recomputed)
        entry(delta.day).recomputed = { min: delta.certain, max: delta.possible };
      const differences = [...byDay.values()]
        .filter((row) => row.kept.min !== row.recomputed.min || row.kept.max !== row.recomputed.max)
        .sort((a, b) => (a.day < b.day ? -1 : 1));
      return { days: byDay.size, differences };
    },

    async flows(window: Window, granularity: Granularity) {
      const { from, to } = windowOf(window);
      // Counted per recorded date in SQL (the same table as stats/flows.ts flowTable over every episode).
      const counts = await selectFlowCounts(deps.db, flowWindow(from, to, granularity));
      return flowTableFromCounts(counts, from, to, granularity);
    },

    async revolvingDoor(window: Window, granularity: Granularity) {
      const { from, to } = windowOf(window);
      // Counted per recorded date in SQL, of all time: the windows around a batch reach outside [from, to].
      const [counts, batches] = await Promise.all([
        selectFlowCounts(deps.db, ALL_DAYS),
        selectBatchFacts(deps.db, levels),
      ]);
      return {
        from,
        to,
        periods: releasedVsImprisonedFromCounts(counts, from, to, granularity),
        aroundBatches: aroundBatchesFromCounts(batches, counts),
        cumulativeByRoute: cumulativeReleasesByRouteFromCounts(counts.releases, from, to, granularity),
      };
    },

    async deals(window: Window, granularity: Granularity) {
      const { from, to } = windowOf(window);
      const [episodes, batches] = await Promise.all([
        facts.episodes('releasedInBatch'),
        selectBatchFacts(deps.db, levels),
      ]);
      return {
        ledger: dealLedger(batches, episodes),
        concessions: concessionTimeline(batches, from, to, granularity),
      };
    },

    async reconciliation() {
      const [observations, episodes, recognitions] = await Promise.all([
        selectCountObservationFacts(deps.db, levels),
        facts.episodes(),
        facts.recognitions(),
      ]);
      return { rows: reconcile(observations, episodes, recognitions) };
    },

    async scorecard(window: Window) {
      const { from, to } = windowOf(window);
      const [episodes, batches] = await Promise.all([facts.episodes(), selectBatchFacts(deps.db, levels)]);
      return conditionalityScorecard({ episodes, batches }, from, to);
    },

    async dossier(country: string, date?: string) {
      const [persons, episodes, conditions] = await Promise.all([
        facts.persons(),
        facts.episodes(),
        facts.conditions(),
      ]);
      return countryDossier({ persons, episodes, conditions }, country, date ?? today());
    },

    async projection(window: Window) {
      const { from, to } = windowOf({
        from: window.from ?? addDays(window.to ?? today(), -365),
        to: window.to,
      });
      return projectStock(await facts.episodes(), from, to);
    },

    /** Time in custody: summary, distribution, by article and year of arrest, still held, re-arrests. */
    async durations() {
      return custodyReport(await facts.episodes(), today());
    },
  };
}
export type StatsService = ReturnType<typeof createStatsService>;
