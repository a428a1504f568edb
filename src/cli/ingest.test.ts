import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/database.js';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../../bin/unfree.js', import.meta.url));
const SPAWNING = { timeout: 120_000 };

async function unfree(databaseUrl: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, '--database-url', databaseUrl, ...args], {
      env: { ...process.env, NODE_NO_WARNINGS: '1' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const folder = mkdtempSync(join(tmpdir(), 'unfree-ingest-cli-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describeEachDialect('unfree ingest and proposals', (database) => {
  it('ingests a file, prints proposals with evidence, and accepts and rejects them', SPAWNING, async () => {
    const url = database().url;
    const article = join(folder, 'article.txt');
    writeFileSync(
      article,
      'Belarus released 21 prisoners on Friday, including Synthetic Cliprisonava. Viasna said 1,120 political prisoners remain behind bars.',
    );
    const ingested = await unfree(
      url,
      'ingest',
      article,
      '--published',
      '2025-11-15',
      '--publisher',
      'Synthetic Wire',
    );
    expect(ingested.code, ingested.stderr).toBe(0);
    expect(ingested.stdout).toMatch(/published 2025-11-15 \(from given\), Synthetic Wire/);
    expect(ingested.stdout).toMatch(/release_event .*\n.*"count":21|count=21/);
    expect(ingested.stdout).toContain('evidence [0–');
    expect(ingested.stdout).toContain('new_person');

    const listed = await unfree(url, 'proposals', 'list', '--kind', 'count_observation', '--output', 'json');
    const page = JSON.parse(listed.stdout) as { items: { id: string; payload: { count: number } }[] };
    expect(page.items.map((item) => item.payload.count)).toEqual([1120]);
    const accepted = await unfree(url, 'proposals', 'accept', page.items[0]?.id ?? '');
    expect(accepted.code, accepted.stderr).toBe(0);
    expect(accepted.stdout).toMatch(/created count_observation/);

    const people = await unfree(url, 'proposals', 'list', '--kind', 'new_person', '--output', 'json');
    const [person] = (JSON.parse(people.stdout) as { items: { id: string }[] }).items;
    const rejected = await unfree(url, 'proposals', 'reject', person?.id ?? '', '--reason', 'not a prisoner');
    expect(rejected.stdout).toContain('not a prisoner');
    const twice = await unfree(url, 'proposals', 'accept', person?.id ?? '');
    expect(twice.code).toBe(5);
  });

  it('refuses binary and empty files with a clear message and exit code 2', SPAWNING, async () => {
    const binary = join(folder, 'image.png');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]));
    const refused = await unfree(database().url, 'ingest', binary);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/binary/);
    const empty = join(folder, 'empty.txt');
    writeFileSync(empty, '');
    const nothing = await unfree(database().url, 'ingest', empty);
    expect([nothing.code, nothing.stderr]).toEqual([2, expect.stringMatching(/empty/) as string]);
  });
});
