import { z } from 'zod';

/**
 * The only reader of process.env. Everything else receives a frozen Config, so a test or a CLI flag
 * can override any setting without touching the environment.
 */
const configSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(3000),
  host: z.string().min(1).default('127.0.0.1'),
  databaseUrl: z
    .string()
    .regex(/^(sqlite:|postgres:\/\/|postgresql:\/\/)/, 'DATABASE_URL must start with sqlite: or postgres://')
    .default('sqlite:./data/unfree.db'),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
  requireTotpFor: z
    .string()
    .default('admin')
    .transform((value) =>
      value
        .split(',')
        .map((role) => role.trim())
        .filter(Boolean),
    )
    .describe('Comma-separated roles that must use two-factor authentication'),
  secureCookies: z
    .enum(['auto', 'always', 'never'])
    .default('auto')
    .describe('auto: Secure cookies when the request came over HTTPS (directly or via a proxy)'),
  seedDemo: z
    .enum(['auto', 'never'])
    .default('auto')
    .describe('auto: load the demo dataset when the database is empty'),
  importMaxBytes: z.coerce
    .number()
    .int()
    .min(1)
    .default(20 * 1024 * 1024)
    .describe('Largest file an import accepts; a larger one is refused before it is read'),
  pageCacheMiB: z.coerce
    .number()
    .min(0)
    .default(64)
    .describe('Memory for rendered public pages reused until the data changes; 0 turns it off'),
});

export type Config = Readonly<z.infer<typeof configSchema>>;
export type ConfigOverrides = Partial<z.input<typeof configSchema>>;

export function loadConfig(overrides: ConfigOverrides = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const fromEnv = {
    port: env.PORT,
    host: env.HOST,
    databaseUrl: env.DATABASE_URL,
    logLevel: env.LOG_LEVEL,
    seedDemo: env.UNFREE_SEED_DEMO,
    requireTotpFor: env.UNFREE_REQUIRE_TOTP_FOR,
    secureCookies: env.UNFREE_SECURE_COOKIES,
    importMaxBytes: env.UNFREE_IMPORT_MAX_BYTES,
    pageCacheMiB: env.UNFREE_PAGE_CACHE_MIB,
  };
  // An override left undefined (a CLI flag not given) must not hide the environment's value.
  const given = (values: object) =>
    Object.entries(values).filter(([, value]) => value !== undefined && value !== '');
  const merged = Object.fromEntries([...given(fromEnv), ...given(overrides)]);
  const parsed = configSchema.safeParse(merged);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      .join('; ');
    throw new Error(`invalid configuration: ${problems}`);
  }
  return Object.freeze(parsed.data);
}
