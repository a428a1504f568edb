import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, buildServices } from '../../app.js';
import { loadConfig } from '../../config.js';
import { reviewApps, testApp, aUser } from '../../../test/app.js';
import { describeEachDialect } from '../../../test/database.js';
import { fixedClock } from '../../../test/factories.js';
import { tableCounts } from '../../../test/snapshot.js';

interface Draft {
  id: string;
  status: string;
  kind: string;
  action: string;
  targetId: string | null;
  resultId: string | null;
  summary: string;
  author: { id: string };
  reviewer: { id: string } | null;
  reviewNote: string | null;
}

const personPayload = (surname: string) => ({
  names: [
    { text: `Synthetic ${surname}`, script: 'Latn', language: 'en', isPrimary: true },
    { text: `Сінтэтычная ${surname}`, script: 'Cyrl', language: 'be' },
  ],
  birthDate: '1984-03',
});

describeEachDialect('review workflow: drafts', (database) => {
  let editor: FastifyInstance;
  let otherEditor: FastifyInstance;
  let reviewer: FastifyInstance;
  let admin: FastifyInstance;
  let publicApp: FastifyInstance;
  let viewerApp: FastifyInstance;

  beforeAll(async () => {
    const db = database().db;
    ({ editor, otherEditor, reviewer, admin } = await reviewApps(db));
    publicApp = await testApp(db, { as: 'public' });
    viewerApp = await testApp(db, { as: 'viewer' });
  });
  afterAll(async () => {
    for (const app of [editor, otherEditor, reviewer, admin, publicApp, viewerApp]) await app.close();
  });

  const send = (
    app: FastifyInstance,
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
  ) => app.inject({ method, url: `/api/v1${url}`, ...(payload ? { payload } : {}) });
  const draftOf = (response: LightMyRequestResponse) => response.json<{ draft: Draft }>().draft;

  async function publishedPerson(surname: string): Promise<{ id: string; version: number }> {
    const created = await send(admin, 'POST', '/persons', personPayload(surname));
    expect(created.statusCode).toBe(201);
    return created.json<{ id: string; version: number }>();
  }

  it('keeps an editor’s new person as a draft the public cannot see, until a reviewer publishes it', async () => {
    const before = await tableCounts(database().db);
    const submitted = await send(editor, 'POST', '/persons', personPayload('Draftava'));
    expect(submitted.statusCode).toBe(202);
    const { draft, preview } = submitted.json<{ draft: Draft; preview: { displayName: string } }>();
    expect(draft).toMatchObject({ status: 'pending', kind: 'person', action: 'create', targetId: null });
    expect(draft.summary).toBe('add person “Synthetic Draftava”');
    expect(preview.displayName).toBe('Synthetic Draftava');

    const after = await tableCounts(database().db);
    expect({ ...after, drafts: before.drafts }).toEqual(before);
    expect(after.drafts).toBe((before.drafts ?? 0) + 1);
    expect((await send(publicApp, 'GET', '/search?q=Draftava')).json()).toMatchObject({ items: [] });

    const queue = await send(reviewer, 'GET', '/drafts');
    expect(queue.json<{ items: Draft[] }>().items.map((item) => item.id)).toContain(draft.id);

    const published = await send(reviewer, 'POST', `/drafts/${draft.id}/publish`, { note: 'checked' });
    expect(published.statusCode).toBe(200);
    const outcome = published.json<{ draft: Draft; record: { id: string } }>();
    expect(outcome.draft).toMatchObject({ status: 'published', reviewNote: 'checked' });
    expect(outcome.draft.resultId).toBe(outcome.record.id);

    const seen = await send(publicApp, 'GET', `/persons/${outcome.record.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ displayName: 'Synthetic Draftava', birthDate: '1984-03' });
    const history = await send(admin, 'GET', `/history/person/${outcome.record.id}`);
    expect(history.json<{ items: unknown[] }>().items).toHaveLength(1);
    expect(
      (await send(reviewer, 'GET', `/drafts?status=pending`)).json<{ items: Draft[] }>().items,
    ).not.toContainEqual(expect.objectContaining({ id: draft.id }));
  });

  it('keeps the published state public while an edit waits, and shows the reviewer the diff', async () => {
    const person = await publishedPerson('Editava');
    const submitted = await send(editor, 'PATCH', `/persons/${person.id}`, {
      gender: 'female',
      region: 'Homiel',
    });
    expect(submitted.statusCode).toBe(202);
    const draft = draftOf(submitted);
    expect(draft).toMatchObject({ action: 'update', targetId: person.id });

    expect((await send(publicApp, 'GET', `/persons/${person.id}`)).json()).toMatchObject({
      gender: null,
      region: null,
    });
    const detail = await send(reviewer, 'GET', `/drafts/${draft.id}`);
    expect(detail.json()).toMatchObject({
      stale: false,
      changes: { gender: { from: null, to: 'female' }, region: { from: null, to: 'Homiel' } },
    });

    expect((await send(reviewer, 'POST', `/drafts/${draft.id}/publish`, {})).statusCode).toBe(200);
    expect((await send(publicApp, 'GET', `/persons/${person.id}`)).json()).toMatchObject({
      gender: 'female',
      region: 'Homiel',
      version: person.version + 1,
    });
  });

  it('refuses to publish a draft made on a version that has changed since, and loses neither change', async () => {
    const person = await publishedPerson('Stalava');
    const draft = draftOf(await send(editor, 'PATCH', `/persons/${person.id}`, { region: 'Brest' }));
    expect((await send(admin, 'PATCH', `/persons/${person.id}`, { region: 'Hrodna' })).statusCode).toBe(200);

    expect((await send(reviewer, 'GET', `/drafts/${draft.id}`)).json()).toMatchObject({ stale: true });
    const refused = await send(reviewer, 'POST', `/drafts/${draft.id}/publish`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ error: { message: string } }>().error.message).toMatch(
      /was changed by .* \(revision \d+\)/,
    );
    expect((await send(publicApp, 'GET', `/persons/${person.id}`)).json()).toMatchObject({
      region: 'Hrodna',
    });
    const kept = await send(reviewer, 'GET', `/drafts/${draft.id}`);
    expect(kept.json()).toMatchObject({ status: 'pending', payload: { region: 'Brest' } });

    const rejected = await send(reviewer, 'POST', `/drafts/${draft.id}/reject`, { note: 'superseded' });
    expect(rejected.json()).toMatchObject({ status: 'rejected', reviewNote: 'superseded' });
    expect((await send(reviewer, 'POST', `/drafts/${draft.id}/publish`, {})).statusCode).toBe(409);
  });

  it('tells the editor at once when a draft breaks a rule, and stores nothing', async () => {
    const person = await publishedPerson('Rulava');
    const before = await tableCounts(database().db);
    const broken = await send(editor, 'POST', '/episodes', {
      personId: person.id,
      detainedOn: '2021-08',
      release: { releasedOn: '2020', mode: 'pardon' },
    });
    expect(broken.statusCode).toBe(422);
    expect(broken.json<{ error: { issues: { path: string }[] } }>().error.issues[0]?.path).toMatch(/release/);
    const missing = await send(editor, 'PATCH', '/persons/01890000-0000-7000-8000-000000000000', {
      region: 'X',
    });
    expect(missing.statusCode).toBe(404);
    const invalid = await send(editor, 'POST', '/persons', { names: [] });
    expect(invalid.statusCode).toBe(400);
    expect(await tableCounts(database().db)).toEqual(before);
  });

  it('takes deletions and merges through review too', async () => {
    const kept = await publishedPerson('Mergava');
    const duplicate = await publishedPerson('Mergava');
    const merge = await send(editor, 'POST', `/persons/${kept.id}/merge`, { duplicateId: duplicate.id });
    expect(merge.statusCode).toBe(202);
    expect((await send(publicApp, 'GET', `/persons/${duplicate.id}`)).statusCode).toBe(200);
    expect((await send(reviewer, 'POST', `/drafts/${draftOf(merge).id}/publish`, {})).statusCode).toBe(200);
    const redirected = await send(publicApp, 'GET', `/persons/${duplicate.id}`);
    expect(redirected.statusCode).toBe(308);

    const removal = await send(editor, 'DELETE', `/persons/${kept.id}`);
    expect(removal.statusCode).toBe(202);
    expect((await send(publicApp, 'GET', `/persons/${kept.id}`)).statusCode).toBe(200);
    const published = await send(reviewer, 'POST', `/drafts/${draftOf(removal).id}/publish`, {});
    expect(published.json()).toMatchObject({
      draft: { status: 'published', resultId: kept.id },
      record: null,
    });
    expect((await send(publicApp, 'GET', `/persons/${kept.id}`)).statusCode).toBe(404);
  });

  it('lets only reviewers publish or reject, only authors withdraw, and shows editors only their own drafts', async () => {
    const draft = draftOf(await send(editor, 'POST', '/persons', personPayload('Rolava')));
    expect((await send(editor, 'POST', `/drafts/${draft.id}/publish`, {})).statusCode).toBe(403);
    expect((await send(editor, 'POST', `/drafts/${draft.id}/reject`, { note: 'no' })).statusCode).toBe(403);
    expect((await send(otherEditor, 'GET', `/drafts/${draft.id}`)).statusCode).toBe(404);
    expect((await send(otherEditor, 'GET', '/drafts')).json<{ items: Draft[] }>().items).toEqual([]);
    expect((await send(otherEditor, 'POST', `/drafts/${draft.id}/withdraw`, {})).statusCode).toBe(404);
    expect((await send(reviewer, 'POST', `/drafts/${draft.id}/withdraw`, {})).statusCode).toBe(403);
    expect((await send(reviewer, 'POST', `/drafts/${draft.id}/reject`, {})).statusCode).toBe(400);
    expect((await send(viewerApp, 'POST', '/persons', personPayload('Viewava'))).statusCode).toBe(403);
    expect((await send(publicApp, 'GET', '/drafts')).statusCode).toBe(401);
    expect((await send(publicApp, 'GET', `/drafts/${draft.id}`)).statusCode).toBe(401);

    const withdrawn = await send(editor, 'POST', `/drafts/${draft.id}/withdraw`, {});
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', reviewer: null });
    const mine = await send(editor, 'GET', '/drafts?status=withdrawn&mine=true');
    expect(mine.json<{ items: Draft[] }>().items.map((item) => item.id)).toEqual([draft.id]);
  });

  it('publishes a draft once when two reviewers press publish at the same moment', async () => {
    const draft = draftOf(await send(editor, 'POST', '/persons', personPayload('Racava')));
    const secondReviewer = await testApp(database().db, { as: 'reviewer' });
    try {
      const answers = await Promise.all([
        send(reviewer, 'POST', `/drafts/${draft.id}/publish`, {}),
        send(secondReviewer, 'POST', `/drafts/${draft.id}/publish`, {}),
      ]);
      expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 409]);
      const found = await send(publicApp, 'GET', '/persons?q=Racava');
      expect(found.json()).toMatchObject({ total: 1 });
    } finally {
      await secondReviewer.close();
    }
  });

  it('shows a draft of a confidential record only to those who may see confidential records', async () => {
    const draft = draftOf(
      await send(editor, 'POST', '/persons', { ...personPayload('Secretava'), visibility: 'confidential' }),
    );
    expect(draft).toMatchObject({ visibility: 'confidential' });
    expect((await send(reviewer, 'GET', `/drafts/${draft.id}`)).statusCode).toBe(404);
    expect((await send(reviewer, 'GET', '/drafts')).body).not.toContain('Secretava');
    expect((await send(admin, 'GET', `/drafts/${draft.id}`)).statusCode).toBe(200);
  });

  it('lets a trusted editor publish directly', async () => {
    const trusted = await testApp(database().db, { as: 'editor', canPublish: true });
    try {
      expect((await send(trusted, 'POST', '/persons', personPayload('Trustava'))).statusCode).toBe(201);
    } finally {
      await trusted.close();
    }
  });

  it('records every draft’s submission and outcome in the hash-chained history', async () => {
    const draft = draftOf(await send(editor, 'POST', '/persons', personPayload('Chainava')));
    await send(reviewer, 'POST', `/drafts/${draft.id}/reject`, { note: 'not a political case' });
    const services = buildServices(database().db, fixedClock);
    expect(await services.history.verify()).toMatchObject({ ok: true });
    const revisions = await services.history.listFor('draft', draft.id);
    expect(revisions.map((revision) => revision.action)).toEqual(['create', 'update']);
    expect(revisions[1]?.reason).toBe('rejected: add person “Synthetic Chainava” — not a political case');
  });
});

describeEachDialect('review gate on routes that write', (database) => {
  let app: FastifyInstance;
  let editorToken: string;
  beforeAll(async () => {
    app = await buildApp({
      config: loadConfig({ logLevel: 'silent' }, {}),
      servicesFor: (viewer) => buildServices(database().db, fixedClock, { viewer }),
      databaseLabel: 'test',
    });
    app.post('/api/v1/unreviewed-write', () => ({ written: true }));
    app.post('/api/v1/declared-write', { config: { review: 'none' } }, () => ({ written: true }));
    await app.ready();
    editorToken = (await aUser(database().db, 'editor', fixedClock, false)).token;
  });
  afterAll(async () => {
    await app.close();
  });

  describe('an editor who may not publish', () => {
    const post = (url: string) =>
      app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${editorToken}` }, payload: {} });

    it('is refused on a write route that has no draft form', async () => {
      const refused = await post('/api/v1/unreviewed-write');
      expect(refused.statusCode).toBe(403);
      expect(refused.json<{ error: { message: string } }>().error.message).toMatch(/reviewer/);
    });

    it('passes where the route declares that it writes nothing reviewable', async () => {
      expect((await post('/api/v1/declared-write')).statusCode).toBe(200);
    });
  });
});
