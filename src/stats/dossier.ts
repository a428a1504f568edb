import { addDays, addMonths, ageOn, assertIsoDay, daysBetween, spanOf, type DaySpan } from './calendar.js';
import type { ConditionFact, EpisodeFact, PersonFact } from './facts.js';
import { personsHeldOn } from './stock.js';

/**
 * Country dossier for diplomats: the people held on a day who have ties to a country, and a priority
 * list of those whose situation is most at risk, each reason shown as text with its score.
 *
 * Anonymous persons are counted, never listed: no id of theirs appears anywhere in the result.
 *
 * Reasons and default scores (a reason that partial dates make only possible scores half):
 *  - health_alert (30): a health alert ongoing on the day or ended within the look-back (365 days);
 *  - torture_report (25): a torture report within the look-back;
 *  - incommunicado (25): incommunicado on the day;
 *  - punishment_cell (15): at least 30 days in SHIZO/PKT during the current detention;
 *  - age (15): aged 60 or more on the day (from a partial birth date: certain or possible);
 *  - long_remaining_term (10): at least 36 months left of the sentence, counted from the detention
 *    (pre-trial time counts toward the term; appeals, reductions and new cases are not foreseen).
 */

export type RiskKind =
  'health_alert' | 'torture_report' | 'incommunicado' | 'punishment_cell' | 'age' | 'long_remaining_term';

export const RISK_KINDS: readonly RiskKind[] = [
  'health_alert',
  'torture_report',
  'incommunicado',
  'punishment_cell',
  'age',
  'long_remaining_term',
];

export const DEFAULT_RISK_WEIGHTS: Readonly<Record<RiskKind, number>> = {
  health_alert: 30,
  torture_report: 25,
  incommunicado: 25,
  punishment_cell: 15,
  age: 15,
  long_remaining_term: 10,
};

export interface DossierOptions {
  weights?: Partial<Record<RiskKind, number>>;
  /** How far back a health alert or torture report still counts. */
  lookbackDays?: number;
  ageThreshold?: number;
  punishmentCellDays?: number;
  remainingTermMonths?: number;
  /** Share of the score a merely possible reason gets. */
  possibleFactor?: number;
}

export interface RiskReason {
  kind: RiskKind;
  text: string;
  /** false when partial dates make the reason possible but not certain. */
  certain: boolean;
  score: number;
}

export interface PriorityEntry {
  personId: string;
  /** Held on the day under every reading of the dates, or only under some. */
  held: 'certain' | 'possible';
  score: number;
  reasons: RiskReason[];
}

export interface CountryDossier {
  country: string;
  day: string;
  /** Named persons with ties to the country held on the day. */
  held: { certain: string[]; possible: string[] };
  /** Anonymous persons with ties to the country: counts only. */
  anonymousHeld: { certain: number; possible: number };
  /** Named persons with at least one reason, highest score first. */
  priority: PriorityEntry[];
  /** Anonymous persons with at least one reason, and how many have each reason: counts only. */
  anonymousPriority: { persons: number; byReason: Record<RiskKind, number> };
}

type Answer = 'yes' | 'maybe' | 'no';

const PUNISHMENT_CELL_KINDS = new Set(['shizo', 'pkt']);

/** Active on `day`: started on or before it and not yet ended (unknown start = possibly started). */
function activeOn(condition: ConditionFact, day: string): Answer {
  const start = condition.startedOn === null ? null : spanOf(condition.startedOn);
  const end = condition.endedOn === null ? null : spanOf(condition.endedOn);
  if (start && start.first > day) return 'no';
  if (end && end.last <= day) return 'no';
  const certainlyStarted = start !== null && start.last <= day;
  const certainlyNotEnded = end === null || end.first > day;
  return certainlyStarted && certainlyNotEnded ? 'yes' : 'maybe';
}

/**
 * Recent enough to matter on `day`: started by the day and not over before the look-back began. A
 * health alert without an end date is ongoing, whatever its start; a torture report without an end date
 * is an event on its start date.
 */
function recent(condition: ConditionFact, day: string, lookbackDays: number): Answer {
  if (condition.startedOn === null) return 'maybe';
  const start = spanOf(condition.startedOn);
  if (start.first > day) return 'no';
  const from = addDays(day, -lookbackDays);
  const ongoing = condition.endedOn === null && condition.kind.toLowerCase() === 'health_alert';
  const lastDay = condition.endedOn === null ? start : spanOf(condition.endedOn);
  if (!ongoing && lastDay.last < from) return 'no';
  const certainlyStarted = start.last <= day;
  const certainlyRecent = ongoing || lastDay.first >= from;
  return certainlyStarted && certainlyRecent ? 'yes' : 'maybe';
}

const days = (n: number): string => (n === 1 ? '1 day' : `${n} days`);

function describeSpan(condition: ConditionFact): string {
  if (condition.startedOn === null) return '(date unknown)';
  if (condition.endedOn === null) {
    return condition.kind.toLowerCase() === 'health_alert'
      ? `since ${condition.startedOn}`
      : condition.startedOn;
  }
  return `${condition.startedOn} – ${condition.endedOn}`;
}

function latestFirst(a: ConditionFact, b: ConditionFact): number {
  const aStart = a.startedOn === null ? '' : spanOf(a.startedOn).first;
  const bStart = b.startedOn === null ? '' : spanOf(b.startedOn).first;
  return bStart.localeCompare(aStart);
}

interface Context {
  day: string;
  lookbackDays: number;
  ageThreshold: number;
  punishmentCellDays: number;
  remainingTermMonths: number;
}

type Found = Omit<RiskReason, 'score'>;

function conditionReason(
  kind: 'health_alert' | 'torture_report',
  conditions: readonly ConditionFact[],
  context: Context,
): Found | null {
  const label = kind === 'health_alert' ? 'health alert' : 'torture report';
  const matches = conditions
    .filter((condition) => condition.kind.toLowerCase() === kind)
    .map((condition) => ({ condition, answer: recent(condition, context.day, context.lookbackDays) }))
    .filter((match) => match.answer !== 'no');
  if (matches.length === 0) return null;
  const certain = matches.some((match) => match.answer === 'yes');
  const shown = matches
    .filter((match) => !certain || match.answer === 'yes')
    .map((match) => match.condition)
    .sort(latestFirst);
  const latest = shown[0] as ConditionFact;
  const more = matches.length > 1 ? ` (${matches.length} in all)` : '';
  return { kind, certain, text: `${label} ${describeSpan(latest)}${more}` };
}

function incommunicadoReason(conditions: readonly ConditionFact[], context: Context): Found | null {
  const matches = conditions
    .filter((condition) => condition.kind.toLowerCase() === 'incommunicado')
    .map((condition) => ({ condition, answer: activeOn(condition, context.day) }))
    .filter((match) => match.answer !== 'no');
  if (matches.length === 0) return null;
  const certain = matches.some((match) => match.answer === 'yes');
  const condition = matches
    .filter((match) => !certain || match.answer === 'yes')
    .map((match) => match.condition)
    .sort(latestFirst)[0] as ConditionFact;
  const since =
    condition.startedOn === null
      ? 'incommunicado since an unknown date'
      : `incommunicado since ${condition.startedOn} (at least ${days(Math.max(0, daysBetween(spanOf(condition.startedOn).last, context.day)))})`;
  return { kind: 'incommunicado', certain, text: since };
}

/** Days in SHIZO/PKT since the current detention began, up to the day: {min, max}. */
function punishmentCellReason(
  conditions: readonly ConditionFact[],
  detention: DaySpan,
  context: Context,
): Found | null {
  let min = 0;
  let max = 0;
  let undated = 0;
  for (const condition of conditions) {
    if (!PUNISHMENT_CELL_KINDS.has(condition.kind.toLowerCase())) continue;
    if (condition.startedOn === null) {
      undated += 1;
      continue;
    }
    const start = spanOf(condition.startedOn);
    if (start.first > context.day || start.last < detention.first) continue; // not in this detention
    const end = condition.endedOn === null ? null : spanOf(condition.endedOn);
    const endEarliest = end === null || end.first > context.day ? context.day : end.first;
    const endLatest = end === null || end.last > context.day ? context.day : end.last;
    const certainlyThisDetention = start.first >= detention.last;
    if (certainlyThisDetention) min += Math.max(0, daysBetween(start.last, endEarliest));
    max += Math.max(0, daysBetween(start.first < detention.first ? detention.first : start.first, endLatest));
  }
  if (max < context.punishmentCellDays) return null;
  const range = min === max ? `${min}` : `${min}–${max}`;
  const undatedText = undated > 0 ? `, plus ${undated} placement(s) without dates` : '';
  return {
    kind: 'punishment_cell',
    certain: min >= context.punishmentCellDays,
    text: `${range} days in SHIZO/PKT during this detention${undatedText}`,
  };
}

function ageReason(person: PersonFact, context: Context): Found | null {
  if (person.birthDate === null) return null;
  const age = ageOn(person.birthDate, context.day);
  if (age.max < context.ageThreshold) return null;
  const text =
    age.min === age.max ? `aged ${age.min}` : `aged ${age.min}–${age.max} (born ${person.birthDate})`;
  return { kind: 'age', certain: age.min >= context.ageThreshold, text };
}

function remainingTermReason(held: readonly EpisodeFact[], context: Context): Found | null {
  let best: Found | null = null;
  for (const episode of held) {
    if (episode.sentenceMonths === null || episode.sentenceMonths <= 0) continue;
    const detained = spanOf(episode.detainedOn);
    const months = Math.round(episode.sentenceMonths);
    const endFirst = addMonths(detained.first, months);
    const endLast = addMonths(detained.last, months);
    const threshold = addMonths(context.day, context.remainingTermMonths);
    if (endLast < threshold) continue;
    const certain = endFirst >= threshold;
    const left = {
      min: Math.max(0, daysBetween(context.day, endFirst)),
      max: daysBetween(context.day, endLast),
    };
    const years = (days: number): string => (days / 365.2425).toFixed(1);
    const leftText = left.min === left.max ? `${years(left.min)}` : `${years(left.min)}–${years(left.max)}`;
    const ends = endFirst === endLast ? endFirst : `${endFirst} … ${endLast}`;
    const found: Found = {
      kind: 'long_remaining_term',
      certain,
      text: `${leftText} years left of a ${months}-month sentence (term ends ${ends})`,
    };
    if (!best || (certain && !best.certain)) best = found;
  }
  return best;
}

function groupByPerson<T extends { personId: string }>(items: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(item.personId);
    if (group) group.push(item);
    else groups.set(item.personId, [item]);
  }
  return groups;
}

export function countryDossier(
  input: {
    persons: readonly PersonFact[];
    episodes: readonly EpisodeFact[];
    conditions: readonly ConditionFact[];
  },
  country: string,
  day: string,
  options: DossierOptions = {},
): CountryDossier {
  assertIsoDay(day);
  const code = country.trim().toUpperCase();
  const weights = Object.fromEntries(
    RISK_KINDS.map((kind) => [kind, options.weights?.[kind] ?? DEFAULT_RISK_WEIGHTS[kind]]),
  ) as Record<RiskKind, number>;
  const possibleFactor = options.possibleFactor ?? 0.5;
  const context: Context = {
    day,
    lookbackDays: options.lookbackDays ?? 365,
    ageThreshold: options.ageThreshold ?? 60,
    punishmentCellDays: options.punishmentCellDays ?? 30,
    remainingTermMonths: options.remainingTermMonths ?? 36,
  };

  const tied = new Map(
    input.persons
      .filter((person) => person.ties.some((tie) => tie.country.trim().toUpperCase() === code))
      .map((person) => [person.id, person]),
  );
  const episodes = input.episodes.filter((episode) => tied.has(episode.personId));
  const held = personsHeldOn(episodes, day);
  const episodesOf = groupByPerson(episodes);
  const conditionsOf = groupByPerson(input.conditions.filter((condition) => tied.has(condition.personId)));

  const named = { certain: [] as string[], possible: [] as string[] };
  const anonymousHeld = { certain: 0, possible: 0 };
  const priority: PriorityEntry[] = [];
  const anonymousPriority = {
    persons: 0,
    byReason: Object.fromEntries(RISK_KINDS.map((kind) => [kind, 0])) as Record<RiskKind, number>,
  };

  const consider = (personId: string, heldAnswer: 'certain' | 'possible'): void => {
    const person = tied.get(personId) as PersonFact;
    const conditions = conditionsOf.get(personId) ?? [];
    const heldEpisodes = (episodesOf.get(personId) ?? []).filter((episode) => {
      const detained = spanOf(episode.detainedOn);
      const released = episode.releasedOn === null ? null : spanOf(episode.releasedOn);
      return detained.first <= day && (released === null || released.last > day);
    });
    // The current detention: the latest that may have begun by the day.
    const current = heldEpisodes
      .map((episode) => spanOf(episode.detainedOn))
      .sort((a, b) => b.first.localeCompare(a.first))[0];
    const found = [
      conditionReason('health_alert', conditions, context),
      conditionReason('torture_report', conditions, context),
      incommunicadoReason(conditions, context),
      current ? punishmentCellReason(conditions, current, context) : null,
      ageReason(person, context),
      remainingTermReason(heldEpisodes, context),
    ].filter((reason): reason is Found => reason !== null);
    const reasons = found.map((reason) => ({
      ...reason,
      score: reason.certain ? weights[reason.kind] : weights[reason.kind] * possibleFactor,
    }));

    if (person.anonymous) {
      anonymousHeld[heldAnswer] += 1;
      if (reasons.length > 0) anonymousPriority.persons += 1;
      for (const reason of reasons) anonymousPriority.byReason[reason.kind] += 1;
      return;
    }
    named[heldAnswer].push(personId);
    if (reasons.length > 0) {
      priority.push({
        personId,
        held: heldAnswer,
        score: reasons.reduce((total, reason) => total + reason.score, 0),
        reasons: reasons.sort((a, b) => b.score - a.score || a.kind.localeCompare(b.kind)),
      });
    }
  };
  for (const personId of held.certain) consider(personId, 'certain');
  for (const personId of held.possible) consider(personId, 'possible');

  priority.sort((a, b) => b.score - a.score || a.personId.localeCompare(b.personId));
  return { country: code, day, held: named, anonymousHeld, priority, anonymousPriority };
}
