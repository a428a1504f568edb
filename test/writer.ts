import { type ChildProcessByStdio, spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

const WRITER = fileURLToPath(new URL('./fixtures/writer.ts', import.meta.url));

/**
 * Starts the writer of test/fixtures/writer.ts as ONE process: tsx's loader is imported into it
 * rather than run through the tsx command, which would fork the script into a grandchild — a kill
 * would then end only the wrapper and leave the writer running.
 */
export function spawnWriter(databaseUrl: string): ChildProcessByStdio<null, Readable, Readable> {
  return spawn(process.execPath, ['--import', 'tsx/esm', WRITER, databaseUrl], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
