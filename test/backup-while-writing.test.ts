import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { expect, it } from 'vitest';
import { buildServices } from '../src/app.js';
import { openDatabase } from '../src/db/dialect.js';
import { backupTo, restoreFrom } from '../src/modules/backup/backup.service.js';
import { createTestDatabase, describeEachDialect } from './database.js';
import { spawnWriter } from './writer.js';

describeEachDialect('backup while another process writes', (database, dialect) => {
  it('is a consistent snapshot: it restores whole, with the history chain intact', async () => {
    const child = spawnWriter(database().url);
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const file = join(tmpdir(), `unfree-live-backup-${process.pid}-${dialect}.jsonl`);
    // A second connection, as `unfree backup` run beside the server would have.
    const reader = openDatabase(database().url);
    const fresh = await createTestDatabase(dialect);
    try {
      let acks = 0;
      for await (const line of createInterface({ input: child.stdout })) {
        if (line.startsWith('ack ')) acks += 1;
        if (acks >= 5) break;
      }
      // Taken while the writer keeps committing persons and episodes.
      const counts = await backupTo(reader.db, file);
      child.kill('SIGKILL');
      await exited;
      expect(counts.persons).toBeGreaterThanOrEqual(5);

      await restoreFrom(fresh.db, file);
      const services = buildServices(fresh.db);
      expect((await services.history.verify()).problems).toEqual([]);
      const persons = await services.persons.find({ q: 'crashava', limit: 500, offset: 0, sort: 'name' });
      expect(persons.total).toBe(counts.persons);
      for (const person of persons.items) expect(person.names).toHaveLength(2);
      // One revision per person and per episode, no more and no fewer: the snapshot has no torn write.
      expect(counts.revisions).toBe((counts.persons ?? 0) + (counts.episodes ?? 0));
    } finally {
      child.kill('SIGKILL');
      await exited;
      await reader.close();
      await fresh.drop();
      rmSync(file, { force: true });
    }
  }, 120_000);
});
