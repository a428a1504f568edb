import { BandChart } from '../../site/charts/band-chart.js';
import { BarChart } from '../../site/charts/bar-chart.js';
import { HBarChart } from '../../site/charts/hbar-chart.js';
import type { Cell, TableData } from '../../site/components.js';
import type { Figure } from '../../site/figure.js';
import { formatNumber, formatPartialDate, formatPercent } from '../../site/format.js';
import type { PageContext } from '../../site/page.js';
import {
  RELEASE_MODE_COLUMNS,
  RELEASE_ROUTES,
  type Granularity,
  type Range,
  type ReadingBand,
} from '../../stats/index.js';
import { statsMessagesFor } from './stats.messages.js';

/**
 * The figures of each statistics page: a chart, the table of its numbers and (through the table)
 * its CSV. Every series comes from the stats service; a batch or published count the public may
 * not see is left out of what is shown by name or date (the totals still count it).
 */
export interface StatsWindow {
  from?: string | undefined;
  to?: string | undefined;
  granularity: Granularity;
}

const tick = (context: PageContext) => (value: number) => formatNumber(value, context.locale);

const periodLabel = (context: PageContext, key: string, granularity: Granularity) =>
  granularity === 'month' || granularity === 'year' || granularity === 'day'
    ? formatPartialDate(key, context.locale)
    : key;

const shortLabel = (key: string, granularity: Granularity) => (granularity === 'month' ? key : key);

function table(columns: [string, string][], rows: Cell[][]): TableData {
  return { columns: columns.map(([key, label]) => ({ key, label })), rows };
}

async function visibleBatchIds(context: PageContext): Promise<Set<string>> {
  const page = await context.services.batches.find({ limit: 500, offset: 0 });
  return new Set(page.items.map((batch) => batch.id));
}

export async function stockFigures(context: PageContext, window: StatsWindow): Promise<Figure[]> {
  const { t } = context;
  const series = await context.services.stats.series(window, window.granularity);
  return [
    {
      id: 'held',
      title: t.stats.pages.stock.title,
      chart: (
        <BandChart
          id="held"
          title={t.stats.pages.stock.title}
          points={series.points.map((point) => ({
            label: shortLabel(point.period, window.granularity),
            min: point.min,
            max: point.max,
          }))}
          formatTick={tick(context)}
        />
      ),
      note: t.stats.bandNote,
      table: table(
        [
          ['period', t.stats.period],
          ['day', t.stats.columns.observedOn],
          ['held', t.stats.columns.held],
        ],
        series.points.map((point) => [
          periodLabel(context, point.period, window.granularity),
          point.day,
          { min: point.min, max: point.max },
        ]),
      ),
    },
  ];
}

export async function flowFigures(context: PageContext, window: StatsWindow): Promise<Figure[]> {
  const { t } = context;
  const flows = await context.services.stats.flows(window, window.granularity);
  const c = t.stats.columns;
  return [
    {
      id: 'flows',
      title: t.stats.pages.flows.title,
      chart: (
        <BarChart
          id="flows"
          title={t.stats.pages.flows.title}
          categories={flows.periods.map((row) => shortLabel(row.period.key, window.granularity))}
          series={[
            { label: c.detentions, values: flows.periods.map((row) => row.detentions) },
            { label: c.releases, values: flows.periods.map((row) => row.releases) },
          ]}
          formatTick={tick(context)}
        />
      ),
      legend: [c.detentions, c.releases],
      table: table(
        [
          ['period', t.stats.period],
          ['detentions', c.detentions],
          ['recognitions', c.recognitions],
          ['releases', c.releases],
          ['net', c.net],
        ],
        flows.periods.map((row) => [
          periodLabel(context, row.period.key, window.granularity),
          row.detentions,
          row.recognitions,
          row.releases,
          row.net,
        ]),
      ),
    },
    {
      id: 'releases-by-mode',
      title: `${c.releases}: ${t.person.releaseMode}`,
      chart: (
        <HBarChart
          id="releases-by-mode"
          title={`${c.releases}: ${t.person.releaseMode}`}
          rows={RELEASE_MODE_COLUMNS.map((mode) => ({
            label: t.releaseModes[mode],
            ...flows.totals.releasesByMode[mode],
          }))}
          formatValue={tick(context)}
        />
      ),
      table: table(
        [
          ['mode', t.person.releaseMode],
          ['releases', c.releases],
        ],
        RELEASE_MODE_COLUMNS.map((mode) => [t.releaseModes[mode], flows.totals.releasesByMode[mode]]),
      ),
    },
  ];
}

export async function revolvingDoorFigures(context: PageContext, window: StatsWindow): Promise<Figure[]> {
  const { t } = context;
  const c = t.stats.columns;
  const [door, visible] = await Promise.all([
    context.services.stats.revolvingDoor(window, window.granularity),
    visibleBatchIds(context),
  ]);
  const windowDays = [30, 90];
  const countsAround = (batch: (typeof door.aroundBatches)[number], days: number, side: 'before' | 'after') =>
    batch.windows.find((entry) => entry.days === days)?.[side].detentions ?? null;
  return [
    {
      id: 'door',
      title: `${c.released} / ${c.newlyImprisoned}`,
      chart: (
        <BarChart
          id="door"
          title={`${c.released} / ${c.newlyImprisoned}`}
          categories={door.periods.periods.map((row) => shortLabel(row.period.key, window.granularity))}
          series={[
            { label: c.newlyImprisoned, values: door.periods.periods.map((row) => row.newlyImprisoned) },
            { label: c.released, values: door.periods.periods.map((row) => row.released) },
          ]}
          formatTick={tick(context)}
        />
      ),
      legend: [c.newlyImprisoned, c.released],
      table: table(
        [
          ['period', t.stats.period],
          ['newly_imprisoned', c.newlyImprisoned],
          ['released', c.released],
          ['balance', c.balance],
        ],
        door.periods.periods.map((row) => [
          periodLabel(context, row.period.key, window.granularity),
          row.newlyImprisoned,
          row.released,
          row.balance,
        ]),
      ),
    },
    {
      id: 'around-batches',
      title: t.stats.pages['revolving-door'].intro,
      chart: (
        <BarChart
          id="around-batches"
          title={t.stats.pages['revolving-door'].intro}
          categories={door.aroundBatches.filter((b) => visible.has(b.batchId)).map((b) => b.releasedOn)}
          series={[
            {
              label: c.before('90'),
              values: door.aroundBatches
                .filter((b) => visible.has(b.batchId))
                .map((b) => countsAround(b, 90, 'before') ?? { min: 0, max: 0 }),
            },
            {
              label: c.after('90'),
              values: door.aroundBatches
                .filter((b) => visible.has(b.batchId))
                .map((b) => countsAround(b, 90, 'after') ?? { min: 0, max: 0 }),
            },
          ]}
          formatTick={tick(context)}
        />
      ),
      legend: [c.before('90'), c.after('90')],
      table: table(
        [
          ['batch_date', c.batch],
          ...windowDays.flatMap((days): [string, string][] => [
            [`detained_${days}_days_before`, c.before(String(days))],
            [`detained_${days}_days_after`, c.after(String(days))],
          ]),
        ],
        door.aroundBatches
          .filter((batch) => visible.has(batch.batchId))
          .map((batch) => [
            formatPartialDate(batch.releasedOn, context.locale),
            ...windowDays.flatMap((days) => [
              countsAround(batch, days, 'before'),
              countsAround(batch, days, 'after'),
            ]),
          ]),
      ),
    },
    {
      id: 'cumulative-by-route',
      title: `${c.released}: ${c.deal} / ${c.sentence_served}`,
      chart: (
        <BarChart
          id="cumulative-by-route"
          title={`${c.released}: ${c.deal} / ${c.sentence_served}`}
          categories={door.cumulativeByRoute.map((row) => shortLabel(row.period.key, window.granularity))}
          series={[
            { label: c.deal, values: door.cumulativeByRoute.map((row) => row.cumulative.deal) },
            {
              label: c.sentence_served,
              values: door.cumulativeByRoute.map((row) => row.cumulative.sentence_served),
            },
          ]}
          formatTick={tick(context)}
        />
      ),
      legend: [c.deal, c.sentence_served],
      table: table(
        [['period', t.stats.period], ...RELEASE_ROUTES.map((route): [string, string] => [route, c[route]])],
        door.cumulativeByRoute.map((row) => [
          periodLabel(context, row.period.key, window.granularity),
          ...RELEASE_ROUTES.map((route) => row.cumulative[route]),
        ]),
      ),
    },
  ];
}

export async function dealFigures(context: PageContext, window: StatsWindow): Promise<Figure[]> {
  const { t, locale } = context;
  const c = t.stats.columns;
  const [deals, batches] = await Promise.all([
    context.services.stats.deals(window, window.granularity),
    context.services.batches.find({ limit: 500, offset: 0 }),
  ]);
  const titles = new Map(batches.items.map((batch) => [batch.id, batch.title]));
  const ledger = deals.ledger.batches.filter((batch) => titles.has(batch.batchId));
  const share = (range: Range | null) =>
    range === null
      ? null
      : range.min === range.max
        ? formatPercent(range.min, locale)
        : `${formatPercent(range.min, locale)}–${formatPercent(range.max, locale)}`;
  return [
    {
      id: 'ledger',
      title: t.stats.pages.deals.title,
      chart: (
        <BarChart
          id="ledger"
          title={t.stats.pages.deals.title}
          categories={ledger.map((batch) => batch.releasedOn)}
          series={[
            {
              label: c.announcedFreed,
              values: ledger.map((batch) => ({ min: batch.announced ?? 0, max: batch.announced ?? 0 })),
            },
            {
              label: c.identified,
              values: ledger.map((batch) => ({ min: batch.identified, max: batch.identified })),
            },
          ]}
          formatTick={tick(context)}
        />
      ),
      legend: [c.announcedFreed, c.identified],
      table: table(
        [
          ['date', t.releases.date],
          ['batch', c.batch],
          ['announced', c.announcedFreed],
          ['identified', c.identified],
          ['forced_exile_share', c.exileShare],
          ['counterparts', t.releases.counterparts],
          ['concessions', t.releases.concessions],
        ],
        ledger.map((batch) => [
          formatPartialDate(batch.releasedOn, locale),
          titles.get(batch.batchId) ?? '',
          batch.announced,
          batch.identified,
          share(batch.forcedExile.share),
          batch.counterparts.join(', '),
          batch.concessionKinds
            .map((kind) => t.concessionKinds[kind as keyof typeof t.concessionKinds] ?? kind)
            .join(', '),
        ]),
      ),
    },
    {
      id: 'concessions',
      title: t.releases.concessions,
      chart: (
        <BarChart
          id="concessions"
          title={t.releases.concessions}
          categories={deals.concessions.periods.map((row) => shortLabel(row.period.key, window.granularity))}
          series={[
            {
              label: c.batches,
              values: deals.concessions.periods.map((row) => ({ min: row.batches, max: row.batches })),
            },
          ]}
          formatTick={tick(context)}
          height={180}
        />
      ),
      table: table(
        [
          ['period', t.stats.period],
          ['batches', c.batches],
          ['announced_freed', c.announcedFreed],
          ['concessions', t.releases.concessions],
        ],
        deals.concessions.periods
          .filter((row) => row.batches > 0)
          .map((row) => [
            periodLabel(context, row.period.key, window.granularity),
            row.batches,
            row.announcedFreed,
            Object.entries(row.byConcessionKind)
              .map(
                ([kind, count]) =>
                  `${t.concessionKinds[kind as keyof typeof t.concessionKinds] ?? kind}: ${count}`,
              )
              .join(', '),
          ]),
      ),
    },
  ];
}

export async function reconciliationFigures(context: PageContext): Promise<Figure[]> {
  const { t, locale, services } = context;
  const c = t.stats.columns;
  const [{ rows }, published] = await Promise.all([
    services.stats.reconciliation(),
    services.countObservations.find({ limit: 500, offset: 0 }),
  ]);
  // Only observations the public may see are shown; an internal one stays out of the page.
  const visible = new Set(
    published.items.map((o) => `${o.organisation}|${o.metric}|${o.observedOn}|${o.count}|${o.qualifier}`),
  );
  const shown = rows.filter((row) => {
    const o = row.observation;
    return visible.has(`${o.organisation}|${o.metric}|${o.observedOn}|${o.count}|${o.qualifier}`);
  });
  return [
    {
      id: 'reconciliation',
      title: t.stats.pages.reconciliation.title,
      chart: (
        <BarChart
          id="reconciliation"
          title={t.stats.pages.reconciliation.title}
          categories={shown.map((row) => row.observation.observedOn)}
          series={[
            {
              label: c.published,
              values: shown.map((row) => ({ min: row.observation.count, max: row.observation.count })),
            },
            { label: c.registry, values: shown.map((row) => row.registry) },
          ]}
          formatTick={tick(context)}
        />
      ),
      legend: [c.published, c.registry],
      table: table(
        [
          ['observed_on', c.observedOn],
          ['organisation', c.organisation],
          ['metric', 'metric'],
          ['published', c.published],
          ['registry', c.registry],
          ['difference', c.difference],
          ['relation', c.relation],
        ],
        shown.map((row) => [
          formatPartialDate(row.observation.observedOn, locale),
          row.observation.organisation,
          row.observation.metric,
          row.observation.count,
          row.registry,
          row.difference,
          t.stats.relations[row.relation],
        ]),
      ),
    },
  ];
}

export async function scorecardFigures(context: PageContext, window: StatsWindow): Promise<Figure[]> {
  const { t } = context;
  const c = t.stats.columns;
  const [card, stock] = await Promise.all([
    context.services.stats.scorecard(window),
    stockFigures(context, window),
  ]);
  return [
    {
      id: 'scorecard',
      title: `${t.stats.pages.scorecard.title}: ${formatPartialDate(card.from, context.locale)} – ${formatPartialDate(card.to, context.locale)}`,
      table: table(
        [
          ['criterion', c.criterion],
          ['verdict', c.verdict],
          ['explanation', c.explanation],
        ],
        card.criteria.map((criterion) => [
          t.stats.criteria[criterion.id],
          t.stats.verdicts[criterion.verdict],
          criterion.explanation,
        ]),
      ),
    },
    ...stock,
  ];
}

const kaplanMeierCell = (band: ReadingBand<number | null>): Cell =>
  band.shortest === null || band.longest === null
    ? null
    : { min: Math.min(band.shortest, band.longest), max: Math.max(band.shortest, band.longest) };

const percentCell = (range: Range): Cell => ({
  min: Math.round(range.min * 1000) / 10,
  max: Math.round(range.max * 1000) / 10,
});

export async function durationFigures(context: PageContext): Promise<Figure[]> {
  const { t, locale } = context;
  const c = t.stats.columns;
  const m = statsMessagesFor(locale);
  const durations = await context.services.stats.durations();
  const km = durations.summary.kaplanMeierMedianDays;
  const kmText = [km.shortest, km.longest]
    .map((days) => (days === null ? t.stats.moreThanHalfHeld : t.stats.days(formatNumber(days, locale))))
    .join(' – ');
  const articleLabel = (key: string) => (key === '(none)' ? m.noArticle : key);
  const rearrests = durations.rearrests;
  const r = m.rearrestRows;
  return [
    {
      id: 'by-arrest-year',
      title: m.byArrestYear,
      chart: (
        <BarChart
          id="by-arrest-year"
          title={m.byArrestYear}
          categories={durations.byArrestYear.map((group) => group.key)}
          series={[
            {
              label: c.episodes,
              values: durations.byArrestYear.map((group) => ({
                min: group.summary.completed,
                max: group.summary.completed,
              })),
            },
            {
              label: c.ongoing,
              values: durations.byArrestYear.map((group) => ({
                min: group.summary.ongoing,
                max: group.summary.ongoing,
              })),
            },
          ]}
          formatTick={tick(context)}
        />
      ),
      legend: [c.episodes, c.ongoing],
      note: `${t.stats.kaplanMeier}: ${kmText}`,
      table: table(
        [
          ['arrest_year', c.year],
          ['episodes', c.episodes],
          ['ongoing', c.ongoing],
          ['median_days_completed', c.median],
          ['median_days_kaplan_meier', m.kaplanMeierMedian],
        ],
        durations.byArrestYear.map((group) => [
          group.key,
          group.summary.episodes,
          group.summary.ongoing,
          group.summary.completedDays.p50,
          kaplanMeierCell(group.summary.kaplanMeierMedianDays),
        ]),
      ),
    },
    {
      id: 'by-article',
      title: m.byArticle,
      chart: (
        <HBarChart
          id="by-article"
          title={`${m.byArticle}: ${m.kaplanMeierMedian}`}
          rows={durations.byArticle.map((group) => ({
            label: articleLabel(group.key),
            ...((kaplanMeierCell(group.summary.kaplanMeierMedianDays) as Range | null) ??
              group.summary.completedDays.p50 ?? { min: 0, max: 0 }),
          }))}
          formatValue={tick(context)}
        />
      ),
      note: m.articleNote,
      table: table(
        [
          ['article', m.article],
          ['episodes', c.episodes],
          ['ongoing', c.ongoing],
          ['median_days_completed', m.medianCompleted],
          ['median_days_kaplan_meier', m.kaplanMeierMedian],
          ...durations.histogram.map((row, index): [string, string] => [
            `completed_${index + 1}`,
            `${m.completed} ${m.buckets[row.bucket.label] ?? row.bucket.label}`,
          ]),
        ],
        durations.byArticle.map((group) => [
          articleLabel(group.key),
          group.summary.episodes,
          group.summary.ongoing,
          group.summary.completedDays.p50,
          kaplanMeierCell(group.summary.kaplanMeierMedianDays),
          ...group.histogram.map((row) => row.completed),
        ]),
      ),
    },
    {
      id: 'distribution',
      title: m.distribution,
      chart: (
        <BarChart
          id="distribution"
          title={m.distribution}
          categories={durations.histogram.map((row) => m.buckets[row.bucket.label] ?? row.bucket.label)}
          series={[
            { label: m.completed, values: durations.histogram.map((row) => row.completed) },
            { label: m.ongoingSoFar, values: durations.histogram.map((row) => row.ongoingSoFar) },
          ]}
          formatTick={tick(context)}
        />
      ),
      legend: [m.completed, m.ongoingSoFar],
      note: m.distributionNote,
      table: table(
        [
          ['time_inside', m.bucket],
          ['completed', m.completed],
          ['ongoing_so_far', m.ongoingSoFar],
        ],
        durations.histogram.map((row) => [
          m.buckets[row.bucket.label] ?? row.bucket.label,
          row.completed,
          row.ongoingSoFar,
        ]),
      ),
    },
    {
      id: 'still-held',
      title: m.stillHeld,
      chart: (
        <HBarChart
          id="still-held"
          title={`${m.stillHeld} (%)`}
          rows={durations.stillHeld.map((row) => ({
            label: `${formatNumber(row.months, locale)} ${m.months.toLowerCase()}`,
            ...(percentCell(row.range) as Range),
          }))}
          formatValue={(value) => `${formatNumber(value, locale)} %`}
        />
      ),
      note: m.stillHeldNote,
      table: table(
        [
          ['months', m.months],
          ['percent_still_held', `${m.shareStillHeld} (%)`],
        ],
        durations.stillHeld.map((row) => [row.months, percentCell(row.range)]),
      ),
    },
    {
      id: 'rearrests',
      title: m.rearrests,
      table: table(
        [
          ['measure', m.measure],
          ['value', m.value],
        ],
        [
          [r.personsWithMultipleEpisodes, rearrests.personsWithMultipleEpisodes],
          [r.personsRearrested, rearrests.personsRearrested],
          [r.rearrests, rearrests.rearrests],
          [r.overlaps, rearrests.overlaps],
          [r.medianGapDays, rearrests.medianGapDays],
          ...rearrests.within.map((row): Cell[] => [r.within(String(row.days)), row.rearrests]),
          [r.inconsistentRecords, rearrests.inconsistentRecords],
        ],
      ),
    },
  ];
}

export async function projectionFigures(context: PageContext, window: StatsWindow): Promise<Figure[]> {
  const { t, locale } = context;
  const c = t.stats.columns;
  const projection = await context.services.stats.projection(window);
  const rows: Cell[][] = projection.scenarios.flatMap((scenario) =>
    scenario.points.map((point) => [
      t.stats.scenarios[scenario.id],
      point.months,
      formatPartialDate(point.day, locale),
      point.stock,
    ]),
  );
  return projection.scenarios
    .map((scenario): Figure => ({
      id: scenario.id.replace(/_/g, '-'),
      title: `${t.stats.pages.projection.title}: ${t.stats.scenarios[scenario.id]}`,
      chart: (
        <BandChart
          id={scenario.id}
          title={`${t.stats.projectionLabel} ${t.stats.scenarios[scenario.id]}`}
          points={[
            { label: projection.asOf, ...projection.startingStock },
            ...scenario.points.map((point) => ({ label: point.day, ...point.stock })),
          ]}
          dashedFrom={0}
          formatTick={tick(context)}
          height={200}
        />
      ),
      note: scenario.assumptions.join(' '),
      table: table(
        [
          ['scenario', c.scenario],
          ['months_ahead', c.months],
          ['day', c.observedOn],
          ['projected_held', c.projected],
        ],
        rows.filter((row) => row[0] === t.stats.scenarios[scenario.id]),
      ),
    }))
    .concat([
      {
        id: 'littles-law',
        title: t.stats.littlesLaw,
        note: projection.littlesLaw.reading,
        noteLang: 'en',
        table: table(
          [
            ['measure', t.stats.columns.criterion],
            ['value', t.stats.columns.projected],
          ],
          [
            ['λ (arrivals per day)', projection.littlesLaw.arrivalsPerDay],
            ['W (mean days in custody)', projection.littlesLaw.meanDaysInCustody],
            ['L observed', projection.littlesLaw.observedStock],
            ['λ × W', projection.littlesLaw.impliedStock],
          ],
        ),
      },
    ]);
}
