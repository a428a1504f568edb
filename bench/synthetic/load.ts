import type { InsertObject, Kysely } from 'kysely';
import type { Database } from '../../src/db/database.js';
import { newId } from '../../src/lib/ids.js';
import { foldForSearch } from '../../src/lib/fold.js';
import { encodeNameForms } from '../../src/names/forms.js';
import { type NameIndexEntry, type NameInput, buildNameIndexEntries } from '../../src/names/matcher.js';
import { SYNTHETIC_BIOGRAPHY, type SyntheticName, type SyntheticPerson } from './names.js';

/**
 * Bulk load of synthetic persons, as fast as is honest: one transaction per chunk of persons,
 * multi-row INSERTs straight into persons / person_names / name_keys with the schema's indexes in
 * place (nothing dropped and rebuilt), name_keys rows computed exactly as
 * src/modules/person/name-search.service.ts reindexPersonNames and name-key.repository.ts
 * replaceNameKeys compute them. Every person is marked synthetic (biography, visibility internal).
 *
 * Two phases, timed apart: rows (persons + person_names), then the index (name_keys and
 * name_forms: computing the keys and key groups in JavaScript, and inserting them).
 */

export interface LoadOptions {
  /** Persons per transaction (default 1000). */
  readonly chunk?: number;
  readonly onProgress?: (phase: 'rows' | 'index', done: number, total: number) => void;
}

export interface LoadReport {
  readonly persons: number;
  readonly nameRows: number;
  readonly keyRows: number;
  /** Wall time of phase 1: persons and person_names. */
  readonly rowsMs: number;
  /** Wall time of phase 2: name_keys and name_forms, compute + insert. */
  readonly indexBuildMs: number;
  /** Part of indexBuildMs spent in buildNameIndexEntries (JavaScript, romanizing every name). */
  readonly indexComputeMs: number;
  /** Part of indexBuildMs spent inserting name_keys rows (SQL, with the (key, person_id) index). */
  readonly indexInsertMs: number;
}

/** Rows per INSERT: keeps every statement under SQLite's 32,766 and PostgreSQL's 65,535 parameters. */
const PARAMETERS_PER_STATEMENT = 30_000;

async function insertMany<T extends keyof Database>(
  db: Kysely<Database>,
  table: T,
  rows: readonly InsertObject<Database, T>[],
  columns: number,
): Promise<void> {
  const perStatement = Math.max(1, Math.floor(PARAMETERS_PER_STATEMENT / columns));
  for (let start = 0; start < rows.length; start += perStatement) {
    await db
      .insertInto(table)
      .values(rows.slice(start, start + perStatement))
      .execute();
  }
}

const CREATED_AT = '2026-01-01T00:00:00.000Z';

/** The NameInput reindexPersonNames builds from a stored name (asNameInput there). */
export function asNameInput(name: Pick<SyntheticName, 'text' | 'script' | 'language' | 'system'>): NameInput {
  return {
    text: name.text,
    script: name.script,
    language: name.language,
    system: name.system ?? null,
  };
}

/**
 * The name_keys rows of one person, as reindexPersonNames + replaceNameKeys write them: entries
 * of every name, one row per distinct key (the last entry for a key wins, like the Map there).
 */
export function nameKeyRows(
  person: Pick<SyntheticPerson, 'id' | 'names'>,
  inputs: readonly NameInput[] = person.names.map(asNameInput),
): (NameIndexEntry & { personId: string })[] {
  const entries = inputs.flatMap((name) => buildNameIndexEntries(name));
  const unique = [...new Map(entries.map((entry) => [entry.key, entry])).values()];
  return unique.map((entry) => ({ ...entry, personId: person.id }));
}

export async function loadPersons(
  db: Kysely<Database>,
  persons: readonly SyntheticPerson[],
  options: LoadOptions = {},
): Promise<LoadReport> {
  const chunk = options.chunk ?? 1000;
  let nameRows = 0;
  let keyRows = 0;

  const rowsStart = performance.now();
  for (let start = 0; start < persons.length; start += chunk) {
    const slice = persons.slice(start, start + chunk);
    const personRows = slice.map((person) => ({
      id: person.id,
      visibility: 'internal',
      anonymous: 0,
      birthDate: null,
      gender: person.gender,
      region: null,
      biography: SYNTHETIC_BIOGRAPHY,
      createdAt: CREATED_AT,
      updatedAt: CREATED_AT,
    }));
    const names = slice.flatMap((person) =>
      person.names.map((name, position) => ({
        id: newId(),
        personId: person.id,
        text: name.text,
        folded: foldForSearch(name.text),
        script: name.script,
        language: name.language,
        system: name.system,
        isPrimary: name.isPrimary ? 1 : 0,
        position,
      })),
    );
    await db.transaction().execute(async (trx) => {
      await insertMany(trx, 'persons', personRows, 9);
      await insertMany(trx, 'personNames', names, 9);
    });
    nameRows += names.length;
    options.onProgress?.('rows', Math.min(start + chunk, persons.length), persons.length);
  }
  const rowsMs = performance.now() - rowsStart;

  let indexComputeMs = 0;
  let indexInsertMs = 0;
  const indexStart = performance.now();
  for (let start = 0; start < persons.length; start += chunk) {
    const computeStart = performance.now();
    const rows: (NameIndexEntry & { personId: string })[] = [];
    const forms: { personId: string; forms: string }[] = [];
    for (const person of persons.slice(start, start + chunk)) {
      // The same objects for keys and forms, as reindexPersonNames does: each name is prepared once.
      const inputs = person.names.map(asNameInput);
      rows.push(...nameKeyRows(person, inputs));
      forms.push({ personId: person.id, forms: encodeNameForms(inputs) });
    }
    const insertStart = performance.now();
    indexComputeMs += insertStart - computeStart;
    await db.transaction().execute(async (trx) => {
      await insertMany(trx, 'nameKeys', rows, 4);
      await insertMany(trx, 'nameForms', forms, 2);
    });
    indexInsertMs += performance.now() - insertStart;
    keyRows += rows.length;
    options.onProgress?.('index', Math.min(start + chunk, persons.length), persons.length);
  }
  const indexBuildMs = performance.now() - indexStart;

  return { persons: persons.length, nameRows, keyRows, rowsMs, indexBuildMs, indexComputeMs, indexInsertMs };
}
