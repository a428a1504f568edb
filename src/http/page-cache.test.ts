import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testApp } from '../../test/app.js';
import { describeEachDialect } from '../../test/database.js';
import { aPerson, anEpisode, fixedClock } from '../../test/factories.js';
import { buildServices } from '../app.js';
import type { Db } from '../db/database.js';
import type { Clock } from '../modules/shared/clock.js';
import { type CachedOutput, createPageCache, sharedWhilePending } from './page-cache.js';

const onlyNamed = (text: string) =>
  aPerson({ names: [{ text, script: 'Latn', language: 'en', system: 'press-passport', isPrimary: true }] });

const output = (body: string): CachedOutput => ({
  body,
  contentType: 'text/plain',
  etag: `W/"${body}"`,
  headers: {},
});

const unversioned = () => Promise.resolve('v');

describe('sharedWhilePending', () => {
  it('gives calls made while a read is under way that read, and reads again once it settled', async () => {
    let reads = 0;
    let release: (value: string) => void = () => undefined;
    const read = sharedWhilePending(() => {
      reads += 1;
      return new Promise<string>((resolve) => (release = resolve));
    });
    const first = read();
    const second = read();
    release('v1');
    expect(await Promise.all([first, second])).toEqual(['v1', 'v1']);
    expect(reads).toBe(1);
    const third = read();
    release('v2');
    expect(await third).toBe('v2');
    expect(reads).toBe(2);
  });

  it('reads again after a failed read', async () => {
    let reads = 0;
    const read = sharedWhilePending(() => {
      reads += 1;
      return reads === 1 ? Promise.reject(new Error('down')) : Promise.resolve('up');
    });
    await expect(read()).rejects.toThrow('down');
    expect(await read()).toBe('up');
  });
});

describe('createPageCache', () => {
  it('produces an output once however many ask for it at the same time', async () => {
    const cache = createPageCache(1024 * 1024, unversioned);
    let produced = 0;
    const produce = async () => {
      produced += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return output('page');
    };
    const answers = await Promise.all(Array.from({ length: 10 }, () => cache.get('k', produce)));
    expect(answers.map((answer) => answer.body)).toEqual(Array(10).fill('page'));
    expect(produced).toBe(1);
    await cache.get('k', produce);
    expect(produced).toBe(1);
    await cache.get('other', produce);
    expect(produced).toBe(2);
  });

  it('does not keep a failed production: the next request tries again', async () => {
    const cache = createPageCache(1024 * 1024, unversioned);
    await expect(cache.get('k', () => Promise.reject(new Error('broken')))).rejects.toThrow('broken');
    expect((await cache.get('k', () => Promise.resolve(output('fixed')))).body).toBe('fixed');
  });

  it('stays within its memory, dropping the least recently used', async () => {
    const cache = createPageCache(3000, unversioned);
    let produced = 0;
    const produce = (body: string) => () => {
      produced += 1;
      return Promise.resolve(output(body));
    };
    await cache.get('a', produce('x'.repeat(500)));
    await cache.get('b', produce('y'.repeat(500)));
    await cache.get('c', produce('z'.repeat(500)));
    await cache.get('a', produce('x'.repeat(500)));
    expect(produced).toBe(4);
  });

  it('is off with no memory', async () => {
    const cache = createPageCache(0, unversioned);
    let produced = 0;
    const produce = () => {
      produced += 1;
      return Promise.resolve(output('page'));
    };
    await cache.get('k', produce);
    await cache.get('k', produce);
    expect(produced).toBe(2);
  });
});

describeEachDialect('public pages reused until the data changes', (getDb) => {
  let db: Db;
  let app: FastifyInstance;
  let now = new Date('2026-01-15T12:00:00.000Z');
  const clock: Clock = () => now;
  let personId = '';

  beforeAll(async () => {
    db = getDb().db;
    app = await testApp(db, { as: 'public', clock });
    const services = buildServices(db, clock);
    const person = await services.persons.create(onlyNamed('Synthetic Cachava'));
    personId = person.id;
    await services.episodes.create(anEpisode(person.id, { detainedOn: '2026-01-05' }));
  });

  afterAll(async () => {
    await app.close();
  });

  const page = async () => (await app.inject({ url: `/en/prisoners/${personId}` })).body;

  it('serves the same output while nothing has changed, even if a row was altered behind the services', async () => {
    expect(await page()).toContain('Synthetic Cachava');
    // Not through a service: no revision, so the data version stays — the page is the kept one.
    await db
      .updateTable('personNames')
      .set({ text: 'Synthetic Altered' })
      .where('personId', '=', personId)
      .execute();
    expect(await page()).toContain('Synthetic Cachava');
  });

  it('renders again after a change through the services (a new revision)', async () => {
    const services = buildServices(db, clock);
    const current = await services.persons.get(personId);
    await services.persons.update(personId, { version: current.version, birthDate: '1990' });
    const html = await page();
    expect(html).toContain('Synthetic Altered');
    expect(html).toContain('1990');
  });

  it('renders again on a new day (days in custody count on)', async () => {
    const before = await page();
    expect(before).toMatch(/<strong>10<\/strong> <span class="muted">\(counted up to 15 January 2026\)/);
    now = new Date('2026-01-16T12:00:00.000Z');
    expect(await page()).toMatch(
      /<strong>11<\/strong> <span class="muted">\(counted up to 16 January 2026\)/,
    );
  });

  it('keeps the ETag of the kept output, so a repeat view is a 304', async () => {
    const first = await app.inject({ url: `/en/prisoners/${personId}` });
    const etag = String(first.headers.etag);
    const again = await app.inject({ url: `/en/prisoners/${personId}`, headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
  });

  it('never keeps an error page', async () => {
    const missing = await app.inject({ url: '/en/prisoners/00000000-0000-4000-8000-000000000000' });
    expect(missing.statusCode).toBe(404);
    const bad = await app.inject({ url: '/en/prisoners?page=-1' });
    expect(bad.statusCode).toBe(400);
  });
});

describeEachDialect('public API answers reused until the data changes', (getDb) => {
  let db: Db;
  let publicApp: FastifyInstance;
  let staffApp: FastifyInstance;
  let personId = '';

  beforeAll(async () => {
    db = getDb().db;
    publicApp = await testApp(db, { as: 'public' });
    staffApp = await testApp(db, { as: 'admin' });
    const services = buildServices(db, fixedClock);
    const person = await services.persons.create(onlyNamed('Synthetic Apicava'));
    personId = person.id;
  });

  afterAll(async () => {
    await publicApp.close();
    await staffApp.close();
  });

  const primaryName = async (app: FastifyInstance) => {
    const response = await app.inject({ url: `/api/v1/persons/${personId}` });
    expect(response.statusCode).toBe(200);
    const body = response.json<{ names: { text: string; isPrimary: boolean }[] }>();
    return body.names.find((name) => name.isPrimary)?.text;
  };

  it("keeps the public's answer, never a signed-in viewer's, and drops it on the next change", async () => {
    expect(await primaryName(publicApp)).toBe('Synthetic Apicava');
    await db
      .updateTable('personNames')
      .set({ text: 'Synthetic Behind' })
      .where('personId', '=', personId)
      .execute();
    expect(await primaryName(publicApp)).toBe('Synthetic Apicava');
    // Staff answers are never kept nor served from what the public got.
    expect(await primaryName(staffApp)).toBe('Synthetic Behind');
    const services = buildServices(db, fixedClock);
    const current = await services.persons.get(personId);
    await services.persons.update(personId, { version: current.version, birthDate: '1991' });
    expect(await primaryName(publicApp)).toBe('Synthetic Behind');
  });

  it('keeps no error answer', async () => {
    const missing = `/api/v1/persons/00000000-0000-4000-8000-000000000000`;
    expect((await publicApp.inject({ url: missing })).statusCode).toBe(404);
    expect((await publicApp.inject({ url: missing })).statusCode).toBe(404);
  });
});
