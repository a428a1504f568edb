import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from './program.js';
import { describeEachDialect } from '../../test/database.js';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../../bin/unfree.js', import.meta.url));

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

async function unfree(databaseUrl: string, ...args: string[]): Promise<Result> {
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

// Each test spawns the real binary a few times; on a loaded machine a spawn can take seconds.
const SPAWNING = { timeout: 120_000 };

describeEachDialect('unfree CLI', (database) => {
  it('adds, lists and shows a person through the same services as the API', SPAWNING, async () => {
    const url = database().url;
    const added = await unfree(
      url,
      'person',
      'add',
      '-n',
      'Synthetic Cliava',
      '-n',
      'be:Сінтэтычная Кліява',
      '--birth-date',
      '1975-03',
      '--output',
      'json',
    );
    expect(added.code, added.stderr).toBe(0);
    const person = JSON.parse(added.stdout) as { id: string; names: { language: string; script: string }[] };
    expect(person.names).toEqual([
      expect.objectContaining({ language: 'en', script: 'Latn' }),
      expect.objectContaining({ language: 'be', script: 'Cyrl' }),
    ]);
    const listed = await unfree(url, 'person', 'list', '-q', 'кліява');
    expect(listed.stdout).toContain(person.id);
    expect(listed.stdout).toMatch(/1 of 1 shown/);
    const searched = await unfree(url, 'search', 'Sintetychnaja Klijava');
    expect(searched.code, searched.stderr).toBe(0);
    expect(searched.stdout).toContain(person.id);
    const shown = await unfree(url, 'person', 'show', person.id);
    expect(shown.stdout).toMatch(/Synthetic Cliava/);
    expect(shown.stdout).toMatch(/born: +1975-03/);
  });

  it('refuses bad input with the validation exit code and writes nothing', SPAWNING, async () => {
    const url = database().url;
    const before = await unfree(url, 'person', 'list', '--output', 'json');
    const bad = await unfree(url, 'person', 'add', '-n', 'Synthetic Bad', '--birth-date', '2021-02-30');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/validation_failed.*birthDate/);
    const after = await unfree(url, 'person', 'list', '--output', 'json');
    expect(JSON.parse(after.stdout)).toMatchObject({
      total: (JSON.parse(before.stdout) as { total: number }).total,
    });
  });

  it(
    'creates the first admin from the CLI with a generated password, never a default one',
    SPAWNING,
    async () => {
      const url = database().url;
      const added = await unfree(url, 'user', 'add', 'synthetic-first-admin@example.org', '--role', 'admin');
      expect(added.code, added.stderr).toBe(0);
      const password = /Password \(shown once[^)]*\): (\S+)/.exec(added.stdout)?.[1];
      expect(password?.length).toBeGreaterThanOrEqual(20);
      expect(added.stdout).toMatch(/two-factor/);
      const again = await unfree(url, 'user', 'add', 'synthetic-first-admin@example.org', '--role', 'admin');
      expect(again.code).toBe(5);
      const disabled = await unfree(url, 'user', 'disable', 'synthetic-first-admin@example.org');
      expect(disabled.stdout).toMatch(/DISABLED/);
    },
  );

  it('exits with the not-found code for an unknown person', SPAWNING, async () => {
    const result = await unfree(database().url, 'person', 'show', '01890000-0000-7000-8000-000000000000');
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/not_found/);
  });
});

// Help text does not depend on the database: read it from the program itself, for every command.
describe('unfree CLI help', () => {
  it('has --help on every command', () => {
    const pending: Command[] = [buildProgram()];
    const seen: string[] = [];
    while (pending.length > 0) {
      const command = pending.pop();
      if (!command) break;
      const help = command.helpInformation();
      expect(help, command.name()).toMatch(/^Usage: unfree/);
      expect(command.description(), command.name()).not.toBe('');
      seen.push(command.name());
      pending.push(...command.commands);
    }
    for (const name of [
      'serve',
      'migrate',
      'seed-demo',
      'reindex-names',
      'add',
      'show',
      'list',
      'search',
      'reset-password',
      'disable',
      'totp',
      'token',
    ]) {
      expect(seen).toContain(name);
    }
  });

  it('prints help from the real binary', SPAWNING, async () => {
    const help = await unfree('sqlite::memory:', 'person', 'add', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: unfree person add/);
  });
});
