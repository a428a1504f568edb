import type { RegistryBundle, RegistryPerson } from '../modules/bulk/bulk.schema.js';
import { addDays, daysBetween } from '../lib/partial-date.js';
import { type Random, SYNTHETIC_BIOGRAPHY, mulberry32, pick, streamPersons } from './names.js';

/**
 * A seeded SYNTHETIC registry for benchmarks and `unfree generate`: persons with Belarusian and
 * Russian names (names.ts), detention episodes with partial dates, charges, facility stays,
 * releases by every mode (negotiated ones inside release batches), re-arrests, condition events and
 * recognitions. Same (persons, seed), same registry, ids included.
 *
 * Everything is marked: every person has the occupation `synthetic` and SYNTHETIC_BIOGRAPHY,
 * facilities, batches and the recognising organisation are called "Synthetic …". Legal articles are
 * real article numbers of the Belarusian Criminal Code (law, not facts about anyone).
 */

export const SYNTHETIC_OCCUPATION = 'synthetic';
export const SYNTHETIC_ORGANISATION = 'Synthetic Rights Centre';

export interface SyntheticRegistryOptions {
  readonly persons: number;
  readonly seed: number;
  /** The last day anything may happen on (default 2026-11-30): no date is generated after it. */
  readonly today?: string;
}

const FIRST_DAY = '2016-01-01';
const MASS_ARRESTS_FROM = '2020-08-01';
const DEFAULT_TODAY = '2026-11-30';

// prettier-ignore
const ARTICLES: readonly (readonly [string, string])[] = [
  ['342', 'Organisation of, or active participation in, group actions grossly violating public order'],
  ['361-1', 'Creation of, or participation in, an extremist formation'],
  ['130', 'Incitement to hatred'], ['369', 'Insulting a representative of the authorities'],
  ['368', 'Insulting the President'], ['364', 'Violence or threat of violence against a police officer'],
  ['293', 'Mass riots'], ['356', 'Treason'], ['361', 'Calls to action damaging national security'],
  ['411', 'Malicious disobedience to the administration of a correctional institution'],
  ['367', 'Defamation of the President'], ['423', 'Sabotage'],
];

const FACILITY_TYPES = [
  'pretrial_centre',
  'colony',
  'colony',
  'colony',
  'prison',
  'restricted_freedom_centre',
] as const;
const CITIES = ['Minsk', 'Homiel', 'Mahiliou', 'Viciebsk', 'Hrodna', 'Brest', 'Babruisk', 'Navapolack'];
const TIE_COUNTRIES = ['PL', 'LT', 'DE', 'US', 'UA', 'LV'];
const DESTINATIONS = ['LT', 'PL', 'UA', 'DE'];

/** Deterministic UUIDv7-shaped id: a time part that grows with `counter`, then PRNG bits. */
function idMaker(random: Random, epoch: number): () => string {
  let counter = 0;
  return () => {
    const time = (epoch + counter++).toString(16).padStart(12, '0');
    let rest = '';
    for (let i = 0; i < 5; i++)
      rest += Math.floor(random() * 0x10000)
        .toString(16)
        .padStart(4, '0');
    const variant = ((parseInt(rest.slice(4, 5), 16) & 0x3) | 0x8).toString(16);
    return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${rest.slice(0, 3)}-${variant}${rest.slice(5, 8)}-${rest.slice(8, 20)}`;
  };
}

const between = (random: Random, low: number, high: number): number =>
  low + Math.floor(random() * (high - low + 1));

/** A day as a partial date: mostly the day, sometimes only its month or its year. */
function partial(random: Random, day: string, monthShare: number, yearShare: number): string {
  const roll = random();
  if (roll < yearShare) return day.slice(0, 4);
  if (roll < yearShare + monthShare) return day.slice(0, 7);
  return day;
}

/** The last day a partial date may stand for (the generator keeps later events after it). */
function lastDayOf(date: string): string {
  if (date.length === 10) return date;
  if (date.length === 7) return addDays(`${nextMonth(date)}-01`, -1);
  return `${date}-12-31`;
}

function nextMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

const minDay = (a: string, b: string): string => (a < b ? a : b);

interface Fixed {
  articles: RegistryBundle['articles'];
  facilities: RegistryBundle['facilities'];
  batches: RegistryBundle['batches'];
}

function fixedRecords(persons: number, random: Random, newId: () => string, today: string): Fixed {
  const articles = ARTICLES.map(([number, titleEn]) => ({
    id: newId(),
    code: 'BY-CC',
    number,
    titleEn,
    titleBe: null,
    titleRu: null,
  }));
  const facilityCount = Math.max(4, Math.min(60, Math.round(persons / 500)));
  const facilities = Array.from({ length: facilityCount }, (_, index) => ({
    id: newId(),
    name: `Synthetic facility No. ${index + 1}`,
    type: FACILITY_TYPES[index % FACILITY_TYPES.length] ?? 'colony',
    city: pick(random, CITIES),
    region: null,
    postalAddress: null,
    letterNotes: null,
    visibility: 'public' as const,
  }));
  const batchCount = Math.max(2, Math.round(persons / 400));
  const span = daysBetween(MASS_ARRESTS_FROM, today);
  const batches = Array.from({ length: batchCount }, (_, index) => {
    const releasedOn = addDays(MASS_ARRESTS_FROM, 120 + Math.floor(random() * (span - 120)));
    return {
      id: newId(),
      releasedOn,
      announcedCount: null,
      title: `Synthetic release batch ${index + 1}`,
      destinationNote: null,
      forcedExile: random() < 0.6,
      description: null,
      counterparts: [],
      concessions: [],
      visibility: 'public' as const,
    };
  }).sort((a, b) => (a.releasedOn < b.releasedOn ? -1 : 1));
  return { articles, facilities, batches };
}

/** A detention day: a tail since 2016, most since the mass arrests of August 2020. */
function detentionDay(random: Random, from: string, today: string): string {
  const start = from > MASS_ARRESTS_FROM || random() < 0.25 ? from : MASS_ARRESTS_FROM;
  const span = daysBetween(start, today) - 1;
  return addDays(start, Math.floor(random() * Math.max(1, span)));
}

const RELEASE_MODE_ROLL = [
  [0.45, 'pardon'],
  [0.75, 'negotiated'],
  [0.85, 'deportation'],
  [0.93, 'amnesty'],
  [0.98, 'case_closed'],
  [1, 'death_in_custody'],
] as const;

type Episode = RegistryPerson['episodes'][number];

/**
 * Every record of the registry in a stable order: the fixed records first (`fixed`), then one
 * person at a time with their episodes, condition events and recognitions (`persons`), so a million
 * persons stream instead of being held at once.
 */
export function syntheticRegistry(options: SyntheticRegistryOptions): {
  fixed: Fixed;
  persons: Generator<RegistryPerson>;
} {
  const today = options.today ?? DEFAULT_TODAY;
  const random = mulberry32(options.seed ^ 0x5bd1e995);
  const newId = idMaker(random, 1_767_000_000_000);
  const fixed = fixedRecords(options.persons, random, newId, today);

  function batchAfter(day: string): RegistryBundle['batches'][number] | null {
    const later = fixed.batches.filter((batch) => batch.releasedOn > day);
    return later.length === 0 ? null : pick(random, later.slice(0, 6));
  }

  function episodeFrom(detainedDay: string): Episode {
    const detainedOn = partial(random, detainedDay, 0.09, 0.03);
    const detainedLast = lastDayOf(detainedOn);
    const sentenceMonths = pick(random, [6, 12, 18, 24, 30, 36, 48, 60, 72, 96, 120, 180]);
    const verdictDay = addDays(detainedLast, between(random, 40, 220));
    const sentenced = verdictDay < today;
    const charges = Array.from({ length: random() < 0.3 ? 2 : 1 }, (_, index) => ({
      articleId: (index === 0 ? pick(random, fixed.articles.slice(0, 5)) : pick(random, fixed.articles)).id,
      part: random() < 0.5 ? '1' : '2',
      note: null,
    }));
    let release: Episode['release'] = null;
    // A term ends after its verdict, even a short term after a long trial.
    const termEnds = addDays(
      detainedLast,
      Math.max(Math.round(sentenceMonths * 30.4), daysBetween(detainedLast, verdictDay) + 30),
    );
    if (termEnds < today && random() < 0.8) {
      release = { releasedOn: termEnds, mode: 'sentence_served', batchId: null, forcedExile: false };
    } else if (random() < 0.3) {
      const roll = random();
      const mode = RELEASE_MODE_ROLL.find(([limit]) => roll < limit)?.[1] ?? 'pardon';
      const early = addDays(
        detainedLast,
        between(random, 30, Math.max(31, daysBetween(detainedLast, today) - 1)),
      );
      const batch = mode === 'negotiated' ? batchAfter(detainedLast) : null;
      if (mode !== 'negotiated' || batch) {
        release = {
          releasedOn: batch ? batch.releasedOn : minDay(early, addDays(today, -1)),
          mode,
          batchId: batch?.id ?? null,
          forcedExile: batch ? batch.forcedExile : mode === 'deportation',
        };
      }
    }
    if (release && release.releasedOn <= detainedLast) release = null;
    const convicted = sentenced && (!release || release.releasedOn > verdictDay);
    const pretrial = fixed.facilities.filter((facility) => facility.type === 'pretrial_centre');
    const colonies = fixed.facilities.filter((facility) => facility.type !== 'pretrial_centre');
    const releasedOn = release?.releasedOn ?? null;
    const facilityStays = [
      {
        facilityId: pick(random, pretrial).id,
        from: detainedOn,
        to: convicted ? verdictDay : releasedOn,
        note: null,
      },
    ];
    if (convicted)
      facilityStays.push({
        facilityId: pick(random, colonies).id,
        from: verdictDay,
        to: releasedOn,
        note: null,
      });
    return {
      id: newId(),
      detainedOn,
      place: null,
      preTrialMeasure: 'custody',
      court: null,
      verdictOn: convicted ? verdictDay : null,
      sentenceMonths: convicted ? sentenceMonths : null,
      sentenceRegime: convicted
        ? pick(random, ['general', 'strengthened', 'strict', 'strict', 'prison'] as const)
        : null,
      sentenceNote: null,
      charges,
      facilityStays: release
        ? facilityStays.map((stay) => ({ ...stay, to: stay.to ?? release.releasedOn }))
        : facilityStays,
      release: release && {
        releasedOn: partial(random, release.releasedOn, release.batchId ? 0 : 0.06, 0),
        mode: release.mode,
        batchId: release.batchId,
        destinationCountry: release.forcedExile ? pick(random, DESTINATIONS) : null,
        forcedExile: release.forcedExile,
        citizenshipStripped: release.forcedExile ? random() < 0.3 : false,
        note: null,
      },
      visibility: 'public',
    };
  }

  function* persons(): Generator<RegistryPerson> {
    for (const person of streamPersons(options.persons, options.seed)) {
      const episodes: Episode[] = [episodeFrom(detentionDay(random, FIRST_DAY, today))];
      // Re-arrest: about one released person in six is detained again.
      for (let last = episodes[0]; last?.release && random() < 0.17; last = episodes[episodes.length - 1]) {
        const again = addDays(lastDayOf(last.release.releasedOn), between(random, 30, 900));
        if (again >= today) break;
        episodes.push(episodeFrom(again));
      }
      const firstDetained = lastDayOf(episodes[0]?.detainedOn ?? FIRST_DAY);
      const lastRelease = episodes[episodes.length - 1]?.release?.releasedOn ?? null;
      const recognisedDay = addDays(firstDetained, between(random, 14, 150));
      const roll = random();
      const conditionEvents = episodes.flatMap((episode) => {
        if (random() >= 0.12) return [];
        const from = addDays(lastDayOf(episode.detainedOn), between(random, 30, 400));
        if (from >= today || (episode.release && from >= lastDayOf(episode.release.releasedOn))) return [];
        return [
          {
            id: newId(),
            episodeId: episode.id,
            kind: pick(random, [
              'shizo',
              'shizo',
              'pkt',
              'incommunicado',
              'health_alert',
              'new_case',
            ] as const),
            startedOn: from,
            endedOn: minDay(addDays(from, between(random, 5, 90)), today),
            description: null,
            visibility: 'public' as const,
          },
        ];
      });
      yield {
        id: person.id,
        names: person.names.map((name) => ({ ...name, system: name.system ?? null })),
        birthDate: partial(random, addDays('1950-01-01', Math.floor(random() * 20000)), 0.1, 0.4),
        gender: person.gender,
        region: pick(random, CITIES),
        occupations: [SYNTHETIC_OCCUPATION],
        ties:
          random() < 0.04
            ? [
                {
                  kind: random() < 0.5 ? 'citizenship' : 'family',
                  country: pick(random, TIE_COUNTRIES),
                  note: null,
                },
              ]
            : [],
        biography: SYNTHETIC_BIOGRAPHY,
        internalNotes: null,
        contacts: null,
        visibility: roll < 0.94 ? 'public' : roll < 0.99 ? 'internal' : 'confidential',
        anonymous: random() < 0.02,
        episodes,
        conditionEvents,
        recognitions:
          recognisedDay < today && random() < 0.9
            ? [
                {
                  id: newId(),
                  organisation: SYNTHETIC_ORGANISATION,
                  recognisedOn: recognisedDay,
                  endedOn:
                    lastRelease !== null && lastDayOf(lastRelease) > recognisedDay ? lastRelease : null,
                  endReason:
                    lastRelease !== null && lastDayOf(lastRelease) > recognisedDay ? 'released' : null,
                  afterRelease: false,
                  note: null,
                  visibility: 'public' as const,
                },
              ]
            : [],
      };
    }
  }

  return { fixed, persons: persons() };
}
