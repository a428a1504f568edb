/**
 * JSON with object keys in sorted order, so the same value always gives the same text (and the
 * same hash), whatever order its keys were built in.
 *
 * The text must never change for a value: revisions are hashed over it, and a stored chain is
 * verified by hashing again. It is defined as `JSON.stringify` of a copy with sorted keys (the
 * first implementation, kept in the test as the oracle); this one writes the text in one pass
 * without the copy, which is most of the cost of recording history in bulk.
 */
export function canonicalJson(value: unknown): string {
  return write(value, false) ?? 'undefined';
}

/**
 * The pieces canonicalJson is made of, for writers of one known shape (history.diff.ts writes a
 * creation's diff without building it): a value's text (undefined where an object leaves it out),
 * the order of an object's keys, and a key as written.
 */
export const canonicalText = (value: unknown): string | undefined => write(value, false);

export const canonicalKeyOrder = (keys: readonly string[]): string[] => copyOrder([...keys]);

/** Keys repeat from record to record (the fields of a kind): each is quoted once. */
const quotedKeys = new Map<string, string>();
const MAX_QUOTED_KEYS = 10_000;

export function quotedKey(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = JSON.stringify(key);
    if (quotedKeys.size < MAX_QUOTED_KEYS) quotedKeys.set(key, quoted);
  }
  return quoted;
}

/** The text of a value, or undefined where JSON.stringify leaves a value out (in an object). */
function write(value: unknown, inArray: boolean): string | undefined {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      // As JSON.stringify does: a BigInt cannot be serialised.
      throw new TypeError('Do not know how to serialize a BigInt');
    case 'undefined':
    case 'function':
    case 'symbol':
      return inArray ? 'null' : undefined;
    case 'object':
      break;
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    return `[${value.map((item: unknown) => write(item, true)).join(',')}]`;
  }
  // Like the sorted copy: only own enumerable keys (a Date or a Map has none, and gives {}).
  const record = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of copyOrder(Object.keys(record))) {
    const text = write(record[key], false);
    if (text !== undefined) parts.push(`${quotedKey(key)}:${text}`);
  }
  return `{${parts.join(',')}}`;
}

const ARRAY_INDEX = /^(?:0|[1-9]\d*)$/;
const isArrayIndex = (key: string): boolean => {
  const first = key.charCodeAt(0);
  return first >= 48 && first <= 57 && ARRAY_INDEX.test(key) && Number(key) < 4294967295;
};

/**
 * The order of the keys in the sorted copy: it was built by inserting the keys in sorted order,
 * and a JavaScript object lists integer-like keys ("0", "12") first, in numeric order, whatever
 * the order they were inserted in.
 */
function copyOrder(keys: string[]): string[] {
  const sorted = keys.sort();
  if (!sorted.some(isArrayIndex)) return sorted;
  const indexes = sorted.filter(isArrayIndex).sort((a, b) => Number(a) - Number(b));
  return [...indexes, ...sorted.filter((key) => !isArrayIndex(key))];
}
