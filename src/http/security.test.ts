import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/database.js';
import { testApp } from '../../test/app.js';

describeEachDialect('security headers and input limits', (database) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await testApp(database().db, { as: 'public' });
  });
  afterAll(async () => {
    await app.close();
  });

  it('sends a CSP without inline scripts, forbids framing, and HSTS only over HTTPS', async () => {
    for (const url of ['/', '/api/v1/persons', '/api/v1/nothing']) {
      const response = await app.inject({ method: 'GET', url });
      const csp = String(response.headers['content-security-policy']);
      expect(csp, url).toMatch(/script-src 'self'(;|$)/);
      expect(csp, url).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp, url).toMatch(/frame-ancestors 'none'/);
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
      expect(response.headers['strict-transport-security'], url).toBeUndefined();
    }
    const behindTls = await app.inject({
      method: 'GET',
      url: '/',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(behindTls.headers['strict-transport-security']).toMatch(/max-age=31536000/);
  });

  it('limits body size, page size and field length with a clear answer', async () => {
    const huge = await app.inject({
      method: 'POST',
      url: '/api/v1/persons',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({
        names: [{ text: 'x'.repeat(2 * 1024 * 1024), script: 'Latn', language: 'en' }],
      }),
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toMatchObject({ error: { code: 'validation_failed' } });
    const page = await app.inject({ method: 'GET', url: '/api/v1/persons?limit=100000' });
    expect(page.statusCode).toBe(400);
    expect(page.body).toMatch(/limit/);
  });
});
