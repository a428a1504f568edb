import { randomBytes } from 'node:crypto';
import { AppError } from '../lib/errors.js';

export interface StashedUpload {
  name: string;
  bytes: Buffer;
}

interface Entry extends StashedUpload {
  owner: string;
  storedAt: number;
}

export interface UploadStashOptions {
  /** How long an upload waits for its confirmation. */
  maxAgeMs?: number;
  /** The most bytes held at once; the oldest uploads are dropped first beyond it. */
  maxTotalBytes: number;
  now?: () => number;
}

const TOKEN = /^[0-9a-f]{32}$/;

/**
 * Holds an uploaded import file between its dry run and the confirmed run, in memory only: the file
 * (a list of detained people) never touches the disk, is dropped after the run, after an hour, or
 * when newer uploads need the room, and only the user who sent it can use it.
 */
export function createUploadStash(options: UploadStashOptions) {
  const maxAgeMs = options.maxAgeMs ?? 60 * 60 * 1000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();

  function sweep(room: number): void {
    const oldest = now() - maxAgeMs;
    let total = room;
    for (const entry of entries.values()) total += entry.bytes.length;
    // A Map iterates in insertion order, so the oldest entries go first.
    for (const [token, entry] of entries) {
      if (entry.storedAt >= oldest && total <= options.maxTotalBytes) continue;
      entries.delete(token);
      total -= entry.bytes.length;
    }
  }

  return {
    put(owner: string, upload: StashedUpload): string {
      sweep(upload.bytes.length);
      const token = randomBytes(16).toString('hex');
      entries.set(token, { ...upload, owner, storedAt: now() });
      return token;
    },

    get(owner: string, token: string): StashedUpload {
      sweep(0);
      const entry = TOKEN.test(token) ? entries.get(token) : undefined;
      if (!entry || entry.owner !== owner)
        throw new AppError(
          'not_found',
          'this upload is no longer held (uploads wait at most an hour and are dropped after the import): upload the file again',
        );
      return { name: entry.name, bytes: entry.bytes };
    },

    drop(token: string): void {
      entries.delete(token);
    },
  };
}
export type UploadStash = ReturnType<typeof createUploadStash>;
