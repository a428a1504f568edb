import { addDays, daysInMonth } from '../../lib/partial-date.js';
import { formatCount, formatDayOfYear, formatNumber, formatPartialDate } from '../../site/format.js';
import { nameForReader } from '../../site/names.js';
import { parseQuery, withoutEmpty, type PageContext, type PageDefinition } from '../../site/page.js';
import { LIST_SORTS, PAGE_SIZE, listLinkQuery, personListQuerySchema, runPersonList } from './person-list.js';
import type { PersonRecord } from './person.schema.js';

export const personHref = (context: PageContext, id: string) =>
  context.links.page(context.locale, `/prisoners/${id}`);

/** A person's name in the reader's script, linked to their page. */
export function PersonLink({ context, person }: { context: PageContext; person: PersonRecord }) {
  return <a href={personHref(context, person.id)}>{nameForReader(person, context.locale)}</a>;
}

function Select({
  name,
  label,
  value,
  options,
  anyLabel,
}: {
  name: string;
  label: string;
  value: string | undefined;
  options: readonly (readonly [string, string])[];
  anyLabel?: string;
}) {
  return (
    <div class="field">
      <label for={`f-${name}`}>{label}</label>
      <select id={`f-${name}`} name={name}>
        {anyLabel !== undefined && <option value="">{anyLabel}</option>}
        {options.map(([optionValue, text]) => (
          <option value={optionValue} selected={optionValue === value} key={optionValue}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

function Input({
  name,
  label,
  value,
  type = 'text',
}: {
  name: string;
  label: string;
  value: string | number | undefined;
  type?: string;
}) {
  return (
    <div class="field">
      <label for={`f-${name}`}>{label}</label>
      <input
        id={`f-${name}`}
        name={name}
        type={type}
        value={value ?? ''}
        min={type === 'number' ? 0 : undefined}
      />
    </div>
  );
}

const listPage: PageDefinition = {
  id: 'prisoners',
  route: '/prisoners',
  paths: () =>
    Promise.resolve([
      '/prisoners',
      '/prisoners?status=held',
      '/prisoners?q=Synthetic',
      '/prisoners?status=released&sort=-name',
    ]),
  async render(context) {
    const { t, locale, services, links } = context;
    const query = parseQuery(personListQuerySchema, withoutEmpty(context.query));
    const [found, facilities, articles] = await Promise.all([
      runPersonList(services, query, PAGE_SIZE, (query.page - 1) * PAGE_SIZE),
      services.facilities.find({ limit: 500, offset: 0 }),
      services.legalArticles.find({ limit: 500, offset: 0 }),
    ]);
    const pages = Math.max(1, Math.ceil(found.total / PAGE_SIZE));
    const filters = listLinkQuery(query);
    const pageHref = (page: number) => links.page(locale, '/prisoners', { ...filters, page });
    return {
      title: t.list.title,
      body: (
        <>
          <h1>{t.list.title}</h1>
          <form method="get" action={links.search(locale)} class="filters" role="search">
            <div class="field wide">
              <label for="f-q">{t.list.search}</label>
              <input id="f-q" name="q" type="search" value={query.q ?? ''} autocomplete="off" />
            </div>
            <fieldset>
              <legend>{t.list.filters}</legend>
              <Select
                name="status"
                label={t.list.status}
                value={query.status}
                anyLabel={t.list.any}
                options={[
                  ['held', t.status.held],
                  ['released', t.status.released],
                ]}
              />
              <Input name="region" label={t.list.region} value={query.region} />
              <Select
                name="facility"
                label={t.list.facility}
                value={query.facility}
                anyLabel={t.list.any}
                options={facilities.items.map((facility) => [facility.id, facility.name] as const)}
              />
              <Select
                name="article"
                label={t.list.article}
                value={query.article}
                anyLabel={t.list.any}
                options={articles.items.map(
                  (article) => [article.id, `${article.code} ${article.number}`] as const,
                )}
              />
              <Input name="occupation" label={t.list.occupation} value={query.occupation} />
              <Input name="sentenceMin" label={t.list.sentenceMin} value={query.sentenceMin} type="number" />
              <Input name="sentenceMax" label={t.list.sentenceMax} value={query.sentenceMax} type="number" />
              <Input name="detainedFrom" label={t.list.detainedFrom} value={query.detainedFrom} type="date" />
              <Input name="detainedTo" label={t.list.detainedTo} value={query.detainedTo} type="date" />
              <Select
                name="sort"
                label={t.list.sort}
                value={query.sort ?? 'relevance'}
                options={LIST_SORTS.map((sort) => [sort, t.sorts[sort]] as const)}
              />
            </fieldset>
            <div class="actions">
              <button type="submit">{t.list.apply}</button>{' '}
              <a href={links.page(locale, '/prisoners')}>{t.list.reset}</a>
            </div>
          </form>
          <p role="status" class="count">
            {t.list.results(formatNumber(found.total, locale))}
          </p>
          {found.items.length === 0 ? (
            <p>{t.list.noResults}</p>
          ) : (
            <div class="table-scroll">
              <table class="persons">
                <caption class="visually-hidden">{t.list.title}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.list.name}</th>
                    <th scope="col">{t.person.status}</th>
                    <th scope="col">{t.person.daysInCustody}</th>
                    <th scope="col">{t.list.born}</th>
                    <th scope="col">{t.list.region}</th>
                  </tr>
                </thead>
                <tbody>
                  {found.items.map((person) => (
                    <tr key={person.id}>
                      <th scope="row">
                        <PersonLink context={context} person={person} />
                      </th>
                      <td>
                        <span class={`status ${person.status}`}>{t.status[person.status]}</span>
                      </td>
                      <td class="num">{formatCount(person.daysInCustody, locale)}</td>
                      <td>{formatPartialDate(person.birthDate, locale)}</td>
                      <td>{person.region ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {pages > 1 && (
            <nav aria-label={t.list.pages} class="pager">
              {query.page > 1 && (
                <a href={pageHref(query.page - 1)} rel="prev">
                  {t.list.previous}
                </a>
              )}
              <span>{t.list.page(formatNumber(query.page, locale), formatNumber(pages, locale))}</span>
              {query.page < pages && (
                <a href={pageHref(query.page + 1)} rel="next">
                  {t.list.next}
                </a>
              )}
            </nav>
          )}
          <p class="download">
            {t.list.download}{' '}
            <a href={links.page(locale, '/prisoners.csv', filters)} download>
              CSV
            </a>{' '}
            ·{' '}
            <a href={links.page(locale, '/prisoners.json', filters)} download>
              JSON
            </a>
          </p>
        </>
      ),
    };
  },
};

function BirthdayList({
  context,
  persons,
  yearOf,
}: {
  context: PageContext;
  persons: PersonRecord[];
  yearOf: (person: PersonRecord) => number;
}) {
  const { t, locale } = context;
  if (persons.length === 0) return <p>{t.birthdays.none}</p>;
  return (
    <ul class="birthdays">
      {persons.map((person) => {
        const born = person.birthDate ?? '';
        const birthYear = Number(born.slice(0, 4));
        const year = yearOf(person);
        return (
          <li key={person.id}>
            <PersonLink context={context} person={person} /> —{' '}
            <time dateTime={born}>{formatDayOfYear(`${year}-${born.slice(5)}`, locale)}</time>,{' '}
            {t.birthdays.turns(formatNumber(year - birthYear, locale))}
          </li>
        );
      })}
    </ul>
  );
}

const birthdaysPage: PageDefinition = {
  id: 'birthdays',
  route: '/birthdays',
  paths: () => Promise.resolve(['/birthdays']),
  async render(context) {
    const { t, today, services } = context;
    const year = Number(today.slice(0, 4));
    const monthEnd = `${today.slice(0, 7)}-${String(daysInMonth(year, Number(today.slice(5, 7)))).padStart(2, '0')}`;
    const [week, month] = await Promise.all([
      services.persons.birthdaysBetween(today, addDays(today, 6)),
      services.persons.birthdaysBetween(today, monthEnd),
    ]);
    // A week that runs into January counts its birthdays in the new year.
    const weekYear = (person: PersonRecord) =>
      (person.birthDate ?? '').slice(5) < today.slice(5) ? year + 1 : year;
    return {
      title: t.birthdays.title,
      body: (
        <>
          <h1>{t.birthdays.title}</h1>
          <p>{t.birthdays.intro}</p>
          <section aria-labelledby="week">
            <h2 id="week">{t.birthdays.thisWeek}</h2>
            <BirthdayList context={context} persons={week} yearOf={weekYear} />
          </section>
          <section aria-labelledby="month">
            <h2 id="month">{t.birthdays.thisMonth}</h2>
            <BirthdayList context={context} persons={month} yearOf={() => year} />
          </section>
        </>
      ),
    };
  },
};

export const personPages: PageDefinition[] = [listPage, birthdaysPage];
