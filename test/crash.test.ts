import { createInterface } from 'node:readline';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { buildServices } from '../src/app.js';
import { describeEachDialect } from './database.js';
import { spawnWriter } from './writer.js';

/** Starts the writer, lets it acknowledge `acks` commits, then kills it with SIGKILL mid-write. */
async function killAfter(url: string, acks: number): Promise<string[]> {
  const child = spawnWriter(url);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const acknowledged: string[] = [];
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for await (const line of createInterface({ input: child.stdout })) {
    const id = /^ack (\S+)$/.exec(line)?.[1];
    if (id) acknowledged.push(id);
    if (acknowledged.length >= acks) {
      child.kill('SIGKILL');
      break;
    }
  }
  await exited;
  if (acknowledged.length < acks) throw new Error(`writer stopped early: ${stderr}`);
  return acknowledged;
}

describeEachDialect('kill -9 during writes', (database, dialect) => {
  it('leaves the database consistent with every acknowledged change present', async () => {
    const acknowledged = await killAfter(database().url, 25);
    const db = database().db;
    // The kill reached the writer itself: nothing is written after it.
    const countPersons = async () => await buildServices(db).persons.count();
    const atKill = await countPersons();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await countPersons()).toBe(atKill);
    if (dialect === 'sqlite') {
      const check = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db);
      expect(Object.values(check.rows[0] ?? {})).toEqual(['ok']);
    }
    const services = buildServices(db);
    for (const id of acknowledged) {
      const person = await services.persons.get(id);
      expect(person.episodeCount, id).toBe(1);
    }
    // Nothing half-written: every person the writer got to has its names and its episode.
    const persons = await services.persons.find({ q: 'crashava', limit: 500, offset: 0, sort: 'name' });
    expect(persons.total).toBeGreaterThanOrEqual(acknowledged.length);
    for (const person of persons.items) expect(person.names).toHaveLength(2);
    expect((await services.history.verify()).problems).toEqual([]);
  }, 120_000);
});
