import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/database.js';
import { testApp } from '../../test/app.js';
import { tableCounts } from '../../test/snapshot.js';

const UNKNOWN_ID = '01890000-0000-7000-8000-000000000000';

describeEachDialect('JSON API /api/v1', (database) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await testApp(database().db);
  });
  afterAll(async () => {
    await app.close();
  });

  const post = (url: string, payload: unknown) =>
    app.inject({ method: 'POST', url: `/api/v1${url}`, payload: payload as object });
  const get = (url: string) => app.inject({ method: 'GET', url: `/api/v1${url}` });

  async function aPersonId(): Promise<string> {
    const response = await post('/persons', {
      names: [{ text: 'Synthetic Apiava', script: 'Latn', language: 'en', isPrimary: true }],
    });
    expect(response.statusCode).toBe(201);
    return response.json<{ id: string }>().id;
  }

  it('creates, reads, finds, updates and deletes a person', async () => {
    const id = await aPersonId();
    const read = await get(`/persons/${id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({
      id,
      displayName: 'Synthetic Apiava',
      status: 'not_detained',
      anonymous: false,
    });
    const found = await get('/persons?q=apiava');
    expect(found.json()).toMatchObject({ total: 1, items: [{ id }] });
    const patched = await app.inject({
      method: 'PATCH',
      url: `/api/v1/persons/${id}`,
      payload: { gender: 'female', version: 1 },
    });
    expect(patched.json()).toMatchObject({ gender: 'female', version: 2 });
    const stale = await app.inject({
      method: 'PATCH',
      url: `/api/v1/persons/${id}`,
      payload: { gender: 'male', version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: { code: 'conflict' } });
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/persons/${id}` })).statusCode).toBe(204);
    expect((await get(`/persons/${id}`)).statusCode).toBe(404);
  });

  it('answers bad input with 400, a stable code and the field, and writes nothing', async () => {
    const before = await tableCounts(database().db);
    const cases: [unknown, RegExp][] = [
      [{ names: [] }, /body\.names/],
      [
        { names: [{ text: 'X', script: 'Latn', language: 'en' }], birthDate: '2021-02-30' },
        /body\.birthDate/,
      ],
      [{ names: [{ text: 'X', script: 'Greek', language: 'en' }] }, /body\.names\.0\.script/],
      [{ names: [{ text: 'X', script: 'Latn', language: 'en' }], anonymous: 'yes' }, /body\.anonymous/],
      [{ names: [{ text: 'X', script: 'Latn', language: 'en' }], favouriteColour: 'red' }, /favouriteColour/],
      [
        {
          names: [{ text: 'X', script: 'Latn', language: 'en' }],
          ties: [{ kind: 'citizenship', country: 'Poland' }],
        },
        /body\.ties\.0\.country/,
      ],
    ];
    for (const [payload, field] of cases) {
      const response = await post('/persons', payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      const body = response.json<{ error: { code: string; message: string; issues: { path: string }[] } }>();
      expect(body.error.code).toBe('validation_failed');
      expect(body.error.message).toMatch(field);
    }
    const malformedJson = await app.inject({
      method: 'POST',
      url: '/api/v1/persons',
      headers: { 'content-type': 'application/json' },
      payload: '{"names": [',
    });
    expect(malformedJson.statusCode).toBe(400);
    expect(malformedJson.json()).toMatchObject({ error: { code: 'validation_failed' } });
    expect(await tableCounts(database().db)).toEqual(before);
  });

  it('answers a broken rule with 422 naming the field, and writes nothing', async () => {
    const personId = await aPersonId();
    const before = await tableCounts(database().db);
    const response = await post('/episodes', {
      personId,
      detainedOn: '2021-07-14',
      charges: [{ articleId: UNKNOWN_ID }],
      release: { releasedOn: '2020', mode: 'pardon' },
    });
    expect(response.statusCode).toBe(422);
    const body = response.json<{ error: { code: string; issues: { path: string }[] } }>();
    expect(body.error.code).toBe('rule_violated');
    expect(body.error.issues.map((issue) => issue.path).sort()).toEqual([
      'charges.0.articleId',
      'release.releasedOn',
    ]);
    expect(await tableCounts(database().db)).toEqual(before);
  });

  it('serves every resource with create, get, find and a versioned update', async () => {
    const personId = await aPersonId();
    const source = await post('/sources', {
      url: 'https://example.org/synthetic-article',
      title: 'Synthetic article',
      publisher: 'Example',
      publishedOn: '2025-12',
      text: 'Synthetic text',
    });
    expect(source.statusCode).toBe(201);
    const sourceBody = source.json<{ id: string; sha256: string }>();
    // sha256("Synthetic text")
    expect(sourceBody.sha256).toBe('6a34655cc94a45249136d8901d7ea1d4faf083962b421f568aa8120d51e83c29');
    // [path, body to create, a change to apply]
    const creations: [string, Record<string, unknown>, Record<string, unknown>][] = [
      [
        '/legal-articles',
        { code: 'BY-CC', number: '342', titleEn: 'Synthetic title' },
        { titleBe: 'Сінтэтычная назва' },
      ],
      [
        '/facilities',
        { name: 'Synthetic colony', type: 'colony', postalAddress: 'Synthetic street 1' },
        { city: 'Testville' },
      ],
      ['/counterparts', { name: 'Synthetic State', kind: 'state', country: 'LT' }, { country: 'PL' }],
      [
        '/recognitions',
        { personId, organisation: 'Synthetic NGO', recognisedOn: '2021-08' },
        { endedOn: '2025-12-13', endReason: 'released' },
      ],
      [
        '/condition-events',
        { personId, kind: 'incommunicado', startedOn: '2023-02-08' },
        { endedOn: '2025' },
      ],
      [
        '/count-observations',
        {
          organisation: 'Synthetic NGO',
          metric: 'held',
          observedOn: '2025-12-31',
          count: 1131,
          sourceId: sourceBody.id,
        },
        { qualifier: 'approximate' },
      ],
      [
        '/batches',
        {
          releasedOn: '2025-12-13',
          title: 'Synthetic batch',
          announcedCount: 123,
          concessions: [{ kind: 'sanctions_relief', target: 'potash' }],
        },
        { forcedExile: true },
      ],
      [
        '/citations',
        { sourceId: sourceBody.id, subjectType: 'person', subjectId: personId, field: 'birthDate' },
        { quote: 'synthetic quote' },
      ],
    ];
    for (const [url, payload, change] of creations) {
      const created = await post(url, payload);
      expect(created.statusCode, `${url}: ${created.body}`).toBe(201);
      const { id } = created.json<{ id: string }>();
      expect((await get(`${url}/${id}`)).statusCode, url).toBe(200);
      const page = (await get(url)).json<{ items: { id: string }[]; total: number }>();
      expect(
        page.items.map((item) => item.id),
        url,
      ).toContain(id);
      const patched = await app.inject({
        method: 'PATCH',
        url: `/api/v1${url}/${id}`,
        payload: { ...change, version: 1 },
      });
      expect(patched.statusCode, `${url}: ${patched.body}`).toBe(200);
      expect(patched.json(), url).toMatchObject({ ...change, version: 2 });
      const stale = await app.inject({
        method: 'PATCH',
        url: `/api/v1${url}/${id}`,
        payload: { ...change, version: 1 },
      });
      expect(stale.statusCode, url).toBe(409);
    }
  });

  it('keeps a confidential record confidential when a change does not mention visibility', async () => {
    const personId = await aPersonId();
    const cases: [string, Record<string, unknown>, Record<string, unknown>][] = [
      [
        '/persons',
        { names: [{ text: 'Synthetic Secretava', script: 'Latn', language: 'en' }] },
        { region: 'Brest' },
      ],
      ['/facilities', { name: 'Synthetic secret colony', type: 'colony' }, { city: 'Testville' }],
      ['/recognitions', { personId, organisation: 'Synthetic NGO' }, { note: 'changed' }],
      ['/condition-events', { personId, kind: 'health_alert' }, { description: 'changed' }],
      ['/sources', { title: 'Synthetic testimony', kind: 'testimony' }, { publisher: 'changed' }],
      [
        '/count-observations',
        { organisation: 'X', metric: 'held', observedOn: '2025', count: 1 },
        { count: 2 },
      ],
      ['/episodes', { personId, detainedOn: '2021' }, { place: 'changed' }],
      ['/batches', { releasedOn: '2025', title: 'Synthetic' }, { title: 'changed' }],
    ];
    for (const [url, payload, change] of cases) {
      const created = await post(url, { ...payload, visibility: 'confidential' });
      expect(created.statusCode, `${url}: ${created.body}`).toBe(201);
      const { id } = created.json<{ id: string }>();
      const patched = await app.inject({ method: 'PATCH', url: `/api/v1${url}/${id}`, payload: change });
      expect(patched.statusCode, `${url}: ${patched.body}`).toBe(200);
      expect(patched.json(), url).toMatchObject({ ...change, visibility: 'confidential' });
    }
  });

  it('deletes, and refuses to delete what is still referenced', async () => {
    const article = (await post('/legal-articles', { code: 'BY-CC', number: '130' })).json<{ id: string }>();
    const personId = await aPersonId();
    const episode = await post('/episodes', {
      personId,
      detainedOn: '2021',
      charges: [{ articleId: article.id }],
    });
    expect(episode.statusCode).toBe(201);
    const refused = await app.inject({ method: 'DELETE', url: `/api/v1/legal-articles/${article.id}` });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: { code: 'conflict' } });
    const episodeId = episode.json<{ id: string }>().id;
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/episodes/${episodeId}` })).statusCode).toBe(
      204,
    );
    expect(
      (await app.inject({ method: 'DELETE', url: `/api/v1/legal-articles/${article.id}` })).statusCode,
    ).toBe(204);
    expect(
      (await app.inject({ method: 'DELETE', url: `/api/v1/legal-articles/${article.id}` })).statusCode,
    ).toBe(404);
  });

  it('refuses references to records that do not exist', async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['/recognitions', { personId: UNKNOWN_ID, organisation: 'X' }, 'personId'],
      ['/citations', { sourceId: UNKNOWN_ID, subjectType: 'person', subjectId: UNKNOWN_ID }, 'sourceId'],
      [
        '/batches',
        {
          releasedOn: '2025',
          title: 'X',
          counterparts: [{ counterpartId: UNKNOWN_ID, role: 'counterpart' }],
        },
        'counterparts.0.counterpartId',
      ],
    ];
    for (const [url, payload, field] of cases) {
      const response = await post(url, payload);
      expect(response.statusCode, url).toBe(422);
      expect(response.json<{ error: { issues: { path: string }[] } }>().error.issues[0]?.path).toBe(field);
    }
  });

  it('refuses dates that end before they start', async () => {
    const personId = await aPersonId();
    const response = await post('/recognitions', {
      personId,
      organisation: 'X',
      recognisedOn: '2022-05',
      endedOn: '2021',
    });
    expect(response.statusCode).toBe(422);
    expect(response.body).toMatch(/endedOn/);
  });

  it('documents itself as OpenAPI and answers unknown routes with JSON', async () => {
    const spec = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, unknown>;
    }>();
    for (const path of [
      '/api/v1/persons',
      '/api/v1/persons/{id}',
      '/api/v1/episodes',
      '/api/v1/batches',
      '/api/v1/citations',
    ]) {
      expect(Object.keys(spec.paths)).toContain(path);
    }
    expect((await app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBeLessThan(400);
    const missing = await get('/nothing-here');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: { code: 'not_found' } });
    const badId = await get('/persons/not-an-id');
    expect(badId.statusCode).toBe(400);
  });
});
