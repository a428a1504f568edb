import type { PersonService } from '../../modules/person/person.service.js';
import type { GalleryPerson } from './evaluate.js';

/**
 * Writes the evaluation gallery into a registry, for the name-linking figures of the eval script
 * and its floors test alike. Returns each created person's id with its gallery key.
 */
export async function loadGallery(
  persons: Pick<PersonService, 'create'>,
  gallery: readonly GalleryPerson[],
): Promise<Map<string, string>> {
  const keys = new Map<string, string>();
  for (const person of gallery) {
    const created = await persons.create({
      names: person.names.map(([text, script, language], i) => ({
        text,
        script,
        language,
        isPrimary: i === 0,
      })),
      occupations: [],
      ties: [],
      visibility: 'public',
      anonymous: false,
    });
    keys.set(created.id, person.key);
  }
  return keys;
}
