import type { CustodySpan } from '../../stats/custody.js';
import { daysInCustody, personStatus } from '../../stats/custody.js';
import type { PersonNameRow, PersonRow } from './person.repository.js';
import type { PersonRecord } from './person.schema.js';

export interface PersonParts {
  row: PersonRow;
  names: readonly PersonNameRow[];
  occupations: readonly string[];
  ties: readonly { kind: string; country: string; note: string | null }[];
  custody: readonly CustodySpan[];
}

/** The name shown first: the primary one, else the first Latin spelling, else the first entered. */
export function displayNameOf(
  names: readonly Pick<PersonNameRow, 'text' | 'script' | 'isPrimary'>[],
): string {
  const chosen =
    names.find((name) => Number(name.isPrimary) === 1) ??
    names.find((name) => name.script === 'Latn') ??
    names[0];
  return chosen?.text ?? '(no name)';
}

/** Chooses the fields that leave the server, and adds the facts derived from the episodes. */
export function presentPerson(parts: PersonParts, today: string): PersonRecord {
  const { row } = parts;
  return {
    id: row.id,
    names: parts.names.map((name) => ({
      id: name.id,
      text: name.text,
      script: name.script as PersonRecord['names'][number]['script'],
      language: name.language,
      system: name.system as PersonRecord['names'][number]['system'],
      isPrimary: Number(name.isPrimary) === 1,
    })),
    displayName: displayNameOf(parts.names),
    birthDate: row.birthDate,
    gender: row.gender as PersonRecord['gender'],
    region: row.region,
    occupations: [...parts.occupations],
    ties: parts.ties.map((tie) => ({
      kind: tie.kind as PersonRecord['ties'][number]['kind'],
      country: tie.country,
      note: tie.note,
    })),
    biography: row.biography,
    internalNotes: row.internalNotes,
    contacts: row.contacts,
    visibility: row.visibility as PersonRecord['visibility'],
    anonymous: Number(row.anonymous) === 1,
    status: personStatus(parts.custody),
    daysInCustody: daysInCustody(parts.custody, today),
    episodeCount: parts.custody.length,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}
