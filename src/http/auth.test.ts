import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp, buildServices } from '../app.js';
import { loadConfig } from '../config.js';
import { describeEachDialect } from '../../test/database.js';
import { aUserToken } from '../../test/app.js';
import { fixedClock } from '../../test/factories.js';
import { tableCounts } from '../../test/snapshot.js';

const PASSWORD = 'correct horse battery staple';
const person = { names: [{ text: 'Synthetic Authava', script: 'Latn', language: 'en' }] };

describeEachDialect('authentication and authorisation over HTTP', (database) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp({
      config: loadConfig({ logLevel: 'silent', requireTotpFor: '' }, {}),
      servicesFor: (viewer) => buildServices(database().db, fixedClock, { requireTotpFor: [], viewer }),
      databaseLabel: 'test',
    });
    await buildServices(database().db, fixedClock).users.add({
      email: 'synthetic-editor@example.org',
      displayName: 'Synthetic Editor',
      role: 'editor',
      password: PASSWORD,
      canPublish: false,
      confidentialAccess: false,
    });
  });
  afterAll(async () => {
    await app.close();
  });

  it('lets the public read and refuses its writes, writing nothing', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/persons' })).statusCode).toBe(200);
    const before = await tableCounts(database().db);
    const response = await app.inject({ method: 'POST', url: '/api/v1/persons', payload: person });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error: { code: 'unauthorized' } });
    expect(await tableCounts(database().db)).toEqual(before);
  });

  it('refuses an unknown token, a read-only token and the viewer role', async () => {
    const bogus = await app.inject({
      method: 'GET',
      url: '/api/v1/persons',
      headers: { authorization: 'Bearer unf_nothing' },
    });
    expect(bogus.statusCode).toBe(401);
    const viewerToken = await aUserToken(database().db, 'viewer');
    const asViewer = await app.inject({
      method: 'POST',
      url: '/api/v1/persons',
      payload: person,
      headers: { authorization: `Bearer ${viewerToken}` },
    });
    expect(asViewer.statusCode).toBe(403);
    const editorToken = await aUserToken(database().db, 'editor');
    const readToken = (
      await app.inject({
        method: 'POST',
        url: '/api/v1/auth/tokens',
        payload: { name: 'reader', scope: 'read' },
        headers: { authorization: `Bearer ${editorToken}` },
      })
    ).json<{ token: string }>().token;
    const readOnly = await app.inject({
      method: 'POST',
      url: '/api/v1/persons',
      payload: person,
      headers: { authorization: `Bearer ${readToken}` },
    });
    expect(readOnly.statusCode).toBe(403);
    expect(readOnly.body).toMatch(/may only read/);
    const asEditor = await app.inject({
      method: 'POST',
      url: '/api/v1/persons',
      payload: person,
      headers: { authorization: `Bearer ${editorToken}` },
    });
    expect(asEditor.statusCode).toBe(201);
  });

  it('signs in with an HttpOnly SameSite cookie and demands the CSRF token on changes', async () => {
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'synthetic-editor@example.org', password: PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    const setCookie = String(login.headers['set-cookie']);
    expect(setCookie).toMatch(/unfree_session=ses_/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    const cookie = setCookie.split(';')[0] ?? '';
    const { csrfToken } = login.json<{ csrfToken: string }>();
    const me = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(me.json()).toMatchObject({ user: { email: 'synthetic-editor@example.org', role: 'editor' } });
    const withoutCsrf = await app.inject({
      method: 'POST',
      url: '/api/v1/persons',
      payload: person,
      headers: { cookie },
    });
    expect(withoutCsrf.statusCode).toBe(403);
    expect(withoutCsrf.body).toMatch(/CSRF/);
    const withCsrf = await app.inject({
      method: 'POST',
      url: '/api/v1/persons',
      payload: person,
      headers: { cookie, 'x-csrf-token': csrfToken },
    });
    // This editor may not publish: the change is accepted as a draft for review.
    expect(withCsrf.statusCode).toBe(202);
    expect(withCsrf.json()).toMatchObject({ draft: { status: 'pending', kind: 'person' } });
    const logout = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie, 'x-csrf-token': csrfToken },
    });
    expect(logout.statusCode).toBe(204);
    const after = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(after.json()).toMatchObject({ user: null });
  });

  it('keeps user management for admins', async () => {
    const editorToken = await aUserToken(database().db, 'editor');
    expect(
      (
        await app.inject({
          method: 'GET',
          url: '/api/v1/users',
          headers: { authorization: `Bearer ${editorToken}` },
        })
      ).statusCode,
    ).toBe(403);
    const adminToken = await aUserToken(database().db, 'admin');
    const users = await app.inject({
      method: 'GET',
      url: '/api/v1/users',
      headers: { authorization: `Bearer ${adminToken}` },
    });
    expect(users.statusCode).toBe(200);
    expect(users.body).not.toMatch(/scrypt|passwordHash/);
  });

  it('rate-limits sign-in attempts', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 12; attempt += 1) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'nobody@example.org', password: 'wrong password' },
        remoteAddress: '192.0.2.7',
      });
      statuses.push(response.statusCode);
    }
    expect(statuses).toContain(429);
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(10);
  });
});
