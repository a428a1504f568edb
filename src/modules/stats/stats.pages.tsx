import { z } from 'zod';
import { notFound } from '../../lib/errors.js';
import { addDays, daysBetween } from '../../lib/partial-date.js';
import { HBarChart } from '../../site/charts/hbar-chart.js';
import { type Figure, FigureView, tableCsv } from '../../site/figure.js';
import { countryName, formatNumber } from '../../site/format.js';
import { fetchVisibleAll } from '../../site/lookup.js';
import { nameForReader } from '../../site/names.js';
import {
  parseQuery,
  withoutEmpty,
  type DownloadDefinition,
  type PageContext,
  type PageDefinition,
} from '../../site/page.js';
import { RISK_KINDS, type Granularity } from '../../stats/index.js';
import { PersonLink } from '../person/person.pages.js';
import { countryCodeSchema } from '../shared/common.schema.js';
import {
  dealFigures,
  durationFigures,
  flowFigures,
  projectionFigures,
  reconciliationFigures,
  revolvingDoorFigures,
  scorecardFigures,
  stockFigures,
  type StatsWindow,
} from './stats.figures.js';
import { GRANULARITIES } from './stats.schema.js';

/** More rows than this would make a page heavy for no reader: ask for a longer step instead. */
const MAX_PERIODS = 200;
const DAYS_PER_PERIOD: Readonly<Record<Granularity, number>> = {
  day: 1,
  week: 7,
  month: 30.44,
  year: 365.25,
};

const windowSchema = (defaultGranularity: Granularity, today: string) =>
  z
    .object({
      from: z.iso.date().optional(),
      to: z.iso.date().optional(),
      granularity: z.enum(GRANULARITIES).default(defaultGranularity),
    })
    .refine((window) => !window.from || !window.to || window.from <= window.to, {
      message: 'from must not be after to',
      path: ['from'],
    })
    .refine(
      (window) => {
        const to = window.to ?? today;
        const from = window.from ?? addDays(to, -3652);
        return daysBetween(from, to) / DAYS_PER_PERIOD[window.granularity] <= MAX_PERIODS;
      },
      {
        message: `more than ${MAX_PERIODS} periods: choose a longer step or a shorter period`,
        path: ['granularity'],
      },
    );

type Slug = keyof PageContext['t']['stats']['pages'];

interface StatsSpec {
  slug: Exclude<Slug, 'dossier'>;
  /** The figure ids, known up front: each gets its own CSV address. */
  figureIds: readonly string[];
  /** Whether the page takes a window (from, to, step). */
  windowed: boolean;
  /** The step when none is asked for: years where monthly rows would make the page too heavy. */
  granularity?: Granularity;
  figures(context: PageContext, window: StatsWindow): Promise<Figure[]>;
}

const SPECS: readonly StatsSpec[] = [
  { slug: 'stock', figureIds: ['held'], windowed: true, figures: stockFigures },
  { slug: 'flows', figureIds: ['flows', 'releases-by-mode'], windowed: true, figures: flowFigures },
  {
    slug: 'revolving-door',
    figureIds: ['door', 'around-batches', 'cumulative-by-route'],
    windowed: true,
    granularity: 'year',
    figures: revolvingDoorFigures,
  },
  { slug: 'deals', figureIds: ['ledger', 'concessions'], windowed: true, figures: dealFigures },
  { slug: 'reconciliation', figureIds: ['reconciliation'], windowed: false, figures: reconciliationFigures },
  { slug: 'scorecard', figureIds: ['scorecard', 'held'], windowed: true, figures: scorecardFigures },
  {
    slug: 'durations',
    figureIds: ['by-arrest-year', 'by-article', 'distribution', 'still-held', 'rearrests'],
    windowed: false,
    figures: durationFigures,
  },
  {
    slug: 'projection',
    figureIds: ['no-batches', 'batches-at-observed-rate', 'littles-law'],
    windowed: true,
    figures: projectionFigures,
  },
];

const statsPath = (slug: string) => `/statistics/${slug}`;

function WindowForm({ context, slug, window }: { context: PageContext; slug: string; window: StatsWindow }) {
  const { t, links, locale } = context;
  return (
    <form method="get" action={links.page(locale, statsPath(slug))} class="filters inline">
      <fieldset>
        <legend>{t.stats.window}</legend>
        <div class="field">
          <label for="w-from">{t.stats.from}</label>
          <input id="w-from" name="from" type="date" value={window.from ?? ''} />
        </div>
        <div class="field">
          <label for="w-to">{t.stats.to}</label>
          <input id="w-to" name="to" type="date" value={window.to ?? ''} />
        </div>
        <div class="field">
          <label for="w-granularity">{t.stats.granularity}</label>
          <select id="w-granularity" name="granularity">
            {GRANULARITIES.filter((g) => g !== 'day').map((g) => (
              <option value={g} selected={g === window.granularity} key={g}>
                {t.stats.granularities[g]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t.stats.show}</button>
      </fieldset>
    </form>
  );
}

function windowQuery(window: StatsWindow) {
  return { from: window.from, to: window.to, granularity: window.granularity };
}

const windowOf = (spec: StatsSpec, context: PageContext): StatsWindow =>
  parseQuery(windowSchema(spec.granularity ?? 'month', context.today), withoutEmpty(context.query));

function statsPage(spec: StatsSpec): PageDefinition {
  return {
    id: `statistics-${spec.slug}`,
    route: statsPath(spec.slug),
    paths: () =>
      Promise.resolve(
        spec.windowed
          ? [statsPath(spec.slug), `${statsPath(spec.slug)}?granularity=year`]
          : [statsPath(spec.slug)],
      ),
    async render(context) {
      const { t, locale, links } = context;
      const window = windowOf(spec, context);
      const figures = await spec.figures(context, window);
      const page = t.stats.pages[spec.slug];
      return {
        title: page.title,
        body: (
          <>
            <p class="breadcrumb">
              <a href={links.page(locale, '/statistics')}>{t.stats.title}</a>
            </p>
            <h1>{page.title}</h1>
            {spec.slug === 'projection' && (
              <p class="warning" role="note">
                <strong>{t.stats.projectionLabel}</strong>
              </p>
            )}
            <p>{page.intro}</p>
            {spec.windowed && <WindowForm context={context} slug={spec.slug} window={window} />}
            {figures.map((figure) => (
              <FigureView
                key={figure.id}
                figure={figure}
                locale={locale}
                t={t}
                csvHref={links.page(locale, `${statsPath(spec.slug)}/${figure.id}.csv`, windowQuery(window))}
              />
            ))}
          </>
        ),
      };
    },
  };
}

function statsDownload(spec: StatsSpec, figureId: string): DownloadDefinition {
  const route = `${statsPath(spec.slug)}/${figureId}.csv`;
  return {
    id: `statistics-${spec.slug}-${figureId}-csv`,
    route,
    paths: () => Promise.resolve([route]),
    async produce(context) {
      const window = windowOf(spec, context);
      const figure = (await spec.figures(context, window)).find((candidate) => candidate.id === figureId);
      if (!figure) throw notFound('series', figureId);
      return {
        contentType: 'text/csv; charset=utf-8',
        filename: `unfree-${spec.slug}-${figureId}.csv`,
        body: tableCsv(figure.table),
      };
    },
  };
}

const indexPage: PageDefinition = {
  id: 'statistics',
  route: '/statistics',
  paths: () => Promise.resolve(['/statistics']),
  async render(context) {
    const { t, locale, links, services } = context;
    const countries = await services.persons.tieCountries();
    return {
      title: t.stats.title,
      body: (
        <>
          <h1>{t.stats.title}</h1>
          <p>{t.stats.intro}</p>
          <ul class="cards">
            {SPECS.map((spec) => (
              <li key={spec.slug}>
                <a href={links.page(locale, statsPath(spec.slug))}>{t.stats.pages[spec.slug].title}</a>
                <p>{t.stats.pages[spec.slug].intro}</p>
              </li>
            ))}
          </ul>
          <h2>{t.stats.pages.dossier.title}</h2>
          <p>{t.stats.pages.dossier.intro}</p>
          {countries.length === 0 ? (
            <p>{t.stats.noCountries}</p>
          ) : (
            <ul class="inline-list">
              {countries.map((code) => (
                <li key={code}>
                  <a href={links.page(locale, `/statistics/dossier/${code}`)}>{countryName(code, locale)}</a>
                </li>
              ))}
            </ul>
          )}
        </>
      ),
    };
  },
};

async function dossierFigures(context: PageContext, country: string) {
  const { t, locale, services } = context;
  const dossier = await services.stats.dossier(country);
  const named = await fetchVisibleAll(
    [...dossier.held.certain, ...dossier.held.possible, ...dossier.priority.map((entry) => entry.personId)],
    (ids) => services.persons.getMany(ids),
  );
  const priority = dossier.priority.filter((entry) => named.has(entry.personId));
  const reasonCounts = RISK_KINDS.map((kind) => {
    const count =
      priority.filter((entry) => entry.reasons.some((reason) => reason.kind === kind)).length +
      dossier.anonymousPriority.byReason[kind];
    return { min: count, max: count };
  });
  const figure: Figure = {
    id: 'priority',
    title: t.stats.priority,
    chart: (
      <HBarChart
        id="priority"
        title={t.stats.priority}
        rows={RISK_KINDS.map((kind, index) => ({
          label: t.stats.riskKinds[kind],
          ...(reasonCounts[index] ?? { min: 0, max: 0 }),
        }))}
        formatValue={(value) => formatNumber(value, locale)}
      />
    ),
    table: {
      columns: [
        { key: 'person', label: t.stats.columns.person },
        { key: 'score', label: t.stats.columns.score },
        { key: 'reasons', label: t.stats.columns.reasons },
      ],
      rows: priority.map((entry) => {
        const person = named.get(entry.personId);
        return [
          person ? nameForReader(person, locale) : '',
          entry.score,
          entry.reasons.map((reason) => reason.text).join('; '),
        ];
      }),
    },
  };
  return { dossier, named, figure };
}

const dossierParams = z.object({ country: countryCodeSchema });

const dossierPage: PageDefinition = {
  id: 'statistics-dossier',
  route: '/statistics/dossier/:country',
  async paths(services) {
    return (await services.persons.tieCountries()).map((code) => `/statistics/dossier/${code}`);
  },
  async render(context) {
    const { t, locale, links } = context;
    const { country } = parseQuery(dossierParams, context.params);
    const { dossier, named, figure } = await dossierFigures(context, country);
    const held = [...dossier.held.certain, ...dossier.held.possible].flatMap((id) => named.get(id) ?? []);
    const anonymous = dossier.anonymousHeld.certain + dossier.anonymousHeld.possible;
    return {
      title: `${t.stats.pages.dossier.title}: ${countryName(country, locale)}`,
      body: (
        <>
          <p class="breadcrumb">
            <a href={links.page(locale, '/statistics')}>{t.stats.title}</a>
          </p>
          <h1>
            {t.stats.pages.dossier.title}: {countryName(country, locale)}
          </h1>
          <p>{t.stats.pages.dossier.intro}</p>
          <h2>{t.stats.heldWithTies}</h2>
          <ul>
            {held.map((person) => (
              <li key={person.id}>
                <PersonLink context={context} person={person} />
              </li>
            ))}
          </ul>
          {anonymous > 0 && <p>{t.stats.anonymousHeld(formatNumber(anonymous, locale))}</p>}
          <FigureView
            figure={figure}
            locale={locale}
            t={t}
            csvHref={links.page(locale, `/statistics/dossier/${country}/priority.csv`)}
          />
        </>
      ),
    };
  },
};

const dossierDownload: DownloadDefinition = {
  id: 'statistics-dossier-csv',
  route: '/statistics/dossier/:country/priority.csv',
  async paths(services) {
    return (await services.persons.tieCountries()).map((code) => `/statistics/dossier/${code}/priority.csv`);
  },
  async produce(context) {
    const { country } = parseQuery(dossierParams, context.params);
    const { figure } = await dossierFigures(context, country);
    return {
      contentType: 'text/csv; charset=utf-8',
      filename: `unfree-dossier-${country}.csv`,
      body: tableCsv(figure.table),
    };
  },
};

export const statsPages: PageDefinition[] = [indexPage, ...SPECS.map(statsPage), dossierPage];
export const statsDownloads: DownloadDefinition[] = [
  ...SPECS.flatMap((spec) => spec.figureIds.map((figureId) => statsDownload(spec, figureId))),
  dossierDownload,
];
