import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildServices } from '../../app.js';
import { describeEachDialect } from '../../../test/database.js';
import { aPerson, anEpisode, fixedClock, testServices } from '../../../test/factories.js';
import { tableCounts } from '../../../test/snapshot.js';
import { AppError } from '../../lib/errors.js';
import { PUBLIC_VIEWER } from '../user/access.js';
import { personFilterSchema } from './person.schema.js';

const filter = (input: Record<string, unknown> = {}) => personFilterSchema.parse(input);

describeEachDialect('person service', (database) => {
  it('creates a person with names in both scripts and reads them back', async () => {
    const services = testServices(database().db);
    const created = await services.persons.create(
      aPerson({
        ties: [{ kind: 'origin', country: 'PL', note: 'of Polish origin (synthetic)' }],
        occupations: ['journalist', 'lawyer'],
      }),
    );
    const read = await services.persons.get(created.id);
    expect(read.names.map((name) => name.script)).toEqual(['Latn', 'Cyrl']);
    expect(read.names[0]?.isPrimary).toBe(true);
    expect(read.displayName).toMatch(/^Synthetic Testava/);
    expect(read.ties).toEqual([{ kind: 'origin', country: 'PL', note: 'of Polish origin (synthetic)' }]);
    expect(read.occupations).toEqual(['journalist', 'lawyer']);
    expect(read.birthDate).toBe('1980');
    expect(read.status).toBe('not_detained');
    expect(read.version).toBe(1);
  });

  it('makes the first name primary when none is marked, and keeps only one primary', async () => {
    const services = testServices(database().db);
    const person = await services.persons.create(
      aPerson({
        names: [
          { text: 'Synthetic One', script: 'Latn', language: 'en', isPrimary: false },
          { text: 'Сінтэтык', script: 'Cyrl', language: 'be', isPrimary: false },
        ],
      }),
    );
    expect(person.names.filter((name) => name.isPrimary).map((name) => name.text)).toEqual(['Synthetic One']);
  });

  it('derives status and days in custody across a re-arrest', async () => {
    const services = testServices(database().db);
    const person = await services.persons.create(aPerson());
    await services.episodes.create(
      anEpisode(person.id, {
        detainedOn: '2010-12-19',
        release: { releasedOn: '2015-08-22', mode: 'pardon' },
      }),
    );
    await services.episodes.create(anEpisode(person.id, { detainedOn: '2020-05-31' }));
    const read = await services.persons.get(person.id);
    expect(read.status).toBe('held');
    expect(read.episodeCount).toBe(2);
    // 2010-12-19 → 2015-08-22 is 1707 days; 2020-05-31 → 2026-01-15 (the fixed clock) is 2055.
    expect(read.daysInCustody).toEqual({ min: 1707 + 2055, max: 1707 + 2055 });
    expect((await services.persons.heldOn(person.id, '2018-01-01')).held).toBe('no');
    expect((await services.persons.heldOn(person.id, '2021-01-01')).held).toBe('yes');
  });

  it('finds by a part of any name, in either script, case-insensitively', async () => {
    const services = testServices(database().db);
    const person = await services.persons.create(
      aPerson({
        names: [
          { text: 'Zyxwa Synthetikava', script: 'Latn', language: 'en', isPrimary: true },
          { text: 'Зыхва Сінтэтыкава', script: 'Cyrl', language: 'be', isPrimary: false },
        ],
      }),
    );
    for (const q of ['synthetikava', 'ZYXWA', 'сінтэтыкава', 'ЗЫХВА']) {
      const page = await services.persons.find(filter({ q }));
      expect(
        page.items.map((item) => item.id),
        q,
      ).toContain(person.id);
    }
    expect((await services.persons.find(filter({ q: 'nobody-has-this-name' }))).total).toBe(0);
    expect((await services.persons.find(filter({ q: '100%_' }))).total).toBe(0);
  });

  it('filters by status, tie country and held-on date, and paginates', async () => {
    const services = testServices(database().db);
    const held = await services.persons.create(aPerson({ ties: [{ kind: 'citizenship', country: 'LT' }] }));
    await services.episodes.create(anEpisode(held.id, { detainedOn: '2024-03' }));
    const freed = await services.persons.create(aPerson());
    await services.episodes.create(
      anEpisode(freed.id, {
        detainedOn: '2022-01-10',
        release: { releasedOn: '2025-12-13', mode: 'negotiated' },
      }),
    );
    const heldIds = (await services.persons.find(filter({ status: 'held', limit: 500 }))).items.map(
      (p) => p.id,
    );
    expect(heldIds).toContain(held.id);
    expect(heldIds).not.toContain(freed.id);
    const releasedIds = (await services.persons.find(filter({ status: 'released', limit: 500 }))).items.map(
      (p) => p.id,
    );
    expect(releasedIds).toContain(freed.id);
    expect(releasedIds).not.toContain(held.id);
    expect((await services.persons.find(filter({ tieCountry: 'LT' }))).items.map((p) => p.id)).toEqual([
      held.id,
    ]);
    // Detained "2024-03": certainly held on 2024-04-01, not certainly on 2024-03-15.
    const onApril = (await services.persons.find(filter({ heldOn: '2024-04-01', limit: 500 }))).items.map(
      (p) => p.id,
    );
    expect(onApril).toEqual(expect.arrayContaining([held.id, freed.id]));
    const onMarch = (await services.persons.find(filter({ heldOn: '2024-03-15', limit: 500 }))).items.map(
      (p) => p.id,
    );
    expect(onMarch).not.toContain(held.id);
    const onDecember = (await services.persons.find(filter({ heldOn: '2025-12-13', limit: 500 }))).items.map(
      (p) => p.id,
    );
    expect(onDecember).not.toContain(freed.id);

    const firstPage = await services.persons.find(filter({ limit: 1, offset: 0 }));
    const secondPage = await services.persons.find(filter({ limit: 1, offset: 1 }));
    expect(firstPage.items).toHaveLength(1);
    expect(firstPage.total).toBeGreaterThanOrEqual(2);
    expect(secondPage.items[0]?.id).not.toBe(firstPage.items[0]?.id);
  });

  it('reads many persons at once: those the viewer may see, in the order of the ids, across chunks', async () => {
    const services = testServices(database().db);
    const publicServices = buildServices(database().db, fixedClock, { viewer: PUBLIC_VIEWER });
    const shown = [];
    for (const name of ['Zyx', 'Abc', 'Mno'])
      shown.push(
        await services.persons.create(
          aPerson({
            names: [{ text: `${name} Synthetic`, script: 'Latn', language: 'en', isPrimary: true }],
          }),
        ),
      );
    const hidden = await services.persons.create(aPerson({ visibility: 'internal' }));
    const anonymous = await services.persons.create(aPerson({ anonymous: true }));
    const [zyx, abc, mno] = shown.map((person) => person.id);
    // Unknown ids push the last persons past the first chunk of 500.
    const unknown = Array.from({ length: 600 }, () => randomUUID());
    const ids = [mno, hidden.id, ...unknown, zyx, anonymous.id, abc] as string[];
    expect([...(await publicServices.persons.getMany(ids)).keys()]).toEqual([mno, zyx, abc]);
    const editorRead = await services.persons.getMany(ids);
    expect([...editorRead.keys()]).toEqual([mno, hidden.id, zyx, anonymous.id, abc]);
    expect(editorRead.get(mno ?? '')?.displayName).toBe('Mno Synthetic');
  });

  it('keeps anonymous persons in the registry, flagged', async () => {
    const services = testServices(database().db);
    const person = await services.persons.create(aPerson({ anonymous: true }));
    await services.episodes.create(anEpisode(person.id));
    expect((await services.persons.get(person.id)).anonymous).toBe(true);
    const anonymous = await services.persons.find(filter({ anonymous: 'true', status: 'held' }));
    expect(anonymous.items.map((p) => p.id)).toContain(person.id);
  });

  it('updates with optimistic locking: a stale version is refused and nothing changes', async () => {
    const services = testServices(database().db);
    const person = await services.persons.create(aPerson());
    const updated = await services.persons.update(person.id, { region: 'Homiel', version: 1 });
    expect(updated.region).toBe('Homiel');
    expect(updated.version).toBe(2);
    const before = await tableCounts(database().db);
    const stale = services.persons.update(person.id, { region: 'Brest', version: 1 });
    await expect(stale).rejects.toMatchObject({ code: 'conflict' });
    await expect(stale).rejects.toThrow(/now version 2/);
    expect((await services.persons.get(person.id)).region).toBe('Homiel');
    expect(await tableCounts(database().db)).toEqual(before);
  });

  it('replaces names on update and deletes a person with everything that hangs on them', async () => {
    const services = testServices(database().db);
    const person = await services.persons.create(aPerson());
    await services.episodes.create(anEpisode(person.id));
    const renamed = await services.persons.update(person.id, {
      names: [{ text: 'Renamed Synthetic', script: 'Latn', language: 'en', isPrimary: true }],
    });
    expect(renamed.names.map((name) => name.text)).toEqual(['Renamed Synthetic']);
    await services.persons.delete(person.id);
    await expect(services.persons.get(person.id)).rejects.toMatchObject({ code: 'not_found' });
    expect((await services.episodes.find({ personId: person.id, limit: 10, offset: 0 })).total).toBe(0);
  });

  it('says not_found for an unknown id', async () => {
    const services = testServices(database().db);
    const missing = '01890000-0000-7000-8000-000000000000';
    await expect(services.persons.get(missing)).rejects.toBeInstanceOf(AppError);
    await expect(services.persons.delete(missing)).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('person filter schema', () => {
  it('refuses an unknown sort and a malformed held-on date', () => {
    expect(personFilterSchema.safeParse({ sort: 'age' }).success).toBe(false);
    expect(personFilterSchema.safeParse({ heldOn: '2021-02-30' }).success).toBe(false);
  });
});
