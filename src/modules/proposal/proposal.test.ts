import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildServices } from '../../app.js';
import { describeEachDialect } from '../../../test/database.js';
import { testApp } from '../../../test/app.js';
import { aPerson, anEpisode, fixedClock } from '../../../test/factories.js';
import type { ProposalRecord } from './proposal.schema.js';

const ARTICLE = `Belarus frees 17 prisoners

MINSK, Jan 10 (Reuters) - Belarus released 17 prisoners on Saturday, including Synthetic Heldava and Hanna Novaya. The United States lifted sanctions on potash. Most of the freed were taken to Lithuania. Viasna said 1,105 political prisoners remain behind bars.`;

interface Ingested {
  source: { id: string; sha256: string; publishedOn: string; visibility: string };
  proposals: ProposalRecord[];
  message: string;
}

describeEachDialect('ingestion and proposals', (database) => {
  let app: FastifyInstance;
  let publicApp: FastifyInstance;
  let viewerApp: FastifyInstance;
  let heldId: string;
  let ingested: Ingested;
  const byKind = (kind: string) => ingested.proposals.filter((p) => p.kind === kind);

  beforeAll(async () => {
    const services = buildServices(database().db, fixedClock);
    const held = await services.persons.create(
      aPerson({ names: [{ text: 'Synthetic Heldava', script: 'Latn', language: 'en', isPrimary: true }] }),
    );
    heldId = held.id;
    await services.episodes.create(anEpisode(held.id, { detainedOn: '2021-05-01' }));
    app = await testApp(database().db, { as: 'editor' });
    publicApp = await testApp(database().db, { as: 'public' });
    viewerApp = await testApp(database().db, { as: 'viewer' });
    const response = await app.inject({ method: 'POST', url: '/api/v1/ingest', payload: { text: ARTICLE } });
    expect(response.statusCode, response.body).toBe(201);
    ingested = response.json<Ingested>();
  });
  afterAll(async () => {
    await Promise.all([app.close(), publicApp.close(), viewerApp.close()]);
  });

  it('stores the article as an internal source with its checksum and dateline date, and proposes its facts', () => {
    expect(ingested.source.visibility).toBe('internal');
    expect(ingested.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(ingested.source.publishedOn).toBe('2026-01-10');
    expect(byKind('release_event')).toHaveLength(1);
    expect(byKind('release_event')[0]?.payload).toMatchObject({ count: 17, releasedOn: '2026-01-10' });
    expect(byKind('concession')).toHaveLength(1);
    expect(byKind('count_observation')[0]?.payload).toMatchObject({ organisation: 'Viasna', count: 1105 });
    expect(byKind('person_link').map((p) => p.payload.personId)).toEqual([heldId]);
    expect(byKind('new_person').map((p) => p.payload.name)).toEqual(['Hanna Novaya']);
    for (const proposal of ingested.proposals) {
      expect(proposal.status).toBe('pending');
      expect(ARTICLE).toContain(proposal.evidence.sentence);
    }
  });

  it('lists proposals to staff only', async () => {
    const mine = await app.inject({ method: 'GET', url: `/api/v1/proposals?sourceId=${ingested.source.id}` });
    expect(mine.json<{ total: number }>().total).toBe(ingested.proposals.length);
    expect((await viewerApp.inject({ method: 'GET', url: '/api/v1/proposals' })).statusCode).toBe(200);
    const anonymous = await publicApp.inject({ method: 'GET', url: '/api/v1/proposals' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.body).not.toContain('Novaya');
    const viewerAccept = await viewerApp.inject({
      method: 'POST',
      url: `/api/v1/proposals/${byKind('count_observation')[0]?.id ?? ''}/accept`,
      payload: {},
    });
    expect(viewerAccept.statusCode).toBe(403);
  });

  it('refuses a concession before its release, and writes nothing', async () => {
    const before = await app.inject({ method: 'GET', url: '/api/v1/batches' });
    const response = await app.inject({
      method: 'POST',
      url: `/api/v1/proposals/${byKind('concession')[0]?.id ?? ''}/accept`,
      payload: {},
    });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ error: { code: 'rule_violated' } });
    const after = await app.inject({ method: 'GET', url: '/api/v1/batches' });
    expect(after.json<{ total: number }>().total).toBe(before.json<{ total: number }>().total);
    const proposal = await app.inject({
      method: 'GET',
      url: `/api/v1/proposals/${byKind('concession')[0]?.id ?? ''}`,
    });
    expect(proposal.json<ProposalRecord>().status).toBe('pending');
  });

  it('accepting a release creates the batch, releases the linked held person, and cites the article', async () => {
    const release = byKind('release_event')[0];
    const response = await app.inject({
      method: 'POST',
      url: `/api/v1/proposals/${release?.id ?? ''}/accept`,
      payload: { visibility: 'public' },
    });
    expect(response.statusCode, response.body).toBe(200);
    const accepted = response.json<ProposalRecord>();
    expect(accepted).toMatchObject({ status: 'accepted', resultType: 'batch' });
    const batch = await app.inject({ method: 'GET', url: `/api/v1/batches/${accepted.resultId ?? ''}` });
    expect(batch.json()).toMatchObject({ announcedCount: 17, releasedOn: '2026-01-10', identifiedCount: 1 });
    const citations = await app.inject({
      method: 'GET',
      url: `/api/v1/citations?sourceId=${ingested.source.id}&subjectType=batch`,
    });
    expect(citations.json<{ total: number }>().total).toBe(1);
    const episodes = await app.inject({ method: 'GET', url: `/api/v1/episodes?personId=${heldId}` });
    expect(
      episodes.json<{ items: { release: { batchId: string } | null }[] }>().items[0]?.release?.batchId,
    ).toBe(accepted.resultId);
    const again = await app.inject({
      method: 'POST',
      url: `/api/v1/proposals/${release?.id ?? ''}/accept`,
      payload: {},
    });
    expect(again.statusCode).toBe(409);

    const concession = await app.inject({
      method: 'POST',
      url: `/api/v1/proposals/${byKind('concession')[0]?.id ?? ''}/accept`,
      payload: {},
    });
    expect(concession.statusCode, concession.body).toBe(200);
    const withConcession = await app.inject({
      method: 'GET',
      url: `/api/v1/batches/${accepted.resultId ?? ''}`,
    });
    expect(
      withConcession.json<{ concessions: { target: string }[] }>().concessions.map((c) => c.target),
    ).toEqual(['potash']);
  });

  it('accepts an edited count, creates a new person, and records a rejection in the history', async () => {
    const count = byKind('count_observation')[0];
    const edited = { ...(count?.payload ?? {}), count: 1106 };
    const response = await app.inject({
      method: 'POST',
      url: `/api/v1/proposals/${count?.id ?? ''}/accept`,
      payload: { payload: edited },
    });
    expect(response.statusCode, response.body).toBe(200);
    const observation = await app.inject({
      method: 'GET',
      url: `/api/v1/count-observations/${response.json<ProposalRecord>().resultId ?? ''}`,
    });
    expect(observation.json()).toMatchObject({
      count: 1106,
      sourceId: ingested.source.id,
      visibility: 'internal',
    });

    const bad = await app.inject({
      method: 'POST',
      url: `/api/v1/proposals/${byKind('new_person')[0]?.id ?? ''}/accept`,
      payload: { payload: { name: '' } },
    });
    expect(bad.statusCode).toBe(400);
    const person = await app.inject({
      method: 'POST',
      url: `/api/v1/proposals/${byKind('new_person')[0]?.id ?? ''}/accept`,
      payload: {},
    });
    expect(person.json<ProposalRecord>()).toMatchObject({ status: 'accepted', resultType: 'person' });

    const link = byKind('person_link')[0];
    const rejected = await app.inject({
      method: 'POST',
      url: `/api/v1/proposals/${link?.id ?? ''}/reject`,
      payload: { reason: 'a different person of the same name' },
    });
    expect(rejected.json<ProposalRecord>()).toMatchObject({
      status: 'rejected',
      reason: 'a different person of the same name',
    });
    const history = await buildServices(database().db, fixedClock).history.listFor(
      'proposal',
      link?.id ?? '',
    );
    expect(history.map((revision) => revision.action)).toEqual(['create', 'update']);
  });

  it('refuses bad input with a clear error and writes nothing', async () => {
    const sources = async () =>
      (await app.inject({ method: 'GET', url: '/api/v1/sources' })).json<{ total: number }>().total;
    const before = await sources();
    const empty = await app.inject({ method: 'POST', url: '/api/v1/ingest', payload: { text: '   ' } });
    const emptyError = empty.json<{ error: { code: string; message: string } }>().error;
    expect([emptyError.code, emptyError.message]).toEqual([
      'validation_failed',
      expect.stringMatching(/empty/) as string,
    ]);
    const neither = await app.inject({ method: 'POST', url: '/api/v1/ingest', payload: {} });
    expect(neither.statusCode).toBe(400);
    const binary = await app.inject({ method: 'POST', url: '/api/v1/ingest', payload: { text: 'a\u0000b' } });
    expect(binary.json<{ error: { message: string } }>().error.message).toMatch(/binary/);
    const huge = await app.inject({
      method: 'POST',
      url: '/api/v1/ingest',
      payload: { text: 'Belarus released 5 prisoners. '.repeat(350_000) },
    });
    expect(huge.json<{ error: { message: string } }>().error.message).toMatch(/10\.0 MB; at most 5 MB/);
    expect(await sources()).toBe(before);
    const nothing = await app.inject({
      method: 'POST',
      url: '/api/v1/ingest',
      payload: { html: '<p>The weather was mild.</p><script>alert(1)</script>' },
    });
    expect(nothing.json<Ingested>().proposals).toEqual([]);
    expect(nothing.json<Ingested>().message).toMatch(/no facts found/);
    expect(nothing.body).not.toContain('alert');
    const pastedPage = await app.inject({
      method: 'POST',
      url: '/api/v1/ingest',
      payload: { text: '<html><body><p>Quiet day.</p><script>steal()</script></body></html>' },
    });
    const stored = await app.inject({
      method: 'GET',
      url: `/api/v1/sources/${pastedPage.json<Ingested>().source.id}`,
    });
    expect(stored.json<{ text: string }>().text).toBe('Quiet day.');
  });
});
