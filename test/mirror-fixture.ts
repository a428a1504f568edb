import type { Db } from '../src/db/database.js';
import { anEpisode, aPerson, testServices } from './factories.js';

/** A Latin-named synthetic person the mirror's search must find from the Belarusian Cyrillic. */
export const LATIN_ONLY_NAME = 'Hanna Vymyslava';
export const BELARUSIAN_SPELLING = 'Ганна Вымыслава';

/**
 * A small synthetic registry for the static mirror's tests: more persons than one list page holds
 * (so pagination is written), a facility, a batch, a tie country (a dossier), a person known only
 * by a Latin name, and an anonymous one who must appear nowhere.
 */
export async function seedMirrorRegistry(db: Db): Promise<{ latinOnlyId: string; anonymousId: string }> {
  const services = testServices(db);
  const facility = await services.facilities.create({
    name: 'Synthetic Colony No. 1',
    type: 'colony',
    visibility: 'public',
  });
  const batch = await services.batches.create({
    releasedOn: '2025-09',
    title: 'Synthetic release of September 2025',
    counterparts: [],
    concessions: [],
    visibility: 'public',
  });
  for (let index = 0; index < 28; index += 1) {
    const person = await services.persons.create(
      aPerson({ ties: index === 0 ? [{ kind: 'citizenship', country: 'LT' }] : [] }),
    );
    await services.episodes.create(
      anEpisode(person.id, {
        detainedOn: `202${index % 5}-0${1 + (index % 9)}`,
        facilityStays: index % 3 === 0 ? [{ facilityId: facility.id, from: '2025' }] : [],
        release: index % 4 === 0 ? { releasedOn: '2025-09-11', mode: 'negotiated', batchId: batch.id } : null,
      }),
    );
  }
  const latinOnly = await services.persons.create(
    aPerson({
      names: [{ text: LATIN_ONLY_NAME, script: 'Latn', language: 'en', system: null, isPrimary: true }],
    }),
  );
  await services.episodes.create(anEpisode(latinOnly.id, { detainedOn: '2023-04-05' }));
  const anonymous = await services.persons.create(
    aPerson({
      names: [
        { text: 'Anonymava Mirrorovna', script: 'Latn', language: 'en', system: null, isPrimary: true },
      ],
      anonymous: true,
    }),
  );
  await services.episodes.create(anEpisode(anonymous.id, { detainedOn: '2023-06-07' }));
  return { latinOnlyId: latinOnly.id, anonymousId: anonymous.id };
}
