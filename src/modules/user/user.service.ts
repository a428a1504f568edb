import type { Db } from '../../db/database.js';
import { AppError, notFound, ruleViolated } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { hashPassword, passwordProblem, verifyPassword } from '../../lib/password.js';
import { hashSecret, newSecret } from '../../lib/secret-token.js';
import { newTotpSecret, totpUri, verifyTotp } from '../../lib/totp.js';
import { type Clock, timestamp } from '../shared/clock.js';
import { inTransaction } from '../shared/transaction.js';
import type { Role, TokenScope, Viewer } from './access.js';
import {
  countUsers,
  deleteExpiredSessions,
  deleteSession,
  deleteSessionsOfUser,
  insertApiToken,
  insertSession,
  insertUser,
  markApiTokenUsed,
  recordFailedLogin,
  revokeApiTokens,
  selectApiTokenByHash,
  selectApiTokensOfUser,
  selectSession,
  selectUserByEmail,
  selectUserById,
  selectUsers,
  touchSession,
  updateUser,
  type UserRow,
} from './user.repository.js';
import type { AddUser, ChangeAccess, UserRecord } from './user.schema.js';

export interface UserServiceDeps {
  db: Db;
  clock: Clock;
  /** Roles that must sign in with a second factor. */
  requireTotpFor: readonly string[];
}

/** Sessions last 12 hours after the last request, never more than 7 days after sign-in. */
const SESSION_IDLE_MS = 12 * 3600_000;
const LOCK_AFTER_FAILURES = 5;
const LOCK_MS = 15 * 60_000;
/** Wrong email or wrong password: one message, so the answer does not reveal which emails exist. */
const BAD_CREDENTIALS = 'email or password is wrong';

export function presentUser(row: UserRow): UserRecord {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    role: row.role as Role,
    canPublish: Number(row.canPublish) === 1,
    confidentialAccess: Number(row.confidentialAccess) === 1,
    totpEnabled: Number(row.totpEnabled) === 1,
    disabled: Number(row.disabled) === 1,
    lastLoginAt: row.lastLoginAt,
    createdAt: row.createdAt,
  };
}

function viewerOf(row: UserRow, scope: TokenScope): Viewer {
  return {
    user: {
      id: row.id,
      email: row.email,
      role: row.role as Role,
      canPublish: Number(row.canPublish) === 1,
      confidentialAccess: Number(row.confidentialAccess) === 1,
    },
    scope,
  };
}

export interface StartedSession {
  sessionToken: string;
  csrfToken: string;
  expiresAt: string;
  user: UserRecord;
}

export function createUserService(deps: UserServiceDeps) {
  const now = () => deps.clock();

  async function byEmailOrId(emailOrId: string): Promise<UserRow> {
    const row =
      (await selectUserByEmail(deps.db, emailOrId.trim().toLowerCase())) ??
      (await selectUserById(deps.db, emailOrId));
    if (!row) throw notFound('user', emailOrId);
    return row;
  }

  return {
    count: () => countUsers(deps.db),

    async list(): Promise<UserRecord[]> {
      return (await selectUsers(deps.db)).map(presentUser);
    },

    async get(emailOrId: string): Promise<UserRecord> {
      return presentUser(await byEmailOrId(emailOrId));
    },

    async add(input: AddUser): Promise<UserRecord> {
      return inTransaction(deps.db, async (trx) => {
        if (await selectUserByEmail(trx, input.email)) {
          throw new AppError('conflict', `a user with email ${input.email} already exists`, [
            { path: 'email', message: 'already exists' },
          ]);
        }
        const at = timestamp(deps.clock);
        const id = newId();
        await insertUser(trx, {
          id,
          email: input.email,
          displayName: input.displayName,
          role: input.role,
          passwordHash: await hashPassword(input.password),
          totpSecret: null,
          canPublish: input.canPublish ? 1 : 0,
          confidentialAccess: input.confidentialAccess ? 1 : 0,
          lockedUntil: null,
          lastLoginAt: null,
          createdAt: at,
          updatedAt: at,
        });
        const created = await selectUserById(trx, id);
        if (!created) throw new AppError('internal', `user ${id} vanished after insert`);
        return presentUser(created);
      });
    },

    /** Sets a new password, unlocks the account and ends every session (they may be an attacker's). */
    async resetPassword(emailOrId: string, password: string): Promise<UserRecord> {
      const problem = passwordProblem(password);
      if (problem)
        throw new AppError('validation_failed', `password ${problem}`, [
          { path: 'password', message: problem },
        ]);
      const user = await byEmailOrId(emailOrId);
      const passwordHash = await hashPassword(password);
      return inTransaction(deps.db, async (trx) => {
        await updateUser(trx, user.id, {
          passwordHash,
          failedLogins: 0,
          lockedUntil: null,
          updatedAt: timestamp(deps.clock),
        });
        await deleteSessionsOfUser(trx, user.id);
        return presentUser((await selectUserById(trx, user.id)) ?? user);
      });
    },

    /** Disables an account: it can no longer sign in, its sessions end and its tokens are revoked. */
    async disable(emailOrId: string): Promise<UserRecord> {
      const user = await byEmailOrId(emailOrId);
      return inTransaction(deps.db, async (trx) => {
        const at = timestamp(deps.clock);
        await updateUser(trx, user.id, { disabled: 1, updatedAt: at });
        await deleteSessionsOfUser(trx, user.id);
        await revokeApiTokens(trx, { userId: user.id }, at);
        return presentUser((await selectUserById(trx, user.id)) ?? user);
      });
    },

    async enable(emailOrId: string): Promise<UserRecord> {
      const user = await byEmailOrId(emailOrId);
      await updateUser(deps.db, user.id, {
        disabled: 0,
        failedLogins: 0,
        lockedUntil: null,
        updatedAt: timestamp(deps.clock),
      });
      return presentUser((await selectUserById(deps.db, user.id)) ?? user);
    },

    /**
     * Changes what an account may do (role, publishing right, confidential access). A change of
     * rights ends the account's sessions, so the new rights apply from its next sign-in on.
     */
    async changeAccess(emailOrId: string, change: ChangeAccess): Promise<UserRecord> {
      const user = await byEmailOrId(emailOrId);
      return inTransaction(deps.db, async (trx) => {
        await updateUser(trx, user.id, {
          ...(change.role === undefined ? {} : { role: change.role }),
          ...(change.canPublish === undefined ? {} : { canPublish: change.canPublish ? 1 : 0 }),
          ...(change.confidentialAccess === undefined
            ? {}
            : { confidentialAccess: change.confidentialAccess ? 1 : 0 }),
          updatedAt: timestamp(deps.clock),
        });
        await deleteSessionsOfUser(trx, user.id);
        return presentUser((await selectUserById(trx, user.id)) ?? user);
      });
    },

    /** Starts two-factor set-up: a new secret, shown once; it takes effect after confirmTotp. */
    async beginTotp(emailOrId: string): Promise<{ secret: string; uri: string }> {
      const user = await byEmailOrId(emailOrId);
      const secret = newTotpSecret();
      await updateUser(deps.db, user.id, {
        totpSecret: secret,
        totpEnabled: 0,
        updatedAt: timestamp(deps.clock),
      });
      return { secret, uri: totpUri(secret, user.email) };
    },

    async confirmTotp(emailOrId: string, code: string): Promise<UserRecord> {
      const user = await byEmailOrId(emailOrId);
      if (!user.totpSecret || !verifyTotp(user.totpSecret, code, now())) {
        throw ruleViolated(
          'totp',
          'the code does not match; check the time on the device and try the next code',
        );
      }
      await updateUser(deps.db, user.id, { totpEnabled: 1, updatedAt: timestamp(deps.clock) });
      return presentUser((await selectUserById(deps.db, user.id)) ?? user);
    },

    /**
     * Signs in: checks the lock-out, the password and the second factor, and starts a session.
     * Every refusal says what to do, but never whether the email exists.
     */
    async login(email: string, password: string, totp?: string): Promise<StartedSession> {
      const at = now();
      const user = await selectUserByEmail(deps.db, email.trim().toLowerCase());
      if (!user || Number(user.disabled) === 1) {
        // Hash anyway, so a missing account takes as long to refuse as a wrong password.
        await verifyPassword(
          password,
          'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
        );
        throw new AppError('unauthorized', BAD_CREDENTIALS);
      }
      if (user.lockedUntil && user.lockedUntil > at.toISOString()) {
        throw new AppError(
          'too_many_requests',
          `too many failed sign-ins; try again after ${user.lockedUntil}`,
        );
      }
      if (!(await verifyPassword(password, user.passwordHash))) {
        const lockUntil = new Date(at.getTime() + LOCK_MS).toISOString();
        await recordFailedLogin(deps.db, user.id, at.toISOString(), LOCK_AFTER_FAILURES, lockUntil);
        throw new AppError('unauthorized', BAD_CREDENTIALS);
      }
      const totpEnabled = Number(user.totpEnabled) === 1 && user.totpSecret !== null;
      if (!totpEnabled && deps.requireTotpFor.includes(user.role)) {
        throw new AppError(
          'forbidden',
          `two-factor authentication is required for the ${user.role} role; set it up with: unfree user totp ${user.email}`,
        );
      }
      if (totpEnabled && (!totp || !verifyTotp(user.totpSecret ?? '', totp, at))) {
        throw new AppError(
          'unauthorized',
          totp ? 'the two-factor code is wrong' : 'enter the two-factor code',
          [{ path: 'totp', message: totp ? 'wrong code' : 'required' }],
        );
      }
      const sessionToken = newSecret('ses');
      const csrfToken = newSecret('csrf');
      const expiresAt = new Date(at.getTime() + SESSION_IDLE_MS).toISOString();
      await inTransaction(deps.db, async (trx) => {
        await deleteExpiredSessions(trx, at.toISOString());
        await insertSession(trx, {
          idHash: hashSecret(sessionToken),
          userId: user.id,
          csrfToken,
          createdAt: at.toISOString(),
          expiresAt,
          lastSeenAt: at.toISOString(),
        });
        await updateUser(trx, user.id, { failedLogins: 0, lockedUntil: null, lastLoginAt: at.toISOString() });
      });
      return { sessionToken, csrfToken, expiresAt, user: presentUser(user) };
    },

    /** The viewer behind a session cookie, with its CSRF token; null when unknown or expired. */
    async viewerFromSession(sessionToken: string): Promise<{ viewer: Viewer; csrfToken: string } | null> {
      const idHash = hashSecret(sessionToken);
      const session = await selectSession(deps.db, idHash);
      const at = now();
      if (!session || session.expiresAt <= at.toISOString()) return null;
      const user = await selectUserById(deps.db, session.userId);
      if (!user || Number(user.disabled) === 1) return null;
      const createdMs = Date.parse(session.createdAt);
      const expiresAt = new Date(
        Math.min(at.getTime() + SESSION_IDLE_MS, createdMs + 7 * 24 * 3600_000),
      ).toISOString();
      await touchSession(deps.db, idHash, at.toISOString(), expiresAt);
      return { viewer: viewerOf(user, 'write'), csrfToken: session.csrfToken };
    },

    async logout(sessionToken: string): Promise<void> {
      await deleteSession(deps.db, hashSecret(sessionToken));
    },

    /** A personal API token for scripts; the secret is returned once and stored only as a hash. */
    async createApiToken(emailOrId: string, name: string, scope: TokenScope) {
      const user = await byEmailOrId(emailOrId);
      const token = newSecret('unf');
      const id = newId();
      await insertApiToken(deps.db, {
        id,
        userId: user.id,
        name,
        tokenHash: hashSecret(token),
        scope,
        createdAt: timestamp(deps.clock),
      });
      return { id, name, scope, token };
    },

    async listApiTokens(emailOrId: string) {
      const user = await byEmailOrId(emailOrId);
      return (await selectApiTokensOfUser(deps.db, user.id)).map((row) => ({
        ...row,
        scope: row.scope as TokenScope,
      }));
    },

    async revokeApiToken(emailOrId: string, tokenId: string): Promise<void> {
      const user = await byEmailOrId(emailOrId);
      if ((await revokeApiTokens(deps.db, { userId: user.id, id: tokenId }, timestamp(deps.clock))) === 0) {
        throw notFound('API token', tokenId);
      }
    },

    async viewerFromApiToken(token: string): Promise<Viewer | null> {
      const row = await selectApiTokenByHash(deps.db, hashSecret(token));
      if (!row || row.revokedAt) return null;
      const user = await selectUserById(deps.db, row.userId);
      if (!user || Number(user.disabled) === 1) return null;
      await markApiTokenUsed(deps.db, row.id, timestamp(deps.clock));
      return viewerOf(user, row.scope as TokenScope);
    },
  };
}
export type UserService = ReturnType<typeof createUserService>;
