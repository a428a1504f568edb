import { notFound } from '../../lib/errors.js';
import { Facts, PartialDate, triState } from '../../site/components.js';
import { countryName, formatNumber } from '../../site/format.js';
import { fetchVisibleAll, isUuid } from '../../site/lookup.js';
import type { PageContext, PageDefinition } from '../../site/page.js';
import { PersonLink } from '../person/person.pages.js';
import type { BatchRecord } from './batch.schema.js';

const batchHref = (context: PageContext, id: string) => context.links.page(context.locale, `/releases/${id}`);

function Concessions({ context, batch }: { context: PageContext; batch: BatchRecord }) {
  const { t } = context;
  if (batch.concessions.length === 0) return <>{t.none}</>;
  return (
    <ul class="plain">
      {batch.concessions.map((concession, index) => (
        <li key={index}>
          {t.concessionKinds[concession.kind]}
          {concession.target && `: ${concession.target}`}
        </li>
      ))}
    </ul>
  );
}

const counterpartsOf = (batch: BatchRecord, role: string) =>
  batch.counterparts.filter((link) => link.role === role).map((link) => link.name);

async function allBatches(context: PageContext): Promise<BatchRecord[]> {
  return (await context.services.batches.find({ limit: 500, offset: 0 })).items;
}

const ledgerPage: PageDefinition = {
  id: 'releases',
  route: '/releases',
  paths: () => Promise.resolve(['/releases']),
  async render(context) {
    const { t, locale } = context;
    const batches = await allBatches(context);
    return {
      title: t.releases.title,
      body: (
        <>
          <h1>{t.releases.title}</h1>
          <p>{t.releases.intro}</p>
          <div class="table-scroll">
            <table>
              <caption class="visually-hidden">{t.releases.title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.releases.date}</th>
                  <th scope="col">{t.releases.batch}</th>
                  <th scope="col">{t.releases.announced}</th>
                  <th scope="col">{t.releases.identified}</th>
                  <th scope="col">{t.releases.counterparts}</th>
                  <th scope="col">{t.releases.concessions}</th>
                </tr>
              </thead>
              <tbody>
                {batches.map((batch) => (
                  <tr key={batch.id}>
                    <td>
                      <PartialDate value={batch.releasedOn} locale={locale} />
                    </td>
                    <th scope="row">
                      <a href={batchHref(context, batch.id)}>{batch.title}</a>
                    </th>
                    <td class="num">
                      {batch.announcedCount === null ? t.none : formatNumber(batch.announcedCount, locale)}
                    </td>
                    <td class="num">{formatNumber(batch.identifiedCount, locale)}</td>
                    <td>{counterpartsOf(batch, 'counterpart').join(', ') || t.none}</td>
                    <td>
                      <Concessions context={context} batch={batch} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ),
    };
  },
};

const batchPage: PageDefinition = {
  id: 'release',
  route: '/releases/:id',
  async paths(services) {
    return (await services.batches.find({ limit: 500, offset: 0 })).items.map(
      (batch) => `/releases/${batch.id}`,
    );
  },
  async render(context) {
    const { t, locale, services, params } = context;
    if (!isUuid(params.id)) throw notFound('batch', String(params.id));
    const batch = await services.batches.get(params.id);
    const episodes = await services.episodes.find({ limit: 500, offset: 0, batchId: batch.id });
    const persons = await fetchVisibleAll(
      episodes.items.map((episode) => episode.personId),
      (ids) => services.persons.getMany(ids),
    );
    return {
      title: batch.title,
      body: (
        <article>
          <h1>{batch.title}</h1>
          <Facts
            items={[
              [t.releases.date, <PartialDate value={batch.releasedOn} locale={locale} />],
              [
                t.releases.announced,
                batch.announcedCount !== null && formatNumber(batch.announcedCount, locale),
              ],
              [t.releases.identified, formatNumber(batch.identifiedCount, locale)],
              [t.counterpartRoles.counterpart, counterpartsOf(batch, 'counterpart').join(', ')],
              [t.counterpartRoles.intermediary, counterpartsOf(batch, 'intermediary').join(', ')],
              [t.counterpartRoles.receiving, counterpartsOf(batch, 'receiving').join(', ')],
              [t.releases.forcedExile, triState(batch.forcedExile, t)],
              [t.releases.destination, batch.destinationNote],
              [t.releases.concessions, <Concessions context={context} batch={batch} />],
            ]}
          />
          {batch.description && (
            <section aria-labelledby="what">
              <h2 id="what">{t.releases.description}</h2>
              <p>{batch.description}</p>
            </section>
          )}
          <section aria-labelledby="freed">
            <h2 id="freed">{t.releases.freed}</h2>
            {persons.size === 0 ? (
              <p>{t.releases.noneIdentified}</p>
            ) : (
              <ul>
                {[...persons.values()].map((person) => {
                  const release = episodes.items.find((episode) => episode.personId === person.id)?.release;
                  return (
                    <li key={person.id}>
                      <PersonLink context={context} person={person} />
                      {release?.destinationCountry && ` → ${countryName(release.destinationCountry, locale)}`}
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        </article>
      ),
    };
  },
};

export const batchPages: PageDefinition[] = [ledgerPage, batchPage];
