import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp, buildServices, type Services } from '../app.js';
import { loadConfig } from '../config.js';
import type { Role } from '../modules/user/access.js';
import { PUBLIC_VIEWER } from '../modules/user/access.js';
import { describeEachDialect } from '../../test/database.js';
import { aPerson, fixedClock } from '../../test/factories.js';
import { tableCounts } from '../../test/snapshot.js';
import { MULTIPART_BOUNDARY, multipartText } from '../../test/multipart.js';

const PASSWORD = 'synthetic editors password';
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

interface Session {
  cookie: string;
  csrf: string;
}

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
const tokenOf = (html: string) => /action="\/edit\/imports\/([0-9a-f]{32})"/.exec(html)?.[1] ?? '';
const countOf = (html: string, outcome: string) =>
  Number(new RegExp(`data-outcome="${outcome}">(\\d+)<`).exec(html)?.[1] ?? -1);

const GOOD = 'Name,Birth date,Detained\nSynthetic Uploadava,1981,2021-06\nSynthetic Formava,1990,2022-03\n';
const ONE_BAD =
  'Name,Birth date,Detained\nSynthetic Uploadava,1981,2021-06\nSynthetic Formava,1990,31.02.2021\n';

describeEachDialect('the editors’ import upload (/edit/imports)', (database) => {
  let app: FastifyInstance;
  let system: Services;
  let reviewer: Session;
  let otherReviewer: Session;
  let editor: Session;

  async function signIn(email: string, role: Role): Promise<Session> {
    await system.users.add({
      email,
      displayName: `Synthetic ${role}`,
      role,
      password: PASSWORD,
      canPublish: false,
      confidentialAccess: false,
    });
    const response = await app.inject({
      method: 'POST',
      url: '/edit/sign-in',
      headers: FORM,
      payload: new URLSearchParams({ email, password: PASSWORD }).toString(),
    });
    const cookie = response.cookies.find((each) => each.name === 'unfree_session');
    if (!cookie) throw new Error('no session cookie');
    const session = { cookie: `unfree_session=${cookie.value}`, csrf: '' };
    session.csrf = csrfOf((await app.inject({ url: '/edit', headers: { cookie: session.cookie } })).body);
    return session;
  }

  const upload = (
    session: Session,
    fileName: string,
    content: string,
    fields: Record<string, string> = {},
    target = app,
  ): Promise<LightMyRequestResponse> =>
    target.inject({
      method: 'POST',
      url: '/edit/imports',
      headers: {
        cookie: session.cookie,
        'content-type': `multipart/form-data; boundary=${MULTIPART_BOUNDARY}`,
      },
      payload: multipartText(fileName, content, { _csrf: session.csrf, ...fields }),
    });

  const act = (session: Session, token: string, fields: Record<string, string>) =>
    app.inject({
      method: 'POST',
      url: `/edit/imports/${token}`,
      headers: { ...FORM, cookie: session.cookie },
      payload: new URLSearchParams({ _csrf: session.csrf, ...fields }).toString(),
    });

  const publicPersons = async () =>
    (
      await buildServices(database().db, fixedClock, { viewer: PUBLIC_VIEWER }).persons.find({
        limit: 100,
        offset: 0,
        sort: 'name',
      })
    ).items.map((person) => person.displayName);

  beforeAll(async () => {
    app = await buildApp({
      config: loadConfig({ logLevel: 'silent', requireTotpFor: '' }, {}),
      servicesFor: (viewer) => buildServices(database().db, fixedClock, { requireTotpFor: [], viewer }),
      databaseLabel: 'test',
    });
    await app.ready();
    system = buildServices(database().db, fixedClock);
    reviewer = await signIn('synthetic-import-reviewer@example.org', 'reviewer');
    otherReviewer = await signIn('synthetic-other-reviewer@example.org', 'reviewer');
    editor = await signIn('synthetic-import-editor@example.org', 'editor');
  });
  afterAll(async () => {
    await app.close();
  });

  it('refuses a multipart POST without the CSRF token or with a wrong one, and takes the right one', async () => {
    const before = await tableCounts(database().db);
    const headers = {
      cookie: reviewer.cookie,
      'content-type': `multipart/form-data; boundary=${MULTIPART_BOUNDARY}`,
    };
    const without = await app.inject({
      method: 'POST',
      url: '/edit/imports',
      headers,
      payload: multipartText('list.csv', GOOD, {}),
    });
    expect(without.statusCode).toBe(403);
    expect(without.body).toContain('missing or wrong CSRF token');
    const wrong = await app.inject({
      method: 'POST',
      url: '/edit/imports',
      headers,
      payload: multipartText('list.csv', GOOD, { _csrf: `${reviewer.csrf}x` }),
    });
    expect(wrong.statusCode).toBe(403);
    // Another session's token is as wrong as a made-up one.
    const borrowed = await app.inject({
      method: 'POST',
      url: '/edit/imports',
      headers,
      payload: multipartText('list.csv', GOOD, { _csrf: otherReviewer.csrf }),
    });
    expect(borrowed.statusCode).toBe(403);
    expect(tokenOf(without.body + wrong.body + borrowed.body)).toBe('');
    const right = await upload(reviewer, 'list.csv', GOOD);
    expect(right.statusCode, right.body).toBe(200);
    expect(tokenOf(right.body)).not.toBe('');
    expect(await tableCounts(database().db)).toEqual(before);
  });

  it('is for editors: the public is sent to sign in; an editor without publishing rights gets the form', async () => {
    const anonymous = await app.inject({ url: '/edit/imports' });
    expect(anonymous.statusCode).toBe(303);
    const forEditor = await app.inject({ url: '/edit/imports', headers: { cookie: editor.cookie } });
    expect(forEditor.statusCode).toBe(200);
    expect(forEditor.body).toContain('nothing is written until a reviewer publishes it');
    expect(forEditor.body).toContain('href="/edit/imports"');
    const form = await app.inject({ url: '/edit/imports', headers: { cookie: reviewer.cookie } });
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('enctype="multipart/form-data"');
    expect(form.body).toContain('href="/edit/imports"');
    expect(form.body).not.toContain('nothing is written until a reviewer publishes it');
  });

  it('lets an editor without publishing rights submit the checked file for review, never import it', async () => {
    const before = await tableCounts(database().db);
    const text = 'Name,Birth date,Detained\nSynthetic Reviewava,1977,2020-11\n';
    const report = await upload(editor, 'review.csv', text, { visibility: 'public' });
    expect(report.statusCode, report.body).toBe(200);
    expect(countOf(report.body, 'create')).toBe(1);
    expect(report.body).not.toContain('value="confirm"');
    expect(report.body).toContain('value="submit"');
    const token = tokenOf(report.body);
    // The confirmed run is not theirs to make, whatever the form says.
    const forced = await act(editor, token, { action: 'confirm', visibility: 'public' });
    expect(forced.statusCode).toBe(403);
    const submitted = await act(editor, token, {
      action: 'submit',
      visibility: 'public',
      note: 'the partner list of November',
    });
    expect(submitted.statusCode, submitted.body).toBe(303);
    const location = String(submitted.headers.location);
    expect(location).toMatch(/^\/edit\/drafts\/[0-9a-f-]{36}\?saved=draft$/);
    const { drafts: draftsBefore, ...registryBefore } = before;
    const { drafts: draftsAfter, ...registryAfter } = await tableCounts(database().db);
    expect(registryAfter).toEqual(registryBefore);
    expect(draftsAfter).toBe((draftsBefore ?? 0) + 1);
    // The file is not held once it is a draft.
    expect((await act(editor, token, { action: 'check', visibility: 'public' })).statusCode).toBe(404);

    const own = await app.inject({ url: location, headers: { cookie: editor.cookie } });
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain('Saved as a draft, awaiting review.');
    expect(own.body).toContain('the partner list of November');
    expect(countOf(own.body, 'create')).toBe(1);
    expect(own.body).toContain('>Withdraw<');
    expect(own.body).not.toContain('>Publish<');

    // The reviewer reads the dry run of today's registry and publishes it.
    const queue = await app.inject({ url: '/edit/drafts', headers: { cookie: reviewer.cookie } });
    expect(queue.body).toContain('import 1 row of review.csv');
    const seen = await app.inject({
      url: location.split('?')[0] ?? '',
      headers: { cookie: reviewer.cookie },
    });
    expect(seen.body).toContain('>Publish<');
    expect(seen.body).toContain('Synthetic Reviewava');
    const published = await app.inject({
      method: 'POST',
      url: `${location.split('?')[0] ?? ''}/publish`,
      headers: { ...FORM, cookie: reviewer.cookie },
      payload: new URLSearchParams({ _csrf: reviewer.csrf, note: 'checked' }).toString(),
    });
    expect(published.statusCode, published.body).toBe(303);
    expect(await publicPersons()).toContain('Synthetic Reviewava');
  });

  it('marks the rows of an import draft whose outcome changed since it was submitted', async () => {
    const text =
      'Name,Birth date,Detained\nSynthetic Meanwhilava,1969,2020-04\nSynthetic Steadava,1970,2020-05\n';
    const report = await upload(editor, 'meanwhile.csv', text);
    const submitted = await act(editor, tokenOf(report.body), { action: 'submit', visibility: 'internal' });
    const location = String(submitted.headers.location).split('?')[0] ?? '';
    await system.persons.create(
      aPerson({
        names: [
          { text: 'Synthetic Meanwhilava', script: 'Latn', language: 'en', system: null, isPrimary: true },
        ],
        birthDate: '1969',
        visibility: 'internal',
      }),
    );
    const page = await app.inject({ url: location, headers: { cookie: reviewer.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('it would now do otherwise than its author saw');
    const rows = page.body.slice(page.body.indexOf('class="import-rows"'));
    expect(rows.match(/\(when submitted: created\)/g)).toHaveLength(1);
    expect(countOf(page.body, 'update')).toBe(1);
  });

  it('reports a bad row per cell and writes nothing; the real run of that file is refused', async () => {
    const before = await tableCounts(database().db);
    const report = await upload(reviewer, 'bad.csv', ONE_BAD, { visibility: 'public' });
    expect(report.statusCode, report.body).toBe(200);
    expect(countOf(report.body, 'create')).toBe(1);
    expect(countOf(report.body, 'reject')).toBe(1);
    expect(report.body).toContain('&quot;31.02.2021&quot; is not a real date: that month has 28 days');
    expect(report.body).not.toContain('value="confirm"');
    // The row that would be created does not exist: the report links to no record.
    expect(report.body).not.toContain('href="/edit/persons/');
    const forced = await act(reviewer, tokenOf(report.body), { action: 'confirm', visibility: 'public' });
    expect(forced.statusCode).toBe(400);
    expect(forced.body).toContain('the import was refused and nothing was written');
    expect(await tableCounts(database().db)).toEqual(before);
  });

  it('says the report’s problems and warnings in the editor’s language', async () => {
    const text = 'Name,Detained,Extra\nSynthetic Movava,31.02.2021,x\n';
    const inBelarusian = await app.inject({
      method: 'POST',
      url: '/edit/imports',
      headers: {
        cookie: `${reviewer.cookie}; unfree_edit_lang=be`,
        'content-type': `multipart/form-data; boundary=${MULTIPART_BOUNDARY}`,
      },
      payload: multipartText('lang.csv', text, { _csrf: reviewer.csrf }),
    });
    expect(inBelarusian.statusCode, inBelarusian.body).toBe(200);
    expect(inBelarusian.body).toContain('<html lang="be">');
    expect(inBelarusian.body).toContain('«31.02.2021» — немагчымая дата: дзён у гэтым месяцы — 28');
    expect(inBelarusian.body).toContain('слупкоў няма ў адпаведнасці: &quot;Extra&quot;');
    expect(inBelarusian.body).not.toContain('is not a real date');
    const inRussian = await app.inject({
      method: 'POST',
      url: '/edit/imports',
      headers: {
        cookie: reviewer.cookie,
        'accept-language': 'ru',
        'content-type': `multipart/form-data; boundary=${MULTIPART_BOUNDARY}`,
      },
      payload: multipartText('lang.csv', text, { _csrf: reviewer.csrf }),
    });
    expect(inRussian.body).toContain('«31.02.2021» — невозможная дата: дней в этом месяце — 28');
    expect(inRussian.body).not.toContain('columns not in the mapping');
  });

  it('dry run, then the confirmed run in one transaction, recorded with the file’s SHA-256', async () => {
    const report = await upload(reviewer, 'good.csv', GOOD, { visibility: 'public' });
    expect(countOf(report.body, 'create')).toBe(2);
    expect(report.body).toContain('value="confirm"');
    expect(await publicPersons()).not.toContain('Synthetic Uploadava');
    const token = tokenOf(report.body);
    // Only the user who sent the file may run it.
    expect((await act(otherReviewer, token, { action: 'confirm', visibility: 'public' })).statusCode).toBe(
      404,
    );

    const done = await act(reviewer, token, { action: 'confirm', visibility: 'public' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.body).toContain('Imported.');
    expect(countOf(done.body, 'create')).toBe(2);
    expect(await publicPersons()).toEqual(
      expect.arrayContaining(['Synthetic Uploadava', 'Synthetic Formava']),
    );
    const sha256 = /SHA-256 ([0-9a-f]{64})/.exec(done.body)?.[1];
    const stored = await database()
      .db.selectFrom('imports')
      .selectAll()
      .where('sha256', '=', sha256 ?? '')
      .executeTakeFirst();
    expect(stored?.fileName).toBe('good.csv');
    const revision = await database()
      .db.selectFrom('revisions')
      .selectAll()
      .where('entity', '=', 'import')
      .where('recordId', '=', stored?.id ?? '')
      .executeTakeFirst();
    expect(revision?.diff).toContain(sha256);
    // The file is not kept after the run.
    const again = await act(reviewer, token, { action: 'confirm', visibility: 'public' });
    expect(again.statusCode).toBe(404);
    expect(again.body).toContain('upload the file again');
  });

  it('lets the reviewer correct the column mapping and save it for the source', async () => {
    const text = 'Who,When,Notes\nSynthetic Mappinhava,2020,ignore me\n';
    const first = await upload(reviewer, 'mapped.csv', text);
    expect(first.body).toContain('columns not in the mapping');
    expect(first.body).not.toContain('value="confirm"');
    const token = tokenOf(first.body);
    const fields = {
      'column.0': 'Who',
      'field.0': 'name',
      'column.1': 'When',
      'field.1': 'detainedOn',
      'column.2': 'Notes',
      'field.2': '',
      saveMapping: 'synthetic-list',
      visibility: 'internal',
    };
    const checked = await act(reviewer, token, { ...fields, action: 'check' });
    expect(checked.statusCode).toBe(200);
    expect(checked.body).not.toContain('columns not in the mapping');
    expect(countOf(checked.body, 'create')).toBe(1);
    expect((await system.imports.mappings()).map((mapping) => mapping.name)).not.toContain('synthetic-list');
    const done = await act(reviewer, token, { ...fields, action: 'confirm' });
    expect(done.statusCode, done.body).toBe(200);
    expect(
      (await system.imports.mappings()).find((mapping) => mapping.name === 'synthetic-list')?.columns,
    ).toEqual({ Who: 'name', When: 'detainedOn', Notes: null });
    const form = await app.inject({ url: '/edit/imports', headers: { cookie: reviewer.cookie } });
    expect(form.body).toContain('<option value="synthetic-list">synthetic-list</option>');
  });

  it('refuses a file over the size limit with the limit in the message, holding nothing', async () => {
    const small = await buildApp({
      config: loadConfig({ logLevel: 'silent', requireTotpFor: '', importMaxBytes: 100 }, {}),
      servicesFor: (viewer) =>
        buildServices(database().db, fixedClock, { requireTotpFor: [], viewer, importMaxBytes: 100 }),
      databaseLabel: 'test',
    });
    const response = await upload(reviewer, 'big.csv', `Name\n${'Synthetic Bigava\n'.repeat(20)}`, {}, small);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('the file is too large; imports take at most 100 bytes');
    expect(tokenOf(response.body)).toBe('');
    await small.close();
  });

  it('asks for a file when none was chosen', async () => {
    const response = await upload(reviewer, 'empty.csv', '');
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('choose a file to import');
  });
});
