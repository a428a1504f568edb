import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { startServer } from './server.js';

describe('npm start on a fresh machine', () => {
  it('creates the SQLite file, migrates it, loads the demo dataset, serves, and prints the address', async () => {
    const file = join(tmpdir(), `unfree-start-${process.pid}-${Date.now()}.db`);
    const lines: string[] = [];
    const server = await startServer(
      loadConfig({ port: 0, databaseUrl: `sqlite:${file}`, logLevel: 'silent' }, {}),
      (line) => lines.push(line),
    );
    try {
      expect(lines.join('\n')).toMatch(/Loaded the demo dataset: \d+ persons/);
      expect(lines.join('\n')).toMatch(/unfree is running at http:\/\/localhost:\d+/);
      const home = await fetch(`${server.url}/`);
      expect(home.status).toBe(200);
      expect(await home.text()).toMatch(/\d+ persons in this registry/);
      const persons = (await (await fetch(`${server.url}/api/v1/persons?q=Bialiatski`)).json()) as {
        total: number;
      };
      expect(persons.total).toBe(1);
    } finally {
      await server.stop();
      for (const extra of ['', '-wal', '-shm']) rmSync(file + extra, { force: true });
    }
  });
});
