import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { testApp } from '../../test/app.js';
import { describeEachDialect } from '../../test/database.js';
import { aPerson, anEpisode, fixedClock } from '../../test/factories.js';
import { buildServices } from '../app.js';
import type { Db } from '../db/database.js';
import { PUBLIC_VIEWER } from '../modules/user/access.js';
import { LOCALES } from './locale.js';
import { listPublicPages } from './registry.js';

/**
 * The public site over HTTP (app.inject) on a real database: every page of the registry in every
 * locale, its key content, error pages, caching and downloads. People are synthetic.
 */
const MAX_PAGE_BYTES = 50 * 1024;

interface Seeded {
  heldId: string;
  releasedId: string;
  formulaId: string;
  facilityId: string;
  articleId: string;
  batchId: string;
}

async function seed(db: Db): Promise<Seeded> {
  const services = buildServices(db, fixedClock);
  const article = await services.legalArticles.create({
    code: 'BY-CC',
    number: '342',
    titleEn: 'Synthetic disorder article',
    titleBe: 'Сінтэтычны артыкул пра парадак',
    titleRu: 'Синтетическая статья о порядке',
  });
  const facility = await services.facilities.create({
    name: 'Synthetic colony No. 99',
    type: 'colony',
    city: 'Testville',
    postalAddress: '99 Synthetic Street, 000099 Testville',
    letterNotes: 'Synthetic rule: letters in Russian only.',
    visibility: 'public',
  });
  const counterpart = await services.counterparts.create({
    name: 'Synthetica',
    kind: 'state',
    country: 'LT',
  });
  const batch = await services.batches.create({
    releasedOn: '2025-09-11',
    title: 'Synthetic September batch',
    announcedCount: 2,
    forcedExile: true,
    counterparts: [{ counterpartId: counterpart.id, role: 'counterpart' }],
    concessions: [{ kind: 'sanctions_relief', target: 'synthetic potash' }],
    visibility: 'public',
  });
  const held = await services.persons.create(
    aPerson({
      names: [
        {
          text: 'Synthetic Heldava',
          script: 'Latn',
          language: 'en',
          system: 'press-passport',
          isPrimary: true,
        },
        { text: 'Сінтэтычная Трымава', script: 'Cyrl', language: 'be', system: null, isPrimary: false },
        { text: 'Синтетическая Держава', script: 'Cyrl', language: 'ru', system: null, isPrimary: false },
      ],
      birthDate: '1980-01-20',
      ties: [{ kind: 'citizenship', country: 'LT' }],
    }),
  );
  await services.episodes.create(
    anEpisode(held.id, {
      detainedOn: '2021-08',
      verdictOn: '2022-02-01',
      sentenceMonths: 120,
      sentenceRegime: 'strict',
      charges: [{ articleId: article.id }],
      facilityStays: [{ facilityId: facility.id, from: '2022-03' }],
    }),
  );
  await services.conditionEvents.create({
    personId: held.id,
    kind: 'shizo',
    startedOn: '2024',
    description: 'Synthetic punishment cell',
    visibility: 'public',
  });
  const source = await services.sources.create({
    title: 'Synthetic news report',
    url: 'https://example.org/synthetic-report',
    publisher: 'Synthetic Times',
    kind: 'article',
    visibility: 'public',
  });
  await services.citations.create({ sourceId: source.id, subjectType: 'person', subjectId: held.id });

  const released = await services.persons.create(
    aPerson({
      names: [
        { text: 'Synthetic Freedava', script: 'Latn', language: 'en', isPrimary: true },
        { text: 'Сінтэтычная Вольная', script: 'Cyrl', language: 'be', isPrimary: false },
      ],
      birthDate: '1975',
      occupations: ['synthetic teacher'],
    }),
  );
  await services.episodes.create(
    anEpisode(released.id, {
      detainedOn: '2020',
      sentenceMonths: 24,
      release: {
        releasedOn: '2025-09-11',
        mode: 'negotiated',
        batchId: batch.id,
        destinationCountry: 'LT',
        forcedExile: true,
      },
    }),
  );
  const formula = await services.persons.create(
    aPerson({
      names: [{ text: '=Synthetic Formula', script: 'Latn', language: 'en', isPrimary: true }],
      region: '@SUM(1+1)',
      occupations: ['+synthetic', '-minus'],
    }),
  );
  await services.episodes.create(anEpisode(formula.id, { detainedOn: '2023-05-05' }));
  return {
    heldId: held.id,
    releasedId: released.id,
    formulaId: formula.id,
    facilityId: facility.id,
    articleId: article.id,
    batchId: batch.id,
  };
}

describeEachDialect('the public site', (database) => {
  let app: FastifyInstance;
  let seeded: Seeded;
  let cssBytes = 0;
  beforeAll(async () => {
    seeded = await seed(database().db);
    app = await testApp(database().db, { as: 'public' });
    cssBytes = (await app.inject({ method: 'GET', url: '/assets/site.css' })).rawPayload.length;
  });
  afterAll(async () => {
    await app.close();
  });

  const get = (url: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url, headers });

  it('serves every page of the registry in every locale, each within 50 KB with its stylesheet', async () => {
    const urls = await listPublicPages(buildServices(database().db, fixedClock, { viewer: PUBLIC_VIEWER }));
    expect(urls.filter((entry) => entry.id === 'prisoner')).toHaveLength(3 * LOCALES.length);
    for (const { kind, url } of urls) {
      const response = await get(url);
      expect(response.statusCode, `${url}: ${response.body.slice(0, 300)}`).toBe(200);
      if (kind === 'download') continue;
      const locale = url.split('/')[1];
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.body, url).toContain(`<html lang="${locale}">`);
      expect(response.body, url).toContain('href="#main"');
      for (const other of LOCALES) expect(response.body, url).toContain(`hreflang="${other}"`);
      expect(response.body, url).toContain('hreflang="x-default"');
      expect(response.rawPayload.length + cssBytes, `${url} is too heavy`).toBeLessThanOrEqual(
        MAX_PAGE_BYTES,
      );
      expect(response.body, url).not.toMatch(/<script|style="/);
    }
  }, 180_000);

  it('forbids inline styles and scripts on its pages', async () => {
    const csp = String((await get('/en/')).headers['content-security-policy']);
    expect(csp).toMatch(/style-src 'self'(;|$)/);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
  });

  it('shows today’s count, this month’s flows and the chart on the home page, in each language', async () => {
    const en = (await get('/en/')).body;
    expect(en).toContain('Political prisoners held today');
    // Held on 2026-01-15: the synthetic held person and the one detained in 2023.
    expect(en).toMatch(/Political prisoners held today<\/dt><dd>2<\/dd>/);
    expect(en).toContain('<svg class="chart"');
    expect(en).toContain('Synthetic September batch');
    expect((await get('/be/')).body).toContain('Палітвязняў утрымліваецца сёння');
    expect((await get('/ru/')).body).toContain('Политзаключённых в заключении сегодня');
  });

  it('redirects / by Accept-Language, English by default', async () => {
    for (const [header, target] of [
      ['be-BY,be;q=0.9,en;q=0.5', '/be/'],
      ['ru;q=0.9,de;q=1', '/ru/'],
      ['de-DE', '/en/'],
      ['', '/en/'],
    ] as const) {
      const response = await get('/', header ? { 'accept-language': header } : {});
      expect(response.statusCode).toBe(302);
      expect(response.headers.location, header).toBe(target);
      expect(response.headers.vary).toMatch(/Accept-Language/);
    }
    expect((await get('/be')).headers.location).toBe('/be/');
  });

  it('shows a person with names in the reader’s script, the timeline, charges, the letter address and sources', async () => {
    const url = (locale: string) => `/${locale}/prisoners/${seeded.heldId}`;
    const en = (await get(url('en'))).body;
    expect(en).toMatch(/<h1>Synthetic Heldava<\/h1>/);
    expect(en).toContain('August 2021');
    expect(en).not.toContain('1 August 2021');
    expect(en).toContain('Synthetic disorder article');
    expect(en).toContain('99 Synthetic Street, 000099 Testville');
    expect(en).toContain('Synthetic rule: letters in Russian only.');
    expect(en).toContain('prison censor');
    expect(en).toContain('punishment cell (SHIZO)');
    expect(en).toContain('href="https://example.org/synthetic-report"');
    expect(en).toContain('20 January 1980');
    // Days in custody as of the render day (2026-01-15), from a detention known to the month.
    expect(en).toMatch(/<strong>1,598–1,628<\/strong>/);
    expect(en).toContain('Timeline');

    const be = (await get(url('be'))).body;
    expect(be).toMatch(/<h1>Сінтэтычная Трымава<\/h1>/);
    expect(be).toContain('жнівень 2021');
    expect(be).toContain('Сінтэтычны артыкул пра парадак');
    expect(be).toContain('Храналогія');
    const ru = (await get(url('ru'))).body;
    expect(ru).toMatch(/<h1>Синтетическая Держава<\/h1>/);
    expect(ru).toContain('август 2021');
    expect(ru).toContain('Синтетическая статья о порядке');
    expect(ru).toContain(`href="/en/prisoners/${seeded.heldId}"`);
  });

  it('shows release details with the batch, and a year-only date as a year', async () => {
    const page = (await get(`/en/prisoners/${seeded.releasedId}`)).body;
    expect(page).toContain('negotiated release');
    expect(page).toContain(`href="/en/releases/${seeded.batchId}"`);
    expect(page).toContain('Lithuania');
    expect(page).toMatch(/<time datetime="2020">2020<\/time>/);
    const batch = (await get(`/en/releases/${seeded.batchId}`)).body;
    expect(batch).toContain('Synthetic Freedava');
    expect(batch).toContain('synthetic potash');
    expect(batch).toContain('Synthetica');
    const facility = (await get(`/en/facilities/${seeded.facilityId}`)).body;
    expect(facility).toContain('Synthetic Heldava');
    expect(facility).toContain('99 Synthetic Street');
  });

  it('lists prisoners with cross-script search, filters, sorting and pagination', async () => {
    const names = async (query: string) => {
      const body = (await get(`/en/prisoners?${query}`)).body;
      return [...body.matchAll(/<th scope="row"><a href="\/en\/prisoners\/[^"]+">([^<]+)<\/a>/g)].map(
        (m) => m[1],
      );
    };
    expect(await names(`q=${encodeURIComponent('Трымава')}`)).toEqual(['Synthetic Heldava']);
    expect(await names(`q=${encodeURIComponent('Heldava')}&status=released`)).toEqual([]);
    expect(await names('status=released')).toEqual(['Synthetic Freedava']);
    expect(await names(`facility=${seeded.facilityId}`)).toEqual(['Synthetic Heldava']);
    expect(await names(`article=${seeded.articleId}`)).toEqual(['Synthetic Heldava']);
    expect(await names('sentenceMin=60')).toEqual(['Synthetic Heldava']);
    expect(await names('sentenceMax=60')).toEqual(['Synthetic Freedava']);
    expect(await names('detainedFrom=2023-01-01')).toEqual(['=Synthetic Formula']);
    expect(await names('detainedTo=2020-12-31')).toEqual(['Synthetic Freedava']);
    expect(await names('occupation=synthetic+teacher')).toEqual(['Synthetic Freedava']);
    expect(await names('sort=-name')).toEqual([
      'Synthetic Heldava',
      'Synthetic Freedava',
      '=Synthetic Formula',
    ]);
    expect(await names('sort=-name&page=2')).toEqual([]);
    // A name search ranks by match; an explicit sort orders its hits instead.
    expect(await names('q=Synthetic&sort=name')).toEqual([
      '=Synthetic Formula',
      'Synthetic Freedava',
      'Synthetic Heldava',
    ]);
    expect(await names('q=Synthetic&sort=-name')).toEqual([
      'Synthetic Heldava',
      'Synthetic Freedava',
      '=Synthetic Formula',
    ]);
    expect(await names('status=&region=&q=')).toHaveLength(3);
    // The be list shows the Belarusian Cyrillic name first.
    expect((await get('/be/prisoners?status=held')).body).toContain('Сінтэтычная Трымава');
  });

  it('downloads the filtered list as CSV and JSON, with formulas defused', async () => {
    const csv = await get('/en/prisoners.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="unfree-prisoners.csv"/);
    expect(csv.body).toContain("'=Synthetic Formula");
    expect(csv.body).toContain("'@SUM(1+1)");
    expect(csv.body).toContain("'+synthetic; -minus");
    expect(csv.body).not.toMatch(/(^|,)[=+@-]/m);
    expect(csv.body.split('\n')[0]).toBe(
      'id,name,name_be,name_ru,status,days_in_custody_certain,days_in_custody_possible,birth_date,region,occupations,url',
    );
    const held = await get('/en/prisoners.csv?status=held');
    expect(held.body.trim().split('\n')).toHaveLength(3);
    const json = (await get(`/en/prisoners.json?facility=${seeded.facilityId}`)).json<{
      total: number;
      items: { name: string; nameBe: string; internalNotes?: unknown }[];
    }>();
    expect(json.total).toBe(1);
    expect(json.items[0]).toMatchObject({ name: 'Synthetic Heldava', nameBe: 'Сінтэтычная Трымава' });
    expect(json.items[0]).not.toHaveProperty('internalNotes');
  });

  it('shows the statistics pages with a chart, a table and a CSV for every series', async () => {
    const stock = (await get('/en/statistics/stock?from=2020-01-01&to=2021-12-31')).body;
    expect(stock).toContain('<svg class="chart"');
    expect(stock).toContain('<table>');
    // A detention known only to the year 2020 is uncertain inside 2020: shown as a range.
    expect(stock).toMatch(/<td class="num">0–1<\/td>/);
    expect(stock).toContain(
      'href="/en/statistics/stock/held.csv?from=2020-01-01&amp;to=2021-12-31&amp;granularity=month"',
    );
    const csv = await get('/en/statistics/stock/held.csv?from=2020-01-01&to=2021-12-31');
    expect(csv.body.split('\n')[0]).toBe('period,day,held_certain,held_possible');
    const projection = (await get('/ru/statistics/projection')).body;
    expect(projection).toContain('ПРОГНОЗ — не подсчёт');
    const deals = (await get('/en/statistics/deals')).body;
    expect(deals).toContain('Synthetic September batch');
    const dossier = (await get('/en/statistics/dossier/LT')).body;
    expect(dossier).toContain('Synthetic Heldava');
    expect((await get('/be/statistics')).body).toContain('Вярчальныя дзверы');
  });

  it('answers unknown addresses with a clear 404 page in the page’s language, the API with JSON', async () => {
    for (const [url, text] of [
      ['/en/prisoners/01a23094-0000-7000-8000-000000000000', 'Page not found'],
      ['/en/prisoners/not-an-id', 'Page not found'],
      ['/be/no-such-page', 'Старонка не знойдзена'],
      ['/ru/releases/01a23094-0000-7000-8000-000000000000', 'Страница не найдена'],
      ['/no-such-page', 'Page not found'],
    ] as const) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type'], url).toBe('text/html; charset=utf-8');
      expect(response.body, url).toContain(text);
    }
    const api = await get('/api/v1/nothing');
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('answers bad query parameters with a clear 400 page naming them, never a stack trace', async () => {
    for (const [url, text, field] of [
      ['/en/prisoners?facility=abc', 'Something in the address is not right', 'facility'],
      ['/en/prisoners?page=0', 'Something in the address is not right', 'page'],
      ['/ru/statistics/stock?from=2021-13-01', 'В адресе что-то не так', 'from'],
      ['/en/statistics/flows?from=2025-01-01&to=2020-01-01', 'Something in the address is not right', 'from'],
      ['/be/statistics/stock?granularity=century', 'У адрасе нешта не так', 'granularity'],
      ['/en/prisoners.csv?sentenceMin=-3', 'Something in the address is not right', 'sentenceMin'],
      ['/en/statistics/dossier/lt', 'Something in the address is not right', 'country'],
      ['/en/statistics/stock?granularity=day', 'Something in the address is not right', 'granularity'],
    ] as const) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(400);
      expect(response.body, url).toContain(text);
      expect(response.body, url).toContain(`<code>${field}</code>`);
      expect(response.body, url).not.toMatch(/\bat .+\.(ts|js):\d+/);
    }
  });

  it('sends a weak ETag and answers 304 to a repeat view; the stylesheet is cached', async () => {
    const first = await get('/en/prisoners');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    const again = await get('/en/prisoners', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const other = await get('/be/prisoners', { 'if-none-match': etag });
    expect(other.statusCode).toBe(200);
    const css = await get('/assets/site.css');
    expect(css.headers['cache-control']).toMatch(/max-age=\d+/);
    expect(css.headers['content-type']).toMatch(/text\/css/);
    expect((await get('/assets/site.css', { 'if-none-match': String(css.headers.etag) })).statusCode).toBe(
      304,
    );
  });

  it('caches the CSV downloads like the pages: ETag, Cache-Control, 304 for the same filters only', async () => {
    for (const url of [
      '/en/prisoners.csv?status=held',
      '/en/statistics/stock/held.csv',
      '/en/prisoners.json',
    ]) {
      const first = await get(url);
      expect(first.statusCode, url).toBe(200);
      const etag = String(first.headers.etag);
      expect(etag, url).toMatch(/^W\/"[\w-]+"$/);
      expect(first.headers['cache-control'], url).toBe('no-cache');
      const again = await get(url, { 'if-none-match': etag });
      expect(again.statusCode, url).toBe(304);
      expect(again.body).toBe('');
    }
    const held = String((await get('/en/prisoners.csv?status=held')).headers.etag);
    expect((await get('/en/prisoners.csv?status=released', { 'if-none-match': held })).statusCode).toBe(200);
  });

  it('lists the birthdays of this week and this month', async () => {
    // The clock says 2026-01-15; the held person was born on 20 January 1980.
    const page = (await get('/en/birthdays')).body;
    expect(page.match(/Synthetic Heldava/g)).toHaveLength(2);
    expect(page).toContain('turns 46');
    expect((await get('/ru/birthdays')).body).toContain('Синтетическая Держава');
  });
});
