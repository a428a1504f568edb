import type { Db, UserTable } from '../../db/database.js';

export type UserRow = Omit<
  UserTable,
  'totpEnabled' | 'canPublish' | 'confidentialAccess' | 'disabled' | 'failedLogins' | 'version'
> & {
  totpEnabled: number;
  canPublish: number;
  confidentialAccess: number;
  disabled: number;
  failedLogins: number;
  version: number;
};

export async function insertUser(
  db: Db,
  row: Omit<UserRow, 'totpEnabled' | 'disabled' | 'failedLogins' | 'version'>,
): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

export async function selectUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function selectUserById(db: Db, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function selectUsers(db: Db): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().orderBy('email').execute();
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<string | number>().as('total'))
    .executeTakeFirst();
  return Number(row?.total ?? 0);
}

export async function updateUser(
  db: Db,
  id: string,
  values: Partial<Omit<UserRow, 'id' | 'createdAt'>>,
): Promise<void> {
  await db.updateTable('users').set(values).where('id', '=', id).execute();
}

/** Counts a failed login atomically, so parallel guesses cannot slip past the lock-out. */
export async function recordFailedLogin(
  db: Db,
  id: string,
  now: string,
  lockAfter: number,
  lockUntil: string,
): Promise<number> {
  await db
    .updateTable('users')
    .set((eb) => ({ failedLogins: eb('failedLogins', '+', 1) }))
    .where('id', '=', id)
    .execute();
  const row = await db.selectFrom('users').select('failedLogins').where('id', '=', id).executeTakeFirst();
  const failures = Number(row?.failedLogins ?? 0);
  if (failures >= lockAfter) {
    await db
      .updateTable('users')
      .set({ lockedUntil: lockUntil, failedLogins: 0, updatedAt: now })
      .where('id', '=', id)
      .execute();
  }
  return failures;
}

export async function insertSession(
  db: Db,
  row: {
    idHash: string;
    userId: string;
    csrfToken: string;
    createdAt: string;
    expiresAt: string;
    lastSeenAt: string;
  },
): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

export async function selectSession(db: Db, idHash: string) {
  return db.selectFrom('sessions').selectAll().where('idHash', '=', idHash).executeTakeFirst();
}

export async function touchSession(
  db: Db,
  idHash: string,
  lastSeenAt: string,
  expiresAt: string,
): Promise<void> {
  await db.updateTable('sessions').set({ lastSeenAt, expiresAt }).where('idHash', '=', idHash).execute();
}

export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('idHash', '=', idHash).execute();
}

export async function deleteSessionsOfUser(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('userId', '=', userId).execute();
}

export async function deleteExpiredSessions(db: Db, now: string): Promise<void> {
  await db.deleteFrom('sessions').where('expiresAt', '<', now).execute();
}

export async function insertApiToken(
  db: Db,
  row: { id: string; userId: string; name: string; tokenHash: string; scope: string; createdAt: string },
): Promise<void> {
  await db.insertInto('apiTokens').values(row).execute();
}

export async function selectApiTokenByHash(db: Db, tokenHash: string) {
  return db.selectFrom('apiTokens').selectAll().where('tokenHash', '=', tokenHash).executeTakeFirst();
}

export async function selectApiTokensOfUser(db: Db, userId: string) {
  return db
    .selectFrom('apiTokens')
    .select(['id', 'name', 'scope', 'createdAt', 'lastUsedAt', 'revokedAt'])
    .where('userId', '=', userId)
    .orderBy('createdAt')
    .execute();
}

export async function markApiTokenUsed(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('apiTokens').set({ lastUsedAt: at }).where('id', '=', id).execute();
}

export async function revokeApiTokens(
  db: Db,
  where: { userId: string; id?: string },
  at: string,
): Promise<number> {
  let query = db
    .updateTable('apiTokens')
    .set({ revokedAt: at })
    .where('userId', '=', where.userId)
    .where('revokedAt', 'is', null);
  if (where.id) query = query.where('id', '=', where.id);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
