import { buildServices, type Services } from '../app.js';
import { type Config, type ConfigOverrides, loadConfig } from '../config.js';
import { type OpenedDatabase, openDatabase } from '../db/dialect.js';
import { migrateToLatest } from '../db/migrate.js';
import { AppError, isAppError } from '../lib/errors.js';

export interface GlobalOptions {
  databaseUrl?: string;
}

export interface CommandContext {
  config: Config;
  database: OpenedDatabase;
  services: Services;
  out: (line: string) => void;
}

export const out = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

/** Prints an error the way every command does, and returns the exit code from the shared table. */
export function reportError(error: unknown): number {
  if (isAppError(error)) {
    process.stderr.write(`error [${error.code}]: ${error.message}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`error: ${message}\n`);
  return new AppError('internal', message).exitCode;
}

/**
 * Runs a command against the configured database (migrated first, so every command works on a
 * fresh file) and maps any failure to its exit code.
 */
export async function withDatabase(
  overrides: ConfigOverrides,
  action: (context: CommandContext) => Promise<void>,
): Promise<void> {
  let database: OpenedDatabase | undefined;
  try {
    const config = loadConfig(overrides);
    database = openDatabase(config.databaseUrl);
    await migrateToLatest(database.db);
    await action({
      config,
      database,
      services: buildServices(database.db, undefined, {
        requireTotpFor: config.requireTotpFor,
        importMaxBytes: config.importMaxBytes,
      }),
      out,
    });
  } catch (error) {
    process.exitCode = reportError(error);
  } finally {
    await database?.close();
  }
}
