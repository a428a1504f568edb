import { readFileSync } from 'node:fs';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildServices, type Services } from '../../app.js';
import { reviewApps } from '../../../test/app.js';
import { describeEachDialect } from '../../../test/database.js';
import { aFacility, aPerson, fixedClock } from '../../../test/factories.js';
import { tableCounts } from '../../../test/snapshot.js';
import { englishOf } from '../../ingest/import/messages.js';
import type { ImportReport } from './import.schema.js';
import { multipart } from '../../../test/multipart.js';

interface Draft {
  id: string;
  kind: string;
  action: string;
  status: string;
  summary: string;
  visibility: string;
  resultId: string | null;
  payload: Record<string, unknown>;
}

interface DraftDetail extends Draft {
  stale: boolean;
  report: ImportReport | null;
}

/** Everything but the drafts table: the registry an import draft must leave alone until published. */
async function registryCounts(services: { db: Parameters<typeof tableCounts>[0] }) {
  const { drafts: _drafts, ...registry } = await tableCounts(services.db);
  const imports = await services.db.selectFrom('imports').select('id').execute();
  return { ...registry, imports: imports.length };
}

describeEachDialect('an import as a draft for review', (database) => {
  let editor: FastifyInstance;
  let otherEditor: FastifyInstance;
  let reviewer: FastifyInstance;
  let admin: FastifyInstance;
  let system: Services;

  beforeAll(async () => {
    const db = database().db;
    ({ editor, otherEditor, reviewer, admin } = await reviewApps(db));
    system = buildServices(db, fixedClock);
  });
  afterAll(async () => {
    for (const app of [editor, otherEditor, reviewer, admin]) await app.close();
  });

  const submit = (app: FastifyInstance, name: string, text: string, query = '', fields = {}) =>
    app.inject({ method: 'POST', url: `/api/v1/imports${query}`, ...multipart(name, text, fields) });
  const decide = (app: FastifyInstance, id: string, decision: string, payload: object = {}) =>
    app.inject({ method: 'POST', url: `/api/v1/drafts/${id}/${decision}`, payload });
  const detail = async (app: FastifyInstance, id: string) => {
    const response = await app.inject({ method: 'GET', url: `/api/v1/drafts/${id}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<DraftDetail>();
  };
  const draftOf = (response: LightMyRequestResponse) => {
    expect(response.statusCode, response.body).toBe(202);
    return response.json<{ draft: Draft; preview: ImportReport }>();
  };
  const personsNamed = async (text: string) =>
    (await system.persons.find({ q: text, limit: 10, offset: 0, sort: 'name' })).items;

  it('keeps an editor’s upload as a draft (202) and writes nothing to the registry until published', async () => {
    const before = await registryCounts(database());
    const text = 'Name,Birth date,Detained,Contacts\nSynthetic Draftava,1983,2021-06,+375 29 000 00 00\n';
    const columns = JSON.stringify({
      Name: 'name',
      'Birth date': 'birthDate',
      Detained: 'detainedOn',
      Contacts: null,
    });
    const { draft, preview } = draftOf(
      await submit(editor, 'draft.csv', text, '?visibility=public&note=from%20a%20partner', { columns }),
    );
    expect(draft).toMatchObject({
      kind: 'import',
      action: 'create',
      status: 'pending',
      visibility: 'public',
    });
    expect(draft.summary).toBe(`import 1 row of draft.csv (sha256 ${preview.sha256.slice(0, 12)}…)`);
    expect(preview).toMatchObject({ dryRun: true, committed: false, counts: { create: 1, reject: 0 } });
    // What the file said once mapped, never its bytes: the ignored column is not kept at all.
    expect(JSON.stringify(draft.payload)).not.toContain('+375');
    expect(draft.payload).toMatchObject({
      fileName: 'draft.csv',
      sha256: preview.sha256,
      visibility: 'public',
    });
    expect(await registryCounts(database())).toEqual(before);
    expect(await personsNamed('Synthetic Draftava')).toEqual([]);

    // The reviewer sees what it would do now, and publishes it as themself in one transaction.
    const seen = await detail(reviewer, draft.id);
    expect(seen).toMatchObject({ stale: false, report: { counts: { create: 1 } } });
    const published = await decide(reviewer, draft.id, 'publish', { note: 'checked' });
    expect(published.statusCode, published.body).toBe(200);
    const result = published.json<{ draft: Draft; record: { importId: string } }>();
    expect(result.draft.status).toBe('published');
    expect(result.draft.resultId).toBe(result.record.importId);
    const [person] = await personsNamed('Synthetic Draftava');
    expect(person).toMatchObject({ visibility: 'public', birthDate: '1983' });

    // The history keeps the file's SHA-256 on the import, and the draft's revision names the import.
    const importRevision = await database()
      .db.selectFrom('revisions')
      .selectAll()
      .where('entity', '=', 'import')
      .where('recordId', '=', result.record.importId)
      .executeTakeFirstOrThrow();
    expect(importRevision.diff).toContain(preview.sha256);
    expect(importRevision.diff).toContain(draft.id);
    const [personRevision] = await system.history.listFor('person', person?.id ?? '');
    expect(personRevision?.reason).toBe(
      `import ${result.record.importId} of draft.csv (sha256 ${preview.sha256}), published from draft ${draft.id}`,
    );
    const reviewer_ = await database()
      .db.selectFrom('users')
      .select('id')
      .where('role', '=', 'reviewer')
      .executeTakeFirstOrThrow();
    const stored = await database()
      .db.selectFrom('imports')
      .selectAll()
      .where('id', '=', result.record.importId)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ sha256: preview.sha256, actor: reviewer_.id });
    const draftRevisions = await system.history.listFor('draft', draft.id);
    expect(draftRevisions.at(-1)?.reason).toContain(draft.summary);
    expect(JSON.stringify(draftRevisions.at(-1))).toContain(result.record.importId);
    expect(await system.history.verify()).toMatchObject({ ok: true });

    // Publishing twice changes nothing; so does the same file published through another draft.
    const after = await registryCounts(database());
    expect((await decide(reviewer, draft.id, 'publish')).statusCode).toBe(409);
    const again = draftOf(await submit(editor, 'draft.csv', text, '?visibility=public', { columns }));
    expect(again.preview.counts).toMatchObject({ create: 0, unchanged: 1 });
    const republished = await decide(reviewer, again.draft.id, 'publish');
    expect(republished.statusCode, republished.body).toBe(200);
    expect(republished.json<{ draft: Draft }>().draft).toMatchObject({ status: 'published', resultId: null });
    expect(await registryCounts(database())).toEqual(after);
  });

  it('refuses (422) a file with a rejected row or a problem, storing no draft', async () => {
    const before = await tableCounts(database().db);
    const bad = await submit(editor, 'bad.csv', 'Name,Detained\nSynthetic Badava,31.02.2021\n');
    expect(bad.statusCode, bad.body).toBe(422);
    expect(bad.json<{ error: { issues: { message: string }[] } }>().error.issues).toContainEqual({
      path: 'line 2',
      message: 'Detained: "31.02.2021" is not a real date: that month has 28 days',
    });
    const unmapped = await submit(editor, 'unmapped.csv', 'Who\nSynthetic Unmappava\n');
    expect(unmapped.statusCode).toBe(422);
    expect(unmapped.body).toContain('columns not in the mapping');
    expect(await tableCounts(database().db)).toEqual(before);
  });

  it('gives every message of the report as a code with parameters beside its English text', async () => {
    const text =
      'Name,Detained,Gender,Extra\nSynthetic Codava,31.02.2021,x,\nSynthetic Codava,31.02.2021,x,\n';
    const response = await submit(reviewer, 'codes.csv', text, '?dryRun=true');
    const report = response.json<ImportReport>();
    expect(report.problemDetails).toEqual([{ code: 'unmappedColumns', params: { columns: '"Extra"' } }]);
    expect(report.problemDetails.map(englishOf)).toEqual(report.problems);
    expect(report.warningDetails.map(englishOf)).toEqual(report.warnings);
    for (const row of report.rows) expect(row.details.map(englishOf)).toEqual(row.messages);
    expect(report.rows[0]?.details).toContainEqual({
      code: 'dateNotReal',
      params: { value: '31.02.2021', days: 28 },
      column: 'Detained',
    });
    expect(report.rows[0]?.cells.find((cell) => cell.column === 'Gender')?.issue).toEqual({
      code: 'genderUnreadable',
      params: { value: 'x' },
    });
  });

  it('reports a draft made stale, and refuses it whole (422, still pending) once a row is rejected', async () => {
    const facility = await aFacility(system, 'Synthetic colony No. 71');
    const text =
      'Name,Birth date,Detained,Facility\n' +
      'Synthetic Stalava,1979,2020-09,\n' +
      'Synthetic Colonava,1988,2021-02,Synthetic colony No. 71\n';
    const { draft } = draftOf(await submit(editor, 'stale.csv', text));
    expect(draft.visibility).toBe('internal');

    // Someone enters the first row's person meanwhile: the draft would now update, not create.
    await system.persons.create(
      aPerson({
        names: [{ text: 'Synthetic Stalava', script: 'Latn', language: 'en', system: null, isPrimary: true }],
        birthDate: '1979',
        visibility: 'internal',
      }),
    );
    const meanwhile = await detail(reviewer, draft.id);
    expect(meanwhile.stale).toBe(true);
    expect(meanwhile.payload.submittedOutcomes).toEqual(['create', 'create']);
    expect(meanwhile.report?.rows.map((row) => row.outcome)).toEqual(['update', 'create']);
    expect(meanwhile.report?.counts).toMatchObject({ create: 1, update: 1, reject: 0 });

    // The facility is deleted: the second row is now rejected, and the whole import refused.
    await system.facilities.delete(facility.id);
    const now = await detail(reviewer, draft.id);
    expect(now.report?.counts.reject).toBe(1);
    expect(now.report?.rows.find((row) => row.outcome === 'reject')?.messages.join()).toContain(
      'facility "Synthetic colony No. 71" is not in the registry',
    );
    const before = await registryCounts(database());
    const refused = await decide(reviewer, draft.id, 'publish');
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.body).toContain('the import was refused and nothing was written');
    expect(await registryCounts(database())).toEqual(before);
    expect((await detail(reviewer, draft.id)).status).toBe('pending');
    expect(await personsNamed('Synthetic Colonava')).toEqual([]);
  });

  it('is published only by a reviewer, withdrawn only by its author', async () => {
    const { draft } = draftOf(await submit(editor, 'own.csv', 'Name,Detained\nSynthetic Ownava,2022\n'));
    expect((await decide(editor, draft.id, 'publish')).statusCode).toBe(403);
    expect((await decide(otherEditor, draft.id, 'withdraw')).statusCode).toBe(404);
    const withdrawn = await decide(editor, draft.id, 'withdraw');
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json<Draft>().status).toBe('withdrawn');
    expect((await decide(reviewer, draft.id, 'publish')).statusCode).toBe(409);
    expect(await personsNamed('Synthetic Ownava')).toEqual([]);
    // A closed draft is shown without a dry run.
    expect((await detail(editor, draft.id)).report).toBeNull();
  });

  it('shows a confidential import only to those who may see confidential records', async () => {
    const { draft } = draftOf(
      await submit(
        editor,
        'secret.csv',
        'Name,Detained\nSynthetic Secretimava,2023\n',
        '?visibility=confidential',
      ),
    );
    expect(draft.visibility).toBe('confidential');
    // Its author sees their own draft (decision 0006); other staff only with confidential access.
    expect((await detail(editor, draft.id)).report?.counts.create).toBe(1);
    expect((await reviewer.inject({ method: 'GET', url: `/api/v1/drafts/${draft.id}` })).statusCode).toBe(
      404,
    );
    const queue = await reviewer.inject({ method: 'GET', url: '/api/v1/drafts?kind=import' });
    expect(queue.body).not.toContain('Secretimava');
    expect((await decide(reviewer, draft.id, 'publish')).statusCode).toBe(404);
    expect((await detail(admin, draft.id)).report?.counts.create).toBe(1);
  });

  it('takes an export file as a draft too: its records, published as they are', async () => {
    const text = readFileSync(
      new URL('../../../test/fixtures/exports/unfree-export-v1.json', import.meta.url),
      'utf8',
    );
    const { draft, preview } = draftOf(await submit(editor, 'export.json', text));
    expect(draft.summary).toMatch(/^import an export file of export\.json/);
    expect(draft.visibility).toBe('public');
    expect(preview.counts.create).toBeGreaterThan(0);
    expect(await personsNamed('Synthia Fixturava')).toEqual([]);
    const published = await decide(reviewer, draft.id, 'publish');
    expect(published.statusCode, published.body).toBe(200);
    expect((await personsNamed('Synthia Fixturava')).map((person) => person.visibility)).toEqual(['public']);
  });
});
