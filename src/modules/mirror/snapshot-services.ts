import type { Services } from '../../app.js';

/**
 * The mirror reads one snapshot (a repeatable-read transaction), so a read asked twice has the same
 * answer: this remembers the latest answers of every read method, so that the three locales of one
 * address, written one after another, read the registry once. Bounded: the export walks
 * 100,000-person registries.
 */
const REMEMBERED = 2_000;

export function rememberingReads(services: Services): Services {
  const answers = new Map<string, unknown>();
  const remember = (key: string, read: () => unknown) => {
    if (answers.has(key)) return answers.get(key);
    const answer = read();
    if (answers.size >= REMEMBERED) answers.delete(answers.keys().next().value ?? '');
    answers.set(key, answer);
    return answer;
  };
  const wrapped: Record<string, unknown> = {};
  for (const [name, service] of Object.entries(services)) {
    const methods: Record<string, unknown> = {};
    for (const [method, value] of Object.entries(service as Record<string, unknown>)) {
      methods[method] =
        typeof value === 'function'
          ? (...args: unknown[]) =>
              remember(`${name}.${method}:${JSON.stringify(args)}`, () =>
                (value as (...a: unknown[]) => unknown).apply(service, args),
              )
          : value;
    }
    wrapped[name] = methods;
  }
  return wrapped as Services;
}
