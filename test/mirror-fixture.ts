import type { Db } from '../src/db/database.js';
import { anArticle, anEpisode, aPerson, testServices } from './factories.js';

/** A Latin-named synthetic person the mirror's search must find from the Belarusian Cyrillic. */
export const LATIN_ONLY_NAME = 'Hanna Vymyslava';
export const BELARUSIAN_SPELLING = 'Ганна Вымыслава';

/**
 * A small synthetic registry for the static mirror's tests: more persons than one list page holds
 * (so pagination is written), a facility, a batch, a tie country (a dossier), a person known only
 * by a Latin name, and an anonymous one who must appear nowhere.
 */
export async function seedMirrorRegistry(
  db: Db,
): Promise<{ latinOnlyId: string; anonymousId: string; richId: string }> {
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
  // Persons with much on their pages, so the bulk reads must keep each person's records apart and in order.
  const article = await anArticle(services, '293');
  const aSource = (index: number, visibility: 'public' | 'internal') =>
    services.sources.create({ title: `Synthetic source ${index}`, kind: 'article', visibility });
  const publicSource = await aSource(0, 'public');
  const secondSource = await aSource(1, 'public');
  const internalSource = await aSource(2, 'internal');
  let richId = '';
  for (let index = 0; index < 3; index += 1) {
    const person = await services.persons.create(aPerson());
    richId = person.id;
    const episodes = [];
    for (const [order, visibility] of (['public', 'internal', 'public'] as const).entries()) {
      episodes.push(
        await services.episodes.create(
          anEpisode(person.id, {
            detainedOn: `201${order * 3 + index}-0${order + 1}`,
            charges: [{ articleId: article.id, part: String(order + 1) }],
            // The last episode leaves the facility and comes back: its page lists it once.
            facilityStays:
              order === 2
                ? [
                    { facilityId: facility.id, from: `201${order * 3 + index}-1${order}`, to: '2019-12' },
                    { facilityId: facility.id, from: '2020-06' },
                  ]
                : [{ facilityId: facility.id, from: `201${order * 3 + index}-1${order}` }],
            release: order < 2 ? { releasedOn: `201${order * 3 + index + 1}`, mode: 'pardon' } : null,
            visibility,
          }),
        ),
      );
    }
    const conditions = [];
    for (const [order, startedOn] of ['2020-05', null, '2019'].entries()) {
      conditions.push(
        await services.conditionEvents.create({
          personId: person.id,
          kind: order === 1 ? 'incommunicado' : 'shizo',
          startedOn,
          visibility: order === 2 && index === 1 ? 'internal' : 'public',
        }),
      );
    }
    for (const organisation of ['Synthetic NGO B', 'Synthetic NGO A'])
      await services.recognitions.create({
        personId: person.id,
        organisation,
        recognisedOn: organisation.endsWith('A') ? '2021-03' : null,
        visibility: 'public',
        afterRelease: false,
      });
    const subjects = [
      ['condition_event', conditions[0]?.id],
      ['person', person.id],
      ['episode', episodes[2]?.id],
      ['episode', episodes[1]?.id],
    ] as const;
    for (const [order, [subjectType, subjectId]] of subjects.entries())
      for (const source of [order % 2 ? secondSource : publicSource, internalSource])
        await services.citations.create({
          sourceId: source.id,
          subjectType,
          subjectId: subjectId ?? '',
          field: order === 0 ? null : 'detainedOn',
        });
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
  return { latinOnlyId: latinOnly.id, anonymousId: anonymous.id, richId };
}
