import { describe, expect, it } from 'vitest';
import { withLetters } from './letters.js';

describe('withLetters', () => {
  it('matches exactly what \\p{L}, \\p{Lu} and \\p{Ll} match in the Latin, Greek and Cyrillic blocks', () => {
    const properties = [/^\p{L}$/u, /^\p{Lu}$/u, /^\p{Ll}$/u, /^[\p{Lu}\d]$/u];
    const blocks: [number, number][] = [
      [0x0000, 0x052f],
      [0x1e00, 0x1fff],
    ];
    const differing: string[] = [];
    for (const [from, to] of blocks)
      for (let code = from; code <= to; code += 1) {
        const char = String.fromCodePoint(code);
        for (const property of properties)
          if (property.test(char) !== withLetters(property).test(char))
            differing.push(`${property.source} ${code.toString(16)}`);
      }
    expect(differing).toEqual([]);
  });

  it('rewrites \\p{L} inside and outside classes, and keeps every other escape and the flags', () => {
    const pattern = withLetters(/(?<!\p{L})(?:вызвал\p{L}*|[\d\p{L}-]+)\.\\p\s/giu);
    expect(pattern.flags).toBe('giu');
    expect(pattern.source).not.toContain('\\p{L}');
    expect(pattern.source).toContain('\\.\\\\p\\s');
    expect('Яны вызвалены'.match(pattern)).toBeNull();
    expect(withLetters(/(?<!\p{L})вызвал\p{L}*/iu).exec('Яны Вызвалены.')?.[0]).toBe('Вызвалены');
    expect(withLetters(/[\d\p{L}-]+/u).exec('… Ўсе-20 …')?.[0]).toBe('Ўсе-20');
    expect(withLetters(/(?<!\p{L})не(?!\p{L})/iu).test('нельга')).toBe(false);
    expect(withLetters(/(?<!\p{L})не(?!\p{L})/iu).test('Не быў')).toBe(true);
    expect(withLetters(/\bfreed\b/iu).test('Freed')).toBe(true);
  });
});
