import { LRUCache } from 'lru-cache';

/** One public response as it leaves the server. */
export interface CachedOutput {
  readonly body: string;
  readonly contentType: string;
  readonly etag: string;
  readonly headers: Readonly<Record<string, string>>;
}

export interface PageCache {
  /**
   * The registry's data version (history.dataVersion). Requests arriving while one read of it is
   * under way share that read instead of each asking the database (one round trip per burst, not
   * per request, on PostgreSQL); so a request may see the version of a few milliseconds before it
   * arrived, never an older one.
   */
  dataVersion(): Promise<string>;
  /**
   * The output for `key`, produced once however many requests ask for it at the same time; a
   * failed production is not kept (the next request tries again).
   */
  get(key: string, produce: () => Promise<CachedOutput>): Promise<CachedOutput>;
  /** The output kept under `key`, if any (for outputs produced elsewhere and kept with `set`). */
  peek(key: string): CachedOutput | undefined;
  set(key: string, output: CachedOutput): void;
}

/** Bytes an entry holds (JavaScript strings are UTF-16) plus its bookkeeping. */
const sizeOf = (output: CachedOutput): number => 2 * output.body.length + 512;

/**
 * Public pages are pure functions of the registry's data, the day and the address, so their
 * output is kept under `dataVersion|today|url` and reused until the data changes (see
 * docs/decisions/0016). Under a traffic spike the pages then cost what a static file costs, and
 * concurrent requests for a page that is not ready wait for one rendering instead of each doing it.
 * `maxBytes` 0 turns the cache off.
 */
export function createPageCache(maxBytes: number, readDataVersion: () => Promise<string>): PageCache {
  const dataVersion = sharedWhilePending(readDataVersion);
  if (maxBytes <= 0) {
    return { dataVersion, get: (_key, produce) => produce(), peek: () => undefined, set: () => undefined };
  }
  const cache = new LRUCache<string, CachedOutput, () => Promise<CachedOutput>>({
    maxSize: maxBytes,
    sizeCalculation: sizeOf,
    fetchMethod: (_key, _stale, { context }) => context(),
  });
  return {
    dataVersion,
    async get(key, produce) {
      const output = await cache.fetch(key, { context: produce });
      // fetch() answers undefined only when the fetch method does; ours always gives an output.
      return output ?? produce();
    },
    peek: (key) => cache.get(key),
    set: (key, output) => {
      cache.set(key, output);
    },
  };
}

/** Calls made while an earlier call is pending get its promise; the next call after it settles reads again. */
export function sharedWhilePending<T>(read: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    pending ??= read().finally(() => {
      pending = null;
    });
    return pending;
  };
}
