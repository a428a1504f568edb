import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { parseInput } from '../../lib/validation.js';
import type { UserRecord } from '../../modules/user/user.schema.js';
import { addUserSchema, passwordSchema } from '../../modules/user/user.schema.js';
import { type GlobalOptions, withDatabase } from '../context.js';

/** Without --password-stdin a strong password is generated and shown once: never a default one. */
async function chosenPassword(
  fromStdin: boolean | undefined,
): Promise<{ password: string; generated: boolean }> {
  if (fromStdin) {
    const text = (await readFile('/dev/stdin', 'utf8')).replace(/\r?\n$/, '');
    return { password: parseInput(passwordSchema, text, 'password'), generated: false };
  }
  return { password: randomBytes(18).toString('base64url'), generated: true };
}

const describeUser = (user: UserRecord): string =>
  `${user.email}  ${user.role}${user.canPublish ? ', publishes directly' : ''}${user.confidentialAccess ? ', sees confidential' : ''}` +
  `${user.totpEnabled ? ', two-factor on' : ''}${user.disabled ? ', DISABLED' : ''}`;

export function registerUserCommands(program: Command): void {
  const user = program
    .command('user')
    .description('Accounts: add, reset a password, disable, two-factor, API tokens');
  const databaseUrl = () => program.opts<GlobalOptions>().databaseUrl;

  user
    .command('add <email>')
    .description('Add an account (the first admin is created this way; there is no default password)')
    .requiredOption('--role <role>', 'admin, editor, reviewer or viewer')
    .option('--name <name>', 'display name (default: the part of the email before @)')
    .option('--can-publish', 'an editor whose changes need no review')
    .option('--confidential-access', 'may see confidential fields')
    .option('--password-stdin', 'read the password from standard input instead of generating one')
    .action(
      (
        email: string,
        options: {
          role: string;
          name?: string;
          canPublish?: boolean;
          confidentialAccess?: boolean;
          passwordStdin?: boolean;
        },
      ) =>
        withDatabase({ databaseUrl: databaseUrl() }, async ({ services, out }) => {
          const { password, generated } = await chosenPassword(options.passwordStdin);
          const input = parseInput(
            addUserSchema,
            {
              email,
              displayName: options.name ?? email.split('@')[0],
              role: options.role,
              password,
              canPublish: options.canPublish ?? false,
              confidentialAccess: options.confidentialAccess ?? false,
            },
            'user',
          );
          const created = await services.users.add(input);
          out(`Added ${describeUser(created)}`);
          if (generated) out(`Password (shown once; change it with unfree user reset-password): ${password}`);
          if (created.role === 'admin')
            out(`Admins must use two-factor authentication: unfree user totp ${created.email}`);
        }),
    );

  user
    .command('reset-password <email>')
    .description('Set a new password (generated, or from standard input); ends every session of the user')
    .option('--password-stdin', 'read the password from standard input')
    .action((email: string, options: { passwordStdin?: boolean }) =>
      withDatabase({ databaseUrl: databaseUrl() }, async ({ services, out }) => {
        const { password, generated } = await chosenPassword(options.passwordStdin);
        const updated = await services.users.resetPassword(email, password);
        out(`New password set for ${updated.email}; their sessions have ended.`);
        if (generated) out(`Password (shown once): ${password}`);
      }),
    );

  user
    .command('disable <email>')
    .description('Disable an account: no more sign-ins, sessions ended, API tokens revoked')
    .action((email: string) =>
      withDatabase({ databaseUrl: databaseUrl() }, async ({ services, out }) => {
        out(`Disabled ${describeUser(await services.users.disable(email))}`);
      }),
    );

  user
    .command('enable <email>')
    .description('Enable a disabled or locked account')
    .action((email: string) =>
      withDatabase({ databaseUrl: databaseUrl() }, async ({ services, out }) => {
        out(`Enabled ${describeUser(await services.users.enable(email))}`);
      }),
    );

  user
    .command('list')
    .description('Every account')
    .action(() =>
      withDatabase({ databaseUrl: databaseUrl() }, async ({ services, out }) => {
        for (const entry of await services.users.list()) out(describeUser(entry));
      }),
    );

  user
    .command('totp <email>')
    .description(
      'Set up two-factor authentication: prints a secret to add to an authenticator app; confirm with --confirm',
    )
    .option('--confirm <code>', 'the 6-digit code the app shows, to switch two-factor on')
    .action((email: string, options: { confirm?: string }) =>
      withDatabase({ databaseUrl: databaseUrl() }, async ({ services, out }) => {
        if (options.confirm) {
          await services.users.confirmTotp(email, options.confirm);
          out(`Two-factor authentication is on for ${email}.`);
          return;
        }
        const { secret, uri } = await services.users.beginTotp(email);
        out(`Secret: ${secret}`);
        out(`URI for the app: ${uri}`);
        out(`Then confirm: unfree user totp ${email} --confirm <code>`);
      }),
    );

  user
    .command('token <email>')
    .description('Create a personal API token for scripts (shown once)')
    .requiredOption('--name <name>', 'what the token is for')
    .option('--scope <scope>', 'read or write', 'read')
    .action((email: string, options: { name: string; scope: string }) =>
      withDatabase({ databaseUrl: databaseUrl() }, async ({ services, out }) => {
        const scope = options.scope === 'write' ? 'write' : 'read';
        const created = await services.users.createApiToken(email, options.name, scope);
        out(`Token ${created.id} (${created.scope}), shown once: ${created.token}`);
        out('Send it as: Authorization: Bearer <token>');
      }),
    );
}
