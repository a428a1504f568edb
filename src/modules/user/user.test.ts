import { expect, it } from 'vitest';
import { buildServices } from '../../app.js';
import { describeEachDialect } from '../../../test/database.js';
import { totpCode } from '../../lib/totp.js';
import type { Clock } from '../shared/clock.js';
import type { Role } from './access.js';

const PASSWORD = 'correct horse battery staple';

describeEachDialect('user service', (database) => {
  let now = new Date('2026-01-15T12:00:00.000Z');
  const clock: Clock = () => now;
  const services = () => buildServices(database().db, clock, { requireTotpFor: ['admin'] });
  let counter = 0;
  const anEmail = () => `synthetic-user-${(counter += 1)}@example.org`;
  const anAccount = (email: string, role: Role) =>
    services().users.add({
      email,
      displayName: `Synthetic ${role}`,
      role,
      password: PASSWORD,
      canPublish: false,
      confidentialAccess: role === 'admin',
    });

  it('stores passwords only as scrypt hashes and signs in with the right one', async () => {
    const email = anEmail();
    await anAccount(email, 'editor');
    const row = await database()
      .db.selectFrom('users')
      .select('passwordHash')
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    expect(row.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(row.passwordHash).not.toContain(PASSWORD);
    const session = await services().users.login(email.toUpperCase(), PASSWORD);
    expect(session.user.role).toBe('editor');
    const resolved = await services().users.viewerFromSession(session.sessionToken);
    expect(resolved?.viewer.user?.email).toBe(email);
    expect(resolved?.csrfToken).toBe(session.csrfToken);
    const stored = await database().db.selectFrom('sessions').select('idHash').execute();
    expect(stored.map((s) => s.idHash)).not.toContain(session.sessionToken);
  });

  it('gives one answer for a wrong password and an unknown email, and locks after five failures', async () => {
    const email = anEmail();
    await anAccount(email, 'editor');
    await expect(services().users.login('nobody@example.org', PASSWORD)).rejects.toThrow(
      'email or password is wrong',
    );
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await expect(services().users.login(email, 'wrong password!!')).rejects.toThrow(
        'email or password is wrong',
      );
    }
    await expect(services().users.login(email, PASSWORD)).rejects.toMatchObject({
      code: 'too_many_requests',
    });
    now = new Date(now.getTime() + 16 * 60_000);
    await expect(services().users.login(email, PASSWORD)).resolves.toMatchObject({ user: { email } });
  });

  it('requires two-factor authentication for admins and checks the code', async () => {
    const email = anEmail();
    await anAccount(email, 'admin');
    await expect(services().users.login(email, PASSWORD)).rejects.toThrow(
      /two-factor authentication is required for the admin role/,
    );
    const { secret, uri } = await services().users.beginTotp(email);
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    await expect(services().users.confirmTotp(email, '000000')).rejects.toMatchObject({
      code: 'rule_violated',
    });
    await services().users.confirmTotp(email, totpCode(secret, now));
    await expect(services().users.login(email, PASSWORD)).rejects.toThrow('enter the two-factor code');
    await expect(services().users.login(email, PASSWORD, '123456')).rejects.toThrow(
      /two-factor code is wrong|enter/,
    );
    await expect(services().users.login(email, PASSWORD, totpCode(secret, now))).resolves.toMatchObject({
      user: { totpEnabled: true },
    });
  });

  it('issues API tokens stored as hashes, scoped and revocable', async () => {
    const email = anEmail();
    await anAccount(email, 'editor');
    const read = await services().users.createApiToken(email, 'reader', 'read');
    expect(read.token).toMatch(/^unf_/);
    expect((await services().users.viewerFromApiToken(read.token))?.scope).toBe('read');
    expect(await services().users.viewerFromApiToken('unf_made-up')).toBeNull();
    await services().users.revokeApiToken(email, read.id);
    expect(await services().users.viewerFromApiToken(read.token)).toBeNull();
    expect((await services().users.listApiTokens(email))[0]?.revokedAt).not.toBeNull();
  });

  it('disabling a user ends their sessions and revokes their tokens; a password reset ends sessions', async () => {
    const email = anEmail();
    await anAccount(email, 'editor');
    const session = await services().users.login(email, PASSWORD);
    const token = await services().users.createApiToken(email, 'script', 'write');
    await services().users.resetPassword(email, 'another long passphrase');
    expect(await services().users.viewerFromSession(session.sessionToken)).toBeNull();
    await services().users.disable(email);
    expect(await services().users.viewerFromApiToken(token.token)).toBeNull();
    await expect(services().users.login(email, 'another long passphrase')).rejects.toMatchObject({
      code: 'unauthorized',
    });
  });

  it('changes an account’s role and rights, ending its sessions so the new rights apply at once', async () => {
    const email = anEmail();
    const user = await anAccount(email, 'editor');
    const session = await services().users.login(email, PASSWORD);
    const changed = await services().users.changeAccess(email, { role: 'reviewer', canPublish: true });
    expect(changed).toMatchObject({
      id: user.id,
      role: 'reviewer',
      canPublish: true,
      confidentialAccess: false,
    });
    expect(await services().users.viewerFromSession(session.sessionToken)).toBeNull();
    const again = await services().users.login(email, PASSWORD);
    const viewer = (await services().users.viewerFromSession(again.sessionToken))?.viewer;
    expect(viewer?.user).toMatchObject({ role: 'reviewer', canPublish: true });
    // Leaving a right out keeps it as it is.
    expect(await services().users.changeAccess(user.id, { confidentialAccess: true })).toMatchObject({
      role: 'reviewer',
      canPublish: true,
      confidentialAccess: true,
    });
    await expect(
      services().users.changeAccess('synthetic-nobody@example.org', { role: 'viewer' }),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('refuses weak passwords and duplicate emails', async () => {
    await expect(services().users.resetPassword(anEmail(), 'short')).rejects.toMatchObject({
      code: 'validation_failed',
    });
    const email = anEmail();
    await anAccount(email, 'viewer');
    await expect(
      services().users.add({
        email,
        displayName: 'Again',
        role: 'viewer',
        password: PASSWORD,
        canPublish: false,
        confidentialAccess: false,
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
  });

  it('expires idle sessions', async () => {
    const email = anEmail();
    await anAccount(email, 'viewer');
    const session = await services().users.login(email, PASSWORD);
    now = new Date(now.getTime() + 13 * 3600_000);
    expect(await services().users.viewerFromSession(session.sessionToken)).toBeNull();
  });
});
