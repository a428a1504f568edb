import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { buildServices } from '../app.js';
import { describeEachDialect } from '../../test/database.js';
import { seedDemo } from '../modules/demo/demo.seed.js';
import { personFilterSchema } from '../modules/person/person.schema.js';
import { createTestDatabase } from '../../test/database.js';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../../bin/unfree.js', import.meta.url));

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

// Each test spawns the real binary several times (and the demo test seeds the demo dataset first):
// on a loaded machine a spawn takes seconds, so these get more than the CLI tests' 120 s.
const SPAWNING = { timeout: 300_000 };

describeEachDialect('unfree generate', (database, dialect) => {
  it(
    'fills an empty database, refuses one with data unless --force, and is the same registry for a seed',
    SPAWNING,
    async () => {
      const url = database().url;
      const first = await unfree(url, 'generate', '--persons', '40', '--seed', '11');
      expect(first.stderr).not.toContain('error');
      expect(first.code).toBe(0);
      expect(first.stdout).toMatch(/Generated 40 synthetic persons \(seed 11\)/);

      const again = await unfree(url, 'generate', '--persons', '40', '--seed', '12');
      expect(again.code).toBe(5);
      expect(again.stderr).toContain('already holds 40 synthetic persons');

      const services = buildServices(database().db);
      const names = async () =>
        (await services.persons.find(personFilterSchema.parse({ limit: 100, sort: 'createdAt' }))).items
          .map((person) => `${person.id} ${person.displayName} ${person.occupations.join()}`)
          .sort();
      const generated = await names();
      expect(generated).toHaveLength(40);
      expect(generated.every((line) => line.endsWith(' synthetic'))).toBe(true);

      // The same seed into another database gives the same persons, ids included.
      const other = await createTestDatabase(dialect);
      try {
        expect((await unfree(other.url, 'generate', '--persons', '40', '--seed', '11')).code).toBe(0);
        const twin = (
          await buildServices(other.db).persons.find(personFilterSchema.parse({ limit: 100 }))
        ).items
          .map((person) => `${person.id} ${person.displayName} ${person.occupations.join()}`)
          .sort();
        expect(twin).toEqual(generated);
      } finally {
        await other.drop();
      }

      const forced = await unfree(url, 'generate', '--persons', '5', '--seed', '13', '--force');
      expect(forced.code).toBe(0);
      expect(await services.persons.count()).toBe(45);
    },
  );

  it('never mixes synthetic persons into the demo dataset, even with --force', SPAWNING, async () => {
    const demo = await createTestDatabase(dialect);
    try {
      await seedDemo(demo.db);
      const before = await buildServices(demo.db).persons.count();
      const refused = await unfree(demo.url, 'generate', '--persons', '5', '--force');
      expect(refused.code).toBe(5);
      expect(refused.stderr).toContain('demo dataset');
      expect(await buildServices(demo.db).persons.count()).toBe(before);
    } finally {
      await demo.drop();
    }
  });

  it('names a bad option', SPAWNING, async () => {
    const bad = await unfree(database().url, 'generate', '--persons', 'many');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--persons must be a whole number');
  });
});
