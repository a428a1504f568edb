import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp, buildServices } from '../../app.js';
import { loadConfig } from '../../config.js';
import { describeEachDialect } from '../../../test/database.js';
import { createBatchSchema } from '../batch/batch.schema.js';
import { createCountObservationSchema } from '../count-observation/count-observation.schema.js';
import { seedDemo } from '../demo/demo.seed.js';
import { PUBLIC_VIEWER } from '../user/access.js';
import { STATS_SERIES } from './stats.series.js';
import { parse } from 'csv-parse/sync';

const datasetClock = () => new Date('2026-11-23T12:00:00.000Z');

describeEachDialect('statistics over the demo registry', (database) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    await seedDemo(database().db, datasetClock);
    app = await buildApp({
      config: loadConfig({ logLevel: 'silent' }, {}),
      servicesFor: (viewer) => buildServices(database().db, datasetClock, { viewer }),
      databaseLabel: 'test',
    });
  });
  afterAll(async () => {
    await app.close();
  });

  const get = async <T>(url: string) => {
    const response = await app.inject({ method: 'GET', url: `/api/v1${url}` });
    expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
    return response.json<T>();
  };

  it('counts the persons held on a day from their episodes, and the 123 release lowers it', async () => {
    const services = buildServices(database().db, datasetClock);
    const releasedThatDay = (await services.episodes.find({ limit: 500, offset: 0 })).items.filter(
      (episode) => episode.release?.releasedOn === '2025-12-13',
    ).length;
    expect(releasedThatDay).toBeGreaterThanOrEqual(5);
    const before = await get<{ held: { min: number; max: number } }>('/stats/stock?date=2025-12-12');
    const after = await get<{ held: { min: number; max: number } }>('/stats/stock?date=2025-12-13');
    expect(before.held.min - after.held.min).toBe(releasedThatDay);
  });

  it('serves the monthly series as JSON and as CSV', async () => {
    const series = await get<{ points: { period: string; min: number }[] }>(
      '/stats/series?from=2025-01-01&to=2025-12-31',
    );
    expect(series.points.map((point) => point.period)).toHaveLength(12);
    const csv = await app.inject({
      method: 'GET',
      url: '/api/v1/stats/series?from=2025-01-01&to=2025-12-31&format=csv',
    });
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.body.trim().split('\n');
    expect(lines[0]).toBe('period,day,held_certain,held_possible');
    expect(lines).toHaveLength(13);
  });

  it('puts published counts beside the registry’s own, never replacing them', async () => {
    const result = await get<{ rows: { observation: { count: number } }[] }>('/stats/reconciliation');
    expect(result.rows.length).toBeGreaterThanOrEqual(50);
    expect(result.rows.some((row) => row.observation.count === 1131)).toBe(true);
  });

  it('answers the flows, revolving door, deals, scorecard, projection, durations and dossier', async () => {
    for (const url of [
      '/stats/flows?from=2025-01-01&to=2025-12-31',
      '/stats/revolving-door?from=2024-01-01&to=2025-12-31&granularity=year',
      '/stats/deals?from=2024-01-01&to=2026-06-30',
      '/stats/scorecard?from=2025-01-01&to=2025-12-31',
      '/stats/projection',
      '/stats/durations',
      '/stats/dossier/PL',
    ]) {
      await get(url);
    }
    const scorecard = await get<{ criteria: unknown[] }>('/stats/scorecard?from=2025-01-01&to=2025-12-31');
    expect(scorecard.criteria).toHaveLength(3);
  });

  /** For every CSV series: the JSON route it comes from, and how many rows and one cell it must have. */
  const CSV_CHECKS: Record<
    string,
    {
      query: string;
      json: string;
      rows: (json: never) => number;
      cell?: (json: never) => [column: string, value: string, row?: number];
    }
  > = {
    held: {
      query: 'from=2025-01-01&to=2025-12-31',
      json: '/stats/series?from=2025-01-01&to=2025-12-31',
      rows: (json: { points: unknown[] }) => json.points.length,
      cell: (json: { points: { min: number }[] }) => ['held_certain', String(json.points[11]?.min), 11],
    },
    stock: {
      query: 'date=2025-12-12',
      json: '/stats/stock?date=2025-12-12',
      rows: () => 1,
      cell: (json: { held: { max: number } }) => ['held_possible', String(json.held.max)],
    },
    flows: {
      query: 'from=2025-01-01&to=2025-12-31',
      json: '/stats/flows?from=2025-01-01&to=2025-12-31',
      rows: (json: { periods: unknown[] }) => json.periods.length,
      cell: (json: { totals: unknown; periods: { releasesByMode: { negotiated: { min: number } } }[] }) => [
        'released_negotiated_certain',
        String(json.periods[11]?.releasesByMode.negotiated.min),
        11,
      ],
    },
    'flows-unallocated': {
      query: 'from=2020-01-01&to=2025-12-31&granularity=day',
      json: '/stats/flows?from=2020-01-01&to=2025-12-31&granularity=day',
      rows: (json: { unallocated: unknown[] }) => json.unallocated.length,
    },
    'revolving-door': {
      query: 'from=2024-01-01&to=2025-12-31&granularity=year',
      json: '/stats/revolving-door?from=2024-01-01&to=2025-12-31&granularity=year',
      rows: (json: { periods: { periods: unknown[] } }) => json.periods.periods.length,
      cell: (json: { periods: { periods: { released: { max: number } }[] } }) => [
        'released_possible',
        String(json.periods.periods[1]?.released.max),
        1,
      ],
    },
    'around-batches': {
      query: '',
      json: '/stats/revolving-door',
      rows: (json: { aroundBatches: unknown[] }) => json.aroundBatches.length,
      cell: (json: { aroundBatches: { batchId: string }[] }) => [
        'batch_id',
        json.aroundBatches[0]?.batchId ?? '',
      ],
    },
    'cumulative-by-route': {
      query: 'from=2024-01-01&to=2025-12-31',
      json: '/stats/revolving-door?from=2024-01-01&to=2025-12-31',
      rows: (json: { cumulativeByRoute: unknown[] }) => json.cumulativeByRoute.length,
      cell: (json: { cumulativeByRoute: { cumulative: { deal: { min: number } } }[] }) => [
        'deal_certain',
        String(json.cumulativeByRoute[23]?.cumulative.deal.min),
        23,
      ],
    },
    'deals-ledger': {
      query: '',
      json: '/stats/deals',
      rows: (json: { ledger: { batches: unknown[] } }) => json.ledger.batches.length,
      cell: (json: { ledger: { batches: { identified: number }[] } }) => [
        'identified',
        String(json.ledger.batches[0]?.identified),
      ],
    },
    concessions: {
      query: 'from=2024-01-01&to=2026-06-30',
      json: '/stats/deals?from=2024-01-01&to=2026-06-30',
      rows: (json: { concessions: { periods: unknown[] } }) => json.concessions.periods.length,
    },
    reconciliation: {
      query: '',
      json: '/stats/reconciliation',
      rows: (json: { rows: unknown[] }) => json.rows.length,
      cell: (json: { rows: { observation: { count: number } }[] }) => [
        'published',
        String(json.rows[0]?.observation.count),
      ],
    },
    scorecard: {
      query: 'from=2025-01-01&to=2025-12-31',
      json: '/stats/scorecard?from=2025-01-01&to=2025-12-31',
      rows: (json: { criteria: unknown[] }) => json.criteria.length,
      cell: (json: { criteria: { verdict: string }[] }) => ['verdict', json.criteria[0]?.verdict ?? ''],
    },
    projection: {
      query: '',
      json: '/stats/projection',
      rows: (json: { scenarios: { points: unknown[] }[] }) =>
        json.scenarios.reduce((sum, scenario) => sum + scenario.points.length, 0),
      cell: () => ['kind', 'projection'],
    },
    'littles-law': { query: '', json: '/stats/projection', rows: () => 6 },
    'durations-by-arrest-year': {
      query: '',
      json: '/stats/durations',
      rows: (json: { byArrestYear: unknown[] }) => json.byArrestYear.length,
      cell: (json: { byArrestYear: { key: string }[] }) => ['arrest_year', json.byArrestYear[0]?.key ?? ''],
    },
    'durations-by-article': {
      query: '',
      json: '/stats/durations',
      rows: (json: { byArticle: unknown[] }) => json.byArticle.length,
      cell: (json: { byArticle: { summary: { episodes: number } }[] }) => [
        'episodes',
        String(json.byArticle[0]?.summary.episodes),
      ],
    },
    'durations-distribution': {
      query: '',
      json: '/stats/durations',
      rows: (json: { histogram: unknown[] }) => json.histogram.length,
      cell: () => ['bucket', 'under 1 month'],
    },
    'still-held': {
      query: '',
      json: '/stats/durations',
      rows: (json: { stillHeld: unknown[] }) => json.stillHeld.length,
      cell: () => ['months', '3'],
    },
    rearrests: {
      query: '',
      json: '/stats/durations',
      rows: () => 9,
      cell: (json: { rearrests: { personsWithMultipleEpisodes: number } }) => [
        'value_certain',
        String(json.rearrests.personsWithMultipleEpisodes),
      ],
    },
  };

  it('serves every series as CSV beside its JSON: same rows, same numbers', async () => {
    expect(Object.keys(CSV_CHECKS).sort()).toEqual(STATS_SERIES.map((series) => series.name).sort());
    for (const series of STATS_SERIES) {
      const check = CSV_CHECKS[series.name]!;
      const url = `/api/v1/stats/${series.name}.csv${check.query ? `?${check.query}` : ''}`;
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
      expect(response.headers['content-type'], url).toMatch(/^text\/csv/);
      expect(response.headers['content-disposition'], url).toContain(`unfree-stats-${series.name}.csv`);
      const rows = parse<Record<string, string>>(response.body, { columns: true });
      const json = await get<never>(check.json);
      expect(rows.length, url).toBe(check.rows(json));
      expect(rows.length, `${url} has rows on the demo registry`).toBeGreaterThan(0);
      if (check.cell) {
        const [column, value, row = 0] = check.cell(json);
        expect(rows[row]?.[column], `${url} ${column}`).toBe(value);
      }
    }
  });

  it('serves the country dossier priority list as CSV, every reason shown', async () => {
    const dossier = await get<{ priority: { personId: string; reasons: { text: string }[] }[] }>(
      '/stats/dossier/PL',
    );
    const response = await app.inject({ method: 'GET', url: '/api/v1/stats/dossier/PL/priority.csv' });
    expect(response.statusCode).toBe(200);
    const rows = parse<Record<string, string>>(response.body, { columns: true });
    expect(rows.map((row) => row.person_id)).toEqual(dossier.priority.map((entry) => entry.personId));
    for (const [index, entry] of dossier.priority.entries()) {
      for (const reason of entry.reasons) expect(rows[index]?.reasons).toContain(reason.text);
    }
  });

  it('answers time in custody by article and year of arrest, with medians and distributions', async () => {
    const report = await get<{
      byArticle: { key: string; summary: { episodes: number }; histogram: unknown[] }[];
      byArrestYear: { key: string }[];
      stillHeld: { months: number }[];
    }>('/stats/durations');
    expect(report.byArticle.length).toBeGreaterThan(1);
    expect(report.byArticle.some((group) => /^BY-CC \d/.test(group.key))).toBe(true);
    expect(report.byArticle.every((group) => group.histogram.length === 8)).toBe(true);
    expect(report.byArrestYear.map((group) => group.key)).toContain('2020');
    expect(report.stillHeld.map((row) => row.months)).toEqual([3, 6, 12, 24, 36, 60]);
  });

  it('gives the same statistics over one snapshot, where every fact set is read once and frozen', async () => {
    const direct = buildServices(database().db, datasetClock, { viewer: PUBLIC_VIEWER }).stats;
    const snapshot = direct.inSnapshot();
    const window = { from: '2020-01-01', to: '2025-12-31' };
    const all = (stats: typeof direct) =>
      Promise.all([
        stats.dossier('LT'),
        stats.dossier('PL'),
        stats.durations(),
        stats.projection({}),
        stats.projection(window),
        stats.scorecard(window),
        stats.reconciliation(),
        stats.deals(window, 'year'),
        stats.revolvingDoor(window, 'month'),
      ]);
    const expected = await all(direct);
    // Twice: the second pass reads only what the first remembered.
    expect(await all(snapshot)).toEqual(expected);
    expect(await all(snapshot)).toEqual(expected);
    expect(JSON.stringify(expected[0])).toContain('"held"');
  });

  it('refuses a window that ends before it starts, and a malformed day', async () => {
    const reversed = await app.inject({
      method: 'GET',
      url: '/api/v1/stats/series?from=2025-12-31&to=2025-01-01',
    });
    expect(reversed.statusCode).toBe(422);
    const malformed = await app.inject({ method: 'GET', url: '/api/v1/stats/stock?date=2025-02-30' });
    expect(malformed.statusCode).toBe(400);
  });
});

describeEachDialect('statistics never list unpublished batches or counts to the public', (database) => {
  let app: FastifyInstance;
  let hiddenBatchId = '';
  beforeAll(async () => {
    const services = buildServices(database().db, datasetClock);
    const state = await services.counterparts.create({ name: 'Synthetic Hidden State', kind: 'state' });
    const batch = await services.batches.create(
      createBatchSchema.parse({
        releasedOn: '2025-06',
        title: 'Synthetic unpublished batch',
        announcedCount: 7,
        counterparts: [{ counterpartId: state.id, role: 'counterpart' }],
        visibility: 'internal',
      }),
    );
    hiddenBatchId = batch.id;
    await services.countObservations.create(
      createCountObservationSchema.parse({
        organisation: 'Synthetic Watch',
        metric: 'held',
        observedOn: '2025-06-01',
        count: 987654,
        visibility: 'internal',
      }),
    );
    app = await buildApp({
      config: loadConfig({ logLevel: 'silent' }, {}),
      servicesFor: (viewer) => buildServices(database().db, datasetClock, { viewer }),
      databaseLabel: 'test',
    });
  });
  afterAll(async () => {
    await app.close();
  });

  it('leaves them out of the deals, the revolving door, the scorecard and the reconciliation', async () => {
    for (const url of [
      '/stats/deals',
      '/stats/revolving-door',
      '/stats/scorecard',
      '/stats/reconciliation',
    ]) {
      const response = await app.inject({ method: 'GET', url: `/api/v1${url}` });
      expect(response.statusCode, url).toBe(200);
      expect(response.body, url).not.toContain(hiddenBatchId);
      expect(response.body, url).not.toContain('Synthetic Hidden State');
      expect(response.body, url).not.toContain('987654');
    }
    // The registry's own trusted reading still has them.
    const all = await buildServices(database().db, datasetClock).stats.deals({}, 'month');
    expect(JSON.stringify(all)).toContain(hiddenBatchId);
  });
});
