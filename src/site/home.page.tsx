import { addDays, daysInMonth } from '../lib/partial-date.js';
import { PersonLink } from '../modules/person/person.pages.js';
import type { Range } from '../stats/range.js';
import { BandChart } from './charts/band-chart.js';
import { PartialDate } from './components.js';
import { formatCount, formatNumber, formatPartialDate } from './format.js';
import type { PageDefinition } from './page.js';

function Counter({ label, value, locale }: { label: string; value: Range; locale: 'en' | 'be' | 'ru' }) {
  return (
    <div class="counter">
      <dt>{label}</dt>
      <dd>{formatCount(value, locale)}</dd>
    </div>
  );
}

/** Home: today's count, this month's flows, the count over five years, the latest changes. */
export const homePage: PageDefinition = {
  id: 'home',
  route: '/',
  paths: () => Promise.resolve(['/']),
  async render(context) {
    const { t, locale, services, today, links } = context;
    const monthStart = `${today.slice(0, 7)}-01`;
    const monthEnd = `${today.slice(0, 7)}-${String(daysInMonth(Number(today.slice(0, 4)), Number(today.slice(5, 7)))).padStart(2, '0')}`;
    const [stock, month, series, recent, batches, everyone] = await Promise.all([
      services.stats.stockOn(today),
      services.stats.flows({ from: monthStart, to: monthEnd }, 'month'),
      services.stats.series({ from: addDays(today, -5 * 365), to: today }, 'month'),
      services.persons.find({ limit: 5, offset: 0, sort: '-createdAt' }),
      services.batches.find({ limit: 5, offset: 0 }),
      services.persons.find({ limit: 1, offset: 0, sort: 'createdAt' }),
    ]);
    const thisMonth = month.periods[0];
    const zero = { min: 0, max: 0 };
    return {
      title: t.home.title,
      body: (
        <>
          <h1>{t.home.title}</h1>
          <p class="lead">{t.tagline}</p>
          <dl class="counters">
            <Counter label={t.home.heldToday} value={stock.held} locale={locale} />
            <Counter label={t.home.newThisMonth} value={thisMonth?.detentions ?? zero} locale={locale} />
            <Counter label={t.home.releasedThisMonth} value={thisMonth?.releases ?? zero} locale={locale} />
          </dl>
          <p class="muted">
            {t.home.asOf(formatPartialDate(today, locale))} {t.home.rangeNote}{' '}
            {t.home.registryCount(formatNumber(everyone.total, locale))}
          </p>
          <section aria-labelledby="over-time">
            <h2 id="over-time">{t.home.countOverTime}</h2>
            <BandChart
              id="home-series"
              title={t.home.countOverTime}
              points={series.points.map((point) => ({ label: point.period, min: point.min, max: point.max }))}
              formatTick={(value) => formatNumber(value, locale)}
              height={200}
            />
            <p>
              <a href={links.page(locale, '/statistics/stock')}>{t.stats.pages.stock.title}</a> ·{' '}
              <a href={links.page(locale, '/statistics')}>{t.home.seeStatistics}</a>
            </p>
          </section>
          <section aria-labelledby="latest">
            <h2 id="latest">{t.home.latestChanges}</h2>
            <div class="columns">
              <div>
                <h3>{t.home.recentlyAdded}</h3>
                <ul>
                  {recent.items.map((person) => (
                    <li key={person.id}>
                      <PersonLink context={context} person={person} /> ({t.status[person.status]})
                    </li>
                  ))}
                </ul>
                <p>
                  <a href={links.page(locale, '/prisoners')}>{t.home.seeAllPrisoners}</a>
                </p>
              </div>
              <div>
                <h3>{t.home.latestBatches}</h3>
                <ul>
                  {batches.items.map((batch) => (
                    <li key={batch.id}>
                      <PartialDate value={batch.releasedOn} locale={locale} />:{' '}
                      <a href={links.page(locale, `/releases/${batch.id}`)}>{batch.title}</a>
                    </li>
                  ))}
                </ul>
              </div>
            </div>
          </section>
        </>
      ),
    };
  },
};
