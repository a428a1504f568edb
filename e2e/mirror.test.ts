import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, type Page } from 'playwright-core';
import { chromiumAvailable, launchChromium } from './browser.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServices } from '../src/app.js';
import { type OpenedDatabase, openDatabase } from '../src/db/dialect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { createMirrorService } from '../src/modules/mirror/mirror.service.js';
import { fixedClock } from '../test/factories.js';
import { BELARUSIAN_SPELLING, LATIN_ONLY_NAME, seedMirrorRegistry } from '../test/mirror-fixture.js';
import { type StaticServer, serveFolder } from '../test/static-server.js';

/**
 * The static mirror in Chromium: written by `unfree export-site` from a synthetic registry, served
 * by a plain static file server and opened straight from disk (file://).
 */
const available = chromiumAvailable("the mirror's browser tests");

describe.skipIf(!available)('the static mirror in a browser', { timeout: 120_000 }, () => {
  const work = mkdtempSync(join(tmpdir(), 'unfree-e2e-mirror-'));
  const root = join(work, 'site');
  let database: OpenedDatabase;
  let server: StaticServer;
  let browser: Browser;
  let latinOnlyId: string;

  beforeAll(async () => {
    database = openDatabase(`sqlite:${join(work, 'registry.db')}`);
    await migrateToLatest(database.db);
    ({ latinOnlyId } = await seedMirrorRegistry(database.db));
    await createMirrorService({
      db: database.db,
      servicesOn: (db, viewer) => buildServices(db, fixedClock, { viewer }),
    }).exportSite(root);
    server = await serveFolder(root);
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await database?.close();
    rmSync(work, { recursive: true, force: true });
  });

  async function searchFor(page: Page, query: string) {
    await page.getByLabel('Імя ў любым напісанні').fill(query);
    const hit = page.locator('#mirror-results li a').first();
    await expect.poll(() => hit.textContent()).toBe(LATIN_ONLY_NAME);
    return hit;
  }

  it('finds a Latin-named person from the Belarusian Cyrillic typed into the static search page', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${server.url}/be/search/index.html`);
    expect(response?.status()).toBe(200);
    expect(await page.locator('#mirror-needs-script').isVisible()).toBe(false);
    const hit = await searchFor(page, BELARUSIAN_SPELLING);
    expect(await page.locator('#mirror-status').textContent()).toBe('Знойдзена: 1');
    await hit.click();
    await page.waitForURL(`**/be/prisoners/${latinOnlyId}/index.html`);
    expect(await page.locator('h1').textContent()).toBe(LATIN_ONLY_NAME);
    await page.close();
  });

  it('works from a plain folder (file://): links are followed and search runs', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(root, 'be', 'index.html')).href);
    await page
      .getByRole('navigation', { name: 'Галоўнае меню' })
      .getByRole('link', { name: 'Палітвязні' })
      .click();
    await page.waitForURL(pathToFileURL(join(root, 'be', 'prisoners', 'index.html')).href);
    expect(await page.locator('table.persons tbody tr').count()).toBe(25);
    await page.getByRole('link', { name: 'Наступная' }).click();
    await page.waitForURL(/prisoners,page=2\/index\.html$/);
    expect(await page.locator('table.persons tbody tr').count()).toBeGreaterThan(0);
    // The list's search form leads to the static search page, which carries the typed name over.
    await page.getByLabel('Імя ў любым напісанні').fill('Вымыслава');
    await page.getByRole('button', { name: 'Паказаць' }).click();
    await page.waitForURL(/\/be\/search\/index\.html\?/);
    await expect.poll(() => page.locator('#mirror-results li a').first().textContent()).toBe(LATIN_ONLY_NAME);
    await page.close();
  });

  it('says, without JavaScript, that search needs it and links to the full list', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/en/search/index.html`);
    const notice = page.locator('#mirror-needs-script');
    expect(await notice.isVisible()).toBe(true);
    expect(await page.locator('#mirror-search').isVisible()).toBe(false);
    await notice.getByRole('link', { name: 'The full list of prisoners' }).click();
    await page.waitForURL('**/en/prisoners/index.html');
    expect(await page.locator('table.persons tbody tr').count()).toBe(25);
    await context.close();
  });
});
