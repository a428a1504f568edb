import { z } from 'zod';
import type { TableData, Cell } from '../../site/components.js';
import { tableCsv } from '../../site/figure.js';
import { RELEASE_MODE_COLUMNS, RELEASE_ROUTES, type Range } from '../../stats/index.js';
import { dossierQuerySchema, GRANULARITIES, stockQuerySchema, windowQuerySchema } from './stats.schema.js';
import type { StatsService } from './stats.service.js';

/**
 * Every series of /api/v1/stats as a CSV table: one definition per series, one helper for all of
 * them (`tableCsv`, the site's: csv-stringify, a range as <key>_certain and <key>_possible, and
 * formula escaping). Columns are machine names, the same in every language; the figures a series
 * is built from are the ones its JSON route answers, so the CSV never says more than the JSON.
 */
export const periodQuerySchema = windowQuerySchema.extend({
  granularity: z.enum(GRANULARITIES).default('month'),
});
type PeriodQuery = z.infer<typeof periodQuerySchema>;
type WindowQuery = z.infer<typeof windowQuerySchema>;

interface SeriesDefinition<Query> {
  name: string;
  summary: string;
  querystring: z.ZodType<Query>;
  table(stats: StatsService, query: Query): Promise<TableData>;
}

/** A series with its query type erased, so that the routes can be made in one loop. */
export interface StatsSeries {
  name: string;
  summary: string;
  querystring: z.ZodType;
  table(stats: StatsService, query: unknown): Promise<TableData>;
}

function define<Query>(definition: SeriesDefinition<Query>): StatsSeries {
  return { ...definition, table: (stats, query) => definition.table(stats, query as Query) };
}

function table(keys: readonly string[], rows: Cell[][]): TableData {
  return { columns: keys.map((key) => ({ key, label: key })), rows };
}

const joined = (values: readonly string[]) => values.join('; ');
const shareCell = (share: { share: Range | null }) => share.share;
const kaplanMeier = (band: { shortest: number | null; longest: number | null }): Cell =>
  band.shortest === null || band.longest === null
    ? null
    : { min: Math.min(band.shortest, band.longest), max: Math.max(band.shortest, band.longest) };

const byPeriod = (
  name: string,
  summary: string,
  build: (stats: StatsService, query: PeriodQuery) => Promise<TableData>,
): StatsSeries => define({ name, summary, querystring: periodQuerySchema, table: build });

const durationKeys = [
  'episodes',
  'completed',
  'ongoing',
  'median_days_completed',
  'median_days_kaplan_meier',
];

export const STATS_SERIES: readonly StatsSeries[] = [
  define({
    name: 'held',
    summary: 'Number held at the end of each period (certain and possible)',
    querystring: periodQuerySchema,
    async table(stats, query: PeriodQuery) {
      const series = await stats.series(query, query.granularity);
      return table(
        ['period', 'day', 'held'],
        series.points.map((point) => [point.period, point.day, { min: point.min, max: point.max }]),
      );
    },
  }),
  define({
    name: 'stock',
    summary: 'Number held on one day',
    querystring: stockQuerySchema,
    async table(stats, query: z.infer<typeof stockQuerySchema>) {
      const stock = await stats.stockOn(query.date);
      return table(['date', 'held'], [[stock.date, stock.held]]);
    },
  }),
  byPeriod('flows', 'Inflow and outflow per period, releases by mode, net change', async (stats, query) => {
    const flows = await stats.flows(query, query.granularity);
    return table(
      [
        'period',
        'first_day',
        'last_day',
        'detentions',
        'recognitions',
        'recognitions_after_release',
        'releases',
        ...RELEASE_MODE_COLUMNS.map((mode) => `released_${mode}`),
        'net',
      ],
      flows.periods.map((row) => [
        row.period.key,
        row.period.first,
        row.period.last,
        row.detentions,
        row.recognitions,
        row.recognitionsAfterRelease,
        row.releases,
        ...RELEASE_MODE_COLUMNS.map((mode) => row.releasesByMode[mode]),
        row.net,
      ]),
    );
  }),
  byPeriod(
    'flows-unallocated',
    'Events whose partial dates span several periods, under their recorded date',
    async (stats, query) => {
      const flows = await stats.flows(query, query.granularity);
      return table(
        [
          'date',
          'periods',
          'partly_outside_window',
          'detentions',
          'recognitions',
          'releases',
          ...RELEASE_MODE_COLUMNS.map((mode) => `released_${mode}`),
        ],
        flows.unallocated.map((row) => [
          row.date,
          joined(row.periodKeys),
          row.partlyOutsideWindow ? 'yes' : 'no',
          row.detentions,
          row.recognitions,
          row.releases,
          ...RELEASE_MODE_COLUMNS.map((mode) => row.releasesByMode[mode]),
        ]),
      );
    },
  ),
  byPeriod('revolving-door', 'Released against newly imprisoned per period', async (stats, query) => {
    const door = await stats.revolvingDoor(query, query.granularity);
    return table(
      ['period', 'newly_imprisoned', 'released', 'balance'],
      door.periods.periods.map((row) => [row.period.key, row.newlyImprisoned, row.released, row.balance]),
    );
  }),
  byPeriod(
    'around-batches',
    'New detentions and recognitions in the 30 and 90 days around each release batch',
    async (stats, query) => {
      const door = await stats.revolvingDoor(query, query.granularity);
      const days = [...new Set(door.aroundBatches.flatMap((batch) => batch.windows.map((w) => w.days)))];
      return table(
        [
          'batch_id',
          'released_on',
          'same_day_detentions',
          'same_day_recognitions',
          ...days.flatMap((n) => [
            `detentions_${n}_days_before`,
            `detentions_${n}_days_after`,
            `recognitions_${n}_days_before`,
            `recognitions_${n}_days_after`,
          ]),
        ],
        door.aroundBatches.map((batch) => [
          batch.batchId,
          batch.releasedOn,
          batch.sameDay.detentions,
          batch.sameDay.recognitions,
          ...days.flatMap((n) => {
            const window = batch.windows.find((w) => w.days === n);
            return [
              window?.before.detentions ?? null,
              window?.after.detentions ?? null,
              window?.before.recognitions ?? null,
              window?.after.recognitions ?? null,
            ];
          }),
        ]),
      );
    },
  ),
  byPeriod(
    'cumulative-by-route',
    'Cumulative releases through deals, sentences served and other routes',
    async (stats, query) => {
      const door = await stats.revolvingDoor(query, query.granularity);
      return table(
        ['period', ...RELEASE_ROUTES],
        door.cumulativeByRoute.map((row) => [
          row.period.key,
          ...RELEASE_ROUTES.map((r) => row.cumulative[r]),
        ]),
      );
    },
  ),
  byPeriod(
    'deals-ledger',
    'Every release batch: people freed, exile and citizenship shares, destinations',
    async (stats, query) => {
      const deals = await stats.deals(query, query.granularity);
      return table(
        [
          'batch_id',
          'released_on',
          'announced',
          'identified',
          'not_yet_identified',
          'forced_exile_share',
          'citizenship_stripped_share',
          'destinations',
          'counterparts',
          'concession_kinds',
        ],
        deals.ledger.batches.map((batch) => [
          batch.batchId,
          batch.releasedOn,
          batch.announced,
          batch.identified,
          batch.notYetIdentified,
          shareCell(batch.forcedExile),
          shareCell(batch.citizenshipStripped),
          joined(batch.destinations.map((d) => `${d.country}: ${d.persons}`)),
          joined(batch.counterparts),
          joined(batch.concessionKinds),
        ]),
      );
    },
  ),
  byPeriod(
    'concessions',
    'Batches and concessions per period, by counterpart and kind',
    async (stats, query) => {
      const deals = await stats.deals(query, query.granularity);
      return table(
        ['period', 'batches', 'announced_freed', 'by_counterpart', 'by_concession_kind'],
        deals.concessions.periods.map((row) => [
          row.period.key,
          row.batches,
          row.announcedFreed,
          joined(Object.entries(row.byCounterpart).map(([name, n]) => `${name}: ${n}`)),
          joined(Object.entries(row.byConcessionKind).map(([kind, n]) => `${kind}: ${n}`)),
        ]),
      );
    },
  ),
  define({
    name: 'reconciliation',
    summary: 'Published counts beside the registry’s own, with the difference',
    querystring: z.object({}),
    async table(stats) {
      const { rows } = await stats.reconciliation();
      return table(
        [
          'observed_on',
          'organisation',
          'metric',
          'qualifier',
          'published',
          'registry',
          'difference',
          'relation',
          'note',
        ],
        rows.map((row) => [
          row.observation.observedOn,
          row.observation.organisation,
          row.observation.metric,
          row.observation.qualifier,
          row.observation.count,
          row.registry,
          row.difference,
          row.relation,
          row.note,
        ]),
      );
    },
  }),
  define({
    name: 'scorecard',
    summary: 'Conditionality scorecard: each condition, its verdict and why',
    querystring: windowQuerySchema,
    async table(stats, query: WindowQuery) {
      const card = await stats.scorecard(query);
      return table(
        ['from', 'to', 'criterion', 'verdict', 'explanation'],
        card.criteria.map((criterion) => [
          card.from,
          card.to,
          criterion.id,
          criterion.verdict,
          criterion.explanation,
        ]),
      );
    },
  }),
  define({
    name: 'projection',
    summary: 'PROJECTION, not a count: the number held in 6 and 12 months under each scenario',
    querystring: windowQuerySchema,
    async table(stats, query: WindowQuery) {
      const projection = await stats.projection(query);
      return table(
        ['kind', 'as_of', 'scenario', 'months_ahead', 'day', 'projected_held', 'clamped_at_zero'],
        projection.scenarios.flatMap((scenario) =>
          scenario.points.map((point) => [
            projection.kind,
            projection.asOf,
            scenario.id,
            point.months,
            point.day,
            point.stock,
            point.clampedAtZero ? 'yes' : 'no',
          ]),
        ),
      );
    },
  }),
  define({
    name: 'littles-law',
    summary: 'The projection checked by Little’s law (L = λW)',
    querystring: windowQuerySchema,
    async table(stats, query: WindowQuery) {
      const { littlesLaw } = await stats.projection(query);
      return table(
        ['measure', 'value'],
        [
          ['arrivals_per_day', littlesLaw.arrivalsPerDay],
          ['mean_days_in_custody', littlesLaw.meanDaysInCustody],
          ['completed_mean_days', littlesLaw.completedMeanDays],
          ['observed_stock', littlesLaw.observedStock],
          ['implied_stock', littlesLaw.impliedStock],
          ['ratio', littlesLaw.ratio],
        ],
      );
    },
  }),
  define({
    name: 'durations-by-arrest-year',
    summary: 'Time in custody by year of arrest: medians and distribution',
    querystring: z.object({}),
    async table(stats) {
      const report = await stats.durations();
      return durationGroups('arrest_year', report.byArrestYear, report.histogram);
    },
  }),
  define({
    name: 'durations-by-article',
    summary: 'Time in custody by criminal-code article: medians and distribution',
    querystring: z.object({}),
    async table(stats) {
      const report = await stats.durations();
      return durationGroups('article', report.byArticle, report.histogram);
    },
  }),
  define({
    name: 'durations-distribution',
    summary: 'Time in custody: how many episodes in each length bucket',
    querystring: z.object({}),
    async table(stats) {
      const { histogram } = await stats.durations();
      return table(
        ['bucket', 'from_days', 'to_days', 'completed', 'ongoing_so_far'],
        histogram.map((row) => [
          row.bucket.label,
          row.bucket.fromDays,
          row.bucket.toDays,
          row.completed,
          row.ongoingSoFar,
        ]),
      );
    },
  }),
  define({
    name: 'still-held',
    summary: 'Share still held after N months (Kaplan–Meier)',
    querystring: z.object({}),
    async table(stats) {
      const { stillHeld } = await stats.durations();
      return table(
        ['months', 'days', 'still_held_shortest', 'still_held_midpoint', 'still_held_longest'],
        stillHeld.map((row) => [row.months, row.days, row.shortest, row.midpoint, row.longest]),
      );
    },
  }),
  define({
    name: 'rearrests',
    summary: 'Re-arrests: how many, how soon after release',
    querystring: z.object({}),
    async table(stats) {
      const { rearrests } = await stats.durations();
      return table(
        ['measure', 'value'],
        [
          ['persons_with_multiple_episodes', rearrests.personsWithMultipleEpisodes],
          ['persons_rearrested', rearrests.personsRearrested],
          ['rearrests', rearrests.rearrests],
          ['new_cases_while_held', rearrests.overlaps],
          ['median_gap_days', rearrests.medianGapDays],
          ...rearrests.within.map((row): Cell[] => [`rearrested_within_${row.days}_days`, row.rearrests]),
          ['records_to_check', rearrests.inconsistentRecords],
        ],
      );
    },
  }),
];

function durationGroups(
  key: string,
  groups: Awaited<ReturnType<StatsService['durations']>>['byArticle'],
  buckets: Awaited<ReturnType<StatsService['durations']>>['histogram'],
): TableData {
  return table(
    [key, ...durationKeys, ...buckets.map((row) => `completed ${row.bucket.label}`)],
    groups.map((group) => [
      group.key,
      group.summary.episodes,
      group.summary.completed,
      group.summary.ongoing,
      group.summary.completedDays.p50,
      kaplanMeier(group.summary.kaplanMeierMedianDays),
      ...group.histogram.map((row) => row.completed),
    ]),
  );
}

/** The country dossier's priority list: persons the viewer may identify, each reason shown. */
export const dossierSeries = {
  summary: 'Country dossier: priority list of those at risk, with every reason',
  querystring: dossierQuerySchema,
  async table(stats: StatsService, country: string, date: string | undefined): Promise<TableData> {
    const dossier = await stats.dossier(country, date);
    return table(
      ['country', 'day', 'person_id', 'held', 'score', 'reasons'],
      dossier.priority.map((entry) => [
        dossier.country,
        dossier.day,
        entry.personId,
        entry.held,
        entry.score,
        joined(entry.reasons.map((reason) => `${reason.text}${reason.certain ? '' : ' (possible)'}`)),
      ]),
    );
  },
};

export const seriesCsv = tableCsv;
