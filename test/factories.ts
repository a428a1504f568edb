import type { Services } from '../src/app.js';
import { buildServices } from '../src/app.js';
import type { Db } from '../src/db/database.js';
import type { CreateEpisode } from '../src/modules/episode/episode.schema.js';
import type { CreatePerson } from '../src/modules/person/person.schema.js';
import type { Clock } from '../src/modules/shared/clock.js';

/**
 * Factories for tests. Every person made here is synthetic (names like "Synthetic Testava"), so no
 * fixture can ever be mistaken for, or leak, a real prisoner's data.
 */
export const fixedClock: Clock = () => new Date('2026-01-15T12:00:00.000Z');

export function testServices(db: Db): Services {
  return buildServices(db, fixedClock);
}

let counter = 0;

export function aPerson(overrides: Partial<CreatePerson> = {}): CreatePerson {
  counter += 1;
  return {
    names: [
      {
        text: `Synthetic Testava ${counter}`,
        script: 'Latn',
        language: 'en',
        system: 'press-passport',
        isPrimary: true,
      },
      {
        text: `Сінтэтычная Тэставая ${counter}`,
        script: 'Cyrl',
        language: 'be',
        system: null,
        isPrimary: false,
      },
    ],
    birthDate: '1980',
    gender: 'female',
    region: 'Minsk',
    occupations: ['journalist'],
    ties: [],
    biography: null,
    visibility: 'public',
    anonymous: false,
    ...overrides,
  };
}

export function anEpisode(personId: string, overrides: Partial<CreateEpisode> = {}): CreateEpisode {
  return {
    personId,
    detainedOn: '2021-07-14',
    charges: [],
    facilityStays: [],
    release: null,
    visibility: 'public',
    ...overrides,
  };
}

export async function anArticle(services: Services, number = '342') {
  return services.legalArticles.create({
    code: 'BY-CC',
    number,
    titleEn: `Synthetic title of article ${number}`,
    titleBe: null,
    titleRu: null,
  });
}

export async function aFacility(services: Services, name = 'Synthetic colony No. 99') {
  return services.facilities.create({
    name,
    type: 'colony',
    city: 'Testville',
    region: null,
    visibility: 'public',
  });
}
