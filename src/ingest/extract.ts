import { withLetters } from './letters.js';
import type { Article } from './article.js';
import { assertsRelease } from './assertion.js';
import { type DateMention, findDates } from './dates.js';
import { type ArticleLanguage, sentenceLanguage } from './language.js';
import {
  ALLOWED_TO_STAY,
  ARREST_VERB,
  COUNT_THEN_VERB,
  COUNTERPARTS,
  CLAUSE_BREAK,
  DAYS_AFTER_BEFORE,
  POLITICAL_TOPIC,
  PRONOUN_RELEASE,
  RELEASED_SINCE,
  REPORTED_BEFORE,
  SUPERSEDED_TARGETS,
  TOTAL_TO_BEFORE,
  COUNT_THEN_HELD,
  CUMULATIVE,
  DESTINATION,
  NUMBER_SIGN_BEFORE,
  HELD_COPULA_BEFORE,
  LAST_WEEK,
  NEW_AFTER,
  NEW_BEFORE,
  RECOGNITION_PERIOD,
  STATUS_NOW,
  DESTINATION_COUNTRIES,
  FORCED_EXILE,
  NEW_RECOGNITIONS,
  NOT_AN_EVENT,
  ORGANISATIONS,
  POLITICAL_PRISONERS,
  PRISONER_NOUN,
  REGIMES,
  RELEASE_VERB,
  RELIEF,
  SANCTIONS,
  CONCESSION_TARGETS,
  SENTENCE_APPOSITIVE,
  SENTENCE_VERB,
  DENIED,
  PARDON,
  PART_OF_AFTER,
  PRONOUN_ARREST,
  OFFICIAL_BEFORE,
  SUBSET_BEFORE,
  TRANSPORT,
  VERDICT_FOLLOW_UP,
  qualifierBefore,
} from './lexicon.js';
import { type NumberMention, findNumbers } from './numbers.js';
import { type PersonMention, findPersonMentions } from './people.js';
import { type Sentence, splitSentences } from './sentences.js';
import { findArticles, findTerms } from './terms.js';
import type {
  ConcessionFacts,
  CountObservationFacts,
  Evidence,
  Extraction,
  NamedPerson,
  ReleaseEventFacts,
} from './types.js';

/** One sentence with everything the extractors read from it, offsets in the article's text. */
interface Reading {
  sentence: Sentence;
  language: ArticleLanguage;
  dates: DateMention[];
  /** Numbers that are not part of a date, an article number or a prison term. */
  counts: NumberMention[];
  people: PersonMention[];
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

function read(sentence: Sentence, article: Article, articleDates: readonly DateMention[]): Reading {
  const language = sentenceLanguage(sentence.text, article.language);
  const shift = <T extends { start: number; end: number }>(item: T): T => ({
    ...item,
    start: item.start + sentence.start,
    end: item.end + sentence.start,
  });
  const allDates = articleDates.filter((date) => date.start >= sentence.start && date.end <= sentence.end);
  const dateline = article.dateline;
  const dates = allDates.filter((date) => !dateline || !overlaps(date, dateline));
  const claimed = [
    ...allDates,
    ...findArticles(sentence.text).map(shift),
    ...findTerms(sentence.text).map(shift),
  ];
  const counts = findNumbers(sentence.text)
    .map(shift)
    .filter((number) => !claimed.some((span) => overlaps(span, number)))
    .filter((number) => Number.isInteger(number.value))
    // "колонии №15", "Penal Colony No. 4": a facility's number, never a count.
    .filter((number) => !NUMBER_SIGN_BEFORE.test(sentence.text.slice(0, number.start - sentence.start)))
    .filter((number) => !(number.value >= 1900 && number.value <= 2100 && !/[,  ]/.test(number.text)));
  const people = findPersonMentions(sentence.text, language)
    .filter(
      (mention) => !OFFICIAL_BEFORE.test(sentence.text.slice(Math.max(0, mention.start - 30), mention.start)),
    )
    .map(shift);
  return { sentence, language, dates, counts, people };
}

function evidenceOf(sentence: Sentence): Evidence {
  return { sentence: sentence.text, start: sentence.start, end: sentence.end, alsoAt: [] };
}

const textAfter = (article: Article, at: number, length = 60) => article.text.slice(at, at + length);
const textBefore = (article: Article, at: number, length = 40) =>
  article.text.slice(Math.max(0, at - length), at);

function asNamed(mention: PersonMention): NamedPerson {
  return {
    text: mention.text,
    name: mention.name,
    script: mention.script,
    queries: mention.queries,
    start: mention.start,
    end: mention.end,
  };
}

/** The date nearest to a keyword, preferring a day to a month; years alone never date an event. */
function eventDate(reading: Reading, at: number): DateMention | null {
  const candidates = reading.dates.filter((date) => date.date.length >= 7 && !reportedOn(reading, date));
  const distance = (date: DateMention) => Math.min(Math.abs(date.start - at), Math.abs(date.end - at));
  return (
    [...candidates].sort(
      (a, b) => (b.date.length === 10 ? 1 : 0) - (a.date.length === 10 ? 1 : 0) || distance(a) - distance(b),
    )[0] ?? null
  );
}

/** "…, Viasna said on Friday": the day of the report, which dates no event. */
function reportedOn(reading: Reading, date: DateMention): boolean {
  return REPORTED_BEFORE.test(reading.sentence.text.slice(0, date.start - reading.sentence.start));
}

function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const SMALL_NUMBERS: Readonly<Record<string, number>> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5 };

/** "X on Monday, a day after Minsk freed 16": the other day of the sentence, a day earlier. */
function dateRelativeToOther(reading: Reading, article: Article, verbAt: number): string | null {
  const relative = DAYS_AFTER_BEFORE.exec(textBefore(article, verbAt, 60));
  if (!relative) return null;
  const other = reading.dates.find(
    (date) => date.date.length === 10 && date.end <= verbAt - relative[0].length,
  );
  if (!other) return null;
  const word = (relative[1] ?? '').toLowerCase();
  const days = SMALL_NUMBERS[word] ?? (Number(word) || 1);
  const after = relative[2] ? /after/i.test(relative[2]) : Boolean(relative[3]);
  return shiftDay(other.date, after ? -days : days);
}

function keywordAt(reading: Reading, pattern: RegExp): number | null {
  const match = pattern.exec(reading.sentence.text);
  return match ? reading.sentence.start + match.index : null;
}

function counterpartsIn(text: string): { name: string; code: string | null; index: number }[] {
  const found: { name: string; code: string | null; index: number }[] = [];
  for (const [pattern, name, code] of COUNTERPARTS) {
    const match = pattern.exec(text);
    if (match) found.push({ name, code, index: match.index });
  }
  return found.sort((a, b) => a.index - b.index);
}

function destinationIn(text: string): { name: string; code: string } | null {
  const match = DESTINATION.exec(text);
  const word = (match?.[1] ?? match?.[2] ?? '').toLowerCase();
  return DESTINATION_COUNTRIES[word] ?? null;
}

function releaseFrom(reading: Reading, article: Article): Extraction | null {
  const text = reading.sentence.text;
  if (!assertsRelease(text) || NOT_AN_EVENT.test(text)) return null;
  if (ORGANISATIONS.some(([pattern]) => pattern.test(text)) && CUMULATIVE.test(text)) return null;
  const count = reading.counts.find(
    (number) =>
      (PRISONER_NOUN.test(textAfter(article, number.end)) ||
        COUNT_THEN_VERB.test(textAfter(article, number.end))) &&
      !SUBSET_BEFORE.test(textBefore(article, number.start, 50)) &&
      !PART_OF_AFTER.test(textAfter(article, number.end)),
  );
  const people = reading.people.map(asNamed);
  if (!count && people.length === 0) return null;
  const verbAt = keywordAt(reading, RELEASE_VERB) ?? reading.sentence.start;
  const relativeDay = dateRelativeToOther(reading, article, verbAt);
  const date = relativeDay ? { date: relativeDay } : eventDate(reading, verbAt);
  const destination = destinationIn(text);
  const facts: ReleaseEventFacts = {
    count: count?.value ?? null,
    qualifier: count ? qualifierBefore(textBefore(article, count.start)) : 'exact',
    releasedOn: date?.date ?? null,
    dateFrom: date ? 'text' : null,
    people,
    destination: destination?.name ?? null,
    destinationCountry: destination?.code ?? null,
    forcedExile: FORCED_EXILE.test(text) ? true : ALLOWED_TO_STAY.test(text) ? false : null,
    counterparts: counterpartsIn(text)
      .filter((c) => c.code !== destination?.code && c.name !== 'Belarus')
      .map((c) => c.name),
    mode: PARDON.test(text) ? 'pardon' : 'other',
  };
  const confidence = 0.55 + (count ? 0.2 : 0) + (date ? 0.1 : 0) + (people.length > 0 ? 0.05 : 0);
  return { kind: 'release_event', facts, evidence: evidenceOf(reading.sentence), confidence };
}

/**
 * "Ihar Testovich, sentenced in 2022 to seven years, was among 12 prisoners released": the
 * sentence told beside a release, read from its own clause (a year dates a past verdict).
 */
function appositiveSentence(reading: Reading): Extraction[] {
  const text = reading.sentence.text;
  const clause = SENTENCE_APPOSITIVE.exec(text);
  if (!clause) return [];
  const from = reading.sentence.start + clause.index;
  const to = from + clause[0].length;
  const term = findTerms(clause[0])[0];
  const person = reading.people.filter((mention) => mention.end <= from).at(-1);
  if (!term || !person || from - person.end > 3) return [];
  const inClause = reading.dates.filter((date) => date.start >= from && date.end <= to);
  const date = inClause.find((d) => d.date.length >= 7) ?? inClause[0] ?? null;
  return [
    {
      kind: 'sentence',
      facts: {
        person: asNamed(person),
        months: term.months,
        regime: REGIMES.find(([pattern]) => pattern.test(clause[0]))?.[1] ?? null,
        articles: findArticles(clause[0]).map(({ number, part }) => ({ number, part })),
        verdictOn: date?.date ?? null,
      },
      evidence: evidenceOf(reading.sentence),
      confidence: 0.6 + (date ? 0.1 : 0),
    },
  ];
}

function sentencesFrom(reading: Reading): Extraction[] {
  const text = reading.sentence.text;
  if (!SENTENCE_VERB.test(text) || NOT_AN_EVENT.test(text)) return [];
  if (RELEASE_VERB.test(text)) return appositiveSentence(reading);
  const terms = findTerms(text);
  const term = terms[0];
  if (!term || reading.people.length === 0) return [];
  const articles = findArticles(text).map(({ number, part }) => ({ number, part }));
  const regime = REGIMES.find(([pattern]) => pattern.test(text))?.[1] ?? null;
  const verbAt = keywordAt(reading, SENTENCE_VERB) ?? reading.sentence.start;
  const date = eventDate(reading, verbAt);
  return reading.people.map((person) => ({
    kind: 'sentence' as const,
    facts: {
      person: asNamed(person),
      months: term.months,
      regime,
      articles: articles.filter(
        (article, index) => articles.findIndex((other) => other.number === article.number) === index,
      ),
      verdictOn: date?.date ?? null,
    },
    evidence: evidenceOf(reading.sentence),
    confidence:
      Math.min(0.95, 0.7 + (articles.length > 0 ? 0.1 : 0) + (date ? 0.1 : 0)) -
      (reading.people.length > 2 ? 0.1 : 0),
  }));
}

/** "Belarus has released 21 …, Viasna said on Friday. They were freed on Wednesday …": the day after. */
function dateFromFollowUp(release: Extraction & { kind: 'release_event' }, next: Reading): void {
  const text = next.sentence.text;
  if (release.facts.releasedOn !== null || !PRONOUN_RELEASE.test(text) || !RELEASE_VERB.test(text)) return;
  const date = eventDate(next, keywordAt(next, RELEASE_VERB) ?? next.sentence.start);
  if (!date) return;
  release.facts.releasedOn = date.date;
  release.facts.dateFrom = 'text';
  release.evidence.alsoAt.push({ start: next.sentence.start, end: next.sentence.end });
}

/** "… к шести годам. Приговор вынесен во вторник.": the verdict's day told in the next sentence. */
function datedByNext(sentences: Extraction[], next: Reading | undefined): Extraction[] {
  if (!next || !VERDICT_FOLLOW_UP.test(next.sentence.text)) return sentences;
  const date = eventDate(next, keywordAt(next, VERDICT_FOLLOW_UP) ?? next.sentence.start);
  if (!date) return sentences;
  for (const extraction of sentences) {
    if (extraction.kind !== 'sentence' || extraction.facts.verdictOn !== null) continue;
    extraction.facts.verdictOn = date.date;
    extraction.evidence.alsoAt.push({ start: next.sentence.start, end: next.sentence.end });
    extraction.confidence += 0.05;
  }
  return sentences;
}

/** "… приговорил Елену Образцову … Ее задержали в январе.": the arrest of the one person just named. */
function pronounArrest(reading: Reading, person: NamedPerson | null): Extraction[] {
  if (!person || reading.people.length > 0 || !PRONOUN_ARREST.test(reading.sentence.text)) return [];
  // An arrest told after the verdict is often dated by its year alone ("в 2024 году").
  const date = eventDate(reading, reading.sentence.start) ?? reading.dates.find((d) => d.date.length === 4);
  return [
    {
      kind: 'arrest',
      facts: { person: { ...person }, detainedOn: date?.date ?? null },
      evidence: evidenceOf(reading.sentence),
      confidence: 0.5 + (date ? 0.15 : 0),
    },
  ];
}

/** The one person a sentence's extractions are about, whom a pronoun in the next may mean. */
function onlyPerson(extractions: readonly Extraction[]): NamedPerson | null {
  const names = new Map<string, NamedPerson>();
  for (const extraction of extractions) {
    if (extraction.kind === 'sentence' || extraction.kind === 'arrest')
      names.set(extraction.facts.person.name, extraction.facts.person);
    if (extraction.kind === 'release_event')
      for (const person of extraction.facts.people) names.set(person.name, person);
  }
  return names.size === 1 ? ([...names.values()][0] ?? null) : null;
}

function arrestsFrom(reading: Reading): Extraction[] {
  const text = reading.sentence.text;
  if (!ARREST_VERB.test(text) || NOT_AN_EVENT.test(text) || assertsRelease(text) || SENTENCE_VERB.test(text))
    return [];
  if (reading.people.length === 0) return [];
  const verbAt = keywordAt(reading, ARREST_VERB) ?? reading.sentence.start;
  const date = eventDate(reading, verbAt);
  return reading.people.map((person) => ({
    kind: 'arrest' as const,
    facts: { person: asNamed(person), detainedOn: date?.date ?? null },
    evidence: evidenceOf(reading.sentence),
    confidence: 0.65 + (date ? 0.15 : 0),
  }));
}

/** A count of political prisoners: "1,110 political prisoners", "1 127 человек", "stands at 1,134". */
function isTotalCount(article: Article, number: NumberMention): boolean {
  const after = textAfter(article, number.end, 50);
  return (
    POLITICAL_PRISONERS.test(after.slice(0, 35)) ||
    /^\s*(?:people|человек|чалавек)/iu.test(after) ||
    COUNT_THEN_HELD.test(after) ||
    HELD_COPULA_BEFORE.test(textBefore(article, number.start, 90)) ||
    TOTAL_TO_BEFORE.test(textBefore(article, number.start, 60))
  );
}

/** Where the clause of a count begins: the last comma, dash or "and" after the count before it. */
function clauseStart(article: Article, previousEnd: number, start: number): number {
  const between = article.text.slice(previousEnd, start);
  let at = 0;
  for (const match of between.matchAll(CLAUSE_BREAK)) at = match.index;
  return previousEnd + at;
}

/** Month-level date of a week before the publication ("last week" read on 2 December is November). */
const monthOfWeekBefore = (publishedOn: string): string =>
  new Date(Date.parse(`${publishedOn}T00:00:00Z`) - 7 * 86_400_000).toISOString().slice(0, 7);

/**
 * What one count in a sentence is: recognised since some year, newly recognised in a period, or
 * held now. Read in the count's own clause of the sentence (from the comma or "and" after the
 * count before it), so "stands at 1,134, …, which added 27 people last month" is one total held
 * and one of new recognitions, and "4,000 … since 2020, and 1,180 of them remain" one of each.
 */
function metricOf(
  article: Article,
  count: NumberMention,
  stretch: string,
  inMonth: boolean,
): CountObservationFacts['metric'] {
  if (CUMULATIVE.test(stretch)) return 'recognised_total';
  const before = textBefore(article, count.start, 25);
  const after = textAfter(article, count.end, 30);
  const isNew = NEW_BEFORE.test(before) || NEW_AFTER.test(after);
  const totalBefore =
    HELD_COPULA_BEFORE.test(textBefore(article, count.start, 90)) ||
    TOTAL_TO_BEFORE.test(textBefore(article, count.start, 60));
  if (totalBefore && !isNew) return 'held';
  if (!NEW_RECOGNITIONS.test(stretch)) return 'held';
  if (isNew) return 'new_recognitions';
  const period = RECOGNITION_PERIOD.test(stretch) || inMonth;
  return period && !STATUS_NOW.test(stretch) ? 'new_recognitions' : 'held';
}

function totalsFrom(reading: Reading, article: Article, lastOrganisation: string | null): Extraction[] {
  const text = reading.sentence.text;
  const named = ORGANISATIONS.find(([pattern]) => pattern.test(text))?.[1];
  // "It said 1,160 … are held": the organisation of the sentence just before speaks on.
  const organisation = named ?? lastOrganisation;
  if (!organisation || !POLITICAL_TOPIC.test(text)) return [];
  // "All 1,100 political prisoners must be freed" still counts them; "freed 16 prisoners" does not.
  if (assertsRelease(text) && !CUMULATIVE.test(text) && !NOT_AN_EVENT.test(text)) return [];
  const counts = reading.counts.filter((number) => isTotalCount(article, number));
  const starts = counts.map((count, index) =>
    index === 0 ? reading.sentence.start : clauseStart(article, counts[index - 1]?.end ?? 0, count.start),
  );
  return counts.map((count, index) => {
    const from = starts[index] ?? reading.sentence.start;
    const to = starts[index + 1] ?? reading.sentence.end;
    const stretch = article.text.slice(from, to);
    const inStretch = reading.dates.filter((d) => d.start >= from && d.start < to);
    const monthly = inStretch.filter((d) => d.date.length === 7);
    const metric = metricOf(article, count, stretch, monthly.length > 0);
    const date =
      metric === 'new_recognitions'
        ? (monthly[0] ?? inStretch.find((d) => d.date.length === 10) ?? null)
        : eventDate({ ...reading, dates: inStretch }, count.start);
    const observedOn =
      date?.date ??
      (metric !== 'new_recognitions'
        ? article.publishedOn
        : LAST_WEEK.test(stretch)
          ? monthOfWeekBefore(article.publishedOn)
          : article.publishedOn.slice(0, 7));
    return {
      kind: 'count_observation' as const,
      facts: {
        organisation,
        metric,
        count: count.value,
        qualifier: qualifierBefore(textBefore(article, count.start)),
        observedOn,
      },
      evidence: evidenceOf(reading.sentence),
      confidence: 0.7 + (date ? 0.15 : 0.05) - (named ? 0 : 0.15) - (counts.length > 1 ? 0.05 : 0),
    };
  });
}

/** "всего с июля 2024 года помилованы более 300 человек": a published count of the freed. */
function releasedTotalFrom(
  reading: Reading,
  article: Article,
  organisation: string | null,
): Extraction | null {
  const text = reading.sentence.text;
  if (!organisation || !RELEASE_VERB.test(text) || !RELEASED_SINCE.test(text)) return null;
  const count = reading.counts.find((number) => PRISONER_NOUN.test(textAfter(article, number.end)));
  if (!count) return null;
  return {
    kind: 'count_observation',
    facts: {
      organisation,
      metric: 'released',
      count: count.value,
      qualifier: qualifierBefore(textBefore(article, count.start)),
      observedOn: article.publishedOn,
    },
    evidence: evidenceOf(reading.sentence),
    confidence: 0.6,
  };
}

const NEW_SANCTIONS = withLetters(/\b(?:impos|new sanctions|tighten)|ввел\p{L}* (?:новые )?санкци|ужесточ/iu);

function concessionsFrom(reading: Reading): Extraction[] {
  const text = reading.sentence.text;
  if (!SANCTIONS.test(text) || !RELIEF.test(text) || DENIED.test(text) || NEW_SANCTIONS.test(text)) return [];
  const givers = counterpartsIn(text).filter(
    (c) =>
      c.name === 'United States' ||
      c.name === 'European Union' ||
      c.name === 'Lithuania' ||
      c.name === 'Poland',
  );
  const date = eventDate(reading, keywordAt(reading, SANCTIONS) ?? reading.sentence.start);
  const named = CONCESSION_TARGETS.filter(([pattern]) => pattern.test(text)).map(([, target]) => target);
  const targets = named.filter((target) => !named.some((other) => SUPERSEDED_TARGETS[other] === target));
  const make = (target: string | null): Extraction => {
    const facts: ConcessionFacts = {
      kind: 'sanctions_relief',
      target,
      givenBy: givers[0]?.name ?? null,
      announcedOn: date?.date ?? null,
    };
    return {
      kind: 'concession',
      facts,
      evidence: evidenceOf(reading.sentence),
      confidence: 0.6 + (target ? 0.2 : 0) + (givers.length > 0 ? 0.1 : 0),
    };
  };
  return targets.length > 0 ? targets.map(make) : [make(null)];
}

/** "US lifts sanctions" in a headline says less than the lead's "on potash": keep the specific one. */
function dropVagueConcessions(found: Extraction[]): Extraction[] {
  const specific = found.some((e) => e.kind === 'concession' && e.facts.target !== null);
  return specific ? found.filter((e) => e.kind !== 'concession' || e.facts.target !== null) : found;
}

function sameRelease(a: ReleaseEventFacts, b: ReleaseEventFacts): boolean {
  if (a.count !== null && b.count !== null) return a.count === b.count;
  if (a.releasedOn !== null && b.releasedOn !== null && a.releasedOn !== b.releasedOn) return false;
  return true;
}

function mergeInto(
  target: Extraction & { kind: 'release_event' },
  other: Extraction & { kind: 'release_event' },
) {
  const t = target.facts;
  const o = other.facts;
  if (t.count === null && o.count !== null) {
    t.count = o.count;
    t.qualifier = o.qualifier;
  }
  if (t.releasedOn === null || (t.releasedOn.length < 10 && (o.releasedOn?.length ?? 0) === 10)) {
    t.releasedOn = o.releasedOn ?? t.releasedOn;
    t.dateFrom = o.releasedOn ? o.dateFrom : t.dateFrom;
  }
  for (const person of o.people) if (!t.people.some((p) => p.name === person.name)) t.people.push(person);
  t.destination ??= o.destination;
  t.destinationCountry ??= o.destinationCountry;
  t.forcedExile ??= o.forcedExile;
  if (o.mode === 'pardon') t.mode = 'pardon';
  for (const counterpart of o.counterparts)
    if (!t.counterparts.includes(counterpart)) t.counterparts.push(counterpart);
  target.evidence.alsoAt.push({ start: other.evidence.start, end: other.evidence.end });
  target.confidence = Math.min(0.97, Math.max(target.confidence, other.confidence) + 0.03);
}

/** A headline, a lead and a later paragraph often report one release: fold them into one. */
function mergeReleases(found: Extraction[]): Extraction[] {
  const releases: (Extraction & { kind: 'release_event' })[] = [];
  const rest: Extraction[] = [];
  const withCount = found.filter(
    (e): e is Extraction & { kind: 'release_event' } => e.kind === 'release_event',
  );
  // Events with a count first, so an event naming people only joins the one it belongs to.
  withCount.sort((a, b) => (a.facts.count === null ? 1 : 0) - (b.facts.count === null ? 1 : 0));
  for (const extraction of withCount) {
    const same = releases.find((release) => sameRelease(release.facts, extraction.facts));
    if (same) mergeInto(same, extraction);
    else releases.push(extraction);
  }
  for (const extraction of found) if (extraction.kind !== 'release_event') rest.push(extraction);
  return [...releases, ...rest];
}

function dedupe(found: Extraction[]): Extraction[] {
  const seen = new Map<string, Extraction>();
  for (const extraction of found) {
    const key =
      extraction.kind === 'count_observation'
        ? `${extraction.kind}|${extraction.facts.organisation}|${extraction.facts.metric}|${extraction.facts.count}`
        : extraction.kind === 'concession'
          ? `${extraction.kind}|${extraction.facts.target ?? ''}`
          : extraction.kind === 'sentence' || extraction.kind === 'arrest'
            ? `${extraction.kind}|${extraction.facts.person.name}`
            : `${extraction.kind}|${extraction.evidence.start}`;
    const earlier = seen.get(key);
    if (!earlier) {
      seen.set(key, extraction);
      continue;
    }
    earlier.evidence.alsoAt.push({ start: extraction.evidence.start, end: extraction.evidence.end });
    if (extraction.kind === 'concession' && earlier.kind === 'concession') {
      earlier.facts.givenBy ??= extraction.facts.givenBy;
      earlier.facts.announcedOn ??= extraction.facts.announcedOn;
    }
    if (extraction.kind === 'sentence' && earlier.kind === 'sentence') {
      if (earlier.facts.articles.length === 0) earlier.facts.articles = extraction.facts.articles;
      earlier.facts.verdictOn ??= extraction.facts.verdictOn;
    }
    // "Журналіст … затрыманы. Яго затрымалі ў нядзелю.": the later sentence dates the same arrest.
    if (extraction.kind === 'arrest' && earlier.kind === 'arrest')
      earlier.facts.detainedOn ??= extraction.facts.detainedOn;
  }
  return [...seen.values()];
}

/** Everything the rules find in an article, each with its evidence; the same fact once. */
export function extractFacts(article: Article): Extraction[] {
  // publishedOn is already the day in the country's zone (readArticle), so days resolve in UTC.
  const context = { publishedOn: article.publishedOn, timeZone: 'UTC' };
  const articleDates = findDates(article.text, article.language, context);
  if (article.language === 'en' && /\p{Script=Cyrillic}/u.test(article.text))
    articleDates.push(
      ...findDates(article.text, 'ru', context).filter((d) => !articleDates.some((o) => overlaps(o, d))),
    );
  const readings = splitSentences(article.text).map((sentence) => read(sentence, article, articleDates));
  const found: Extraction[] = [];
  let lastOrganisation: string | null = null;
  let sentencesSinceOrganisation = 0;
  let previousRelease: (Extraction & { kind: 'release_event' }) | null = null;
  let previousPerson: NamedPerson | null = null;
  for (const [index, reading] of readings.entries()) {
    const named = ORGANISATIONS.find(([pattern]) => pattern.test(reading.sentence.text))?.[1] ?? null;
    sentencesSinceOrganisation = named ? 0 : sentencesSinceOrganisation + 1;
    if (named) lastOrganisation = named;
    const speaking = sentencesSinceOrganisation <= 1 ? lastOrganisation : null;
    const release = releaseFrom(reading, article);
    if (release) found.push(release);
    else if (previousRelease) dateFromFollowUp(previousRelease, reading);
    previousRelease = release?.kind === 'release_event' ? release : null;
    const before = found.length;
    found.push(
      ...datedByNext(sentencesFrom(reading), readings[index + 1]),
      ...arrestsFrom(reading),
      ...pronounArrest(reading, previousPerson),
    );
    found.push(...totalsFrom(reading, article, speaking));
    const releasedTotal = releasedTotalFrom(reading, article, named ?? speaking);
    if (releasedTotal) found.push(releasedTotal);
    found.push(...concessionsFrom(reading));
    previousPerson = onlyPerson(found.slice(before - (release ? 1 : 0)));
  }
  const merged = dropVagueConcessions(dedupe(mergeReleases(found)));
  const releases = merged.filter(
    (e): e is Extraction & { kind: 'release_event' } => e.kind === 'release_event',
  );
  const concessions = merged.filter((e): e is Extraction & { kind: 'concession' } => e.kind === 'concession');
  for (const release of releases) {
    // The freed go somewhere, and the concession has a giver: both are often told in other sentences.
    if (release.facts.destination === null) {
      for (const reading of readings) {
        if (!TRANSPORT.test(reading.sentence.text)) continue;
        const destination = destinationIn(reading.sentence.text);
        if (!destination) continue;
        release.facts.destination = destination.name;
        release.facts.destinationCountry = destination.code;
        release.facts.forcedExile ??= FORCED_EXILE.test(reading.sentence.text) ? true : null;
        break;
      }
    }
    for (const concession of concessions) {
      const giver = concession.facts.givenBy;
      if (giver && !release.facts.counterparts.includes(giver)) release.facts.counterparts.push(giver);
    }
    if (release.facts.mode === 'other' && release.facts.counterparts.length > 0)
      release.facts.mode = 'negotiated';
    if (release.facts.releasedOn === null) {
      release.facts.releasedOn = article.publishedOn;
      release.facts.dateFrom = 'publication';
      release.confidence -= 0.1;
    }
  }
  for (const extraction of merged)
    extraction.confidence = Math.round(Math.max(0.05, Math.min(0.99, extraction.confidence)) * 100) / 100;
  return merged;
}
