import { toCsv } from '../../site/csv.js';
import { namesForReader } from '../../site/names.js';
import { parseQuery, withoutEmpty, type DownloadDefinition, type PageContext } from '../../site/page.js';
import { DOWNLOAD_LIMIT, personListQuerySchema, runPersonList } from './person-list.js';
import type { PersonRecord } from './person.schema.js';

/** The fields of a person that a download carries: chosen here, like a presenter. */
function downloadRow(context: PageContext, person: PersonRecord) {
  const inScript = (locale: 'be' | 'ru') =>
    namesForReader(person.names, locale).find((name) => name.script === 'Cyrl')?.text ?? null;
  return {
    id: person.id,
    name: person.displayName,
    nameBe: inScript('be'),
    nameRu: inScript('ru'),
    status: person.status,
    daysInCustodyCertain: person.daysInCustody.min,
    daysInCustodyPossible: person.daysInCustody.max,
    birthDate: person.birthDate,
    region: person.region,
    occupations: person.occupations,
    url: context.links.page(context.locale, `/prisoners/${person.id}`),
  };
}

async function filteredList(context: PageContext) {
  const query = parseQuery(personListQuerySchema, withoutEmpty(context.query));
  const found = await runPersonList(context.services, query, DOWNLOAD_LIMIT, 0);
  return { query, total: found.total, rows: found.items.map((person) => downloadRow(context, person)) };
}

const listPaths = () => Promise.resolve(['/prisoners.csv', '/prisoners.json', '/prisoners.csv?status=held']);

export const personDownloads: DownloadDefinition[] = [
  {
    id: 'prisoners-csv',
    route: '/prisoners.csv',
    paths: listPaths,
    async produce(context) {
      const { rows } = await filteredList(context);
      const header = [
        'id',
        'name',
        'name_be',
        'name_ru',
        'status',
        'days_in_custody_certain',
        'days_in_custody_possible',
        'birth_date',
        'region',
        'occupations',
        'url',
      ];
      return {
        contentType: 'text/csv; charset=utf-8',
        filename: 'unfree-prisoners.csv',
        body: toCsv(
          header,
          rows.map((row) => [
            row.id,
            row.name,
            row.nameBe,
            row.nameRu,
            row.status,
            row.daysInCustodyCertain,
            row.daysInCustodyPossible,
            row.birthDate,
            row.region,
            row.occupations.join('; '),
            row.url,
          ]),
        ),
      };
    },
  },
  {
    id: 'prisoners-json',
    route: '/prisoners.json',
    paths: listPaths,
    async produce(context) {
      const { query, total, rows } = await filteredList(context);
      const { page: _page, ...filters } = query;
      return {
        contentType: 'application/json; charset=utf-8',
        filename: 'unfree-prisoners.json',
        body: JSON.stringify({ generatedOn: context.today, filters, total, items: rows }, null, 1),
      };
    },
  },
];
