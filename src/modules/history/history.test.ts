import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildServices } from '../../app.js';
import { describeEachDialect } from '../../../test/database.js';
import { testApp } from '../../../test/app.js';
import { aPerson, fixedClock } from '../../../test/factories.js';
import fc from 'fast-check';
import { canonicalJson } from '../../lib/canonical-json.js';
import { fieldDiff } from './history.service.js';

describeEachDialect('history: append-only, hash-chained, per record', (database) => {
  let admin: FastifyInstance;
  let viewer: FastifyInstance;
  let publicApp: FastifyInstance;
  beforeAll(async () => {
    admin = await testApp(database().db, { as: 'admin' });
    viewer = await testApp(database().db, { as: 'viewer' });
    publicApp = await testApp(database().db, { as: 'public' });
  });
  afterAll(async () => {
    await Promise.all([admin.close(), viewer.close(), publicApp.close()]);
  });

  it('records who changed what, as field diffs, for create, update and delete', async () => {
    const created = (
      await admin.inject({
        method: 'POST',
        url: '/api/v1/facilities',
        payload: { name: 'Synthetic colony', type: 'colony' },
      })
    ).json<{ id: string }>();
    await admin.inject({
      method: 'PATCH',
      url: `/api/v1/facilities/${created.id}`,
      payload: { city: 'Testville' },
    });
    const history = await admin.inject({ method: 'GET', url: `/api/v1/history/facility/${created.id}` });
    const items = history.json<{
      items: { action: string; actor: string; changes: Record<string, { from: unknown; to: unknown }> }[];
    }>().items;
    expect(items.map((item) => item.action)).toEqual(['create', 'update']);
    expect(items[1]?.changes).toEqual({ city: { from: null, to: 'Testville' } });
    expect(items[0]?.actor).toMatch(/^[0-9a-f-]{36}$/);
    expect(
      (await admin.inject({ method: 'DELETE', url: `/api/v1/facilities/${created.id}` })).statusCode,
    ).toBe(204);
    const after = await admin.inject({ method: 'GET', url: `/api/v1/history/facility/${created.id}` });
    expect(after.json<{ items: { action: string }[] }>().items.map((item) => item.action)).toEqual([
      'create',
      'update',
      'delete',
    ]);
    expect(
      (await publicApp.inject({ method: 'GET', url: `/api/v1/history/facility/${created.id}` })).statusCode,
    ).toBe(401);
  });

  it('masks restricted fields in diffs for viewers who may not see them', async () => {
    const services = buildServices(database().db, fixedClock);
    const person = await services.persons.create(aPerson({ contacts: 'synthetic sister +000' }));
    const forViewer = await viewer.inject({ method: 'GET', url: `/api/v1/history/person/${person.id}` });
    expect(forViewer.body).not.toContain('synthetic sister');
    expect(forViewer.body).toContain('[restricted]');
    const forAdmin = await admin.inject({ method: 'GET', url: `/api/v1/history/person/${person.id}` });
    expect(forAdmin.body).toContain('synthetic sister');
  });

  it('refuses the second of two concurrent edits with 409 naming the first, and keeps the first in history', async () => {
    const created = (
      await admin.inject({
        method: 'POST',
        url: '/api/v1/counterparts',
        payload: { name: 'Synthetic State', kind: 'state' },
      })
    ).json<{ id: string }>();
    const [one, two] = await Promise.all([
      admin.inject({
        method: 'PATCH',
        url: `/api/v1/counterparts/${created.id}`,
        payload: { country: 'LT', version: 1 },
      }),
      admin.inject({
        method: 'PATCH',
        url: `/api/v1/counterparts/${created.id}`,
        payload: { country: 'PL', version: 1 },
      }),
    ]);
    const statuses = [one.statusCode, two.statusCode].sort();
    expect(statuses).toEqual([200, 409]);
    const loser = one.statusCode === 409 ? one : two;
    expect(loser.body).toMatch(/revision \d+/);
    const history = (
      await admin.inject({ method: 'GET', url: `/api/v1/history/counterpart/${created.id}` })
    ).json<{ items: { action: string }[] }>();
    expect(history.items.map((item) => item.action)).toEqual(['create', 'update']);
  });

  it('verifies the chain, and detects an edited, a removed and a truncated revision', async () => {
    const db = database().db;
    const services = buildServices(db, fixedClock);
    for (let index = 0; index < 3; index += 1)
      await services.counterparts.create({ name: `Synthetic ${index}`, kind: 'state' });
    const intact = await services.history.verify();
    expect(intact).toMatchObject({ ok: true, problems: [] });
    expect(intact.checked).toBeGreaterThanOrEqual(5);

    const head = await db.selectFrom('revisionHead').select('seq').executeTakeFirstOrThrow();
    const last = Number(head.seq);
    await sql`update revisions set diff = '{}' where seq = ${last - 2}`.execute(db);
    expect((await services.history.verify()).problems.join('\n')).toMatch(
      new RegExp(`revision ${last - 2} was altered`),
    );

    await db
      .deleteFrom('revisions')
      .where('seq', '=', last - 1)
      .execute();
    expect((await services.history.verify()).problems.join('\n')).toMatch(
      new RegExp(`revisions ${last - 1}.${last - 1} are missing`),
    );

    await db.deleteFrom('revisions').where('seq', '=', last).execute();
    expect((await services.history.verify()).problems.join('\n')).toMatch(/removed from the end/);
  });
});

it('diffs only the fields that changed, ignoring bookkeeping', () => {
  expect(fieldDiff({ a: 1, b: [1, 2], version: 1 }, { a: 1, b: [1, 3], version: 2, c: 'x' })).toEqual({
    b: { from: [1, 2], to: [1, 3] },
    c: { from: null, to: 'x' },
  });
  expect(fieldDiff(null, { a: null })).toEqual({});
});

it('diffs as the first definition did: a field differs when its canonical JSON does', () => {
  const UNTRACKED = new Set(['updatedAt', 'version', 'createdAt']);
  const definition = (before: Record<string, unknown>, after: Record<string, unknown>) => {
    const diff: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      if (UNTRACKED.has(key)) continue;
      const a = before[key] ?? null;
      const b = after[key] ?? null;
      if (canonicalJson(a) !== canonicalJson(b)) diff[key] = { from: a, to: b };
    }
    return diff;
  };
  const field = fc.oneof(
    fc.constantFrom(null, undefined, 0, 1, -0, Number.NaN, Number.POSITIVE_INFINITY, '', '1', true, false),
    fc.jsonValue(),
    fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('x', 'y', '0'), fc.integer({ min: 0, max: 1 }), { maxKeys: 2 }),
  );
  const record = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'version', 'updatedAt'), field, { maxKeys: 4 });
  fc.assert(
    fc.property(record, record, (before, after) => {
      expect(fieldDiff(before, after)).toEqual(definition(before, after));
    }),
    { numRuns: 3000 },
  );
});
