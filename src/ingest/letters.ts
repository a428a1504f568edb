/**
 * `\p{L}` is the clearest way to write "a letter" in a pattern, but V8 builds the whole Unicode
 * letter class (with its case closure under /i) for every occurrence when a pattern first runs:
 * about 5 ms a pattern, most of the cold cost of reading the first article. The articles read here
 * are English, Russian and Belarusian, so the patterns are written with `\p{L}` (`\p{Lu}`, `\p{Ll}`) and
 * compiled with the letters of the Latin, Greek and Cyrillic blocks instead (docs/decisions/0010).
 */

/** The blocks of the scripts the articles are written in: Latin, Greek, Cyrillic, Latin Extended Additional. */
const BLOCKS: readonly (readonly [number, number])[] = [
  [0x0000, 0x052f],
  [0x1e00, 0x1fff],
];

const hex = (code: number) => `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;

/** The code points of those blocks a property matches, as class ranges (one compile of it, not hundreds). */
function rangesOf(property: RegExp): string {
  const ranges: string[] = [];
  for (const [from, to] of BLOCKS) {
    let start: number | null = null;
    for (let code = from; code <= to + 1; code += 1) {
      const matches = code <= to && property.test(String.fromCharCode(code));
      if (matches && start === null) start = code;
      if (!matches && start !== null) {
        ranges.push(start === code - 1 ? hex(start) : `${hex(start)}-${hex(code - 1)}`);
        start = null;
      }
    }
  }
  return ranges.join('');
}

const PROPERTIES: readonly (readonly [string, string])[] = [
  ['\\p{L}', rangesOf(/\p{L}/u)],
  ['\\p{Lu}', rangesOf(/\p{Lu}/u)],
  ['\\p{Ll}', rangesOf(/\p{Ll}/u)],
];

/** The same pattern with every `\p{L}`, `\p{Lu}`, `\p{Ll}` read as the letters of the scripts the articles use. */
export function withLetters(pattern: RegExp): RegExp {
  const source = pattern.source;
  let rewritten = '';
  let inClass = false;
  for (let i = 0; i < source.length; i += 1) {
    const char = source[i] ?? '';
    if (char === '\\') {
      const property = PROPERTIES.find(([escape]) => source.startsWith(escape, i));
      if (property) {
        rewritten += inClass ? property[1] : `[${property[1]}]`;
        i += property[0].length - 1;
      } else {
        rewritten += source.slice(i, i + 2);
        i += 1;
      }
      continue;
    }
    if (char === '[') inClass = true;
    else if (char === ']') inClass = false;
    rewritten += char;
  }
  return new RegExp(rewritten, pattern.flags);
}
