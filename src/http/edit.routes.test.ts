import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp, buildServices, type Services } from '../app.js';
import { loadConfig } from '../config.js';
import { EDITABLE_KINDS } from '../edit/kinds.js';
import type { Role } from '../modules/user/access.js';
import { PUBLIC_VIEWER } from '../modules/user/access.js';
import { listPublicPages } from '../site/registry.js';
import { describeEachDialect } from '../../test/database.js';
import { aPerson, fixedClock } from '../../test/factories.js';
import { tableCounts } from '../../test/snapshot.js';

const PASSWORD = 'synthetic editors password';

interface Session {
  cookie: string;
  csrf: string;
}

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

describeEachDialect('the editors’ interface over HTTP', (database) => {
  let app: FastifyInstance;
  let system: Services;
  let editor: Session;
  let reviewer: Session;
  let admin: Session;
  let articleId: string;

  async function addUser(email: string, role: Role, canPublish = false) {
    await system.users.add({
      email,
      displayName: `Synthetic ${role}`,
      role,
      password: PASSWORD,
      canPublish,
      confidentialAccess: false,
    });
  }

  async function signIn(email: string): Promise<Session> {
    const response = await app.inject({
      method: 'POST',
      url: '/edit/sign-in',
      headers: FORM,
      payload: form({ email, password: PASSWORD }),
    });
    expect(response.statusCode).toBe(303);
    const cookie = response.cookies.find((each) => each.name === 'unfree_session');
    if (!cookie) throw new Error('no session cookie');
    const session = { cookie: `unfree_session=${cookie.value}`, csrf: '' };
    session.csrf = csrfOf((await get(session, '/edit')).body);
    return session;
  }

  const get = (session: Session | null, url: string, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'GET',
      url,
      headers: { ...(session ? { cookie: session.cookie } : {}), ...headers },
    });

  const post = (
    session: Session | null,
    url: string,
    fields: Record<string, string>,
    withCsrf = true,
  ): Promise<LightMyRequestResponse> => {
    const request: InjectOptions = {
      method: 'POST',
      url,
      headers: { ...FORM, ...(session ? { cookie: session.cookie } : {}) },
      payload: form({ ...(withCsrf && session ? { _csrf: session.csrf } : {}), ...fields }),
    };
    return app.inject(request);
  };

  const publicServices = () => buildServices(database().db, fixedClock, { viewer: PUBLIC_VIEWER });

  const personFields = (name: string, extra: Record<string, string> = {}) => ({
    'names.0.text': name,
    'names.0.script': 'Latn',
    'names.0.language': 'en',
    'names.0.isPrimary': 'on',
    'names.1.text': '',
    'names.1.script': 'Cyrl',
    'names.1.language': 'be',
    visibility: 'public',
    ...extra,
  });

  beforeAll(async () => {
    app = await buildApp({
      config: loadConfig({ logLevel: 'silent', requireTotpFor: '' }, {}),
      servicesFor: (viewer) => buildServices(database().db, fixedClock, { requireTotpFor: [], viewer }),
      databaseLabel: 'test',
    });
    await app.ready();
    system = buildServices(database().db, fixedClock);
    await addUser('synthetic-editor@example.org', 'editor');
    await addUser('synthetic-reviewer@example.org', 'reviewer');
    await addUser('synthetic-admin@example.org', 'admin');
    articleId = (
      await system.legalArticles.create({ code: 'BY-CC', number: '342', titleEn: 'Synthetic article' })
    ).id;
    editor = await signIn('synthetic-editor@example.org');
    reviewer = await signIn('synthetic-reviewer@example.org');
    admin = await signIn('synthetic-admin@example.org');
  });
  afterAll(async () => {
    await app.close();
  });

  it('sends the public to the sign-in form, and never lets anyone cache the pages', async () => {
    for (const url of [
      '/edit',
      '/edit/persons',
      '/edit/persons/new',
      '/edit/drafts',
      '/edit/users',
      '/edit/merge',
    ]) {
      const response = await get(null, url);
      expect(response.statusCode, url).toBe(303);
      expect(response.headers.location).toBe(`/edit/sign-in?next=${encodeURIComponent(url)}`);
      expect(response.headers['cache-control']).toBe('private, no-store');
    }
    const signInForm = await get(null, '/edit/sign-in');
    expect(signInForm.statusCode).toBe(200);
    expect(signInForm.headers['cache-control']).toBe('private, no-store');
    expect(signInForm.headers['content-security-policy']).toContain("style-src 'self'");
    expect(signInForm.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(signInForm.body).toContain('<form method="post" action="/edit/sign-in"');
    // An anonymous form post is sent to sign in as well, and writes nothing.
    const before = await tableCounts(database().db);
    const anonymous = await post(null, '/edit/persons/new', personFields('Synthetic Anonymava'));
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toMatch(/^\/edit\/sign-in/);
    expect(await tableCounts(database().db)).toEqual(before);
  });

  it('shows the form again with the error on a wrong password, keeping the email; then signs in and out', async () => {
    const wrong = await post(null, '/edit/sign-in', {
      email: 'synthetic-editor@example.org',
      password: 'not it',
      next: '/edit/drafts',
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('Wrong email or password.');
    expect(wrong.body).toContain('value="synthetic-editor@example.org"');
    expect(wrong.body).toContain('name="next" value="/edit/drafts"');
    expect(wrong.cookies.some((cookie) => cookie.name === 'unfree_session')).toBe(false);

    const right = await post(null, '/edit/sign-in', {
      email: 'synthetic-editor@example.org',
      password: PASSWORD,
      next: '//evil.example/x',
    });
    expect(right.statusCode).toBe(303);
    expect(right.headers.location).toBe('/edit');
    const cookie = right.cookies.find((each) => each.name === 'unfree_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    const session = { cookie: `unfree_session=${cookie?.value ?? ''}`, csrf: '' };
    const start = await get(session, '/edit');
    expect(start.statusCode).toBe(200);
    expect(start.body).toContain('Signed in as synthetic-editor@example.org (editor)');
    expect(start.body).toContain('Your changes are saved as drafts and published by a reviewer.');
    session.csrf = csrfOf(start.body);
    // Signing out needs the CSRF token too.
    expect((await post(session, '/edit/sign-out', {}, false)).statusCode).toBe(403);
    const out = await post(session, '/edit/sign-out', {});
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toBe('/edit/sign-in?signedOut=1');
    expect((await get(session, '/edit')).statusCode).toBe(303);
  });

  it('renders the list and the new-record form of every kind, in the reader’s language', async () => {
    for (const kind of EDITABLE_KINDS) {
      const list = await get(editor, `/edit/${kind.path}`);
      expect(list.statusCode, kind.path).toBe(200);
      const blank = await get(editor, `/edit/${kind.path}/new`);
      expect(blank.statusCode, kind.path).toBe(200);
      expect(blank.body).toContain(`action="/edit/${kind.path}/new"`);
      expect(blank.body).toContain(`name="_csrf" value="${editor.csrf}"`);
    }
    const episodeForm = await get(editor, '/edit/episodes/new');
    expect(episodeForm.body).toContain('BY-CC 342 Synthetic article');
    expect(episodeForm.body).toContain('name="charges.0.articleId"');
    expect(episodeForm.body).toContain('name="release.releasedOn"');
    // A required choice without a default starts blank, so an untouched release stays absent.
    expect(episodeForm.body).toMatch(/<select id="f-release-mode" name="release.mode"><option value(="")?>—/);
    const switched = await get(editor, '/edit/language/be?next=/edit/persons/new');
    expect(switched.statusCode).toBe(303);
    expect(switched.headers.location).toBe('/edit/persons/new');
    const language = switched.cookies.find((cookie) => cookie.name === 'unfree_edit_lang');
    const inBelarusian = await get(editor, '/edit/persons/new', {
      cookie: `${editor.cookie}; unfree_edit_lang=${language?.value ?? ''}`,
    });
    expect(inBelarusian.body).toContain('<html lang="be">');
    expect(inBelarusian.body).toContain('Імёны');
    const inRussian = await get(editor, '/edit/persons/new', { 'accept-language': 'ru' });
    expect(inRussian.body).toContain('Имена');
    expect((await get(editor, '/edit/nothing-here')).statusCode).toBe(404);
    expect((await get(editor, '/edit/persons/not-an-id')).statusCode).toBe(404);
  });

  it('refuses a form sent without the CSRF token, writing nothing', async () => {
    const before = await tableCounts(database().db);
    const response = await post(editor, '/edit/persons/new', personFields('Synthetic Forgava'), false);
    expect(response.statusCode).toBe(403);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('CSRF');
    const wrongToken = await post(
      editor,
      '/edit/persons/new',
      { ...personFields('Synthetic Forgava'), _csrf: 'csrf_wrong' },
      false,
    );
    expect(wrongToken.statusCode).toBe(403);
    expect(await tableCounts(database().db)).toEqual(before);
  });

  it('shows validation errors next to the field they name, with the entered values kept, writing nothing', async () => {
    const before = await tableCounts(database().db);
    const response = await post(editor, '/edit/persons/new', {
      ...personFields('', { birthDate: '19xx', region: 'Synthetic region' }),
      'ties.0.kind': 'citizenship',
      'ties.0.country': 'lt',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toMatch(/id="f-birthDate"[^>]*aria-invalid="true"/);
    expect(response.body).toMatch(/<p class="field-error" id="f-birthDate-error">must be a real date/);
    expect(response.body).toMatch(/<p class="field-error" id="f-ties-0-country-error">must be an ISO 3166-1/);
    expect(response.body).toContain('a person needs at least one name');
    expect(response.body).toContain('value="19xx"');
    expect(response.body).toContain('value="Synthetic region"');
    expect(response.body).toContain('value="lt"');
    expect(await tableCounts(database().db)).toEqual(before);
  });

  it('shows a broken domain rule of the service next to its field (a release before the detention)', async () => {
    const person = await system.persons.create(aPerson());
    const before = await tableCounts(database().db);
    const response = await post(reviewer, '/edit/episodes/new', {
      personId: person.id,
      detainedOn: '2022-05-01',
      'charges.0.articleId': articleId,
      'release.releasedOn': '2021-01-01',
      'release.mode': 'pardon',
      visibility: 'public',
    });
    expect(response.statusCode).toBe(422);
    expect(response.body).toMatch(/id="f-release-releasedOn-error">[^<]*before/);
    expect(response.body).toContain('value="2022-05-01"');
    expect(await tableCounts(database().db)).toEqual(before);
  });

  it('adds another row on request without saving', async () => {
    const before = await tableCounts(database().db);
    const response = await post(editor, '/edit/persons/new', {
      ...personFields('Synthetic Rowava'),
      _add: 'names',
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('name="names.2.text"');
    expect(response.body).toContain('value="Synthetic Rowava"');
    expect(await tableCounts(database().db)).toEqual(before);
  });

  it('publishes a publisher’s new person at once, with its episode and charges', async () => {
    const created = await post(
      reviewer,
      '/edit/persons/new',
      personFields('Synthetic Publishava', { occupations: 'journalist\nteacher' }),
    );
    expect(created.statusCode).toBe(303);
    const id =
      /^\/edit\/persons\/([0-9a-f-]{36})\?saved=published$/.exec(created.headers.location ?? '')?.[1] ?? '';
    const live = await publicServices().persons.get(id);
    expect(live).toMatchObject({
      displayName: 'Synthetic Publishava',
      occupations: ['journalist', 'teacher'],
    });
    const page = await get(reviewer, created.headers.location ?? '');
    expect(page.body).toContain('Saved and published.');
    expect(page.body).toContain(`href="/edit/episodes/new?personId=${id}"`);

    const blank = await get(reviewer, `/edit/episodes/new?personId=${id}`);
    expect(blank.body).toContain(`value="${id}"`);
    const episode = await post(reviewer, '/edit/episodes/new', {
      personId: id,
      detainedOn: '2021-08',
      'charges.0.articleId': articleId,
      'charges.0.part': '2',
      'charges.1.articleId': '',
      sentenceMonths: '36',
      visibility: 'public',
    });
    expect(episode.statusCode).toBe(303);
    const episodes = await publicServices().episodes.listForPerson(id);
    expect(episodes).toMatchObject([
      { detainedOn: '2021-08', sentenceMonths: 36, charges: [{ articleId, part: '2' }] },
    ]);

    // Changing it: the form carries the version, and the history shows the field diff.
    const form = await get(reviewer, `/edit/episodes/${episodes[0]?.id ?? ''}`);
    expect(form.body).toContain('name="_version" value="1"');
    const changed = await post(reviewer, `/edit/episodes/${episodes[0]?.id ?? ''}`, {
      _version: '1',
      detainedOn: '2021-08-14',
      'charges.0.articleId': articleId,
      sentenceMonths: '36',
      visibility: 'public',
    });
    expect(changed.statusCode).toBe(303);
    const history = await get(reviewer, `/edit/episodes/${episodes[0]?.id ?? ''}/history`);
    expect(history.statusCode).toBe(200);
    expect(history.body).toMatch(
      /<th scope="row">detainedOn<\/th><td><del>2021-08<\/del><\/td><td><ins>2021-08-14<\/ins>/,
    );
    // A stale version (the form of version 1 sent again) is refused with the reason, values kept.
    const stale = await post(reviewer, `/edit/episodes/${episodes[0]?.id ?? ''}`, {
      _version: '1',
      detainedOn: '2020',
      visibility: 'public',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Someone changed this record since you opened it');
    expect(stale.body).toContain('value="2020"');
  });

  it('keeps a non-publisher’s new person as a draft, out of the public’s sight, until a reviewer publishes it', async () => {
    const before = (await publicServices().persons.find({ limit: 1, offset: 0, sort: 'name' })).total;
    const created = await post(editor, '/edit/persons/new', personFields('Synthetic Draftava'));
    expect(created.statusCode).toBe(303);
    const draftId =
      /^\/edit\/drafts\/([0-9a-f-]{36})\?saved=draft$/.exec(created.headers.location ?? '')?.[1] ?? '';
    expect(draftId).not.toBe('');
    const page = await get(editor, created.headers.location ?? '');
    expect(page.body).toContain('Saved as a draft, awaiting review.');
    expect(page.body).toContain('Synthetic Draftava');
    expect(page.body).not.toContain('>Publish<');
    expect(page.body).toContain('>Withdraw<');
    expect((await publicServices().persons.find({ limit: 1, offset: 0, sort: 'name' })).total).toBe(before);

    const queue = await get(reviewer, '/edit/drafts');
    expect(queue.body).toContain(`href="/edit/drafts/${draftId}"`);
    expect(queue.body).toContain('add person “Synthetic Draftava”');
    const review = await get(reviewer, `/edit/drafts/${draftId}`);
    expect(review.body).toContain('>Publish<');
    expect(review.body).toContain('Synthetic Draftava, Latn, en');
    // A rejection needs a note: the page says so and nothing changes.
    const noNote = await post(reviewer, `/edit/drafts/${draftId}/reject`, { note: '' });
    expect(noNote.body).toContain('say why the draft is rejected');
    const published = await post(reviewer, `/edit/drafts/${draftId}/publish`, { note: 'checked' });
    expect(published.statusCode).toBe(303);
    expect(published.headers.location).toBe(`/edit/drafts/${draftId}?saved=published`);
    expect((await publicServices().persons.find({ limit: 1, offset: 0, sort: 'name' })).total).toBe(
      before + 1,
    );
    const hits = await publicServices().persons.search('Synthetic Draftava', 1);
    expect(hits[0]?.displayName).toBe('Synthetic Draftava');
    // Published once: a second press answers with the reason, on the draft's page.
    const again = await post(reviewer, `/edit/drafts/${draftId}/publish`, {});
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('is already published');
  });

  it('shows the 409 of a stale draft on its page, and lets the author withdraw it', async () => {
    const person = await system.persons.create(aPerson({ region: 'Synthetic one' }));
    const drafted = await post(editor, `/edit/persons/${person.id}`, {
      ...personFields(person.displayName, { region: 'Synthetic two', _version: String(person.version) }),
    });
    expect(drafted.statusCode).toBe(303);
    const draftUrl = (drafted.headers.location ?? '').split('?')[0] ?? '';
    await system.persons.update(person.id, { region: 'Synthetic three' });
    const review = await get(reviewer, draftUrl);
    expect(review.body).toContain('The record has changed since this draft was made');
    const refused = await post(reviewer, `${draftUrl}/publish`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toMatch(/role="alert"/);
    expect((await system.persons.get(person.id)).region).toBe('Synthetic three');
    // Only the author withdraws; then it is closed.
    const withdrawn = await post(editor, `${draftUrl}/withdraw`, {});
    expect(withdrawn.statusCode).toBe(303);
    expect((await get(editor, `${draftUrl}?saved=withdrawn`)).body).toContain('Withdrawn');
  });

  it('neither shows nor clears a field the editor may not see (a person’s confidential contacts)', async () => {
    const person = await system.persons.create(
      aPerson({ contacts: 'Synthetic sister, +000', internalNotes: 'Synthetic note' }),
    );
    const page = await get(reviewer, `/edit/persons/${person.id}`);
    expect(page.body).not.toContain('name="contacts"');
    expect(page.body).not.toContain('Synthetic sister');
    expect(page.body).toContain('Synthetic note');
    const saved = await post(reviewer, `/edit/persons/${person.id}`, {
      ...personFields(person.displayName, { region: 'Synthetic changed', _version: String(person.version) }),
      internalNotes: 'Synthetic note',
    });
    expect(saved.statusCode).toBe(303);
    expect(await system.persons.get(person.id)).toMatchObject({
      region: 'Synthetic changed',
      contacts: 'Synthetic sister, +000',
    });
    // An admin sees and edits them.
    expect((await get(admin, `/edit/persons/${person.id}`)).body).toContain('Synthetic sister');
  });

  it('warns of likely duplicates when a person is submitted, and saves only when asked to anyway', async () => {
    await system.persons.create(
      aPerson({
        names: [{ text: 'Synthetic Kaliesnikava', script: 'Latn', language: 'en', isPrimary: true }],
      }),
    );
    const before = await tableCounts(database().db);
    const warned = await post(reviewer, '/edit/persons/new', personFields('Synthetic Kalesnikava'));
    expect(warned.statusCode).toBe(200);
    expect(warned.body).toContain('Possible duplicates');
    expect(warned.body).toContain('Synthetic Kaliesnikava');
    expect(warned.body).toContain('name="_confirm" value="duplicates"');
    expect(await tableCounts(database().db)).toEqual(before);
    const saved = await post(reviewer, '/edit/persons/new', {
      ...personFields('Synthetic Kalesnikava'),
      _confirm: 'duplicates',
    });
    expect(saved.statusCode).toBe(303);
    // The person's page lists the possible duplicate too.
    expect((await get(reviewer, saved.headers.location ?? '')).body).toContain('Synthetic Kaliesnikava');
  });

  it('merges two persons after showing what moves; a non-publisher’s merge is a draft', async () => {
    const keep = await system.persons.create(
      aPerson({ names: [{ text: 'Synthetic Keepava', script: 'Latn', language: 'en', isPrimary: true }] }),
    );
    const duplicate = await system.persons.create(
      aPerson({ names: [{ text: 'Synthetic Keepova', script: 'Latn', language: 'en', isPrimary: true }] }),
    );
    const preview = await get(reviewer, `/edit/merge?keep=${keep.id}&duplicate=${duplicate.id}`);
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('What moves to the person kept');
    expect(preview.body).toContain('Synthetic Keepova');
    const search = await get(reviewer, '/edit/merge?q=Keepova');
    expect(search.body).toContain(duplicate.id);
    const asDraft = await post(editor, '/edit/merge', { keep: keep.id, duplicate: duplicate.id });
    expect(asDraft.headers.location).toMatch(/^\/edit\/drafts\/.*saved=draft$/);
    const merged = await post(reviewer, '/edit/merge', {
      keep: keep.id,
      duplicate: duplicate.id,
      version: String(keep.version),
    });
    expect(merged.statusCode).toBe(303);
    expect(merged.headers.location).toBe(`/edit/persons/${keep.id}?saved=merged`);
    expect((await system.persons.get(keep.id)).names.map((name) => name.text)).toContain('Synthetic Keepova');
    const itself = await post(reviewer, '/edit/merge', { keep: keep.id, duplicate: keep.id });
    expect(itself.statusCode).toBe(422);
    expect(itself.body).toContain('cannot be merged into itself');
  });

  it('lets admins manage users, and no one else', async () => {
    expect((await get(editor, '/edit/users')).statusCode).toBe(403);
    expect((await get(reviewer, '/edit/users')).statusCode).toBe(403);
    const list = await get(admin, '/edit/users');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('synthetic-editor@example.org');
    const weak = await post(admin, '/edit/users', {
      _action: 'add',
      email: 'synthetic-new@example.org',
      displayName: 'New',
      role: 'editor',
      password: 'short',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.body).toMatch(/id="user-password-error"/);
    const added = await post(admin, '/edit/users', {
      _action: 'add',
      email: 'synthetic-new@example.org',
      displayName: 'Synthetic New',
      role: 'editor',
      password: PASSWORD,
    });
    expect(added.statusCode).toBe(303);
    const user = await system.users.get('synthetic-new@example.org');
    expect(user).toMatchObject({ role: 'editor', canPublish: false });
    const changed = await post(admin, '/edit/users', {
      _action: 'change',
      id: user.id,
      role: 'editor',
      canPublish: 'on',
    });
    expect(changed.statusCode).toBe(303);
    expect(await system.users.get(user.id)).toMatchObject({ canPublish: true });
    await post(admin, '/edit/users', { _action: 'disable', id: user.id });
    expect((await system.users.get(user.id)).disabled).toBe(true);
    expect((await post(editor, '/edit/users', { _action: 'enable', id: user.id })).statusCode).toBe(403);
  });

  it('reads a pasted article into proposals a reviewer accepts or rejects; editors may not', async () => {
    const article =
      'Minsk, 13 December 2025. Belarus released 123 political prisoners on Saturday, the authorities said. ' +
      'Viasna said 1,110 political prisoners remain behind bars.';
    expect((await post(editor, '/edit/ingest', { text: article })).statusCode).toBe(403);
    const empty = await post(reviewer, '/edit/ingest', { text: '' });
    expect(empty.statusCode).toBe(400);
    const read = await post(reviewer, '/edit/ingest', {
      text: article,
      published: '2025-12-13',
      publisher: 'Synthetic News',
    });
    expect(read.statusCode).toBe(303);
    const sourceId =
      /^\/edit\/ingest\?sourceId=([0-9a-f-]{36})$/.exec(read.headers.location ?? '')?.[1] ?? '';
    const page = await get(reviewer, read.headers.location ?? '');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Belarus released 123 political prisoners on Saturday');
    const pending = await system.proposals.find({ sourceId, status: 'pending', limit: 50, offset: 0 });
    expect(pending.total).toBeGreaterThan(0);
    const first = pending.items[0];
    if (!first) throw new Error('no proposal');
    const noReason = await post(reviewer, `/edit/proposals/${first.id}/reject?sourceId=${sourceId}`, {
      reason: '',
    });
    expect(noReason.body).toContain('say why it is rejected');
    const rejected = await post(reviewer, `/edit/proposals/${first.id}/reject?sourceId=${sourceId}`, {
      reason: 'synthetic test',
      version: String(first.version),
    });
    expect(rejected.statusCode).toBe(303);
    expect(rejected.headers.location).toBe(`/edit/ingest?sourceId=${sourceId}`);
    expect((await system.proposals.get(first.id)).status).toBe('rejected');
  });

  it('keeps the sign-in rate limit: past it, the form answers 429 with a clear page', async () => {
    let limited: LightMyRequestResponse | undefined;
    for (let attempt = 0; attempt < 25 && !limited; attempt += 1) {
      const response = await post(null, '/edit/sign-in', {
        email: 'synthetic-nobody@example.org',
        password: 'x',
      });
      if (response.statusCode === 429) limited = response;
      else expect(response.statusCode).toBe(401);
    }
    expect(limited?.headers['content-type']).toContain('text/html');
    expect(limited?.body).toContain('Too many failed sign-ins');
  });

  it('is not in the public page registry, and the public crawl reaches none of it', async () => {
    const urls = await listPublicPages(publicServices());
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.filter((entry) => entry.url.includes('/edit'))).toEqual([]);
    const openapi = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, unknown>;
    }>();
    expect(Object.keys(openapi.paths).filter((path) => path.startsWith('/edit'))).toEqual([]);
  });
});
