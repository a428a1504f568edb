import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildServices } from '../../app.js';
import { describeEachDialect } from '../../../test/database.js';
import { testApp } from '../../../test/app.js';
import { aPerson, anEpisode, fixedClock } from '../../../test/factories.js';
import { tableCounts } from '../../../test/snapshot.js';
import type { ProposalRecord } from './proposal.schema.js';

const ARTICLE = `Belarus frees 19 prisoners

MINSK, Jan 10 (Reuters) - Belarus released 19 prisoners on Saturday, including Synthetic Reviewava. The United States lifted sanctions on potash. Viasna said 1,104 political prisoners remain behind bars.`;

interface Draft {
  id: string;
  kind: string;
  action: string;
  targetId: string | null;
  status: string;
  summary: string;
  author: { id: string };
  reviewer: { id: string } | null;
}

/** Acceptance by an editor who may not publish: a draft a reviewer publishes (docs/decisions/0010). */
describeEachDialect('proposals accepted by editors who may not publish', (database) => {
  let editor: FastifyInstance;
  let reviewer: FastifyInstance;
  let publicApp: FastifyInstance;
  let heldId: string;
  let sourceId: string;
  let proposals: ProposalRecord[];
  const ofKind = (kind: string) => {
    const found = proposals.find((p) => p.kind === kind);
    if (!found) throw new Error(`no ${kind} proposal`);
    return found;
  };
  const send = (app: FastifyInstance, method: 'GET' | 'POST', url: string, payload?: object) =>
    app.inject({ method, url: `/api/v1${url}`, ...(payload ? { payload } : {}) });
  const proposal = async (id: string) =>
    (await send(reviewer, 'GET', `/proposals/${id}`)).json<ProposalRecord>();

  beforeAll(async () => {
    const db = database().db;
    const services = buildServices(db, fixedClock);
    const held = await services.persons.create(
      aPerson({ names: [{ text: 'Synthetic Reviewava', script: 'Latn', language: 'en', isPrimary: true }] }),
    );
    heldId = held.id;
    await services.episodes.create(anEpisode(held.id, { detainedOn: '2021-05-01' }));
    editor = await testApp(db, { as: 'editor', canPublish: false });
    reviewer = await testApp(db, { as: 'reviewer' });
    publicApp = await testApp(db, { as: 'public' });
    // A public copy of the article, so the public can follow the citation once a fact is published.
    const ingested = await send(reviewer, 'POST', '/ingest', { text: ARTICLE, visibility: 'public' });
    expect(ingested.statusCode, ingested.body).toBe(201);
    ({
      source: { id: sourceId },
      proposals,
    } = ingested.json<{ source: { id: string }; proposals: ProposalRecord[] }>());
  });
  afterAll(async () => {
    for (const app of [editor, reviewer, publicApp]) await app.close();
  });

  it('lets the editor ingest an article as internal, but never store a public copy', async () => {
    const internal = await send(editor, 'POST', '/ingest', { text: ARTICLE });
    expect(internal.statusCode, internal.body).toBe(201);
    expect(internal.json<{ source: { visibility: string } }>().source.visibility).toBe('internal');
    const before = await tableCounts(database().db);
    const refused = await send(editor, 'POST', '/ingest', { text: ARTICLE, visibility: 'public' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({
      error: { code: 'forbidden', issues: [{ path: 'body.visibility' }] },
    });
    expect(await tableCounts(database().db)).toEqual(before);
  });

  it('keeps the editor’s acceptance as a draft (202): no fact, no citation, the proposal still pending', async () => {
    const release = ofKind('release_event');
    const response = await send(editor, 'POST', `/proposals/${release.id}/accept`, { visibility: 'public' });
    expect(response.statusCode, response.body).toBe(202);
    const { draft, preview } = response.json<{ draft: Draft; preview: ProposalRecord }>();
    expect(draft).toMatchObject({
      kind: 'proposal',
      action: 'update',
      targetId: release.id,
      status: 'pending',
    });
    expect(draft.summary).toBe(`accept the release_event proposal “${release.evidence.sentence}”`);
    expect(preview).toMatchObject({ status: 'accepted', resultType: 'batch' });

    expect((await proposal(release.id)).status).toBe('pending');
    for (const app of [publicApp, reviewer]) {
      expect((await send(app, 'GET', '/batches')).json<{ total: number }>().total).toBe(0);
      const cited = await send(app, 'GET', `/citations?sourceId=${sourceId}`);
      expect(cited.json<{ total: number }>().total).toBe(0);
    }
    const episodes = await send(reviewer, 'GET', `/episodes?personId=${heldId}`);
    expect(episodes.json<{ items: { release: unknown }[] }>().items[0]?.release).toBeNull();
    const publicDrafts = await send(publicApp, 'GET', '/drafts?kind=proposal');
    expect(publicDrafts.statusCode).toBe(401);
    expect(publicDrafts.body).not.toContain('Reviewava');
  });

  it('tells the editor at once when the acceptance would break a rule, and keeps no draft', async () => {
    const before = await tableCounts(database().db);
    const concession = ofKind('concession');
    const response = await send(editor, 'POST', `/proposals/${concession.id}/accept`, {});
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ error: { code: 'rule_violated' } });
    expect(await tableCounts(database().db)).toEqual(before);
  });

  it('creates the fact with its citation when a reviewer publishes the draft', async () => {
    const release = ofKind('release_event');
    const [draft] = (await send(reviewer, 'GET', `/drafts?kind=proposal&targetId=${release.id}`)).json<{
      items: Draft[];
    }>().items;
    expect(draft?.status).toBe('pending');
    const published = await send(reviewer, 'POST', `/drafts/${draft?.id ?? ''}/publish`, {});
    expect(published.statusCode, published.body).toBe(200);
    const accepted = await proposal(release.id);
    expect(accepted).toMatchObject({ status: 'accepted', resultType: 'batch' });
    expect(published.json<{ record: { id: string } }>().record.id).toBe(release.id);

    const batch = await send(publicApp, 'GET', `/batches/${accepted.resultId ?? ''}`);
    expect(batch.statusCode, batch.body).toBe(200);
    expect(batch.json()).toMatchObject({ announcedCount: 19, releasedOn: '2026-01-10' });
    const cited = await send(publicApp, 'GET', `/citations?sourceId=${sourceId}&subjectType=batch`);
    expect(cited.json<{ items: { subjectId: string; quote: string }[] }>().items).toEqual([
      expect.objectContaining({ subjectId: accepted.resultId, quote: release.evidence.sentence }),
    ]);
    const episodes = await send(reviewer, 'GET', `/episodes?personId=${heldId}`);
    expect(
      episodes.json<{ items: { release: { batchId: string } | null }[] }>().items[0]?.release?.batchId,
    ).toBe(accepted.resultId);
    const again = await send(reviewer, 'POST', `/drafts/${draft?.id ?? ''}/publish`, {});
    expect(again.statusCode).toBe(409);
  });

  it('records a reviewer’s rejection of an acceptance: the proposal waits again, nothing is written', async () => {
    const total = ofKind('count_observation');
    const submitted = await send(editor, 'POST', `/proposals/${total.id}/accept`, {});
    expect(submitted.statusCode, submitted.body).toBe(202);
    const draft = submitted.json<{ draft: Draft }>().draft;
    const rejected = await send(reviewer, 'POST', `/drafts/${draft.id}/reject`, { note: 'count is stale' });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json<Draft>()).toMatchObject({ status: 'rejected' });
    expect((await proposal(total.id)).status).toBe('pending');
    expect((await send(reviewer, 'GET', '/count-observations')).json<{ total: number }>().total).toBe(0);
    const services = buildServices(database().db, fixedClock);
    const revisions = await services.history.listFor('draft', draft.id);
    expect(revisions.map((revision) => revision.reason)).toEqual([
      null,
      expect.stringMatching(/^rejected: accept the count_observation proposal .* — count is stale$/),
    ]);
    expect(await services.history.verify()).toMatchObject({ ok: true });
  });

  it('lets the editor reject a proposal directly, recorded with the reason', async () => {
    const concession = ofKind('concession');
    const rejected = await send(editor, 'POST', `/proposals/${concession.id}/reject`, {
      reason: 'the sanctions were lifted for another release',
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json<ProposalRecord>()).toMatchObject({
      status: 'rejected',
      reason: 'the sanctions were lifted for another release',
    });
    const services = buildServices(database().db, fixedClock);
    const revisions = await services.history.listFor('proposal', concession.id);
    expect(revisions.at(-1)?.reason).toBe('rejected: the sanctions were lifted for another release');
  });

  it('documents both answers of accepting in OpenAPI, for the editors’ page', async () => {
    const spec = (await publicApp.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    }>();
    const accept = spec.paths['/api/v1/proposals/{id}/accept']?.post;
    expect(Object.keys(accept?.responses ?? {})).toEqual(expect.arrayContaining(['200', '202']));
  });
});
