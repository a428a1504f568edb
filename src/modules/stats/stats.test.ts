import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp, buildServices } from '../../app.js';
import { loadConfig } from '../../config.js';
import { describeEachDialect } from '../../../test/database.js';
import { createBatchSchema } from '../batch/batch.schema.js';
import { createCountObservationSchema } from '../count-observation/count-observation.schema.js';
import { seedDemo } from '../demo/demo.seed.js';

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
