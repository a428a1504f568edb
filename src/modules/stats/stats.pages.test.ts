import type { FastifyInstance } from 'fastify';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { testApp } from '../../../test/app.js';
import { describeEachDialect } from '../../../test/database.js';
import { aPerson, anArticle, anEpisode, testServices } from '../../../test/factories.js';

/**
 * The statistics pages and downloads this module adds, as the public sees them: time in custody by
 * article and year of arrest (chart, table and CSV in every language), the country dossier's
 * reasons, the projection's label, and CSV cells that a spreadsheet would run as formulas.
 * People are synthetic.
 */
const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

describeEachDialect('statistics pages: durations, dossier reasons, projection, CSV safety', (database) => {
  let app: FastifyInstance;
  let anonymousId = '';
  beforeAll(async () => {
    const services = testServices(database().db);
    const disorder = await anArticle(services, '342');
    const insult = await anArticle(services, '368');
    const held = await services.persons.create(
      aPerson({
        names: [{ text: 'Synthetic Dossierava', script: 'Latn', language: 'en', isPrimary: true }],
        ties: [{ kind: 'citizenship', country: 'PL' }],
      }),
    );
    await services.episodes.create(
      anEpisode(held.id, { detainedOn: '2021-08', charges: [{ articleId: disorder.id }] }),
    );
    await services.conditionEvents.create({
      personId: held.id,
      kind: 'health_alert',
      startedOn: '2025-12-01',
      description: 'Synthetic health alert',
      visibility: 'public',
    });
    const released = await services.persons.create(aPerson());
    await services.episodes.create(
      anEpisode(released.id, {
        detainedOn: '2020-03-01',
        charges: [{ articleId: insult.id }, { articleId: disorder.id }],
        release: { releasedOn: '2021-03-01', mode: 'sentence_served' },
      }),
    );
    const hidden = await services.persons.create(
      aPerson({
        names: [{ text: 'Synthetic Unnamedava', script: 'Latn', language: 'en', isPrimary: true }],
        ties: [{ kind: 'residence', country: 'PL' }],
        anonymous: true,
      }),
    );
    anonymousId = hidden.id;
    await services.episodes.create(anEpisode(hidden.id, { detainedOn: '2022-01-10' }));
    await services.conditionEvents.create({
      personId: hidden.id,
      kind: 'health_alert',
      startedOn: '2025-11-01',
      description: 'Synthetic health alert of an unnamed person',
      visibility: 'public',
    });
    await services.countObservations.create({
      organisation: '=HYPERLINK("https://example.org","Synthetic")',
      metric: 'held',
      observedOn: '2025-06-01',
      count: 3,
      qualifier: 'exact',
      visibility: 'public',
    });
    app = await testApp(database().db, { as: 'public' });
  });
  afterAll(async () => {
    await app.close();
  });

  const get = async (url: string) => {
    const response = await app.inject({ method: 'GET', url });
    expect(response.statusCode, `${url}: ${response.body.slice(0, 300)}`).toBe(200);
    return response;
  };

  it('shows time in custody by article and by year of arrest, each with a chart, a table and a CSV, in every language', async () => {
    const figures = ['by-arrest-year', 'by-article', 'distribution', 'still-held', 'rearrests'];
    const titles = {
      en: 'Time in custody by article',
      be: 'Час пад вартай па артыкулах',
      ru: 'Время под стражей по статьям',
    };
    for (const [locale, title] of Object.entries(titles)) {
      const page = (await get(`/${locale}/statistics/durations`)).body;
      expect(page).toContain(title);
      for (const id of figures) {
        expect(page, `${locale} ${id}`).toContain(`id="${id}-heading"`);
        expect(page, `${locale} ${id}`).toContain(`/${locale}/statistics/durations/${id}.csv`);
      }
      expect(page.match(/<svg class="chart"/g)?.length).toBe(4);
      expect(page).toContain('BY-CC 368');
    }
    const csv = (await get('/en/statistics/durations/by-article.csv')).body;
    const rows = parse<Record<string, string>>(csv, { columns: true });
    expect(rows.map((row) => row.article)).toEqual(['no article recorded', 'BY-CC 342', 'BY-CC 368']);
    // Article 342: one episode of 365 days (released) and one still held since 2021-08.
    expect(rows[1]).toMatchObject({ episodes: '2', ongoing: '1', median_days_completed_certain: '365' });
    const byYear = parse<Record<string, string>>(
      (await get('/en/statistics/durations/by-arrest-year.csv')).body,
      {
        columns: true,
      },
    );
    expect(byYear.map((row) => row.arrest_year)).toEqual(['2020', '2021', '2022']);
  });

  it('shows every reason of the dossier’s priority list, and never the unnamed person', async () => {
    const dossier = (await get('/api/v1/stats/dossier/PL')).json<{
      priority: { personId: string; reasons: { text: string }[] }[];
      anonymousPriority: { persons: number };
    }>();
    expect(dossier.priority).toHaveLength(1);
    expect(dossier.anonymousPriority.persons).toBe(1);
    const page = (await get('/en/statistics/dossier/PL')).body;
    expect(page).toContain('Synthetic Dossierava');
    const reasons = dossier.priority[0]!.reasons;
    expect(reasons.length).toBeGreaterThan(0);
    for (const reason of reasons) expect(page).toContain(escapeHtml(reason.text));
    const csv = (await get('/api/v1/stats/dossier/PL/priority.csv')).body;
    for (const reason of reasons) expect(csv).toContain(reason.text);
    for (const body of [page, csv, JSON.stringify(dossier)]) {
      expect(body).not.toContain('Unnamedava');
      expect(body).not.toContain(anonymousId);
    }
  });

  it('labels the projection as a projection, on the page and in every CSV row', async () => {
    expect((await get('/en/statistics/projection')).body).toContain('PROJECTION — not a count');
    const rows = parse<Record<string, string>>((await get('/api/v1/stats/projection.csv')).body, {
      columns: true,
    });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.kind === 'projection')).toBe(true);
  });

  it('defuses cells a spreadsheet would run as formulas, in the API and on the site', async () => {
    for (const url of [
      '/api/v1/stats/reconciliation.csv',
      '/en/statistics/reconciliation/reconciliation.csv',
    ]) {
      const rows = parse<Record<string, string>>((await get(url)).body, { columns: true });
      expect(
        rows.map((row) => row.organisation),
        url,
      ).toEqual([`'=HYPERLINK("https://example.org","Synthetic")`]);
    }
  });
});
