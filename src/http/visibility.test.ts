import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildServices } from '../app.js';
import { describeEachDialect } from '../../test/database.js';
import { testApp } from '../../test/app.js';
import { createMirrorService } from '../modules/mirror/mirror.service.js';
import { PUBLIC_VIEWER } from '../modules/user/access.js';
import { LOCALES } from '../site/locale.js';
import { listPublicPages } from '../site/registry.js';
import { aPerson, anEpisode, fixedClock } from '../../test/factories.js';

/**
 * The canary test: a marker string is written into every confidential and internal field and
 * record, and an anonymous person is added; then every public route, search and statistic is
 * crawled as the public, and neither the marker nor the anonymous person (name or id) may appear.
 */
const MARKER = 'CANARY7F3A';
const ANONYMOUS_NAMES = ['Anonymava Hiddenovna', 'Ананімава Схаванка'];

interface Seeded {
  ids: Map<string, string[]>;
  anonymousId: string;
  publicPersonId: string;
  importDraftId: string;
}

async function seed(db: Parameters<typeof buildServices>[0]): Promise<Seeded> {
  const services = buildServices(db, fixedClock);
  const ids = new Map<string, string[]>();
  const add = (path: string, id: string) => ids.set(path, [...(ids.get(path) ?? []), id]);

  const source = await services.sources.create({
    title: `Testimony ${MARKER}`,
    text: `witness ${MARKER}`,
    kind: 'testimony',
    visibility: 'confidential',
  });
  add('sources', source.id);
  const publicSource = await services.sources.create({
    title: 'Synthetic public article',
    kind: 'article',
    visibility: 'public',
  });
  add('sources', publicSource.id);

  const publicPerson = await services.persons.create(
    aPerson({
      names: [{ text: 'Synthetic Publicava', script: 'Latn', language: 'en', isPrimary: true }],
      internalNotes: `notes ${MARKER}`,
      contacts: `sister +000 ${MARKER}`,
      ties: [{ kind: 'citizenship', country: 'LT' }],
    }),
  );
  add('persons', publicPerson.id);
  const publicEpisode = await services.episodes.create(
    anEpisode(publicPerson.id, { detainedOn: '2021-05-01' }),
  );
  add('episodes', publicEpisode.id);
  add(
    'episodes',
    (
      await services.episodes.create(
        anEpisode(publicPerson.id, {
          detainedOn: '2010',
          place: `cell ${MARKER}`,
          visibility: 'confidential',
          release: { releasedOn: '2012', mode: 'sentence_served' },
        }),
      )
    ).id,
  );
  add(
    'condition-events',
    (
      await services.conditionEvents.create({
        personId: publicPerson.id,
        kind: 'torture_report',
        description: `report ${MARKER}`,
        visibility: 'confidential',
      })
    ).id,
  );
  add(
    'recognitions',
    (
      await services.recognitions.create({
        personId: publicPerson.id,
        organisation: 'Synthetic NGO',
        note: `internal ${MARKER}`,
        visibility: 'internal',
        afterRelease: false,
      })
    ).id,
  );
  add(
    'citations',
    (
      await services.citations.create({
        sourceId: source.id,
        subjectType: 'person',
        subjectId: publicPerson.id,
        quote: `said ${MARKER}`,
      })
    ).id,
  );

  const hidden = await services.persons.create(
    aPerson({
      names: [{ text: `Kanarejka ${MARKER}`, script: 'Latn', language: 'en', isPrimary: true }],
      visibility: 'confidential',
    }),
  );
  add('persons', hidden.id);
  add('episodes', (await services.episodes.create(anEpisode(hidden.id, { detainedOn: '2022-02-02' }))).id);

  const anonymous = await services.persons.create(
    aPerson({
      names: ANONYMOUS_NAMES.map((text, index) => ({
        text,
        script: index === 0 ? 'Latn' : 'Cyrl',
        language: index === 0 ? 'en' : 'be',
        isPrimary: index === 0,
      })),
      anonymous: true,
      ties: [{ kind: 'citizenship', country: 'LT' }],
      birthDate: '1950',
    }),
  );
  add('persons', anonymous.id);
  add('episodes', (await services.episodes.create(anEpisode(anonymous.id, { detainedOn: '2023-03-03' }))).id);
  add(
    'condition-events',
    (
      await services.conditionEvents.create({
        personId: anonymous.id,
        kind: 'health_alert',
        visibility: 'public',
      })
    ).id,
  );
  add(
    'recognitions',
    (
      await services.recognitions.create({
        personId: anonymous.id,
        organisation: 'Synthetic NGO',
        visibility: 'public',
        afterRelease: false,
      })
    ).id,
  );
  add(
    'citations',
    (
      await services.citations.create({
        sourceId: publicSource.id,
        subjectType: 'person',
        subjectId: anonymous.id,
      })
    ).id,
  );

  add(
    'facilities',
    (
      await services.facilities.create({
        name: `Colony ${MARKER}`,
        type: 'colony',
        visibility: 'confidential',
      })
    ).id,
  );
  add(
    'batches',
    (
      await services.batches.create({
        releasedOn: '2025',
        title: `Secret deal ${MARKER}`,
        visibility: 'confidential',
        counterparts: [],
        concessions: [],
      })
    ).id,
  );
  add(
    'count-observations',
    (
      await services.countObservations.create({
        organisation: 'Synthetic',
        metric: 'held',
        observedOn: '2025',
        count: 3,
        note: `note ${MARKER}`,
        visibility: 'internal',
        qualifier: 'exact',
      })
    ).id,
  );
  const ingested = await services.proposals.ingest({
    text: `Belarus released 12 prisoners on Saturday, including Markerava Kanarejkina and ${MARKER}. Viasna said 1,100 political prisoners remain ${MARKER}.`,
    country: 'BY',
    visibility: 'internal',
  });
  add('sources', ingested.source.id);
  for (const proposal of ingested.proposals) add('proposals', proposal.id);
  // An editor's import waiting for review: nothing of it is the public's, published or not.
  const importer = await services.users.add({
    email: 'synthetic-canary-importer@example.org',
    displayName: 'Synthetic importer',
    role: 'editor',
    password: 'synthetic canary password',
    canPublish: false,
    confidentialAccess: false,
  });
  const editorServices = buildServices(db, fixedClock, {
    viewer: { user: { ...importer, canPublish: false, confidentialAccess: false }, scope: 'write' },
  });
  const { draft } = await editorServices.imports.prepareDraft({
    name: 'canary.csv',
    bytes: Buffer.from(`Name,Detained,Source\nSynthetic Importava,2024,https://example.org/${MARKER}\n`),
  });
  const importDraft = await editorServices.drafts.submit({
    kind: 'import',
    action: 'create',
    payload: draft,
  });
  return {
    ids,
    anonymousId: anonymous.id,
    publicPersonId: publicPerson.id,
    importDraftId: importDraft.draft.id,
  };
}

describeEachDialect('what the public may see', (database) => {
  let publicApp: FastifyInstance;
  let viewerApp: FastifyInstance;
  let adminApp: FastifyInstance;
  let seeded: Seeded;
  beforeAll(async () => {
    seeded = await seed(database().db);
    publicApp = await testApp(database().db, { as: 'public' });
    viewerApp = await testApp(database().db, { as: 'viewer' });
    adminApp = await testApp(database().db, { as: 'admin' });
  });
  afterAll(async () => {
    await Promise.all([publicApp.close(), viewerApp.close(), adminApp.close()]);
  });

  const forbidden = () => [MARKER, ...ANONYMOUS_NAMES, seeded.anonymousId];

  function expectClean(url: string, body: string) {
    // A 404 may repeat the id the request itself asked for: that reveals nothing. Names and the
    // marker are checked even when the query contains them (a search must not echo a hit).
    const asked = (secret: string) => secret === seeded.anonymousId && url.includes(secret);
    for (const secret of forbidden().filter((secret) => !asked(secret))) {
      expect(body.includes(secret), `${url} leaks ${secret}`).toBe(false);
    }
  }

  it('crawls every public GET route, every record, search and statistic without a leak', async () => {
    const spec = (await publicApp.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    const allIds = [...seeded.ids.values()].flat();
    const urls: string[] = ['/', '/api/openapi.json'];
    for (const [path, methods] of Object.entries(spec.paths)) {
      if (!('get' in methods)) continue;
      if (!path.includes('{')) {
        urls.push(`${path}?limit=500`, path);
        continue;
      }
      if (path.includes('{kind}')) {
        for (const [kind, ids] of [
          ['person', seeded.ids.get('persons') ?? []],
          ['episode', seeded.ids.get('episodes') ?? []],
        ] as const) {
          for (const id of ids) urls.push(path.replace('{kind}', kind).replace('{id}', id));
        }
        continue;
      }
      if (path.endsWith('/{id}') || path.includes('/{id}/')) {
        for (const id of allIds)
          urls.push(path.replace('{id}', id) + (path.endsWith('held-on') ? '?date=2024-01-01' : ''));
        continue;
      }
      if (path.includes('{country}')) {
        urls.push(path.replace('{country}', 'LT'));
        continue;
      }
      throw new Error(`the canary crawl does not know how to fill ${path}: teach it`);
    }
    for (const q of [MARKER, 'Kanarejka', ...ANONYMOUS_NAMES, 'Anonymava', 'Hiddenovna', 'Synthetic']) {
      urls.push(`/api/v1/search?q=${encodeURIComponent(q)}`, `/api/v1/persons?q=${encodeURIComponent(q)}`);
    }
    urls.push(
      '/api/v1/stats/series?from=2020-01-01&to=2025-12-31&format=csv',
      '/api/v1/persons?anonymous=true',
      '/api/v1/persons?tieCountry=LT',
    );
    // Open data outside the API (not in the OpenAPI document): feeds, the counter, the downloads.
    urls.push(
      '/feeds/prisoners.atom',
      '/feeds/releases.atom',
      '/embed/counter-snippet.txt',
      '/data/index.json',
    );
    for (const id of [...allIds, seeded.anonymousId]) urls.push(`/feeds/persons/${id}.atom`);
    for (const lang of ['en', 'be', 'ru']) urls.push(`/embed/counter.svg?lang=${lang}`);
    const downloads = (await publicApp.inject({ method: 'GET', url: '/data/index.json' })).json<{
      files: { url: string }[];
    }>();
    expect(downloads.files.length).toBeGreaterThan(10);
    urls.push(...downloads.files.map((file) => file.url));
    // The crawl reads real content: the public person is in the export, the feeds and the CSV.
    for (const url of ['/data/unfree-public.json', '/data/person_names.csv', '/feeds/prisoners.atom']) {
      expect((await publicApp.inject({ method: 'GET', url })).body).toContain('Synthetic Publicava');
    }
    for (const url of urls) {
      const response = await publicApp.inject({ method: 'GET', url });
      expect(response.statusCode, `${url}: ${response.body.slice(0, 200)}`).toBeLessThan(500);
      // The search answer repeats the query it was given; what matters is what it found.
      const found =
        (url.startsWith('/api/v1/search') && response.statusCode === 200
          ? JSON.stringify(response.json<{ items: unknown }>().items)
          : undefined) ?? response.body;
      expectClean(url, found);
    }
    expect(urls.length).toBeGreaterThan(100);
  });

  it('crawls every page and download of the public site, in every locale, without a leak', async () => {
    const services = buildServices(database().db, fixedClock, { viewer: PUBLIC_VIEWER });
    const urls = (await listPublicPages(services)).map((entry) => entry.url);
    const hiddenIds = [...seeded.ids.values()].flat();
    for (const locale of LOCALES) {
      for (const q of [MARKER, 'Kanarejka', ...ANONYMOUS_NAMES, 'Anonymava', 'Synthetic']) {
        const query = `q=${encodeURIComponent(q)}`;
        urls.push(
          `/${locale}/prisoners?${query}`,
          `/${locale}/prisoners.csv?${query}`,
          `/${locale}/prisoners.json?${query}`,
        );
      }
      urls.push(
        `/${locale}/statistics/dossier/LT`,
        `/${locale}/statistics/dossier/LT/priority.csv`,
        `/${locale}/prisoners?status=held&sort=-createdAt`,
        `/${locale}/prisoners.csv?status=held`,
        `/${locale}/statistics/deals?from=2020-01-01&granularity=year`,
        `/${locale}/statistics/revolving-door?from=2020-01-01`,
        `/${locale}/statistics/reconciliation/reconciliation.csv`,
        `/${locale}/statistics/deals/ledger.csv?from=2020-01-01`,
      );
      // Every seeded id in every kind of record page: hidden ones must be a plain 404.
      for (const id of hiddenIds) {
        urls.push(`/${locale}/prisoners/${id}`, `/${locale}/releases/${id}`, `/${locale}/facilities/${id}`);
      }
    }
    // A page repeats the name it was asked for (the search box, the language links, the download
    // links); what matters is what it found. Hits link to their id and show their full name, which
    // the other queries of the list catch.
    const withoutEcho = (url: string, body: string) => {
      const q = new URL(url, 'http://x').searchParams.get('q');
      if (!q) return body;
      return [q, encodeURIComponent(q), new URLSearchParams({ q }).toString().slice(2)].reduce(
        (text, echo) => text.split(echo).join(''),
        body,
      );
    };
    for (const url of urls) {
      const response = await publicApp.inject({ method: 'GET', url });
      expect(response.statusCode, `${url}: ${response.body.slice(0, 200)}`).toBeLessThan(500);
      expectClean(url, withoutEcho(url, response.body));
    }
    for (const locale of LOCALES) {
      const anonymousPage = await publicApp.inject({
        method: 'GET',
        url: `/${locale}/prisoners/${seeded.anonymousId}`,
      });
      expect(anonymousPage.statusCode).toBe(404);
    }
    // The anonymous person is still counted: held on the render day with the public person and the confidential one.
    const home = await publicApp.inject({ method: 'GET', url: '/en/' });
    expect(home.body).toMatch(/<dd>3<\/dd>/);
    expect(urls.length).toBeGreaterThan(200);
  }, 180_000);

  it('lets the public reach none of the editors’ interface: every page sends it to sign in', async () => {
    const urls = [
      '/edit',
      '/edit/drafts',
      '/edit/merge',
      '/edit/users',
      '/edit/ingest',
      '/edit/imports',
      `/edit/drafts/${seeded.importDraftId}`,
      `/edit/merge?keep=${seeded.anonymousId}`,
    ];
    for (const [path, ids] of seeded.ids) {
      urls.push(`/edit/${path}`, `/edit/${path}/new`);
      for (const id of ids) urls.push(`/edit/${path}/${id}`, `/edit/${path}/${id}/history`);
    }
    urls.push(`/edit/persons/${seeded.anonymousId}`);
    for (const url of urls) {
      const response = await publicApp.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(303);
      expect(response.headers.location, url).toMatch(/^\/edit\/sign-in\?next=/);
      expectClean(url, response.body);
    }
    for (const url of ['/edit/sign-in', '/assets/edit.js', '/assets/edit.css']) {
      const response = await publicApp.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expectClean(url, response.body);
    }
  });

  it('writes a static mirror (unfree export-site) with no leak in any file or file name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'unfree-canary-mirror-'));
    try {
      const mirror = createMirrorService({
        db: database().db,
        servicesOn: (db, viewer) => buildServices(db, fixedClock, { viewer }),
      });
      const result = await mirror.exportSite(join(dir, 'site'));
      const files = readdirSync(result.dir, { recursive: true, withFileTypes: true }).filter((entry) =>
        entry.isFile(),
      );
      expect(files.length).toBe(result.files);
      let sawPublicPerson = false;
      for (const entry of files) {
        const path = join(entry.parentPath, entry.name);
        const name = relative(result.dir, path);
        const body = readFileSync(path, 'utf8');
        expectClean(name, name);
        expectClean(name, body);
        sawPublicPerson ||= body.includes(seeded.publicPersonId);
      }
      // The crawl reads real content: the public person is there (pages, search index, downloads).
      expect(sawPublicPerson).toBe(true);
      expect(readFileSync(join(result.dir, 'assets', 'search-index.js'), 'utf8')).toContain(
        'Synthetic Publicava',
      );
      // Each person the public sees has a feed of changes, read in the crawl above; the anonymous none.
      const feeds = readdirSync(join(result.dir, 'feeds', 'persons'));
      expect(feeds).toContain(`${seeded.publicPersonId}.atom`);
      expect(
        readFileSync(join(result.dir, 'feeds', 'persons', `${seeded.publicPersonId}.atom`), 'utf8'),
      ).toContain('Synthetic Publicava');
      expect(feeds).not.toContain(`${seeded.anonymousId}.atom`);
      // The bulk reads show exactly what the server's reads of each address show, hidden records mixed in.
      const perAddress = await mirror.exportSite(join(dir, 'per-address'), { perAddress: true });
      expect(perAddress.files).toBe(result.files);
      for (const entry of files) {
        const name = relative(result.dir, join(entry.parentPath, entry.name));
        if (name !== 'unfree-mirror.json')
          expect(readFileSync(join(perAddress.dir, name), 'utf8'), name).toBe(
            readFileSync(join(result.dir, name), 'utf8'),
          );
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it('answers 404 for hidden records, exactly as for records that do not exist', async () => {
    for (const [path, ids] of seeded.ids) {
      for (const id of ids) {
        const response = await publicApp.inject({ method: 'GET', url: `/api/v1/${path}/${id}` });
        if (response.statusCode === 200) expectClean(`${path}/${id}`, response.body);
        else expect(response.json(), `${path}/${id}`).toMatchObject({ error: { code: 'not_found' } });
      }
    }
    const anonymous = await publicApp.inject({ method: 'GET', url: `/api/v1/persons/${seeded.anonymousId}` });
    expect(anonymous.statusCode).toBe(404);
  });

  it('still counts the anonymous person in the statistics', async () => {
    const stock = (
      await publicApp.inject({ method: 'GET', url: '/api/v1/stats/stock?date=2024-06-01' })
    ).json<{ held: { min: number } }>();
    // Held on 2024-06-01: the public person (2021), the confidential one (2022) and the anonymous one (2023).
    expect(stock.held.min).toBe(3);
  });

  it('shows internal records and notes to a viewer, but not confidential ones', async () => {
    const person = (
      await viewerApp.inject({ method: 'GET', url: `/api/v1/persons/${seeded.publicPersonId}` })
    ).json<{ internalNotes: string | null; contacts: string | null }>();
    expect(person.internalNotes).toContain(MARKER);
    expect(person.contacts).toBeNull();
    const recognitions = await viewerApp.inject({
      method: 'GET',
      url: `/api/v1/recognitions?personId=${seeded.publicPersonId}`,
    });
    expect(recognitions.body).toContain(MARKER);
    const anonymous = await viewerApp.inject({ method: 'GET', url: `/api/v1/persons/${seeded.anonymousId}` });
    expect(anonymous.statusCode).toBe(200);
    const hiddenEpisodes = await viewerApp.inject({
      method: 'GET',
      url: `/api/v1/episodes?personId=${seeded.publicPersonId}`,
    });
    expect(hiddenEpisodes.body).not.toContain(MARKER);
  });

  it('shows everything to an admin', async () => {
    const person = (
      await adminApp.inject({ method: 'GET', url: `/api/v1/persons/${seeded.publicPersonId}` })
    ).json<{ contacts: string | null }>();
    expect(person.contacts).toContain(MARKER);
    const episodes = await adminApp.inject({
      method: 'GET',
      url: `/api/v1/episodes?personId=${seeded.publicPersonId}`,
    });
    expect(episodes.body).toContain(MARKER);
    const search = await adminApp.inject({ method: 'GET', url: '/api/v1/search?q=Kanarejka' });
    expect(search.body).toContain(MARKER);
  });
});
