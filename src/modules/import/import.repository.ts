import type { Db, ImportMappingTable, ImportTable } from '../../db/database.js';

export async function insertImport(db: Db, row: ImportTable): Promise<void> {
  await db.insertInto('imports').values(row).execute();
}

export async function selectImportsBySha256(db: Db, sha256: string): Promise<ImportTable[]> {
  return db.selectFrom('imports').selectAll().where('sha256', '=', sha256).orderBy('createdAt').execute();
}

export async function selectMapping(db: Db, name: string): Promise<ImportMappingTable | undefined> {
  return db.selectFrom('importMappings').selectAll().where('name', '=', name).executeTakeFirst();
}

export async function selectMappings(db: Db): Promise<ImportMappingTable[]> {
  return db.selectFrom('importMappings').selectAll().orderBy('name').execute();
}

/** Insert or replace a saved mapping (one statement, the same on both dialects). */
export async function upsertMapping(db: Db, row: ImportMappingTable): Promise<void> {
  await db
    .insertInto('importMappings')
    .values(row)
    .onConflict((conflict) =>
      conflict.column('name').doUpdateSet({ mapping: row.mapping, updatedAt: row.updatedAt }),
    )
    .execute();
}
