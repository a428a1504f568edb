/**
 * The plain baseline the benchmark compares unfree's name search with: what one would build without
 * the romanization work. One generic transliteration (an ISO-9-like Cyrillic→Latin map, the
 * diacritics spelled as ASCII digraphs, the same map for Belarusian and Russian), then pg_trgm-style
 * trigram similarity over ALL stored names, in memory. Each person keeps the best of their names.
 *
 * The inverted index (trigram → names) only skips names that share no trigram with the query, whose
 * similarity is 0 anyway: the result is the same as scoring every name.
 */

/** ISO 9-like, ASCII: one spelling per letter whatever the language (г → g, х → h, ў → u). */
// prettier-ignore
const CYRILLIC_TO_LATIN: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', ґ: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', і: 'i',
  й: 'j', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ў: 'u',
  ф: 'f', х: 'h', ц: 'c', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'ju', я: 'ja',
  "'": '', '’': '', ʼ: '',
};

/** Lower-case ASCII words: transliterated, diacritics stripped, everything else a separator. */
export function baselineNormalize(text: string): string {
  let out = '';
  for (const char of text.toLowerCase()) out += CYRILLIC_TO_LATIN[char] ?? char;
  return out
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ł/g, 'l')
    .replace(/[^a-z]+/g, ' ')
    .trim();
}

/** pg_trgm's trigrams: each word padded with two spaces before and one after, distinct. */
export function trigrams(normalized: string): Set<string> {
  const out = new Set<string>();
  for (const word of normalized.split(' ')) {
    if (word.length === 0) continue;
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  }
  return out;
}

export interface BaselineHit {
  readonly personId: string;
  readonly score: number;
}

export interface BaselinePerson {
  readonly id: string;
  readonly names: readonly { readonly text: string }[];
}

export class TrigramBaseline {
  private readonly trigramIds = new Map<string, number>();
  private readonly postings: Int32Array[] = [];
  private readonly nameSize: Int32Array;
  private readonly namePerson: Int32Array;
  private readonly personIds: string[] = [];
  private readonly counts: Int32Array;
  private readonly best: Float64Array;
  readonly nameCount: number;

  constructor(persons: readonly BaselinePerson[]) {
    const lists: number[][] = [];
    const sizes: number[] = [];
    const owners: number[] = [];
    persons.forEach((person, personIndex) => {
      this.personIds.push(person.id);
      for (const name of person.names) {
        const nameIndex = sizes.length;
        const grams = trigrams(baselineNormalize(name.text));
        sizes.push(grams.size);
        owners.push(personIndex);
        for (const gram of grams) {
          let id = this.trigramIds.get(gram);
          if (id === undefined) {
            id = lists.length;
            this.trigramIds.set(gram, id);
            lists.push([]);
          }
          (lists[id] as number[]).push(nameIndex);
        }
      }
    });
    for (const list of lists) this.postings.push(Int32Array.from(list));
    this.nameSize = Int32Array.from(sizes);
    this.namePerson = Int32Array.from(owners);
    this.nameCount = sizes.length;
    this.counts = new Int32Array(sizes.length);
    this.best = new Float64Array(persons.length);
  }

  /** Persons by their best name's trigram similarity |Q∩N| / |Q∪N| (pg_trgm similarity()). */
  search(query: string, limit: number): BaselineHit[] {
    const grams = trigrams(baselineNormalize(query));
    if (grams.size === 0) return [];
    const touched: number[] = [];
    const counts = this.counts;
    for (const gram of grams) {
      const id = this.trigramIds.get(gram);
      if (id === undefined) continue;
      for (const name of this.postings[id] as Int32Array) {
        if (counts[name] === 0) touched.push(name);
        counts[name] = (counts[name] ?? 0) + 1;
      }
    }
    // Best score per person, then the top `limit` by a bounded insertion (no full sort).
    const bestOf = this.best;
    const persons: number[] = [];
    for (const name of touched) {
      const shared = counts[name] ?? 0;
      counts[name] = 0;
      const score = shared / (grams.size + (this.nameSize[name] ?? 0) - shared);
      const person = this.namePerson[name] ?? 0;
      const previous = bestOf[person] ?? 0;
      if (previous === 0) persons.push(person);
      if (score > previous) bestOf[person] = score;
    }
    const top: { person: number; score: number }[] = [];
    for (const person of persons) {
      const score = bestOf[person] ?? 0;
      bestOf[person] = 0;
      if (top.length === limit && score <= (top[top.length - 1]?.score ?? 0)) continue;
      let at = top.length;
      while (at > 0 && (top[at - 1]?.score ?? 0) < score) at--;
      top.splice(at, 0, { person, score });
      if (top.length > limit) top.pop();
    }
    return top.map(({ person, score }) => ({ personId: this.personIds[person] ?? '', score }));
  }
}
