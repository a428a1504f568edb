import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp, buildServices } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { Db } from '../src/db/database.js';
import type { Role } from '../src/modules/user/access.js';
import type { Clock } from '../src/modules/shared/clock.js';
import { fixedClock } from './factories.js';

export interface TestAppOptions {
  /** Who the injected requests come from: a user of this role (through a real API token), or the public. */
  as?: Role | 'public';
  clock?: Clock;
  /** Whether that user publishes directly (default true); false makes an editor submit drafts. */
  canPublish?: boolean;
}

let users = 0;

/** A real user of the given role with a real write token, made through the user service. */
export async function aUser(
  db: Db,
  role: Role,
  clock: Clock = fixedClock,
  canPublish = true,
): Promise<{ id: string; token: string }> {
  users += 1;
  const services = buildServices(db, clock);
  const user = await services.users.add({
    email: `synthetic-${role}-${users}-${Date.now()}@example.org`,
    displayName: `Synthetic ${role} ${users}`,
    role,
    password: 'synthetic test password',
    canPublish,
    confidentialAccess: false,
  });
  return { id: user.id, token: (await services.users.createApiToken(user.id, 'tests', 'write')).token };
}

export async function aUserToken(db: Db, role: Role, clock: Clock = fixedClock): Promise<string> {
  return (await aUser(db, role, clock)).token;
}

/**
 * The real Fastify app over a test database, driven with inject. By default every injected
 * request is an admin's (a real user and API token); pass `as` for another role or the public.
 * A request that sets its own authorization header keeps it.
 */
export async function testApp(db: Db, options: TestAppOptions = {}): Promise<FastifyInstance> {
  const clock = options.clock ?? fixedClock;
  const app = await buildApp({
    config: loadConfig({ logLevel: 'silent' }, {}),
    servicesFor: (viewer) => buildServices(db, clock, { viewer }),
    databaseLabel: 'test',
  });
  await app.ready();
  const role = options.as ?? 'admin';
  if (role !== 'public') {
    const { token } = await aUser(db, role, clock, options.canPublish ?? true);
    const inject = app.inject.bind(app);
    app.inject = ((request: InjectOptions) =>
      inject({
        ...request,
        headers: { authorization: `Bearer ${token}`, ...request.headers },
      })) as typeof app.inject;
  }
  return app;
}

/** The people of a review: two editors who may not publish, a reviewer and an admin, each an app. */
export async function reviewApps(db: Db) {
  return {
    editor: await testApp(db, { as: 'editor', canPublish: false }),
    otherEditor: await testApp(db, { as: 'editor', canPublish: false }),
    reviewer: await testApp(db, { as: 'reviewer' }),
    admin: await testApp(db, { as: 'admin' }),
  };
}
