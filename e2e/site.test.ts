import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromiumAvailable, launchChromium, screenshot, seriousViolations } from './browser.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { type RunningServer, startServer } from '../src/server.js';

/**
 * Browser flows on the real server (a fresh SQLite file seeded with the demo dataset), driven
 * through Debian's Chromium. Screenshots of the main pages go to test-output/screenshots/.
 */
const available = chromiumAvailable('the browser tests');

describe.skipIf(!available)('the public site in a browser', { timeout: 120_000 }, () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const file = join(tmpdir(), `unfree-e2e-${process.pid}-${Date.now()}.db`);

  beforeAll(async () => {
    const config = loadConfig(
      { databaseUrl: `sqlite:${file}`, port: 0, logLevel: 'silent', seedDemo: 'auto' },
      {},
    );
    server = await startServer(config, () => undefined);
    browser = await launchChromium();
    // axe is injected as a script: the site's CSP (rightly) refuses that, so this test context bypasses it.
    context = await browser.newContext({ bypassCSP: true, viewport: { width: 1200, height: 900 } });
    page = await context.newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    for (const extra of ['', '-wal', '-shm']) rmSync(file + extra, { force: true });
  });

  const open = async (path: string) => {
    const response = await page.goto(server.url + path);
    expect(response?.status(), path).toBe(200);
  };

  const shoot = (name: string) => screenshot(page, name);

  it('finds the Latin-named person from a Cyrillic search typed into the form', async () => {
    await open('/en/prisoners');
    await page.getByLabel('Name, in any spelling or script').fill('Калеснікава');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/q=/);
    const first = page.locator('table.persons tbody th a').first();
    await expect.poll(() => first.textContent()).toMatch(/Kalesnikava/);
    await shoot('prisoners-search-en');
    await first.click();
    await expect.poll(() => page.locator('h1').textContent()).toMatch(/Kalesnikava/);
  });

  it('shows the timeline and the letter address on the person page', async () => {
    await open('/en/prisoners?q=Poczobut');
    await page.locator('table.persons tbody th a').first().click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Andrzej Poczobut');
    const timeline = page.locator('ol.timeline li');
    expect(await timeline.count()).toBeGreaterThan(1);
    expect(await page.getByRole('heading', { name: 'Timeline' }).isVisible()).toBe(true);
    const letters = page.locator('section.letters');
    expect(await letters.getByRole('heading', { name: 'Write a letter' }).isVisible()).toBe(true);
    expect(await letters.locator('address').textContent()).toContain('211440');
    await shoot('person-en');
  });

  it('switches the language: interface text and the script of names change', async () => {
    await open('/en/prisoners?q=Poczobut');
    await page.locator('table.persons tbody th a').first().click();
    await page.getByRole('link', { name: 'Беларуская' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('be');
    expect(await page.locator('h1').textContent()).toBe('Андрэй Пачобут');
    expect(await page.getByRole('heading', { name: 'Храналогія' }).isVisible()).toBe(true);
    expect(await page.getByRole('navigation', { name: 'Галоўнае меню' }).textContent()).toContain(
      'Палітвязні',
    );
    await shoot('person-be');
    await page.getByRole('link', { name: 'Русский' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Андрей Почобут');
  });

  it('is keyboard navigable: the first Tab reaches the skip link, which moves to the content', async () => {
    await open('/en/');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
  });

  it('has no serious or critical accessibility violations on the main pages (axe)', async () => {
    const pages = [
      ['home-en', '/en/'],
      ['home-be', '/be/'],
      ['prisoners-en', '/en/prisoners'],
      ['prisoners-ru', '/ru/prisoners?status=held'],
      ['releases-en', '/en/releases'],
      ['facilities-en', '/en/facilities'],
      ['birthdays-en', '/en/birthdays'],
      ['statistics-en', '/en/statistics'],
      ['statistics-stock-en', '/en/statistics/stock'],
      ['statistics-flows-be', '/be/statistics/flows'],
      ['statistics-revolving-door-en', '/en/statistics/revolving-door'],
      ['statistics-projection-ru', '/ru/statistics/projection'],
      ['not-found-en', '/en/no-such-page'],
    ] as const;
    const problems: string[] = [];
    for (const [name, path] of pages) {
      const response = await page.goto(server.url + path);
      expect(response?.status(), path).toBe(name.startsWith('not-found') ? 404 : 200);
      await shoot(name);
      problems.push(...(await seriousViolations(page)).map((problem) => `${path}: ${problem}`));
    }
    expect(problems).toEqual([]);
  });
});
