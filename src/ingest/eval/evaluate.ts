import { type Article, readArticle } from '../article.js';
import { extractFacts } from '../extract.js';
import { type MentionToLink, mentionsToLink } from '../mentions.js';
import { EXTRACTION_KINDS, type Extraction, type ExtractionKind } from '../types.js';

/**
 * Measures extraction on the labelled articles (articles.json): precision and recall per kind,
 * whether dates are exact where the article gives them, and time per article. Name linking needs
 * the registry's search, so it is measured by the caller through `linkAccuracy`.
 */
export interface Expected {
  release_event: { count: number | null; date: string | null }[];
  count_observation: { organisation: string; metric: string; count: number; date: string | null }[];
  sentence: { name: string; months: number; date: string | null }[];
  arrest: { name: string; date: string | null }[];
  concession: { target: string }[];
}

export interface EvalArticle {
  id: string;
  published: string;
  text: string;
  expected: Expected;
  /** Recorded name → gallery key, or null for a person the registry does not hold. */
  links: Record<string, string | null>;
}

export interface GalleryPerson {
  key: string;
  names: [string, 'Latn' | 'Cyrl', string][];
}

export function readEvalSet(raw: unknown): EvalArticle[] {
  const articles = (raw as { articles?: EvalArticle[] }).articles;
  if (!Array.isArray(articles)) throw new Error('articles.json: "articles" must be an array');
  return articles;
}

export function readGallery(raw: unknown): GalleryPerson[] {
  const persons = (raw as { persons?: GalleryPerson[] }).persons;
  if (!Array.isArray(persons)) throw new Error('gallery.json: "persons" must be an array');
  return persons;
}

export interface KindFigures {
  kind: ExtractionKind;
  expected: number;
  found: number;
  matched: number;
  precision: number;
  recall: number;
}

export interface Miss {
  article: string;
  kind: ExtractionKind;
  what: 'missed' | 'spurious' | 'wrong date';
  detail: string;
}

export interface ExtractionReport {
  kinds: KindFigures[];
  datesChecked: number;
  datesExact: number;
  misses: Miss[];
  millisecondsPerArticle: number;
  mentions: { article: string; mention: MentionToLink; expected: string | null | undefined }[];
}

function keyOf(extraction: Extraction): string {
  switch (extraction.kind) {
    case 'release_event':
      return String(extraction.facts.count);
    case 'count_observation':
      return `${extraction.facts.organisation}|${extraction.facts.metric}|${extraction.facts.count}`;
    case 'sentence':
      return `${extraction.facts.person.name}|${extraction.facts.months}`;
    case 'arrest':
      return extraction.facts.person.name;
    case 'concession':
      return extraction.facts.target ?? '';
  }
}

function dateOf(extraction: Extraction): string | null {
  switch (extraction.kind) {
    case 'release_event':
      return extraction.facts.releasedOn;
    case 'count_observation':
      return extraction.facts.observedOn;
    case 'sentence':
      return extraction.facts.verdictOn;
    case 'arrest':
      return extraction.facts.detainedOn;
    case 'concession':
      return extraction.facts.announcedOn;
  }
}

function expectedKeys(expected: Expected, kind: ExtractionKind): { key: string; date: string | null }[] {
  switch (kind) {
    case 'release_event':
      return expected.release_event.map((e) => ({ key: String(e.count), date: e.date }));
    case 'count_observation':
      return expected.count_observation.map((e) => ({
        key: `${e.organisation}|${e.metric}|${e.count}`,
        date: e.date,
      }));
    case 'sentence':
      return expected.sentence.map((e) => ({ key: `${e.name}|${e.months}`, date: e.date }));
    case 'arrest':
      return expected.arrest.map((e) => ({ key: e.name, date: e.date }));
    case 'concession':
      return expected.concession.map((e) => ({ key: e.target, date: null }));
  }
}

export function readEvalArticle(article: EvalArticle): Article {
  return readArticle(article.text, {
    published: article.published,
    timeZone: 'Europe/Minsk',
    today: article.published,
  });
}

export function evaluateExtraction(articles: readonly EvalArticle[]): ExtractionReport {
  const tallies = new Map<ExtractionKind, { expected: number; found: number; matched: number }>(
    EXTRACTION_KINDS.map((kind) => [kind, { expected: 0, found: 0, matched: 0 }]),
  );
  const misses: Miss[] = [];
  const mentions: ExtractionReport['mentions'] = [];
  let datesChecked = 0;
  let datesExact = 0;
  const started = performance.now();
  for (const article of articles) {
    const read = readEvalArticle(article);
    const extractions = extractFacts(read);
    for (const mention of mentionsToLink(extractions, read.text)) {
      mentions.push({ article: article.id, mention, expected: article.links[mention.person.name] });
    }
    for (const kind of EXTRACTION_KINDS) {
      const tally = tallies.get(kind) ?? { expected: 0, found: 0, matched: 0 };
      const found = extractions.filter((e) => e.kind === kind);
      const expected = expectedKeys(article.expected, kind);
      tally.expected += expected.length;
      tally.found += found.length;
      const unmatched = [...found];
      for (const wanted of expected) {
        const index = unmatched.findIndex((e) => keyOf(e) === wanted.key);
        if (index === -1) {
          misses.push({ article: article.id, kind, what: 'missed', detail: wanted.key });
          continue;
        }
        const [match] = unmatched.splice(index, 1);
        tally.matched += 1;
        if (wanted.date !== null && match) {
          datesChecked += 1;
          if (dateOf(match) === wanted.date) datesExact += 1;
          else
            misses.push({
              article: article.id,
              kind,
              what: 'wrong date',
              detail: `${wanted.key}: ${dateOf(match) ?? 'none'} instead of ${wanted.date}`,
            });
        }
      }
      for (const spurious of unmatched)
        misses.push({
          article: article.id,
          kind,
          what: 'spurious',
          detail: `${keyOf(spurious)} ← ${spurious.evidence.sentence}`,
        });
      tallies.set(kind, tally);
    }
  }
  const elapsed = performance.now() - started;
  return {
    kinds: EXTRACTION_KINDS.map((kind) => {
      const tally = tallies.get(kind) ?? { expected: 0, found: 0, matched: 0 };
      return {
        kind,
        ...tally,
        precision: tally.found === 0 ? 1 : tally.matched / tally.found,
        recall: tally.expected === 0 ? 1 : tally.matched / tally.expected,
      };
    }),
    datesChecked,
    datesExact,
    misses,
    millisecondsPerArticle: elapsed / Math.max(1, articles.length),
    mentions,
  };
}

export interface LinkReport {
  labelled: number;
  right: number;
  accuracy: number;
  unlabelled: string[];
  wrong: string[];
}

/** How often a labelled mention is linked to the right registry person (or to none, for a new one). */
export async function linkAccuracy(
  report: ExtractionReport,
  link: (mention: MentionToLink) => Promise<string | null>,
): Promise<LinkReport> {
  let labelled = 0;
  let right = 0;
  const unlabelled: string[] = [];
  const wrong: string[] = [];
  for (const { article, mention, expected } of report.mentions) {
    if (expected === undefined) {
      unlabelled.push(`${article}: ${mention.person.text} → ${mention.person.name}`);
      continue;
    }
    labelled += 1;
    const got = await link(mention);
    if (got === expected) right += 1;
    else
      wrong.push(
        `${article}: ${mention.person.text} (${mention.person.name}) → ${got ?? 'new'} instead of ${expected ?? 'new'}`,
      );
  }
  return { labelled, right, accuracy: labelled === 0 ? 1 : right / labelled, unlabelled, wrong };
}

/** An article of at least `words` words, made of the evaluation texts, for the timing figure. */
export function longArticle(articles: readonly EvalArticle[], words: number): string {
  const parts: string[] = [];
  let count = 0;
  for (let i = 0; count < words; i += 1) {
    const text = articles[i % articles.length]?.text ?? '';
    parts.push(text);
    count += text.split(/\s+/).length;
  }
  return parts.join('\n\n');
}
