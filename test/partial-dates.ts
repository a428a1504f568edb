import fc from 'fast-check';
import { addDays } from '../src/lib/partial-date.js';
import type { RegistryPerson } from '../src/modules/bulk/bulk.schema.js';

export type Precision = 'year' | 'month' | 'day';

/** How precisely a random date is recorded: a year, a month, or (twice as often) a day. */
export const aPrecision = fc.constantFrom<Precision>('year', 'month', 'day', 'day');

/** An ISO day as recorded to that precision: "2021", "2021-03" or "2021-03-14". */
export const recordedAs = (day: string, precision: Precision): string =>
  precision === 'year' ? day.slice(0, 4) : precision === 'month' ? day.slice(0, 7) : day;

type RegistryEpisode = RegistryPerson['episodes'][number];

/** A drawn episode: detained `start` days after 2016-01-01, released `length` days later (null: open). */
export interface DrawnEpisode {
  start: number;
  length: number | null;
  detained: Precision;
  released: Precision;
}

/**
 * A drawn episode as an episode of a registry bundle, from `template`: released at least a day after
 * the detention and by the end of 2025 (the fixed clock's today is in January 2026, and no date may
 * be in the future), or left open when `open`.
 */
export function drawnEpisode(
  template: RegistryEpisode,
  id: string,
  entry: DrawnEpisode,
  open: boolean,
  release: Pick<NonNullable<RegistryEpisode['release']>, 'mode' | 'batchId'>,
): RegistryEpisode {
  const detained = addDays('2016-01-01', entry.start);
  const releasedDay = addDays(detained, Math.max(1, entry.length ?? 1));
  const released = releasedDay > '2025-12-31' ? '2025-12-31' : releasedDay;
  return {
    ...template,
    id,
    detainedOn: recordedAs(detained, entry.detained),
    verdictOn: null,
    charges: [],
    facilityStays: [],
    release: open ? null : { releasedOn: recordedAs(released, entry.released), ...release },
  };
}
