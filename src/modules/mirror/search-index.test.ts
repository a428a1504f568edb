import { expect, it } from 'vitest';
import { buildServices } from '../../app.js';
import { PUBLIC_VIEWER } from '../user/access.js';
import { describeEachDialect } from '../../../test/database.js';
import { aPerson, fixedClock, testServices } from '../../../test/factories.js';
import { buildSearchIndex, searchEntry } from './search-index.js';

describeEachDialect('the mirror search index', (database) => {
  it('takes name keys from the stored forms exactly as computing them gives, and computes them where forms are stale', async () => {
    const editor = testServices(database().db);
    const ids: string[] = [];
    for (let index = 0; index < 12; index += 1) {
      const person = await editor.persons.create(
        aPerson(
          index % 3 === 0
            ? {
                names: [
                  {
                    text: `Ганна Вымыслава ${index}`,
                    script: 'Cyrl',
                    language: 'be',
                    system: null,
                    isPrimary: true,
                  },
                  {
                    text: `Анна Вымыслова ${index}`,
                    script: 'Cyrl',
                    language: 'ru',
                    system: null,
                    isPrimary: false,
                  },
                  {
                    text: `Hanna Vymyslava ${index}`,
                    script: 'Latn',
                    language: 'en',
                    system: 'press-passport',
                    isPrimary: false,
                  },
                ],
              }
            : {},
        ),
      );
      ids.push(person.id);
    }
    await editor.persons.create(aPerson({ anonymous: true }));
    const services = buildServices(database().db, fixedClock, { viewer: PUBLIC_VIEWER });
    const computed = async () => {
      const order = await services.persons.ids({ sort: 'createdAt' });
      const records = await services.persons.getMany(order);
      return order.flatMap((id) => {
        const record = records.get(id);
        return record ? [searchEntry(record)] : [];
      });
    };

    const expected = await computed();
    expect(expected).toHaveLength(12);
    expect((await services.persons.nameForms(ids)).size).toBe(12);
    expect((await buildSearchIndex(services)).persons).toEqual(expected);

    // Forms written by older rules, or none: those persons' keys are computed from their names.
    await database()
      .db.updateTable('nameForms')
      .set({ forms: '{"v":0}' })
      .where('personId', '=', ids[0] ?? '')
      .execute();
    await database()
      .db.deleteFrom('nameForms')
      .where('personId', '=', ids[1] ?? '')
      .execute();
    expect((await services.persons.nameForms(ids)).size).toBe(10);
    expect((await buildSearchIndex(services)).persons).toEqual(expected);
  });
});
