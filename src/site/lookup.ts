import { isAppError } from '../lib/errors.js';

/** A record the public may not see is simply absent from a page (never an error, never a name). */
export async function orNull<T>(promise: Promise<T>): Promise<T | null> {
  try {
    return await promise;
  } catch (error) {
    if (isAppError(error) && error.code === 'not_found') return null;
    throw error;
  }
}

/** Fetches each distinct id once; ids the viewer may not see are left out of the map. */
export async function fetchVisible<T>(
  ids: Iterable<string | null | undefined>,
  get: (id: string) => Promise<T>,
): Promise<Map<string, T>> {
  const unique = [...new Set([...ids].filter((id): id is string => Boolean(id)))];
  const found = await Promise.all(unique.map(async (id) => [id, await orNull(get(id))] as const));
  return new Map(
    found.filter((entry): entry is readonly [string, Awaited<T>] => entry[1] !== null) as [string, T][],
  );
}

/** fetchVisible from one bulk read: `getMany` gives the visible records by id, the order is the ids'. */
export async function fetchVisibleAll<T>(
  ids: Iterable<string | null | undefined>,
  getMany: (ids: string[]) => Promise<ReadonlyMap<string, T>>,
): Promise<Map<string, T>> {
  const unique = [...new Set([...ids].filter((id): id is string => Boolean(id)))];
  const found = await getMany(unique);
  return new Map(unique.flatMap((id) => (found.has(id) ? [[id, found.get(id) as T] as const] : [])));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (text: string | undefined): text is string => text !== undefined && UUID.test(text);
