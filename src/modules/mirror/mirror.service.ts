import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Transaction } from 'kysely';
import type { Services } from '../../app.js';
import type { Database, Db } from '../../db/database.js';
import { AppError, notFound } from '../../lib/errors.js';
import { LANGUAGE_NAMES, messagesFor } from '../../site/i18n.js';
import { renderDocument } from '../../site/layout.js';
import { queryString } from '../../site/links.js';
import { LOCALES, isLocale, type Locale } from '../../site/locale.js';
import type { DownloadDefinition, PageContext, PageDefinition, PageOutput } from '../../site/page.js';
import { PUBLIC_DOWNLOADS, PUBLIC_PAGES, listPublicPages } from '../../site/registry.js';
import { relativeHref, staticFileOf, staticLinks, staticSearchUrl } from '../../site/static-links.js';
import { COUNTER_LANGUAGES, counterSnippet, counterSvg } from '../embed/counter.js';
import { EXPORT_SCHEMA_FILE, downloadIndex, exportSchemaText } from '../export/export.downloads.js';
import type { Downloads } from '../export/export.service.js';
import { renderAtom } from '../feed/atom.js';
import { type FeedLinks, liveFeedLinks } from '../feed/feed.service.js';
import { PUBLIC_VIEWER, type Viewer } from '../user/access.js';
import { buildSearchIndex, searchIndexScript } from './search-index.js';
import { searchScript } from './search.bundle.js';
import { mirrorSearchPage } from './search.page.js';
import { siteFiles } from './site-files.js';
import { pagesFromOnePass, rememberingReads } from './snapshot-services.js';

/**
 * `unfree export-site <dir>`: the whole public site as static files (docs/decisions/0013). Every
 * address of the page registry is rendered with the public's services and the static links; every
 * link a page makes is followed, so pagination, filtered lists and the CSV of each chart are
 * written too. Everything is read in one snapshot and written into a sibling folder that replaces
 * the target only when complete: a failed export leaves no half site.
 */
export interface MirrorServiceDeps {
  db: Db;
  /** Services on a connection for a viewer; the mirror only ever asks for PUBLIC_VIEWER's. */
  servicesOn: (db: Db, viewer: Viewer) => Services;
}

export interface MirrorOptions {
  /** The live server the API links, feeds and counter snippet point to. */
  liveUrl?: string;
  /**
   * Reads every address on its own, through exactly the calls the server makes for it (no bulk
   * reads, an OFFSET query per list page): slower; the tests compare both exports byte for byte.
   */
  perAddress?: boolean;
  /** Addresses read together in bulk (default BATCH); the tests make it small to cross its boundaries. */
  batchSize?: number;
  /** Called after every file written, with the number written so far and the file (from the mirror's root). */
  onProgress?: (written: number, file: string) => void;
}

export interface MirrorResult {
  dir: string;
  files: number;
  bytes: number;
  pages: number;
  downloads: number;
}

/** Written at the root of every mirror: metadata, and the mark that lets a later export replace the folder. */
export const MIRROR_MARKER = 'unfree-mirror.json';

const PERSON_FEED = /^\/feeds\/persons\/([0-9a-f-]{36})\.atom$/;
/** The feeds are written in English: their links lead to the English pages. */
const FEED_LOCALE: Locale = 'en';
/** Addresses rendered together from one bulk read: a person's three languages count three. */
const BATCH = 3_000;
const STYLESHEET = readFileSync(new URL('../../site/assets/site.css', import.meta.url), 'utf8');

interface Route<T> {
  definition: T;
  pattern: RegExp;
  names: string[];
}

/** A registry route ("/prisoners/:id") as a pattern that gives its parameters. */
function routeOf<T extends { route: string }>(definition: T): Route<T> {
  const names: string[] = [];
  const source = definition.route
    .split('/')
    .map((segment) =>
      segment.replace(/:([A-Za-z]+)|[.*+?^${}()|[\]\\]/g, (match, name?: string) => {
        if (!name) return `\\${match}`;
        names.push(name);
        return '([^/]+)';
      }),
    )
    .join('/');
  return { definition, pattern: new RegExp(`^${source}$`), names };
}

function matchRoute<T>(routes: Route<T>[], pathname: string) {
  for (const route of routes) {
    const found = route.pattern.exec(pathname);
    if (found)
      return {
        definition: route.definition,
        params: Object.fromEntries(
          route.names.map((name, i) => [name, decodeURIComponent(found[i + 1] ?? '')]),
        ),
      };
  }
  return undefined;
}

/** Refuses to replace a folder that is not an earlier mirror: `export-site ~` must not empty a home. */
async function checkTarget(dir: string): Promise<void> {
  if (!existsSync(dir)) return;
  const entries = await readdir(dir);
  if (entries.length > 0 && !entries.includes(MIRROR_MARKER))
    throw new AppError(
      'conflict',
      `${dir} exists and is not an earlier mirror (no ${MIRROR_MARKER}): choose an empty or new folder`,
      [{ path: 'dir', message: 'not empty and not a mirror' }],
    );
}

export function createMirrorService(deps: MirrorServiceDeps) {
  const pages = PUBLIC_PAGES.map(routeOf);
  const downloads = PUBLIC_DOWNLOADS.map(routeOf);

  async function write(services: Services, root: string, options: MirrorOptions): Promise<MirrorResult> {
    const written = siteFiles(root);
    // Pages and downloads are counted here; files and bytes by the writer.
    const result: MirrorResult = { dir: '', files: 0, bytes: 0, pages: 0, downloads: 0 };
    const put = (file: string, content: string | Buffer) => {
      written.put(file, content);
      options.onProgress?.(written.files, file);
    };

    // The /data files are built once: the /data page of every locale shows the same files.
    let built: Promise<Downloads> | undefined;
    const exportsOnce = { ...services.exports, downloads: () => (built ??= services.exports.downloads()) };
    // Pages read through remembered answers (one snapshot); the three locales of an address come together.
    const pageServices: Services = {
      ...rememberingReads(options.perAddress ? services : pagesFromOnePass(services, options.batchSize)),
      exports: exportsOnce,
    };
    const today = services.stats.today();
    const base = options.liveUrl?.replace(/\/+$/, '') ?? '';
    // Without a live server, a feed's links name the mirror's own files, relative to the feed.
    const feedLinks: FeedLinks = options.liveUrl
      ? liveFeedLinks(base)
      : {
          self: (feedPath) => relativeHref(staticFileOf(feedPath), staticFileOf(feedPath)),
          home: (feedPath) => staticLinks(staticFileOf(feedPath), { onLink: follow }).page(FEED_LOCALE, '/'),
          person: (feedPath, personId) =>
            staticLinks(staticFileOf(feedPath), { onLink: follow }).page(
              FEED_LOCALE,
              `/prisoners/${personId}`,
            ),
        };

    const queue: string[] = [];
    const seen = new Set<string>();
    const enqueue = (url: string) => {
      if (!seen.has(url)) {
        seen.add(url);
        queue.push(url);
      }
    };
    // Every page links the same menus, languages and footers: each address is followed once.
    const followed = new Set<string>();
    const follow = (url: string) => {
      if (followed.has(url)) return;
      followed.add(url);
      const [, first = '', ...rest] = url.split('/');
      if (!isLocale(first)) return enqueue(url);
      for (const locale of LOCALES) enqueue(['', locale, ...rest].join('/'));
    };

    function contextFor(url: string, locale: Locale, pathname: string, params: Record<string, string>) {
      const search = new URLSearchParams(url.includes('?') ? url.slice(url.indexOf('?')) : '');
      const query = Object.fromEntries(search);
      const context: PageContext = {
        services: pageServices,
        locale,
        t: messagesFor(locale),
        links: staticLinks(staticFileOf(url), { liveUrl: options.liveUrl, onLink: follow }),
        params,
        query,
        path: (pathname === '' ? '/' : pathname) + queryString(query),
        today,
      };
      return context;
    }

    const html = (context: PageContext, output: PageOutput) =>
      renderDocument({
        locale: context.locale,
        t: context.t,
        links: context.links,
        title: output.title,
        path: context.path,
        children: output.body,
      });

    /** The files outside the locales, by address. */
    const rootFiles = new Map<string, () => Promise<string | Buffer>>([
      [
        '/data/index.json',
        async () =>
          `${JSON.stringify(
            downloadIndex(await exportsOnce.downloads(), (name) => name),
            null,
            2,
          )}\n`,
      ],
      [`/data/${EXPORT_SCHEMA_FILE}`, () => Promise.resolve(exportSchemaText())],
      ['/feeds/prisoners.atom', async () => renderAtom(await services.feeds.prisoners(base, feedLinks))],
      ['/feeds/releases.atom', async () => renderAtom(await services.feeds.releases(base, feedLinks))],
    ]);
    for (const lang of COUNTER_LANGUAGES) {
      rootFiles.set(`/embed/counter.svg?lang=${lang}`, async () => {
        const { date, held } = await services.stats.stockOn();
        return counterSvg(held, lang, date);
      });
      rootFiles.set(`/embed/counter-snippet.txt?lang=${lang}`, () =>
        Promise.resolve(counterSnippet(base, lang)),
      );
    }
    for (const file of (await exportsOnce.downloads()).files) {
      rootFiles.set(`/data/${file.name}`, () => Promise.resolve(file.content));
    }

    async function writeUrl(url: string): Promise<void> {
      const file = staticFileOf(url);
      const rootFile = rootFiles.get(url);
      if (rootFile) return put(file, await rootFile());
      // A person's feed is linked from the person's page, so only persons the public sees have one.
      const personFeed = PERSON_FEED.exec(url)?.[1];
      if (personFeed) return put(file, renderAtom(await services.feeds.person(base, personFeed, feedLinks)));
      const pathname = url.split('?')[0] ?? '';
      const [, first = '', ...rest] = pathname.split('/');
      if (!isLocale(first)) throw unknownLink(url);
      const inLocale = `/${rest.join('/')}`;
      if (url === staticSearchUrl(first)) {
        const context = contextFor(url, first, '/search', {});
        result.pages += 1;
        return put(file, html(context, mirrorSearchPage(context)));
      }
      const page = matchRoute<PageDefinition>(pages, inLocale);
      if (page) {
        const context = contextFor(url, first, inLocale, page.params);
        result.pages += 1;
        return put(file, html(context, await page.definition.render(context)));
      }
      const download = matchRoute<DownloadDefinition>(downloads, inLocale);
      if (download) {
        const context = contextFor(url, first, inLocale, download.params);
        result.downloads += 1;
        return put(file, (await download.definition.produce(context)).body);
      }
      throw unknownLink(url);
    }

    for (const entry of await listPublicPages(services)) follow(entry.url);
    for (const locale of LOCALES) follow(staticSearchUrl(locale));
    for (const url of rootFiles.keys()) follow(url);
    const batchSize = Math.max(1, options.batchSize ?? BATCH);
    /** The addresses from `start` on that `belongs` accepts, consecutive and at most batchSize of them. */
    const runFrom = (start: number, belongs: (url: string) => boolean): string[] => {
      const run: string[] = [];
      for (let index = start; index < queue.length && run.length < batchSize; index += 1) {
        const url = queue[index] ?? '';
        if (!belongs(url)) break;
        run.push(url);
      }
      return run;
    };

    /** Person feeds next to each other in the queue come from one bulk read. */
    async function writePersonFeeds(urls: readonly string[]): Promise<void> {
      const ids = urls.map((url) => PERSON_FEED.exec(url)?.[1] ?? '');
      const feeds = await services.feeds.persons(base, ids, feedLinks);
      for (const [index, url] of urls.entries()) {
        const feed = feeds.get(ids[index] ?? '');
        if (!feed) throw notFound('person', ids[index] ?? url);
        put(staticFileOf(url), renderAtom(feed));
      }
    }

    /** Pages of one definition that reads in bulk (the person pages), next to each other in the queue. */
    async function writePages(definition: PageDefinition, urls: readonly string[]): Promise<void> {
      const contexts = urls.map((url) => {
        const [, locale = '', ...rest] = url.split('/');
        const inLocale = `/${rest.join('/')}`;
        const params = matchRoute<PageDefinition>(pages, inLocale)?.params ?? {};
        return contextFor(url, locale as Locale, inLocale, params);
      });
      const outputs = await (definition.renderMany?.(contexts) ?? Promise.resolve([]));
      for (const [index, context] of contexts.entries()) {
        const output = outputs[index];
        if (!output) throw unknownLink(urls[index] ?? '');
        result.pages += 1;
        put(staticFileOf(urls[index] ?? ''), html(context, output));
      }
    }

    /** The page definition with renderMany that serves this address, if any. */
    const bulkPageOf = (url: string): PageDefinition | undefined => {
      if (url.includes('?')) return undefined;
      const [, first = '', ...rest] = url.split('/');
      if (!isLocale(first) || url === staticSearchUrl(first)) return undefined;
      const definition = matchRoute<PageDefinition>(pages, `/${rest.join('/')}`)?.definition;
      return definition?.renderMany ? definition : undefined;
    };

    // An index, not shift(): the queue grows to every address of a 100,000-person registry.
    for (let next = 0; next < queue.length;) {
      const url = queue[next] ?? '';
      const bulkPage = bulkPageOf(url);
      const run = options.perAddress
        ? []
        : PERSON_FEED.test(url)
          ? runFrom(next, (candidate) => PERSON_FEED.test(candidate))
          : bulkPage
            ? runFrom(next, (candidate) => bulkPageOf(candidate) === bulkPage)
            : [];
      if (run.length === 0) {
        await writeUrl(url);
        next += 1;
        continue;
      }
      if (bulkPage) await writePages(bulkPage, run);
      else await writePersonFeeds(run);
      next += run.length;
    }

    put('assets/site.css', STYLESHEET);
    put('assets/search.js', await searchScript());
    // Through the pages' services: the persons are kept from the pages.
    put('assets/search-index.js', searchIndexScript(await buildSearchIndex(pageServices)));
    put('index.html', rootPage());
    put(
      MIRROR_MARKER,
      `${JSON.stringify({ generator: 'unfree export-site', generatedOn: today, liveUrl: options.liveUrl ?? null, files: written.files + 1 }, null, 2)}\n`,
    );
    return { ...result, files: written.files, bytes: written.bytes };
  }

  return {
    /** Writes the public site into dir, replacing an earlier mirror there only once the new one is complete. */
    async exportSite(dir: string, options: MirrorOptions = {}): Promise<MirrorResult> {
      const target = resolve(dir);
      await checkTarget(target);
      await mkdir(dirname(target), { recursive: true });
      const stamp = `${process.pid}-${Date.now()}`;
      const partial = join(dirname(target), `.${basename(target)}.partial-${stamp}`);
      try {
        // One snapshot: every page, download and file shows the registry at the same moment.
        const result = await deps.db
          .transaction()
          .setIsolationLevel('repeatable read')
          .execute((trx: Transaction<Database>) =>
            write(deps.servicesOn(trx, PUBLIC_VIEWER), partial, options),
          );
        const previous = join(dirname(target), `.${basename(target)}.previous-${stamp}`);
        const hadTarget = existsSync(target);
        if (hadTarget) await rename(target, previous);
        await rename(partial, target);
        if (hadTarget) await rm(previous, { recursive: true, force: true });
        return { ...result, dir: target };
      } finally {
        await rm(partial, { recursive: true, force: true });
      }
    },
  };
}
export type MirrorService = ReturnType<typeof createMirrorService>;

function unknownLink(url: string): AppError {
  return new AppError('internal', `the site links to ${url}, which no page or file of the registry serves`);
}

/** The mirror's root: the live site picks a language from the browser; a folder cannot, so it offers all three. */
function rootPage(): string {
  const languages = LOCALES.map(
    (locale) =>
      `<li><a href="${locale}/index.html" hreflang="${locale}" lang="${locale}">${LANGUAGE_NAMES[locale]}</a></li>`,
  ).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>unfree</title><link rel="stylesheet" href="assets/site.css"></head><body><main id="main"><h1>unfree</h1><nav aria-label="Language"><ul>${languages}</ul></nav></main></body></html>\n`;
}
