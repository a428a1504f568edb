import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromiumAvailable, launchChromium, screenshot, seriousViolations } from './browser.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServices } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { type RunningServer, startServer } from '../src/server.js';

/**
 * The editors' flow in a browser, on the real server (a fresh SQLite file with the demo dataset):
 * an editor without publishing rights signs in, adds a SYNTHETIC person (warned live of a likely
 * duplicate), a reviewer publishes the draft, the editor adds the episode, the reviewer publishes
 * it, and the public person page shows both. The editor's browser keeps the site's CSP, so the
 * live warning script is proven to run under it; axe runs in the reviewer's, which bypasses it.
 */
const available = chromiumAvailable('the browser tests');

const PASSWORD = 'synthetic editors password';
const EDITOR = 'synthetic-editor@example.org';
const REVIEWER = 'synthetic-reviewer@example.org';

describe.skipIf(!available)('the editors’ interface in a browser', { timeout: 180_000 }, () => {
  let server: RunningServer;
  let browser: Browser;
  let editorContext: BrowserContext;
  let reviewerContext: BrowserContext;
  let editor: Page;
  let reviewer: Page;
  let personId = '';
  const file = join(tmpdir(), `unfree-e2e-editors-${process.pid}-${Date.now()}.db`);

  beforeAll(async () => {
    const config = loadConfig(
      { databaseUrl: `sqlite:${file}`, port: 0, logLevel: 'silent', seedDemo: 'auto' },
      {},
    );
    server = await startServer(config, () => undefined);
    const services = buildServices(server.database.db);
    for (const [email, role] of [
      [EDITOR, 'editor'],
      [REVIEWER, 'reviewer'],
    ] as const) {
      await services.users.add({
        email,
        displayName: `Synthetic ${role}`,
        role,
        password: PASSWORD,
        canPublish: false,
        confidentialAccess: false,
      });
    }
    // The existing person the new one will resemble: synthetic, like every person a test makes.
    await services.persons.create({
      names: [{ text: 'Synthetic Kaliesnikava', script: 'Latn', language: 'en', isPrimary: true }],
      occupations: [],
      ties: [],
      visibility: 'public',
      anonymous: false,
    });
    browser = await launchChromium();
    editorContext = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    reviewerContext = await browser.newContext({ bypassCSP: true, viewport: { width: 1200, height: 900 } });
    editor = await editorContext.newPage();
    reviewer = await reviewerContext.newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    for (const extra of ['', '-wal', '-shm']) rmSync(file + extra, { force: true });
  });

  const shoot = screenshot;

  async function signIn(page: Page, email: string) {
    await page.goto(`${server.url}/edit`);
    await page.waitForURL(/\/edit\/sign-in/);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.locator('form.record-form button[type=submit]').click();
    await page.waitForURL(`${server.url}/edit`);
  }

  async function publishNewestDraft() {
    await reviewer.goto(`${server.url}/edit/drafts`);
    await shoot(reviewer, 'edit-review-queue-en');
    await reviewer.locator('table.drafts tbody tr th a').last().click();
    await reviewer.waitForURL(/\/edit\/drafts\/[0-9a-f-]{36}$/);
    await shoot(reviewer, 'edit-draft-en');
    await reviewer.getByRole('button', { name: 'Publish' }).click();
    await reviewer.waitForURL(/saved=published/);
    expect(await reviewer.locator('.notice').textContent()).toBe('Saved and published.');
    return reviewer.locator('a', { hasText: 'The record' }).getAttribute('href');
  }

  it('an editor’s new person, warned of a duplicate while typing, is published by a reviewer', async () => {
    await signIn(editor, EDITOR);
    await shoot(editor, 'edit-start-en');
    await editor
      .getByRole('navigation', { name: 'Editors’ menu' })
      .getByRole('link', { name: 'Persons', exact: true })
      .click();
    await editor.getByRole('link', { name: 'Add new' }).click();
    await editor.waitForURL(/\/edit\/persons\/new$/);
    await editor
      .getByLabel('Name 1', { exact: true })
      .pressSequentially('Synthetic Kalesnikava', { delay: 20 });
    const live = editor.locator('[data-duplicates] .warning');
    await expect.poll(() => live.textContent(), { timeout: 15_000 }).toContain('Synthetic Kaliesnikava');
    await editor.getByLabel('Name 2', { exact: true }).fill('Сінтэтычная Калеснікава');
    await editor.getByLabel('Occupations').fill('synthetic occupation');
    await shoot(editor, 'edit-person-duplicate-warning-en');
    await editor.locator('.actions button').first().click();
    // Without the script's help the server says the same, and asks before saving.
    await expect
      .poll(() => editor.locator('[data-duplicates] .warning').textContent())
      .toContain('Synthetic Kaliesnikava');
    await editor.getByRole('button', { name: 'Save anyway' }).click();
    await editor.waitForURL(/\/edit\/drafts\/[0-9a-f-]{36}\?saved=draft$/);
    expect(await editor.locator('.notice').textContent()).toBe('Saved as a draft, awaiting review.');
    await shoot(editor, 'edit-draft-saved-en');

    await signIn(reviewer, REVIEWER);
    const record = await publishNewestDraft();
    personId = /\/edit\/persons\/([0-9a-f-]{36})/.exec(record ?? '')?.[1] ?? '';
    expect(personId).not.toBe('');
  });

  it('the editor then adds the episode with a charge, the reviewer publishes it, and the public page shows both', async () => {
    await editor.goto(`${server.url}/edit/persons/${personId}`);
    await editor.getByRole('link', { name: 'Add a detention episode' }).click();
    await editor.waitForURL(/\/edit\/episodes\/new\?personId=/);
    await editor.getByLabel('Detained on').fill('2021-08-14');
    await editor.getByLabel('Article 1', { exact: true }).selectOption({ index: 1 });
    await editor.getByLabel('Place').fill('Synthetic town');
    await shoot(editor, 'edit-episode-form-en');
    await editor.locator('.actions button').first().click();
    await editor.waitForURL(/saved=draft$/);

    await publishNewestDraft();
    await editor.goto(`${server.url}/en/prisoners/${personId}`);
    expect(await editor.locator('h1').textContent()).toBe('Synthetic Kalesnikava');
    expect(await editor.locator('ol.timeline').textContent()).toContain('2021');
    await shoot(editor, 'edit-published-person-public-en');
  });

  it('shows validation errors next to the field in the browser, keeping the values', async () => {
    await editor.goto(`${server.url}/edit/episodes/new?personId=${personId}`);
    await editor.getByLabel('Detained on').fill('2021-13');
    await editor.locator('.actions button').first().click();
    const error = editor.locator('#f-detainedOn-error');
    expect(await error.textContent()).toContain('must be a real date');
    expect(await editor.getByLabel('Detained on').inputValue()).toBe('2021-13');
    await shoot(editor, 'edit-validation-error-en');
  });

  it('a reviewer imports a list: a bad row is reported and nothing written; fixed, it is checked, confirmed and public', async () => {
    const header = 'Name,Birth date,Detained\n';
    const rows = ['Synthetic Importava,1984,2021-05', 'Synthetic Spisava,1991,31.02.2021'];
    const namesStored = async () =>
      (
        await server.database.db
          .selectFrom('personNames')
          .select('text')
          .where('text', 'in', ['Synthetic Importava', 'Synthetic Spisava'])
          .execute()
      ).length;
    const uploadAndCheck = async (content: string) => {
      await reviewer.goto(`${server.url}/edit/imports`);
      await reviewer.getByLabel('File (CSV, XLSX or JSON)').setInputFiles({
        name: 'synthetic-list.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(content),
      });
      await reviewer.locator('#import-visibility').selectOption('public');
      await reviewer.getByRole('button', { name: 'Check (dry run)' }).click();
      await reviewer.waitForSelector('table.import-rows');
    };

    await uploadAndCheck(header + rows.join('\n'));
    const rejected = reviewer.locator('table.import-rows tr.rejected');
    expect(await rejected.count()).toBe(1);
    expect(await rejected.textContent()).toContain('"31.02.2021" is not a real date');
    expect(await reviewer.getByRole('button', { name: 'Import', exact: true }).count()).toBe(0);
    await shoot(reviewer, 'edit-import-rejected-row-en');
    const problems = await seriousViolations(reviewer);
    expect(await namesStored()).toBe(0);

    await uploadAndCheck(`${header}${rows[0]}\nSynthetic Spisava,1991,2021-02-28\n`);
    expect(await reviewer.locator('[data-outcome=create]').first().textContent()).toBe('2');
    problems.push(...(await seriousViolations(reviewer)));
    await reviewer.getByRole('button', { name: 'Import', exact: true }).click();
    await reviewer.waitForSelector('.notice');
    expect(await reviewer.locator('.notice').textContent()).toContain('Imported.');
    await shoot(reviewer, 'edit-import-done-en');
    expect(await namesStored()).toBe(2);
    expect(problems).toEqual([]);

    const imported = await server.database.db
      .selectFrom('personNames')
      .select('personId')
      .where('text', '=', 'Synthetic Spisava')
      .executeTakeFirstOrThrow();
    await editor.goto(`${server.url}/en/prisoners/${imported.personId}`);
    expect(await editor.locator('h1').textContent()).toBe('Synthetic Spisava');
  });

  it('an editor without publishing rights submits a list for review; the reviewer reads its dry run and publishes it', async () => {
    await editor.goto(`${server.url}/edit`);
    await editor
      .getByRole('navigation', { name: 'Editors’ menu' })
      .getByRole('link', { name: 'Import a spreadsheet' })
      .click();
    await editor.waitForURL(/\/edit\/imports$/);
    await editor.getByLabel('File (CSV, XLSX or JSON)').setInputFiles({
      name: 'synthetic-review-list.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Name,Birth date,Detained\nSynthetic Draftimportava,1986,2022-01\n'),
    });
    await editor.locator('#import-visibility').selectOption('public');
    await editor.getByRole('button', { name: 'Check (dry run)' }).click();
    await editor.waitForSelector('table.import-rows');
    expect(await editor.getByRole('button', { name: 'Import', exact: true }).count()).toBe(0);
    await editor.getByLabel('Note to the reviewer').fill('a synthetic list for the browser test');
    await shoot(editor, 'edit-import-submit-en');
    await editor.getByRole('button', { name: 'Submit for review' }).click();
    await editor.waitForURL(/\/edit\/drafts\/[0-9a-f-]{36}\?saved=draft$/);
    expect(await editor.locator('.notice').textContent()).toBe('Saved as a draft, awaiting review.');
    const stored = async () =>
      (
        await server.database.db
          .selectFrom('personNames')
          .select('personId')
          .where('text', '=', 'Synthetic Draftimportava')
          .execute()
      ).map((row) => row.personId);
    expect(await stored()).toEqual([]);

    await reviewer.goto(`${server.url}/edit/drafts`);
    await reviewer.getByRole('link', { name: /import 1 row of synthetic-review-list\.csv/ }).click();
    await reviewer.waitForURL(/\/edit\/drafts\/[0-9a-f-]{36}$/);
    expect(await reviewer.locator('[data-outcome=create]').first().textContent()).toBe('1');
    expect(await reviewer.locator('table.import-rows').textContent()).toContain('Synthetic Draftimportava');
    await shoot(reviewer, 'edit-import-draft-en');
    const problems = await seriousViolations(reviewer);
    await reviewer.getByRole('button', { name: 'Publish' }).click();
    await reviewer.waitForURL(/saved=published/);
    const [personId] = await stored();
    expect(personId).toBeDefined();
    await editor.goto(`${server.url}/en/prisoners/${personId ?? ''}`);
    expect(await editor.locator('h1').textContent()).toBe('Synthetic Draftimportava');
    expect(problems).toEqual([]);
  });

  it('has no serious or critical accessibility violations on the editors’ pages (axe)', async () => {
    const pages = [
      ['edit-start', '/edit'],
      ['edit-persons', '/edit/persons'],
      ['edit-person-new', '/edit/persons/new'],
      ['edit-person', `/edit/persons/${personId}`],
      ['edit-person-history', `/edit/persons/${personId}/history`],
      ['edit-episode-new', `/edit/episodes/new?personId=${personId}`],
      ['edit-batch-new', '/edit/batches/new'],
      ['edit-review-published', '/edit/drafts?status=published'],
      ['edit-merge', `/edit/merge?keep=${personId}&q=Synthetic`],
      ['edit-ingest', '/edit/ingest'],
      ['edit-imports', '/edit/imports'],
    ] as const;
    const problems: string[] = [];
    for (const [name, path] of pages) {
      const response = await reviewer.goto(server.url + path);
      expect(response?.status(), path).toBe(200);
      await shoot(reviewer, name);
      problems.push(...(await seriousViolations(reviewer)).map((problem) => `${path}: ${problem}`));
    }
    const signedOut = await browser.newContext({ bypassCSP: true });
    const signInPage = await signedOut.newPage();
    await signInPage.goto(`${server.url}/edit/sign-in`);
    await shoot(signInPage, 'edit-sign-in');
    problems.push(...(await seriousViolations(signInPage)).map((problem) => `/edit/sign-in: ${problem}`));
    await signedOut.close();
    expect(problems).toEqual([]);
  });
});
