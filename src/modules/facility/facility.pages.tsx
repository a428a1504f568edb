import { notFound } from '../../lib/errors.js';
import { Facts } from '../../site/components.js';
import { fetchVisibleAll, isUuid } from '../../site/lookup.js';
import type { PageDefinition } from '../../site/page.js';
import { PersonLink } from '../person/person.pages.js';

const listPage: PageDefinition = {
  id: 'facilities',
  route: '/facilities',
  paths: () => Promise.resolve(['/facilities']),
  async render(context) {
    const { t, locale, links, services } = context;
    const facilities = (await services.facilities.find({ limit: 500, offset: 0 })).items;
    return {
      title: t.facilities.title,
      body: (
        <>
          <h1>{t.facilities.title}</h1>
          <p>{t.facilities.intro}</p>
          <div class="table-scroll">
            <table>
              <caption class="visually-hidden">{t.facilities.title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.facilities.name}</th>
                  <th scope="col">{t.facilities.type}</th>
                  <th scope="col">{t.facilities.city}</th>
                  <th scope="col">{t.person.postalAddress}</th>
                </tr>
              </thead>
              <tbody>
                {facilities.map((facility) => (
                  <tr key={facility.id}>
                    <th scope="row">
                      <a href={links.page(locale, `/facilities/${facility.id}`)}>{facility.name}</a>
                    </th>
                    <td>{t.facilityTypes[facility.type]}</td>
                    <td>{facility.city ?? ''}</td>
                    <td>{facility.postalAddress ?? ''}</td>
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

const facilityPage: PageDefinition = {
  id: 'facility',
  route: '/facilities/:id',
  async paths(services) {
    return (await services.facilities.find({ limit: 500, offset: 0 })).items.map(
      (facility) => `/facilities/${facility.id}`,
    );
  },
  async render(context) {
    const { t, services, params } = context;
    if (!isUuid(params.id)) throw notFound('facility', String(params.id));
    const facility = await services.facilities.get(params.id);
    const episodes = await services.episodes.find({ limit: 500, offset: 0, facilityId: facility.id });
    const persons = await fetchVisibleAll(
      episodes.items.map((episode) => episode.personId),
      (ids) => services.persons.getMany(ids),
    );
    return {
      title: facility.name,
      body: (
        <article>
          <h1>{facility.name}</h1>
          <Facts
            items={[
              [t.facilities.type, t.facilityTypes[facility.type]],
              [t.facilities.city, facility.city],
              [t.person.region, facility.region],
            ]}
          />
          <section class="letters" aria-labelledby="letters">
            <h2 id="letters">{t.person.letters}</h2>
            {facility.postalAddress ? (
              <address>
                <span class="muted">{t.person.postalAddress}:</span> {facility.postalAddress}
              </address>
            ) : (
              <p>{t.person.noAddress}</p>
            )}
            {facility.letterNotes && <p>{facility.letterNotes}</p>}
            <p class="muted">{t.person.letterGuidance}</p>
          </section>
          <section aria-labelledby="held">
            <h2 id="held">{t.facilities.heldHere}</h2>
            {persons.size === 0 ? (
              <p>{t.facilities.nobody}</p>
            ) : (
              <ul>
                {[...persons.values()].map((person) => (
                  <li key={person.id}>
                    <PersonLink context={context} person={person} /> ({t.status[person.status]})
                  </li>
                ))}
              </ul>
            )}
          </section>
        </article>
      ),
    };
  },
};

export const facilityPages: PageDefinition[] = [listPage, facilityPage];
