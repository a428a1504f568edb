import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/database.js';
import { tableCounts } from '../../test/snapshot.js';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../../bin/unfree.js', import.meta.url));

async function unfree(databaseUrl: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, '--database-url', databaseUrl, ...args], {
      env: { ...process.env, NODE_NO_WARNINGS: '1', UNFREE_SEED_DEMO: 'never' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const SPAWNING = { timeout: 120_000 };

describeEachDialect('unfree import and export', (database) => {
  const folder = mkdtempSync(join(tmpdir(), 'unfree-cli-'));

  it('dry-runs, imports and exports, with exit codes from the shared table', SPAWNING, async () => {
    const url = database().url;
    const list = join(folder, 'list.csv');
    writeFileSync(list, 'Імя;Дата затрымання;Рэгіён\nСінтэтычная Кліімпартава;14.08.2021;=HYPERLINK("x")\n');
    const dry = await unfree(url, 'import', list, '--dry-run');
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('line 2: create');
    expect(dry.stdout).toContain('Dry run, nothing written: 1 create');

    const real = await unfree(url, 'import', list, '--visibility', 'public');
    expect(real.code, real.stderr).toBe(0);
    expect(real.stdout).toMatch(/Imported as import [0-9a-f-]{36}: 1 create/);

    const json = await unfree(url, 'export', '--format', 'json');
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ format: 'unfree-export', version: 1 });
    const csvFolder = join(folder, 'csv');
    const csv = await unfree(url, 'export', '--format', 'csv', '--out', csvFolder);
    expect(csv.code, csv.stderr).toBe(0);
    expect(readdirSync(csvFolder)).toContain('persons.csv');
    expect(readFileSync(join(csvFolder, 'persons.csv'), 'utf8')).toContain(`"'=HYPERLINK(""x"")"`);
    const popolo = await unfree(url, 'export', '--format', 'popolo');
    expect(JSON.parse(popolo.stdout)).toHaveProperty('memberships');
  });

  it('refuses bad input with exit code 2 and the reasons, writing nothing', SPAWNING, async () => {
    const url = database().url;
    const before = await tableCounts(database().db);
    const bad = join(folder, 'bad.csv');
    writeFileSync(bad, 'Name,Detained\nSynthetic Vagueva,весна 2021\n');
    const dry = await unfree(url, 'import', bad, '--dry-run');
    expect(dry.code).toBe(2);
    expect(dry.stdout).toContain('"весна 2021" is vague');
    const real = await unfree(url, 'import', bad);
    expect(real.code).toBe(2);
    expect(real.stderr).toContain('line 2: Detained: "весна 2021" is vague');
    expect(real.stderr).toContain('the import was refused and nothing was written');

    const huge = join(folder, 'huge.csv');
    writeFileSync(huge, 'Name\n');
    truncateSync(huge, 100 * 1024 * 1024);
    const big = await unfree(url, 'import', huge);
    expect(big.code).toBe(2);
    expect(big.stderr).toContain(
      'the file is 100.0 MiB; imports take at most 20.0 MiB (UNFREE_IMPORT_MAX_BYTES)',
    );
    expect(await tableCounts(database().db)).toEqual(before);
  });
});
