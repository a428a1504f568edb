import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp, buildServices } from '../../app.js';
import { loadConfig } from '../../config.js';
import { aUserToken, testApp } from '../../../test/app.js';
import { describeEachDialect } from '../../../test/database.js';
import { fixedClock } from '../../../test/factories.js';
import { tableCounts } from '../../../test/snapshot.js';
import { multipart } from '../../../test/multipart.js';

const LIST = 'Name,Birth date,Detained\nSynthetic Uploadava,1982,2021-06\n';

describeEachDialect('POST /api/v1/imports', (database) => {
  let editor: FastifyInstance;
  let publicApp: FastifyInstance;

  beforeAll(async () => {
    editor = await testApp(database().db, { as: 'editor' });
    publicApp = await testApp(database().db, { as: 'public' });
  });
  afterAll(async () => {
    await Promise.all([editor.close(), publicApp.close()]);
  });

  it('dry run returns the report and writes nothing; the real run creates, as the editor', async () => {
    const before = await tableCounts(database().db);
    const dry = await editor.inject({
      method: 'POST',
      url: '/api/v1/imports?dryRun=true',
      ...multipart('list.csv', LIST),
    });
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, committed: false, counts: { create: 1 } });
    expect(await tableCounts(database().db)).toEqual(before);

    const real = await editor.inject({
      method: 'POST',
      url: '/api/v1/imports?visibility=public',
      ...multipart('list.csv', LIST),
    });
    expect(real.statusCode, real.body).toBe(201);
    const report = real.json<{ importId: string; rows: { recordId: string }[] }>();
    const stored = await database()
      .db.selectFrom('imports')
      .selectAll()
      .where('id', '=', report.importId)
      .executeTakeFirst();
    const [editorUser] = await database()
      .db.selectFrom('users')
      .select('id')
      .where('role', '=', 'editor')
      .execute();
    expect(stored?.actor).toBe(editorUser?.id);
    expect(
      (await buildServices(database().db, fixedClock).persons.get(report.rows[0]?.recordId ?? '')).visibility,
    ).toBe('public');
  });

  it('takes a column mapping with the file, and saves mappings by name', async () => {
    const text = 'Who,When\nSynthetic Mappava,2020\n';
    const refused = await editor.inject({
      method: 'POST',
      url: '/api/v1/imports?dryRun=true',
      ...multipart('m.csv', text),
    });
    expect(refused.json<{ problems: string[] }>().problems.join()).toMatch(
      /columns not in the mapping: "Who", "When"/,
    );
    const mapped = await editor.inject({
      method: 'POST',
      url: '/api/v1/imports?dryRun=true',
      ...multipart('m.csv', text, { columns: JSON.stringify({ Who: 'name', When: 'detainedOn' }) }),
    });
    expect(mapped.json()).toMatchObject({ problems: [], counts: { create: 1 } });
    const saved = await editor.inject({
      method: 'PUT',
      url: '/api/v1/import-mappings/synthetic-source',
      payload: { Who: 'name', When: 'detainedOn' },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const byName = await editor.inject({
      method: 'POST',
      url: '/api/v1/imports?dryRun=true&mapping=synthetic-source',
      ...multipart('m.csv', text),
    });
    expect(byName.json()).toMatchObject({ problems: [], mappingName: 'synthetic-source' });
    const listed = await editor.inject({ method: 'GET', url: '/api/v1/import-mappings' });
    expect(listed.json<{ items: { name: string }[] }>().items.map((item) => item.name)).toContain(
      'synthetic-source',
    );
  });

  it('refuses bad input with 400 and the reasons, writing nothing', async () => {
    const before = await tableCounts(database().db);
    const response = await editor.inject({
      method: 'POST',
      url: '/api/v1/imports',
      ...multipart('bad.csv', 'Name,Detained\nSynthetic Badava,31.02.2021\n'),
    });
    expect(response.statusCode).toBe(400);
    const { error } = response.json<{
      error: { code: string; issues: { path: string; message: string }[] };
    }>();
    expect(error.code).toBe('validation_failed');
    expect(error.issues).toContainEqual({
      path: 'line 2',
      message: 'Detained: "31.02.2021" is not a real date: that month has 28 days',
    });
    expect(await tableCounts(database().db)).toEqual(before);
  });

  it('is for editors only', async () => {
    const response = await publicApp.inject({
      method: 'POST',
      url: '/api/v1/imports?dryRun=true',
      ...multipart('list.csv', LIST),
    });
    expect(response.statusCode).toBe(401);
    expect((await publicApp.inject({ method: 'GET', url: '/api/v1/import-mappings' })).statusCode).toBe(401);
  });

  it('refuses a file over its own size limit with the limit in the message', async () => {
    const app = await buildApp({
      config: loadConfig({ logLevel: 'silent', importMaxBytes: 100 }, {}),
      servicesFor: (viewer) => buildServices(database().db, fixedClock, { viewer, importMaxBytes: 100 }),
      databaseLabel: 'test',
    });
    const token = await aUserToken(database().db, 'editor');
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/imports?dryRun=true',
      ...multipart('big.csv', `Name\n${'Synthetic Bigava\n'.repeat(20)}`),
      headers: { ...multipart('big.csv', '').headers, authorization: `Bearer ${token}` },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ error: { message: string } }>().error.message).toMatch(
      /the file is too large; imports take at most 100 bytes/,
    );
    await app.close();
  });
});
