/**
 * Freezes a value and everything it holds: data shared between readers (one snapshot's facts, the
 * mirror's kept persons) must throw on a write, not change what the next reader sees.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
