import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildServices } from '../../app.js';
import { LOCALES } from '../../site/locale.js';
import { listPublicPages } from '../../site/registry.js';
import { staticFileOf } from '../../site/static-links.js';
import { PUBLIC_VIEWER } from '../user/access.js';
import { describeEachDialect } from '../../../test/database.js';
import { fixedClock } from '../../../test/factories.js';
import { BELARUSIAN_SPELLING, LATIN_ONLY_NAME, seedMirrorRegistry } from '../../../test/mirror-fixture.js';
import { type StaticServer, serveFolder } from '../../../test/static-server.js';
import { MIRROR_MARKER, createMirrorService } from './mirror.service.js';
import { type SearchIndex, matchPersons } from './search-match.js';

const readIndex = (root: string): SearchIndex => {
  const script = readFileSync(join(root, 'assets', 'search-index.js'), 'utf8');
  return JSON.parse(script.replace(/^window\.UNFREE_SEARCH_INDEX=/, '').replace(/;\s*$/, '')) as SearchIndex;
};

/** Every href, src and form action of a page that points inside the mirror (not a fragment, not another site). */
function internalLinks(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src|action)="([^"]*)"/g)]
    .map((match) => (match[1] ?? '').replace(/&amp;/g, '&'))
    .filter((link) => link !== '' && !link.startsWith('#') && !/^[a-z][a-z0-9+.-]*:/i.test(link));
}

describeEachDialect('unfree export-site', (database) => {
  let root: string;
  let work: string;
  let seeded: Awaited<ReturnType<typeof seedMirrorRegistry>>;
  let server: StaticServer;
  const mirror = (failOn?: string) =>
    createMirrorService({
      db: database().db,
      servicesOn: (db, viewer) => {
        const services = buildServices(db, fixedClock, { viewer });
        if (!failOn) return services;
        // A page that fails half-way through the export.
        return {
          ...services,
          batches: { ...services.batches, get: () => Promise.reject(new Error(failOn)) },
        };
      },
    });

  beforeAll(async () => {
    seeded = await seedMirrorRegistry(database().db);
    work = mkdtempSync(join(tmpdir(), 'unfree-mirror-test-'));
    root = join(work, 'site');
    await mirror().exportSite(root);
    server = await serveFolder(root);
  }, 240_000);
  afterAll(async () => {
    await server?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('writes every page and download of the registry, in every locale, and pagination as pages', async () => {
    const services = buildServices(database().db, fixedClock, { viewer: PUBLIC_VIEWER });
    const urls = await listPublicPages(services);
    expect(urls.length).toBeGreaterThan(100);
    for (const { url } of urls) expect(existsSync(join(root, staticFileOf(url))), url).toBe(true);
    for (const locale of LOCALES) {
      expect(existsSync(join(root, locale, 'prisoners,page=2', 'index.html'))).toBe(true);
      expect(existsSync(join(root, locale, 'data', 'index.html'))).toBe(true);
      expect(existsSync(join(root, locale, 'search', 'index.html'))).toBe(true);
    }
    expect(existsSync(join(root, 'feeds', 'prisoners.atom'))).toBe(true);
    expect(existsSync(join(root, 'embed', 'counter,lang=be.svg'))).toBe(true);
    expect(readFileSync(join(root, 'embed', 'counter,lang=be.svg'), 'utf8')).toContain('палітвязняў');
  });

  it('has no broken internal link: a crawl from each home page over HTTP finds a file for every href and src', async () => {
    const queue = LOCALES.map((locale) => `/${locale}/index.html`);
    const seen = new Set(queue);
    let pages = 0;
    while (queue.length > 0) {
      const path = queue.shift() ?? '';
      const response = await fetch(server.url + path);
      expect(response.status, path).toBe(200);
      if (!path.endsWith('.html')) {
        await response.arrayBuffer();
        continue;
      }
      pages += 1;
      for (const link of internalLinks(await response.text())) {
        // A query or a folder would need a server's help: every link names its file.
        expect(link, `${path} links to ${link}`).not.toMatch(/[?]|\/$/);
        const target = new URL(link, server.url + path).pathname;
        if (!seen.has(target)) {
          seen.add(target);
          queue.push(target);
        }
      }
    }
    // Every person page, both list pages, /data and its files, the stylesheet and the scripts.
    expect(pages).toBeGreaterThan(3 * 30);
    for (const locale of LOCALES) {
      expect(seen).toContain(`/${locale}/prisoners,page=2/index.html`);
      expect(seen).toContain(`/${locale}/prisoners/${seeded.latinOnlyId}/index.html`);
      expect(seen).toContain(`/${locale}/search/index.html`);
    }
    // Each named person's page links to the feed of changes to that person; the anonymous have none.
    expect(seen).toContain(`/feeds/persons/${seeded.latinOnlyId}.atom`);
    expect(seen).not.toContain(`/feeds/persons/${seeded.anonymousId}.atom`);
    expect(readdirSync(join(root, 'feeds', 'persons'))).not.toContain(`${seeded.anonymousId}.atom`);
    expect(readFileSync(join(root, 'feeds', 'persons', `${seeded.latinOnlyId}.atom`), 'utf8')).toContain(
      LATIN_ONLY_NAME,
    );
    for (const file of [
      '/assets/site.css',
      '/assets/search.js',
      '/data/checksums.txt',
      '/feeds/releases.atom',
    ])
      expect(seen).toContain(file);
  });

  it('links its feeds to its own files when it has no live server: every href of every feed resolves', async () => {
    const feeds = [
      'feeds/prisoners.atom',
      'feeds/releases.atom',
      ...readdirSync(join(root, 'feeds', 'persons')).map((name) => `feeds/persons/${name}`),
    ];
    expect(feeds.length).toBeGreaterThan(30);
    let personLinks = 0;
    for (const feed of feeds) {
      const body = readFileSync(join(root, feed), 'utf8');
      const hrefs = [...body.matchAll(/\shref="([^"]*)"/g)].map((match) => match[1] ?? '');
      expect(hrefs.length, feed).toBeGreaterThan(1);
      for (const href of hrefs) {
        expect(href, `${feed} links to ${href}`).not.toMatch(/^[a-z]+:|^\//i);
        const target = new URL(href, `${server.url}/${feed}`);
        expect((await fetch(target)).status, `${feed} links to ${href}`).toBe(200);
        if (/\/prisoners\/[^/]+\/index\.html$/.test(target.pathname)) personLinks += 1;
      }
    }
    expect(personLinks).toBeGreaterThan(feeds.length);
  });

  it('serves /data with every file, checksums that match, and its index with relative addresses', () => {
    const checksums = readFileSync(join(root, 'data', 'checksums.txt'), 'utf8')
      .trim()
      .split('\n');
    expect(checksums.length).toBeGreaterThan(10);
    for (const line of checksums) {
      const [sha, name = ''] = line.split('  ');
      expect(
        createHash('sha256')
          .update(readFileSync(join(root, 'data', name)))
          .digest('hex'),
        name,
      ).toBe(sha);
    }
    const index = JSON.parse(readFileSync(join(root, 'data', 'index.json'), 'utf8')) as {
      files: { url: string; sha256: string }[];
    };
    for (const file of index.files) expect(existsSync(join(root, 'data', file.url)), file.url).toBe(true);
    const page = readFileSync(join(root, 'en', 'data', 'index.html'), 'utf8');
    expect(page).toContain(checksums[0]?.split('  ')[0]);
    expect(page).toContain('href="../../data/unfree-export-v1.schema.json"');
  });

  it('searches names with the server’s canonical rules: the Belarusian Cyrillic finds a Latin-only name', () => {
    const index = readIndex(root);
    const found = matchPersons(index, BELARUSIAN_SPELLING, 'be');
    expect(found.matches.map((match) => match.entry[0])).toEqual([seeded.latinOnlyId]);
    expect(found.matches[0]?.entry[3]).toBe(LATIN_ONLY_NAME);
    // A prefix, another script and another spelling find the same person.
    for (const query of ['Вымысл', 'Ганна Вымыслава', 'Hana Vymyslava', 'vimisl']) {
      expect(
        matchPersons(index, query, 'en').matches.map((match) => match.entry[0]),
        query,
      ).toContain(seeded.latinOnlyId);
    }
    expect(matchPersons(index, 'Nobodyava Nowhere', 'en').total).toBe(0);
    // The anonymous person is not in the index at all.
    expect(JSON.stringify(index)).not.toContain(seeded.anonymousId);
    expect(matchPersons(index, 'Anonymava', 'en').total).toBe(0);
  });

  it('runs the bundled search script on the search page: it hides the notice and lists the hits', () => {
    const elements = new Map<string, Record<string, unknown>>();
    const element = (id: string) => {
      const attributes: Record<string, string> = {};
      const made: Record<string, unknown> = {
        id,
        hidden: false,
        value: '',
        textContent: '',
        children: [] as unknown[],
        listeners: {},
        getAttribute: (name: string) => attributes[name] ?? null,
        setAttribute: (name: string, value: string) => {
          attributes[name] = value;
        },
        append: (...children: unknown[]) => (made.children as unknown[]).push(...children),
        replaceChildren: (...children: unknown[]) => {
          made.children = children;
        },
        addEventListener: (type: string, listener: () => void) => {
          (made.listeners as Record<string, () => void>)[type] = listener;
        },
        attributes,
      };
      elements.set(id, made);
      return made;
    };
    const app = element('mirror-search');
    (app.setAttribute as (n: string, v: string) => void)('data-results', '{n} found');
    (app.setAttribute as (n: string, v: string) => void)('data-statuses', '{"held":"трымаюць"}');
    for (const id of ['mirror-q', 'mirror-status', 'mirror-results', 'mirror-needs-script']) element(id);
    const window = {
      document: {
        documentElement: { lang: 'be' },
        getElementById: (id: string) => elements.get(id) ?? null,
        createElement: (tag: string) => element(tag),
      },
      location: { search: `?q=${encodeURIComponent(BELARUSIAN_SPELLING)}` },
      UNFREE_SEARCH_INDEX: readIndex(root),
    };
    runInNewContext(readFileSync(join(root, 'assets', 'search.js'), 'utf8'), {
      ...window,
      window,
      globalThis: window,
      URLSearchParams,
      Intl,
    });
    expect(elements.get('mirror-needs-script')?.hidden).toBe(true);
    expect(app.hidden).toBe(false);
    expect(elements.get('mirror-status')?.textContent).toBe('1 found');
    const [item] = elements.get('mirror-results')?.children as {
      children: { attributes: Record<string, string>; textContent: string }[];
    }[];
    expect(item?.children[0]?.attributes.href).toBe(`../prisoners/${seeded.latinOnlyId}/index.html`);
    expect(item?.children[0]?.textContent).toBe(LATIN_ONLY_NAME);
  });

  it('says on the search page, before any script runs, that search needs JavaScript, with the full list', () => {
    const page = readFileSync(join(root, 'be', 'search', 'index.html'), 'utf8');
    expect(page).toMatch(/<p id="mirror-needs-script"[^>]*>Пошук у гэтай копіі сайта патрабуе JavaScript/);
    expect(page).toContain('href="../prisoners/index.html"');
    expect(page).toMatch(/<div id="mirror-search" hidden/);
    const list = readFileSync(join(root, 'be', 'prisoners', 'index.html'), 'utf8');
    expect(list).toContain('action="../search/index.html"');
  });

  it('leaves an earlier mirror whole when an export fails half-way, and no partial folder behind', async () => {
    const marker = readFileSync(join(root, MIRROR_MARKER), 'utf8');
    const before = readdirSync(work).sort();
    await expect(mirror('disk full, say').exportSite(root)).rejects.toThrow('disk full, say');
    expect(readFileSync(join(root, MIRROR_MARKER), 'utf8')).toBe(marker);
    expect(existsSync(join(root, 'en', 'index.html'))).toBe(true);
    expect(readdirSync(work).sort()).toEqual(before);
    // A fresh target that fails is not created at all.
    await expect(mirror('again').exportSite(join(work, 'fresh'))).rejects.toThrow('again');
    expect(existsSync(join(work, 'fresh'))).toBe(false);
    expect(readdirSync(work).sort()).toEqual(before);
  }, 240_000);

  it('writes the same bytes from its bulk reads as when each address is read as the server reads it', async () => {
    const filesOf = (dir: string) =>
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile() && entry.name !== MIRROR_MARKER)
        .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
        .sort();
    const perAddress = join(work, 'per-address');
    await mirror().exportSite(perAddress, { perAddress: true });
    const expected = filesOf(perAddress);
    expect(expected.filter((file) => /^en\/prisoners\/[^/]+\/index\.html$/.test(file)).length).toBe(32);
    expect(expected.filter((file) => file.startsWith('feeds/persons/')).length).toBe(32);
    // Small batches cut through a person's three languages and through runs of feeds.
    const smallBatches = join(work, 'small-batches');
    await mirror().exportSite(smallBatches, { batchSize: 7 });
    for (const dir of [root, smallBatches]) {
      expect(filesOf(dir)).toEqual(expected);
      for (const file of expected)
        expect(readFileSync(join(dir, file), 'utf8'), file).toBe(
          readFileSync(join(perAddress, file), 'utf8'),
        );
    }
    // The rich persons' pages show what the bulk reads must keep apart and in order.
    const rich = readFileSync(join(root, 'en', 'prisoners', seeded.richId, 'index.html'), 'utf8');
    expect(rich.match(/<h3 id="episode-/g)?.length).toBe(2);
    expect(rich).toContain('Synthetic NGO A');
    expect(rich).toContain('Synthetic source 1');
    expect(rich).not.toContain('Synthetic source 2');
  }, 240_000);

  it('replaces an earlier mirror, but refuses a folder that is not one', async () => {
    const other = join(work, 'documents');
    mkdirSync(other);
    writeFileSync(join(other, 'letter.txt'), 'keep me');
    await expect(mirror().exportSite(other)).rejects.toMatchObject({ code: 'conflict' });
    expect(readdirSync(other)).toEqual(['letter.txt']);
  });
});
