import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { buildServices } from '../../app.js';
import { describeEachDialect } from '../../../test/database.js';
import { aPerson, fixedClock } from '../../../test/factories.js';
import { syntheticRegistry } from '../../synthetic/registry.js';
import { personFilterSchema } from './person.schema.js';

describeEachDialect('the sort key of the list by name', (database) => {
  const services = () => buildServices(database().db, fixedClock);

  /** Persons whose kept sort key differs from their primary (else first) folded name. */
  async function keyMismatches() {
    const { rows } = await sql<{ id: string; kept: string | null; computed: string | null }>`
      select persons.id, persons.sort_name as kept, (
        select person_names.folded from person_names
        where person_names.person_id = persons.id
        order by person_names.is_primary desc, person_names.position
        limit 1
      ) as computed
      from persons`.execute(database().db);
    return rows.filter((row) => row.kept !== row.computed);
  }

  it('follows the names through creation, renaming, a change of primary name, merges and bulk loads', async () => {
    const zoya = await services().persons.create(
      aPerson({
        names: [{ text: 'Zoya Synthetic', script: 'Latn', language: 'en', system: null, isPrimary: true }],
      }),
    );
    const anna = await services().persons.create(
      aPerson({
        names: [{ text: 'Anna Synthetic', script: 'Latn', language: 'en', system: null, isPrimary: true }],
      }),
    );
    expect(await keyMismatches()).toEqual([]);

    // Renamed: the list must move her.
    await services().persons.update(zoya.id, {
      names: [
        { text: 'Ŭlada Synthetic', script: 'Latn', language: 'be', system: 'lacinka', isPrimary: false },
        { text: 'Bela Synthetic', script: 'Latn', language: 'en', system: null, isPrimary: true },
      ],
    });
    expect(await keyMismatches()).toEqual([]);
    const sorted = await services().persons.find(personFilterSchema.parse({ sort: 'name', limit: 10 }));
    const order = sorted.items.map((person) => person.id);
    expect(order.indexOf(anna.id)).toBeLessThan(order.indexOf(zoya.id));
    const reversed = await services().persons.find(personFilterSchema.parse({ sort: '-name', limit: 10 }));
    const reverseOrder = reversed.items.map((person) => person.id);
    expect(reverseOrder.indexOf(zoya.id)).toBeLessThan(reverseOrder.indexOf(anna.id));

    const duplicate = await services().persons.create(
      aPerson({
        names: [{ text: 'Aaron Synthetic', script: 'Latn', language: 'en', system: null, isPrimary: true }],
      }),
    );
    await services().persons.merge(anna.id, duplicate.id);
    expect(await keyMismatches()).toEqual([]);

    const { fixed, persons } = syntheticRegistry({ persons: 40, seed: 21, today: '2026-01-14' });
    await services().bulk.load({ fixed, persons: [...persons] }, { chunk: 15 });
    expect(await keyMismatches()).toEqual([]);
  });
});
